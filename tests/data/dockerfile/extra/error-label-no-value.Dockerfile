FROM alpine
LABEL version
