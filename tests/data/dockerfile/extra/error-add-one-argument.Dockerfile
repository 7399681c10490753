FROM alpine
ADD app
