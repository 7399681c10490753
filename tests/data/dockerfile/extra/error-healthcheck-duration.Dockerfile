FROM alpine
HEALTHCHECK --interval=1x CMD true
