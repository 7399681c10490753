FROM alpine
INSTALL curl
