FROM alpine
COPY app
