COPY --x=a\ b -- --y c
