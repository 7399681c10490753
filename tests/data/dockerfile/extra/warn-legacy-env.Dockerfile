FROM alpine
ENV A 1
