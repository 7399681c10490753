FROM x
RUN [null]
