FROM alpine AS Build
RUN true
