FROM alpine
EXPOSE 80/xyz
