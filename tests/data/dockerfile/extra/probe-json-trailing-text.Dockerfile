RUN ["a"] extra
