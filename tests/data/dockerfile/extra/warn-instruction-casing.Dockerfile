FROM alpine
RUN true
run false
