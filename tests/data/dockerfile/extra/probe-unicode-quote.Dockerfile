RUN café ​  x �
