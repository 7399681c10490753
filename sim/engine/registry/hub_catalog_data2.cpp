// hub_catalog_data2: alpine, ubuntu, busybox, nginx, httpd and redis, and
// the alpine variants of node and python, as Docker Hub served them in
// mid-January 2025. nginx, httpd and redis sit on debian:bookworm-slim (from
// hub_catalog_data.cpp); the alpine variants on alpine:3.21's single layer.
// Data: layers that look alike are the images' own records (same base, same shapes).
#include <string>

#include "sim/engine/registry/hub_catalog_defs.hpp"
#include "sim/fs/sha256.hpp"

namespace layerlab::engine::hub::detail {

namespace {

std::string alpineOsRelease(const std::string& version) {
    const std::string minor = version.substr(0, version.rfind('.'));
    return "NAME=\"Alpine Linux\"\nID=alpine\nVERSION_ID=" + version + "\nPRETTY_NAME=\"Alpine Linux v" + minor +
           "\"\nHOME_URL=\"https://alpinelinux.org/\"\n"
           "BUG_REPORT_URL=\"https://gitlab.alpinelinux.org/alpine/aports/-/issues\"\n";
}

ImageDef alpine(const std::string& version, std::vector<std::string> tags, int64_t created, uint64_t size) {
    ImageDef d;
    d.repository = "library/alpine";
    d.tags = std::move(tags);
    d.createdMs = created;
    StepSpec add;
    add.createdBy = "ADD alpine-minirootfs-" + version + "-x86_64.tar.gz / # buildkit";
    add.comment = "buildkit.dockerfile.v0";
    add.emptyLayer = false;
    add.size = size;
    add.compressed = size * 465 / 1000;
    add.files = {file("etc/os-release", alpineOsRelease(version)),
                 file("etc/alpine-release", version + "\n"),
                 exe("bin/busybox",
                     "\x7f"
                     "ELF BusyBox v1.37.0 (simulated binary)\n"),
                 link("bin/sh", "/bin/busybox"),
                 link("bin/ls", "/bin/busybox"),
                 link("bin/cat", "/bin/busybox"),
                 link("bin/echo", "/bin/busybox"),
                 exe("sbin/apk",
                     "\x7f"
                     "ELF apk-tools 2.14 (simulated binary)\n"),
                 file("etc/passwd", "root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/:/sbin/nologin\n"),
                 dir("tmp"),
                 dir("root"),
                 dir("home"),
                 dir("usr/local/bin")};
    d.steps = {add, metaStep("CMD [\"/bin/sh\"]")};
    d.config.env = {kDefaultPath};
    d.config.cmd = std::vector<std::string>{"/bin/sh"};
    return d;
}

ImageDef ubuntu(const std::string& version, const std::string& pretty, const std::string& codename,
                std::vector<std::string> tags, int64_t created, uint64_t size) {
    ImageDef d;
    d.repository = "library/ubuntu";
    d.tags = std::move(tags);
    d.createdMs = created;
    const std::string osRelease = "PRETTY_NAME=\"Ubuntu " + pretty + "\"\nNAME=\"Ubuntu\"\nVERSION_ID=\"" + version +
                                  "\"\nVERSION_CODENAME=" + codename +
                                  "\nID=ubuntu\nID_LIKE=debian\n"
                                  "HOME_URL=\"https://www.ubuntu.com/\"\nUBUNTU_CODENAME=" +
                                  codename + "\n";
    StepSpec add;
    // Canonical builds these with the legacy builder: "#(nop)" entries, no comment.
    add.createdBy = "/bin/sh -c #(nop) ADD file:" + fs::sha256Hex(osRelease) + " in / ";
    add.emptyLayer = false;
    add.size = size;
    add.compressed = size * 38 / 100;
    add.files = {file("etc/os-release", osRelease),
                 file("etc/lsb-release",
                      "DISTRIB_ID=Ubuntu\nDISTRIB_RELEASE=" + version + "\nDISTRIB_CODENAME=" + codename + "\n"),
                 exe("bin/bash",
                     "\x7f"
                     "ELF GNU bash (simulated binary)\n"),
                 exe("bin/dash",
                     "\x7f"
                     "ELF dash\n"),
                 link("bin/sh", "dash"),
                 exe("usr/bin/apt",
                     "\x7f"
                     "ELF apt (simulated binary)\n"),
                 dir("tmp"),
                 dir("root"),
                 dir("home")};
    d.steps = {legacyMetaStep("ARG RELEASE"),
               legacyMetaStep("ARG LAUNCHPAD_BUILD_ARCH"),
               legacyMetaStep("LABEL org.opencontainers.image.ref.name=ubuntu"),
               legacyMetaStep("LABEL org.opencontainers.image.version=" + version),
               add,
               legacyMetaStep("CMD [\"/bin/bash\"]")};
    d.config.env = {kDefaultPath};
    d.config.cmd = std::vector<std::string>{"/bin/bash"};
    d.config.labels = {{"org.opencontainers.image.ref.name", "ubuntu"}, {"org.opencontainers.image.version", version}};
    return d;
}

ImageDef busybox(const std::string& libc, std::vector<std::string> tags, uint64_t size) {
    ImageDef d;
    d.repository = "library/busybox";
    d.tags = std::move(tags);
    d.createdMs = utcMs(2024, 9, 26, 21, 31, 42);
    StepSpec add;
    add.createdBy = "ADD busybox.tar.xz / # buildkit";
    add.comment = "buildkit.dockerfile.v0";
    add.emptyLayer = false;
    add.size = size;
    add.compressed = size / 2;
    add.files = {exe("bin/busybox",
                     "\x7f"
                     "ELF BusyBox v1.37.0 (" +
                         libc + ") (simulated binary)\n"),
                 link("bin/sh", "busybox"),
                 link("bin/ls", "busybox"),
                 link("bin/echo", "busybox"),
                 link("bin/cat", "busybox"),
                 link("bin/wget", "busybox"),
                 link("bin/httpd", "busybox"),
                 file("etc/passwd", "root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/home:/bin/false\n"),
                 dir("tmp"),
                 dir("root"),
                 dir("home")};
    d.steps = {add, metaStep("CMD [\"sh\"]")};
    d.config.env = {"PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"};
    d.config.cmd = std::vector<std::string>{"sh"};
    return d;
}

const std::string kNginxIndex =
    "<!DOCTYPE html>\n<html>\n<head>\n<title>Welcome to nginx!</title>\n<style>\n"
    "html { color-scheme: light dark; }\nbody { width: 35em; margin: 0 auto;\n"
    "font-family: Tahoma, Verdana, Arial, sans-serif; }\n</style>\n</head>\n<body>\n"
    "<h1>Welcome to nginx!</h1>\n<p>If you see this page, the nginx web server is successfully installed and\n"
    "working. Further configuration is required.</p>\n\n<p>For online documentation and support please refer to\n"
    "<a href=\"http://nginx.org/\">nginx.org</a>.<br/>\nCommercial support is available at\n"
    "<a href=\"http://nginx.com/\">nginx.com</a>.</p>\n\n<p><em>Thank you for using nginx.</em></p>\n"
    "</body>\n</html>\n";

const std::string kNginxDefaultConf =
    "server {\n    listen       80;\n    listen  [::]:80;\n    server_name  localhost;\n\n"
    "    #access_log  /var/log/nginx/host.access.log  main;\n\n    location / {\n"
    "        root   /usr/share/nginx/html;\n        index  index.html index.htm;\n    }\n\n"
    "    # redirect server error pages to the static page /50x.html\n    #\n"
    "    error_page   500 502 503 504  /50x.html;\n    location = /50x.html {\n"
    "        root   /usr/share/nginx/html;\n    }\n}\n";

const std::string kNginxConf =
    "user  nginx;\nworker_processes  auto;\n\nerror_log  /var/log/nginx/error.log notice;\n"
    "pid        /var/run/nginx.pid;\n\n\nevents {\n    worker_connections  1024;\n}\n\n\nhttp {\n"
    "    include       /etc/nginx/mime.types;\n    default_type  application/octet-stream;\n\n"
    "    sendfile        on;\n    keepalive_timeout  65;\n\n    include /etc/nginx/conf.d/*.conf;\n}\n";

const std::string kNginxEntrypoint =
    "#!/bin/sh\n# vim:sw=4:ts=4:et\n\nset -e\n\nentrypoint_log() {\n"
    "    if [ -z \"${NGINX_ENTRYPOINT_QUIET_LOGS:-}\" ]; then\n        echo \"$@\"\n    fi\n}\n\n"
    "if [ \"$1\" = \"nginx\" ] || [ \"$1\" = \"nginx-debug\" ]; then\n"
    "    entrypoint_log \"$0: /docker-entrypoint.d/ is not empty, will attempt to perform configuration\"\n"
    "    entrypoint_log \"$0: Looking for shell scripts in /docker-entrypoint.d/\"\n"
    "    entrypoint_log \"$0: Configuration complete; ready for start up\"\nfi\n\nexec \"$@\"\n";

// The nginx image's steps after its base, Debian or Alpine flavoured.
std::vector<StepSpec> nginxSteps(const std::string& version, bool alpineBase, uint64_t runSize) {
    const std::string pkg = alpineBase ? "1" : "1~bookworm";
    std::vector<StepSpec> s = {
        metaStep("LABEL maintainer=NGINX Docker Maintainers <docker-maint@nginx.com>"),
        metaStep("ENV NGINX_VERSION=" + version),
    };
    if (!alpineBase) {
        s.push_back(metaStep("ENV NJS_VERSION=0.8.7"));
        s.push_back(metaStep("ENV NJS_RELEASE=" + pkg));
    }
    s.push_back(metaStep("ENV PKG_RELEASE=" + pkg));
    s.push_back(metaStep("ENV DYNPKG_RELEASE=" + pkg));
    const std::string userCmd =
        alpineBase
            ? "set -x     && addgroup -g 101 -S nginx     && adduser -S -D -H -u 101 -h /var/cache/nginx -s /sbin/nologin "
              "-G nginx -g nginx nginx     && apkArch=\"$(cat /etc/apk/arch)\"     && nginxPackages=\"         "
              "nginx=${NGINX_VERSION}-r${PKG_RELEASE}     \"     && apk add --no-cache --virtual .checksum-deps "
              "openssl     && apk add -X \"https://nginx.org/packages/mainline/alpine/v$(egrep -o '^[0-9]+\\.[0-9]+' "
              "/etc/alpine-release)/main\" --no-cache $nginxPackages     && ln -sf /dev/stdout /var/log/nginx/access.log "
              "    && ln -sf /dev/stderr /var/log/nginx/error.log"
            : "set -x     && groupadd --system --gid 101 nginx     && useradd --system --gid nginx --no-create-home "
              "--home /nonexistent --comment \"nginx user\" --shell /bin/false --uid 101 nginx     && apt-get update     "
              "&& apt-get install --no-install-recommends --no-install-suggests -y gnupg1 ca-certificates     "
              "&& apt-get install --no-install-recommends --no-install-suggests -y $nginxPackages gettext-base curl     "
              "&& apt-get remove --purge --auto-remove -y && rm -rf /var/lib/apt/lists/* /etc/apt/sources.list.d/nginx.list "
              "    && ln -sf /dev/stdout /var/log/nginx/access.log     && ln -sf /dev/stderr /var/log/nginx/error.log";
    s.push_back(
        runStep(userCmd, runSize,
                {exe("usr/sbin/nginx",
                     "\x7f"
                     "ELF nginx version: nginx/" +
                         version + " (simulated binary)\n"),
                 file("etc/nginx/nginx.conf", kNginxConf), file("etc/nginx/conf.d/default.conf", kNginxDefaultConf),
                 file("etc/nginx/mime.types", "types {\n    text/html  html htm shtml;\n    text/css  css;\n}\n"),
                 file("usr/share/nginx/html/index.html", kNginxIndex),
                 file("usr/share/nginx/html/50x.html",
                      "<!DOCTYPE html>\n<html>\n<head>\n<title>Error</title>\n</head>\n<body>\n"
                      "<h1>An error occurred.</h1>\n</body>\n</html>\n"),
                 link("var/log/nginx/access.log", "/dev/stdout"), link("var/log/nginx/error.log", "/dev/stderr"),
                 dir("var/cache/nginx", 101, 101),
                 file("etc/nginx/.package-release", version + "-" + pkg + (alpineBase ? " alpine\n" : " debian\n"))},
                runSize * 37 / 100));
    s.push_back(copyStep("docker-entrypoint.sh /", 1620, {exe("docker-entrypoint.sh", kNginxEntrypoint)}));
    s.push_back(copyStep("10-listen-on-ipv6-by-default.sh /docker-entrypoint.d", 2120,
                         {exe("docker-entrypoint.d/10-listen-on-ipv6-by-default.sh",
                              "#!/bin/sh\n# vim:sw=4:ts=4:et\n# enables listen on IPv6 in default.conf\nexit 0\n")}));
    s.push_back(copyStep(
        "15-local-resolvers.envsh /docker-entrypoint.d", 336,
        {exe("docker-entrypoint.d/15-local-resolvers.envsh", "#!/bin/sh\n# vim:sw=2:ts=2:sts=2:et\nset -eu\n")}));
    s.push_back(copyStep("20-envsubst-on-templates.sh /docker-entrypoint.d", 3020,
                         {exe("docker-entrypoint.d/20-envsubst-on-templates.sh",
                              "#!/bin/sh\nset -e\n# renders /etc/nginx/templates/*.template with envsubst\n")}));
    s.push_back(copyStep(
        "30-tune-worker-processes.sh /docker-entrypoint.d", 4620,
        {exe("docker-entrypoint.d/30-tune-worker-processes.sh", "#!/bin/sh\n# vim:sw=2:ts=2:sts=2:et\nset -eu\n")}));
    s.push_back(metaStep("ENTRYPOINT [\"/docker-entrypoint.sh\"]"));
    s.push_back(metaStep("EXPOSE map[80/tcp:{}]"));
    s.push_back(metaStep("STOPSIGNAL SIGQUIT"));
    s.push_back(metaStep("CMD [\"nginx\" \"-g\" \"daemon off;\"]"));
    return s;
}

ImageConfig nginxConfig(const std::string& version, bool alpineBase) {
    ImageConfig c;
    const std::string pkg = alpineBase ? "1" : "1~bookworm";
    c.env = {kDefaultPath, "NGINX_VERSION=" + version};
    if (!alpineBase) {
        c.env.push_back("NJS_VERSION=0.8.7");
        c.env.push_back("NJS_RELEASE=" + pkg);
    }
    c.env.push_back("PKG_RELEASE=" + pkg);
    c.env.push_back("DYNPKG_RELEASE=" + pkg);
    c.entrypoint = std::vector<std::string>{"/docker-entrypoint.sh"};
    c.cmd = std::vector<std::string>{"nginx", "-g", "daemon off;"};
    c.exposedPorts = {"80/tcp"};
    c.stopSignal = "SIGQUIT";
    c.labels = {{"maintainer", "NGINX Docker Maintainers <docker-maint@nginx.com>"}};
    return c;
}

ImageDef nginx(const std::string& version, std::vector<std::string> tags, bool alpineBase, int64_t created,
               uint64_t runSize) {
    ImageDef d;
    d.repository = "library/nginx";
    d.tags = std::move(tags);
    d.base = alpineBase ? "library/alpine:3.21" : "library/debian:bookworm-slim";
    d.createdMs = created;
    d.steps = nginxSteps(version, alpineBase, runSize);
    d.config = nginxConfig(version, alpineBase);
    return d;
}

const std::string kHttpdIndex = "<html><body><h1>It works!</h1></body></html>\n";
const std::string kHttpdForeground =
    "#!/bin/sh\nset -e\n\n# Apache gets grumpy about PID files pre-existing\n"
    "rm -f /usr/local/apache2/logs/httpd.pid\n\nexec httpd -DFOREGROUND \"$@\"\n";

ImageDef httpd(bool alpineBase) {
    ImageDef d;
    d.repository = "library/httpd";
    d.tags = alpineBase ? std::vector<std::string>{"alpine", "2-alpine", "2.4-alpine", "2.4.62-alpine", "alpine3.21"}
                        : std::vector<std::string>{"latest", "2", "2.4", "2.4.62", "bookworm", "2.4-bookworm"};
    d.base = alpineBase ? "library/alpine:3.21" : "library/debian:bookworm-slim";
    d.createdMs = alpineBase ? utcMs(2025, 1, 9, 4, 12, 0) : utcMs(2025, 1, 14, 6, 33, 0);
    const std::string path = "PATH=/usr/local/apache2/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
    StepSpec workdir;   // WORKDIR of a directory that exists: a layer without changes
    workdir.createdBy = "WORKDIR /usr/local/apache2";
    workdir.comment = "buildkit.dockerfile.v0";
    workdir.emptyLayer = false;
    workdir.compressed = 32;
    d.steps = {
        metaStep("ENV HTTPD_PREFIX=/usr/local/apache2"),
        metaStep("ENV " + path),
        runStep("mkdir -p \"$HTTPD_PREFIX\"     && chown www-data:www-data \"$HTTPD_PREFIX\"", 0,
                {dir("usr/local/apache2", alpineBase ? 82 : 33, alpineBase ? 82 : 33)}, 150),
        workdir,
        alpineBase
            ? runStep("set -eux; \tapk add --no-cache \t\tapr \t\tapr-util \t\tca-certificates \t\tpcre2 "
                      "\t\tlibxml2 \t\tnghttp2 \t\topenssl \t;",
                      10220000, {file("usr/lib/libapr-1.so.0", "apr (simulated library)\n")}, 3700000)
            : runStep("set -eux; \tapt-get update; \tapt-get install -y --no-install-recommends \t\tca-certificates "
                      "\t\tlibaprutil1-ldap \t\tlibldap-common \t; \trm -rf /var/lib/apt/lists/*",
                      10880000, {file("usr/lib/x86_64-linux-gnu/libaprutil-1.so.0", "apr-util (simulated)\n")},
                      4200000),
        metaStep("ENV HTTPD_VERSION=2.4.62"),
        metaStep("ENV HTTPD_PATCHES="),
        runStep("set -eux; \t\tsavedAptMark=\"$(apt-mark showmanual)\"; \tapt-get update; \tapt-get install -y "
                "--no-install-recommends \t\tbzip2 \t\tdirmngr \t\tdpkg-dev \t\tgcc \t\tgnupg \t\tmake \t\twget \t; "
                "\tddist() { \t\tlocal f=\"$1\"; shift; \t\tlocal distFile=\"$(basename \"$f\")\"; \t}; \tddist "
                "'httpd.tar.bz2' \"httpd/httpd-$HTTPD_VERSION.tar.bz2\"; \t./configure --build=\"$gnuArch\" "
                "--prefix=\"$HTTPD_PREFIX\" --enable-mods-shared=reallyall --enable-mpms-shared=all; \tmake -j "
                "\"$(nproc)\"; \tmake install",
                alpineBase ? 43900000u : 59300000u,
                {exe("usr/local/apache2/bin/httpd",
                     "\x7f"
                     "ELF Server version: Apache/2.4.62 (Unix) (simulated binary)\n"),
                 file("usr/local/apache2/conf/httpd.conf",
                      "ServerRoot \"/usr/local/apache2\"\nListen 80\nUser www-data\nGroup www-data\n"
                      "DocumentRoot \"/usr/local/apache2/htdocs\"\n<Directory \"/usr/local/apache2/htdocs\">\n"
                      "    Options Indexes FollowSymLinks\n    AllowOverride None\n    Require all granted\n"
                      "</Directory>\nDirectoryIndex index.html\nErrorLog /proc/self/fd/2\n"
                      "CustomLog /proc/self/fd/1 common\n"),
                 file("usr/local/apache2/htdocs/index.html", kHttpdIndex), dir("usr/local/apache2/logs"),
                 file("usr/local/apache2/build/config.nice", std::string("#! /bin/sh\n# httpd 2.4.62 configured for ") +
                                                                 (alpineBase ? "alpine\n" : "bookworm\n"))},
                alpineBase ? 15800000u : 21400000u),
        metaStep("STOPSIGNAL SIGWINCH"),
        copyStep("httpd-foreground /usr/local/bin/", 138, {exe("usr/local/bin/httpd-foreground", kHttpdForeground)}),
        metaStep("EXPOSE map[80/tcp:{}]"),
        metaStep("CMD [\"httpd-foreground\"]"),
    };
    d.config.env = {path, "HTTPD_PREFIX=/usr/local/apache2", "HTTPD_VERSION=2.4.62", "HTTPD_PATCHES="};
    d.config.workingDir = "/usr/local/apache2";
    d.config.exposedPorts = {"80/tcp"};
    d.config.stopSignal = "SIGWINCH";
    d.config.cmd = std::vector<std::string>{"httpd-foreground"};
    return d;
}

ImageDef redis(bool alpineBase) {
    ImageDef d;
    d.repository = "library/redis";
    d.tags = alpineBase ? std::vector<std::string>{"alpine", "7-alpine", "7.4-alpine", "7.4.2-alpine", "alpine3.21"}
                        : std::vector<std::string>{"latest", "7", "7.4", "7.4.2", "bookworm", "7.4-bookworm"};
    d.base = alpineBase ? "library/alpine:3.21" : "library/debian:bookworm-slim";
    d.createdMs = alpineBase ? utcMs(2025, 1, 9, 5, 2, 0) : utcMs(2025, 1, 14, 7, 15, 0);
    const std::string entry =
        "#!/bin/sh\nset -e\n\n# first arg is `-f` or `--some-option`\n# or first arg is `something.conf`\n"
        "if [ \"${1#-}\" != \"$1\" ] || [ \"${1%.conf}\" != \"$1\" ]; then\n\tset -- redis-server \"$@\"\nfi\n\n"
        "# allow the container to be started with `--user`\nif [ \"$1\" = 'redis-server' -a \"$(id -u)\" = '0' ]; then\n"
        "\tfind . \\! -user redis -exec chown redis '{}' +\n\texec gosu redis \"$0\" \"$@\"\nfi\n\nexec \"$@\"\n";
    d.steps = {
        alpineBase ? runStep("set -eux; \taddgroup -S -g 1000 redis; \tadduser -S -G redis -u 999 redis", 4780,
                             {file("etc/group.d/redis", "redis:x:1000:redis\n")}, 1850)
                   : runStep("set -eux; \tgroupadd -r -g 999 redis; \tuseradd -r -g redis -u 999 redis", 4420,
                             {file("etc/group.d/redis", "redis:x:999:\n")}, 1700),
        alpineBase ? runStep("set -eux; \tapk add --no-cache \t\t'su-exec>=0.2' \t\ttzdata \t;", 1250000,
                             {exe("sbin/su-exec",
                                  "\x7f"
                                  "ELF su-exec (simulated binary)\n")},
                             610000)
                   : runStep("set -eux; \tapt-get update; \tapt-get install -y --no-install-recommends \t\ttzdata \t; "
                             "\trm -rf /var/lib/apt/lists/*",
                             1450000, {file("usr/share/zoneinfo/UTC", "TZif2 (simulated)\n")}, 500000),
    };
    std::vector<std::string> env = {kDefaultPath};
    if (!alpineBase) {
        d.steps.push_back(metaStep("ENV GOSU_VERSION=1.17"));
        d.steps.push_back(
            runStep("set -eux; \tsavedAptMark=\"$(apt-mark showmanual)\"; \tapt-get update; \tapt-get "
                    "install -y --no-install-recommends ca-certificates gnupg wget; \tdpkgArch=\"$(dpkg "
                    "--print-architecture | awk -F- '{ print $NF }')\"; \twget -O /usr/local/bin/gosu "
                    "\"https://github.com/tianon/gosu/releases/download/$GOSU_VERSION/gosu-$dpkgArch\"; "
                    "\tchmod +x /usr/local/bin/gosu; \tgosu --version; \tgosu nobody true",
                    4150000,
                    {exe("usr/local/bin/gosu",
                         "\x7f"
                         "ELF gosu 1.17 (simulated binary)\n")},
                    1100000));
        env.push_back("GOSU_VERSION=1.17");
    }
    d.steps.push_back(metaStep("ENV REDIS_VERSION=7.4.2"));
    d.steps.push_back(metaStep("ENV REDIS_DOWNLOAD_URL=http://download.redis.io/releases/redis-7.4.2.tar.gz"));
    d.steps.push_back(
        runStep("set -eux; \t\tsavedAptMark=\"$(apt-mark showmanual)\"; \twget -O redis.tar.gz "
                "\"$REDIS_DOWNLOAD_URL\"; \tmkdir -p /usr/src/redis; \ttar -xzf redis.tar.gz -C "
                "/usr/src/redis --strip-components=1; \tmake -C /usr/src/redis -j \"$(nproc)\" all; "
                "\tmake -C /usr/src/redis install; \tredis-cli --version; \tredis-server --version",
                alpineBase ? 29600000u : 33700000u,
                {exe("usr/local/bin/redis-server",
                     "\x7f"
                     "ELF Redis server v=7.4.2 (simulated binary)\n"),
                 exe("usr/local/bin/redis-cli",
                     "\x7f"
                     "ELF redis-cli 7.4.2 (simulated binary)\n"),
                 file("usr/src/redis-build.txt", alpineBase ? "musl\n" : "glibc\n")},
                alpineBase ? 10900000u : 12400000u));
    d.steps.push_back(
        runStep("mkdir /data && chown redis:redis /data", 0, {dir("data", 999, alpineBase ? 1000 : 999)}, 120));
    d.steps.push_back(metaStep("VOLUME [/data]"));
    StepSpec workdir;
    workdir.createdBy = "WORKDIR /data";
    workdir.comment = "buildkit.dockerfile.v0";
    workdir.emptyLayer = false;
    workdir.compressed = 32;
    d.steps.push_back(workdir);
    d.steps.push_back(
        copyStep("docker-entrypoint.sh /usr/local/bin/", 661, {exe("usr/local/bin/docker-entrypoint.sh", entry)}));
    d.steps.push_back(metaStep("ENTRYPOINT [\"docker-entrypoint.sh\"]"));
    d.steps.push_back(metaStep("EXPOSE map[6379/tcp:{}]"));
    d.steps.push_back(metaStep("CMD [\"redis-server\"]"));
    env.push_back("REDIS_VERSION=7.4.2");
    env.push_back("REDIS_DOWNLOAD_URL=http://download.redis.io/releases/redis-7.4.2.tar.gz");
    d.config.env = env;
    d.config.entrypoint = std::vector<std::string>{"docker-entrypoint.sh"};
    d.config.cmd = std::vector<std::string>{"redis-server"};
    d.config.exposedPorts = {"6379/tcp"};
    d.config.volumes = {"/data"};
    d.config.workingDir = "/data";
    return d;
}

ImageDef nodeAlpine(const std::string& version, std::vector<std::string> tags, int64_t created, uint64_t nodeSize) {
    ImageDef d;
    d.repository = "library/node";
    d.tags = std::move(tags);
    d.base = "library/alpine:3.21";
    d.createdMs = created;
    d.steps = {
        metaStep("ENV NODE_VERSION=" + version),
        runStep(
            "addgroup -g 1000 node     && adduser -u 1000 -G node -s /bin/sh -D node     && apk add --no-cache "
            "        libstdc++     && apk add --no-cache --virtual .build-deps         curl     && ARCH= "
            "OPENSSL_ARCH='linux*' && alpineArch=\"$(apk --print-arch)\"       && case \"${alpineArch##*-}\" in "
            "        x86_64) ARCH='x64' CHECKSUM=\"$CHECKSUM\" OPENSSL_ARCH=linux-x86_64;;         *) ;;       "
            "esac   && curl -fsSLO --compressed \"https://unofficial-builds.nodejs.org/download/release/v$NODE_VERSION/"
            "node-v$NODE_VERSION-linux-$ARCH-musl.tar.xz\"   && tar -Jxf \"node-v$NODE_VERSION-linux-$ARCH-musl.tar.xz\""
            " -C /usr/local --strip-components=1 --no-same-owner   && ln -s /usr/local/bin/node /usr/local/bin/nodejs"
            "   && apk del .build-deps   && node --version   && npm --version",
            nodeSize,
            {exe("usr/local/bin/node",
                 "\x7f"
                 "ELF node v" +
                     version + " musl (simulated binary)\n"),
             link("usr/local/bin/nodejs", "/usr/local/bin/node"),
             link("usr/local/bin/npm", "../lib/node_modules/npm/bin/npm-cli.js"),
             link("usr/local/bin/npx", "../lib/node_modules/npm/bin/npx-cli.js"),
             exe("usr/local/lib/node_modules/npm/bin/npm-cli.js",
                 "#!/usr/bin/env node\nrequire('../lib/cli.js')(process)\n"),
             exe("usr/local/lib/node_modules/npm/bin/npx-cli.js",
                 "#!/usr/bin/env node\nrequire('../lib/cli.js')(process)\n"),
             dir("home/node", 1000, 1000)},
            nodeSize * 33 / 100),
        metaStep("ENV YARN_VERSION=1.22.22"),
        runStep(
            "apk add --no-cache --virtual .build-deps-yarn curl gnupg tar   && export GNUPGHOME=\"$(mktemp -d)\"   "
            "&& curl -fsSLO --compressed \"https://yarnpkg.com/downloads/$YARN_VERSION/yarn-v$YARN_VERSION.tar.gz\"   "
            "&& mkdir -p /opt   && tar -xzf yarn-v$YARN_VERSION.tar.gz -C /opt/   && ln -s /opt/yarn-v$YARN_VERSION/"
            "bin/yarn /usr/local/bin/yarn   && rm yarn-v$YARN_VERSION.tar.gz   && apk del .build-deps-yarn   "
            "&& yarn --version   && rm -rf /tmp/*",
            5340000,
            {exe("opt/yarn-v1.22.22/bin/yarn", "#!/bin/sh\n# yarn 1.22.22 (simulated)\n"),
             link("usr/local/bin/yarn", "/opt/yarn-v1.22.22/bin/yarn"),
             file("var/log/node-image-build", "node " + version + " alpine\n")},
            1250000),
        copyStep("docker-entrypoint.sh /usr/local/bin/", 388,
                 {exe("usr/local/bin/docker-entrypoint.sh",
                      "#!/bin/sh\nset -e\n\n# Run command with node if the first argument contains a \"-\" or is not a "
                      "system command.\nif [ \"${1#-}\" != \"${1}\" ] || [ -z \"$(command -v \"${1}\")\" ] || { [ -f "
                      "\"${1}\" ] && ! [ -x \"${1}\" ]; }; then\n  set -- node \"$@\"\nfi\n\nexec \"$@\"\n")}),
        metaStep("ENTRYPOINT [\"docker-entrypoint.sh\"]"),
        metaStep("CMD [\"node\"]"),
    };
    d.config.env = {kDefaultPath, "NODE_VERSION=" + version, "YARN_VERSION=1.22.22"};
    d.config.entrypoint = std::vector<std::string>{"docker-entrypoint.sh"};
    d.config.cmd = std::vector<std::string>{"node"};
    return d;
}

ImageDef pythonAlpine() {
    ImageDef d;
    d.repository = "library/python";
    d.tags = {"alpine", "3-alpine", "3.13-alpine", "3.13.1-alpine", "alpine3.21"};
    d.base = "library/alpine:3.21";
    d.createdMs = utcMs(2025, 1, 9, 3, 44, 0);
    const std::string path = "PATH=/usr/local/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
    d.steps = {
        metaStep("ENV " + path),
        metaStep("ENV LANG=C.UTF-8"),
        runStep("set -eux; \tapk add --no-cache \t\tca-certificates \t\ttzdata \t;", 1030000,
                {file("etc/timezone", "UTC\n")}, 480000),
        metaStep("ENV GPG_KEY=7169605F62C751356D054A26A821E680E5FA6305"),
        metaStep("ENV PYTHON_VERSION=3.13.1"),
        runStep(
            "set -eux; \t\tapk add --no-cache --virtual .build-deps \t\tgnupg \t\ttar \t\txz \t\tbluez-dev "
            "\t\tbzip2-dev \t\tgcc \t\tlibffi-dev \t\tmake \t\topenssl-dev \t\tzlib-dev \t; \t\twget -O "
            "python.tar.xz \"https://www.python.org/ftp/python/${PYTHON_VERSION%%[a-z]*}/Python-$PYTHON_VERSION.tar.xz\"; "
            "\t./configure --enable-loadable-sqlite-extensions --enable-optimizations --enable-shared --with-lto "
            "--with-ensurepip; \tmake -j \"$nproc\"; \tmake install; \tapk del --no-network .build-deps; \tpython3 --version",
            35330000,
            {exe("usr/local/bin/python3.13",
                 "\x7f"
                 "ELF Python 3.13.1 musl (simulated binary)\n"),
             link("usr/local/bin/python3", "python3.13"), link("usr/local/bin/pip3", "pip3.13"),
             exe("usr/local/bin/pip3.13", "#!/usr/local/bin/python3.13\n# pip (simulated)\n"),
             dir("usr/local/lib/python3.13/site-packages")},
            15200000),
        runStep(
            "set -eux; \tfor src in idle3 pip3 pydoc3 python3 python3-config; do \t\tdst=\"$(echo \"$src\" | tr -d 3)\"; "
            "\t\t[ -s \"/usr/local/bin/$src\" ]; \t\t[ ! -e \"/usr/local/bin/$dst\" ]; \t\tln -svT \"$src\" "
            "\"/usr/local/bin/$dst\"; \tdone",
            36, {link("usr/local/bin/python", "python3"), link("usr/local/bin/pip", "pip3")}, 250),
        metaStep("CMD [\"python3\"]"),
    };
    d.config.env = {path, "LANG=C.UTF-8", "GPG_KEY=7169605F62C751356D054A26A821E680E5FA6305", "PYTHON_VERSION=3.13.1"};
    d.config.cmd = std::vector<std::string>{"python3"};
    return d;
}

}   // namespace

std::vector<ImageDef> serverAndBaseDefs() {
    std::vector<ImageDef> defs = {
        alpine("3.21.2", {"latest", "3", "3.21", "3.21.2"}, utcMs(2025, 1, 8, 20, 4, 11), 7830000),
        alpine("3.20.5", {"3.20", "3.20.5"}, utcMs(2025, 1, 8, 20, 4, 5), 7800000),
        alpine("3.19.6", {"3.19", "3.19.6"}, utcMs(2025, 1, 8, 20, 3, 58), 7380000),
        ubuntu("24.04", "24.04.1 LTS", "noble", {"latest", "24.04", "noble"}, utcMs(2025, 1, 13, 10, 4, 0), 78100000),
        ubuntu("22.04", "22.04.5 LTS", "jammy", {"22.04", "jammy"}, utcMs(2025, 1, 13, 10, 2, 0), 77860000),
        ubuntu("20.04", "20.04.6 LTS", "focal", {"20.04", "focal"}, utcMs(2025, 1, 13, 10, 0, 0), 72810000),
        busybox("glibc", {"latest", "1", "1.37", "1.37.0", "stable", "glibc", "1.37.0-glibc"}, 4270000),
        busybox("musl", {"musl", "1-musl", "1.37-musl", "1.37.0-musl"}, 1460000),
        nginx("1.27.3", {"latest", "mainline", "1", "1.27", "1.27.3", "bookworm", "mainline-bookworm"}, false,
              utcMs(2025, 1, 14, 5, 26, 18), 117170000),
        nginx("1.26.2", {"stable", "1.26", "1.26.2", "stable-bookworm"}, false, utcMs(2025, 1, 14, 5, 40, 2),
              112830000),
        nginx("1.27.3", {"alpine", "mainline-alpine", "1-alpine", "1.27-alpine", "1.27.3-alpine", "alpine3.21"}, true,
              utcMs(2025, 1, 9, 1, 15, 40), 40650000),
        httpd(false),
        httpd(true),
        redis(false),
        redis(true),
        nodeAlpine("23.6.0", {"alpine", "23-alpine", "23.6-alpine", "23.6.0-alpine", "current-alpine", "alpine3.21"},
                   utcMs(2025, 1, 9, 2, 10, 0), 146200000),
        nodeAlpine("22.13.0", {"lts-alpine", "22-alpine", "22.13-alpine", "22.13.0-alpine", "jod-alpine"},
                   utcMs(2025, 1, 9, 2, 30, 0), 142100000),
        nodeAlpine("20.18.1", {"20-alpine", "20.18-alpine", "20.18.1-alpine", "iron-alpine"},
                   utcMs(2025, 1, 9, 2, 50, 0), 122400000),
        nodeAlpine("18.20.5", {"18-alpine", "18.20-alpine", "18.20.5-alpine", "hydrogen-alpine"},
                   utcMs(2025, 1, 9, 3, 10, 0), 119800000),
        pythonAlpine(),
    };
    return defs;
}

}   // namespace layerlab::engine::hub::detail
