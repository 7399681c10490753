# syntax=docker/dockerfile:1
ARG GO=1.22
FROM golang:${GO} AS build
WORKDIR /src
COPY --link go.mod ./
RUN --mount=type=cache,target=/root/.cache go build -o /app .

FROM scratch
COPY --from=build --chmod=0755 /app /app
STOPSIGNAL SIGTERM
SHELL ["/bin/sh", "-c"]
ENTRYPOINT ["/app"]
