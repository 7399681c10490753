RUN --network=none
