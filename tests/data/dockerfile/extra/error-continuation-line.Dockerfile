FROM alpine
RUN echo \
  hi
COPYY a b
