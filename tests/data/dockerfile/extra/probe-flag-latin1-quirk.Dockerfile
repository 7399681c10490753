COPY --chown=àb x y
