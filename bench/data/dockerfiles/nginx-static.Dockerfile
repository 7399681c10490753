FROM nginx:1.25-alpine
LABEL maintainer="web team <web@example.com>"
RUN rm -rf /usr/share/nginx/html/* \
 && mkdir -p /var/cache/nginx/client_temp

COPY nginx.conf /etc/nginx/nginx.conf
COPY ["site/", "/usr/share/nginx/html/"]
RUN <<EOT sh
set -e
chown -R nginx:nginx /usr/share/nginx/html
chmod -R 755 /usr/share/nginx/html
EOT
ONBUILD COPY site/ /usr/share/nginx/html/
ONBUILD RUN nginx -t
EXPOSE 80 443
HEALTHCHECK CMD wget -q -O - http://localhost/ || exit 1
STOPSIGNAL SIGQUIT
CMD ["nginx", "-g", "daemon off;"]
