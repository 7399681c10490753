RUN ["sh", "<<EOF"]
