FROM x
ENV a=1 b
