# check=skip=JSONArgsRecommended
FROM alpine
CMD node server.js
