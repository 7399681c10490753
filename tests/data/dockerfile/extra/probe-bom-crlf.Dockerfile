FROM x
RUN a \
  b
