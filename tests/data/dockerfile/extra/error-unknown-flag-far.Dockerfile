FROM alpine
COPY --verbose a b
