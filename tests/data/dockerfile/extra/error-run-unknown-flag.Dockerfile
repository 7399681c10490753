FROM alpine
RUN --mnt=type=cache,target=/x make
