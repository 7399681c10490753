RUN ab
