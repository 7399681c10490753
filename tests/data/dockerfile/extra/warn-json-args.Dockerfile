FROM alpine
CMD node server.js
ENTRYPOINT top -b
