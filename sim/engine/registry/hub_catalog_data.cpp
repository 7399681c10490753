// hub_catalog_data: debian, buildpack-deps, node and python as Docker Hub
// served them in mid-January 2025 (Debian 12.9 "bookworm" bases). Sizes are
// those `docker history` showed for these tags, rounded; RUN commands are the
// official Dockerfiles' first lines, shortened where they go on for pages.
#include <string>

#include "sim/engine/registry/hub_catalog_defs.hpp"

namespace layerlab::engine::hub::detail {

namespace {

const std::string kDebianOsRelease =
    "PRETTY_NAME=\"Debian GNU/Linux 12 (bookworm)\"\n"
    "NAME=\"Debian GNU/Linux\"\n"
    "VERSION_ID=\"12\"\n"
    "VERSION=\"12 (bookworm)\"\n"
    "VERSION_CODENAME=bookworm\n"
    "ID=debian\n"
    "HOME_URL=\"https://www.debian.org/\"\n"
    "SUPPORT_URL=\"https://www.debian.org/support\"\n"
    "BUG_REPORT_URL=\"https://bugs.debian.org/\"\n";

const std::string kDebianPasswd =
    "root:x:0:0:root:/root:/bin/bash\n"
    "daemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\n"
    "bin:x:2:2:bin:/bin:/usr/sbin/nologin\n"
    "sys:x:3:3:sys:/dev:/usr/sbin/nologin\n"
    "www-data:x:33:33:www-data:/var/www:/usr/sbin/nologin\n"
    "nobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin\n";

const std::string kNodeEntrypoint =
    "#!/bin/sh\n"
    "set -e\n"
    "\n"
    "# Run command with node if the first argument contains a \"-\" or is not a system command. The last\n"
    "# part inside the \"{}\" is a workaround for the following bug in ash/dash:\n"
    "# https://bugs.debian.org/cgi-bin/bugreport.cgi?bug=874264\n"
    "if [ \"${1#-}\" != \"${1}\" ] || [ -z \"$(command -v \"${1}\")\" ] || { [ -f \"${1}\" ] && ! [ -x \"${1}\" ]; }; then\n"
    "  set -- node \"$@\"\n"
    "fi\n"
    "\n"
    "exec \"$@\"\n";

const char* const kBookwormEpoch = "# debian.sh --arch 'amd64' out/ 'bookworm' '@1736726400'";

// Days since 1970-01-01, as /etc/shadow records a password change.
std::string shadowDay(int64_t ms) { return std::to_string(ms / 86400000); }

ImageDef debian(bool slim) {
    ImageDef d;
    d.repository = "library/debian";
    d.tags = slim ? std::vector<std::string>{"bookworm-slim", "12-slim", "12.9-slim"}
                  : std::vector<std::string>{"bookworm", "latest", "12", "12.9"};
    d.createdMs = utcMs(2025, 1, 13, 0, 0, 0);
    StepSpec root;
    root.createdBy = kBookwormEpoch;
    root.comment = "debuerreotype 0.15";
    root.emptyLayer = false;
    root.size = slim ? 74830000 : 116540000;
    root.compressed = slim ? 28230000 : 48480000;
    root.files = {file("etc/os-release", kDebianOsRelease),
                  file("etc/debian_version", "12.9\n"),
                  file("etc/passwd", kDebianPasswd),
                  file("etc/hostname", ""),
                  exe("bin/bash",
                      "\x7f"
                      "ELF GNU bash, version 5.2.15(1)-release (simulated binary)\n"),
                  exe("bin/dash",
                      "\x7f"
                      "ELF dash 0.5.12 (simulated binary)\n"),
                  link("bin/sh", "dash"),
                  exe("usr/bin/apt-get",
                      "\x7f"
                      "ELF apt 2.6.1 (simulated binary)\n"),
                  exe("usr/bin/dpkg",
                      "\x7f"
                      "ELF dpkg 1.21.22 (simulated binary)\n"),
                  dir("tmp"),
                  dir("root"),
                  dir("home"),
                  dir("usr/local/bin"),
                  dir("var/lib/apt/lists")};
    if (!slim) {
        root.files.push_back(
            file("usr/share/doc/debian/README", "Debian GNU/Linux: documentation is in /usr/share/doc/<package>.\n"));
    } else {
        // The slim variant drops documentation and man pages.
        root.files.push_back(
            file("etc/dpkg/dpkg.cfg.d/docker", "path-exclude /usr/share/doc/*\npath-exclude /usr/share/man/*\n"));
    }
    d.steps = {root, metaStep("CMD [\"bash\"]")};
    d.config.env = {kDefaultPath};
    d.config.cmd = std::vector<std::string>{"bash"};
    return d;
}

std::vector<ImageDef> buildpackDeps() {
    const std::string base = "library/debian:bookworm";
    ImageDef curl;
    curl.repository = "library/buildpack-deps";
    curl.tags = {"bookworm-curl", "curl", "12-curl"};
    curl.base = base;
    curl.createdMs = utcMs(2025, 1, 14, 2, 0, 0);
    curl.steps = {
        runStep("set -eux; \tapt-get update; \tapt-get install -y --no-install-recommends \t\tca-certificates "
                "\t\tcurl \t\tgnupg \t\tnetbase \t\twget \t; \trm -rf /var/lib/apt/lists/*",
                48470000,
                {exe("usr/bin/curl",
                     "\x7f"
                     "ELF curl 7.88.1 (simulated binary)\n"),
                 exe("usr/bin/wget",
                     "\x7f"
                     "ELF GNU Wget 1.21.3 (simulated binary)\n"),
                 exe("usr/bin/gpg",
                     "\x7f"
                     "ELF gpg (GnuPG) 2.2.40 (simulated binary)\n"),
                 file("etc/ssl/certs/ca-certificates.crt", "# Mozilla CA bundle (simulated)\n")},
                23880000)};
    curl.config.env = {kDefaultPath};
    curl.config.cmd = std::vector<std::string>{"bash"};

    ImageDef scm = curl;
    scm.tags = {"bookworm-scm", "scm", "12-scm"};
    scm.base = "library/buildpack-deps:bookworm-curl";
    scm.createdMs = utcMs(2025, 1, 14, 2, 5, 0);
    scm.steps = {
        runStep("set -eux; \tapt-get update; \tapt-get install -y --no-install-recommends \t\tgit "
                "\t\tmercurial \t\topenssh-client \t\tsubversion \t\t\t\tprocps \t; \trm -rf /var/lib/apt/lists/*",
                177460000,
                {exe("usr/bin/git",
                     "\x7f"
                     "ELF git version 2.39.5 (simulated binary)\n"),
                 exe("usr/bin/ssh",
                     "\x7f"
                     "ELF OpenSSH_9.2p1 (simulated binary)\n"),
                 exe("usr/bin/svn",
                     "\x7f"
                     "ELF svn, version 1.14.2 (simulated binary)\n"),
                 exe("usr/bin/ps",
                     "\x7f"
                     "ELF procps-ng 4.0.2 (simulated binary)\n")},
                64390000)};

    ImageDef full = curl;
    full.tags = {"bookworm", "latest", "12"};
    full.base = "library/buildpack-deps:bookworm-scm";
    full.createdMs = utcMs(2025, 1, 14, 2, 20, 0);
    full.steps = {
        runStep("set -ex; \tapt-get update; \tapt-get install -y --no-install-recommends \t\tautoconf "
                "\t\tautomake \t\tbzip2 \t\tdefault-libmysqlclient-dev \t\tdpkg-dev \t\tfile \t\tg++ "
                "\t\tgcc \t\timagemagick \t\tlibbz2-dev \t\tlibc6-dev \t\tlibcurl4-openssl-dev "
                "\t\tlibssl-dev \t\tmake \t\tpatch \t\tunzip \t\txz-utils \t\tzlib1g-dev \t; "
                "\trm -rf /var/lib/apt/lists/*",
                587180000,
                {exe("usr/bin/gcc-12",
                     "\x7f"
                     "ELF gcc (Debian 12.2.0-14) 12.2.0 (simulated binary)\n"),
                 link("usr/bin/gcc", "gcc-12"), link("usr/bin/g++", "g++-12"),
                 exe("usr/bin/g++-12",
                     "\x7f"
                     "ELF g++ (Debian 12.2.0-14) 12.2.0 (simulated binary)\n"),
                 exe("usr/bin/make",
                     "\x7f"
                     "ELF GNU Make 4.3 (simulated binary)\n"),
                 exe("usr/bin/python3.11",
                     "\x7f"
                     "ELF Python 3.11.2 (simulated binary)\n"),
                 link("usr/bin/python3", "python3.11")},
                211310000)};
    return {curl, scm, full};
}

struct NodeBuild {
    std::string version;   // "23.6.0"
    std::vector<std::string> tags;
    int64_t createdMs;
    uint64_t nodeSize;
    bool slim;
};

ImageDef nodeDebian(const NodeBuild& b) {
    ImageDef d;
    d.repository = "library/node";
    d.tags = b.tags;
    d.base = b.slim ? "library/debian:bookworm-slim" : "library/buildpack-deps:bookworm";
    d.createdMs = b.createdMs;
    const std::string yarn = "1.22.22";
    const std::string shadow = "node:!:" + shadowDay(b.createdMs) + ":0:99999:7:::\n";
    const std::string arch =
        "ARCH= && dpkgArch=\"$(dpkg --print-architecture)\"   && case \"${dpkgArch##*-}\" in     "
        "amd64) ARCH='x64';;     ppc64el) ARCH='ppc64le';;     s390x) ARCH='s390x';;     "
        "arm64) ARCH='arm64';;     armhf) ARCH='armv7l';;     i386) ARCH='x86';;     "
        "*) echo \"unsupported architecture\"; exit 1 ;;   esac";
    const std::string install =
        b.slim
            ? "set -ex   && savedAptMark=\"$(apt-mark showmanual)\"   && apt-get update && apt-get install -y "
              "ca-certificates curl wget gnupg dirmngr xz-utils libatomic1 --no-install-recommends   && " +
                  arch +
                  "   && curl -fsSLO --compressed \"https://nodejs.org/dist/v$NODE_VERSION/node-v$NODE_VERSION-linux-$ARCH.tar.xz\""
                  "   && tar -xJf \"node-v$NODE_VERSION-linux-$ARCH.tar.xz\" -C /usr/local --strip-components=1 "
                  "--no-same-owner   && apt-mark auto '.*' > /dev/null   && apt-get purge -y --auto-remove   "
                  "&& ln -s /usr/local/bin/node /usr/local/bin/nodejs   && node --version   && npm --version"
            : arch +
                  "   && curl -fsSLO --compressed \"https://nodejs.org/dist/v$NODE_VERSION/node-v$NODE_VERSION-linux-$ARCH.tar.xz\""
                  "   && tar -xJf \"node-v$NODE_VERSION-linux-$ARCH.tar.xz\" -C /usr/local --strip-components=1 "
                  "--no-same-owner   && rm \"node-v$NODE_VERSION-linux-$ARCH.tar.xz\"   && ln -s /usr/local/bin/node "
                  "/usr/local/bin/nodejs   && node --version   && npm --version";
    d.steps = {
        runStep("groupadd --gid 1000 node   && useradd --uid 1000 --gid node --shell /bin/bash --create-home node",
                8920,
                {file("etc/passwd", kDebianPasswd + "node:x:1000:1000::/home/node:/bin/bash\n"),
                 file("etc/shadow", "root:*:20101:0:99999:7:::\n" + shadow, 0640), dir("home/node", 1000, 1000)},
                3320),
        metaStep("ENV NODE_VERSION=" + b.version),
        runStep(install, b.nodeSize,
                {exe("usr/local/bin/node",
                     "\x7f"
                     "ELF node v" +
                         b.version + " (simulated binary)\n"),
                 link("usr/local/bin/nodejs", "/usr/local/bin/node"),
                 link("usr/local/bin/npm", "../lib/node_modules/npm/bin/npm-cli.js"),
                 link("usr/local/bin/npx", "../lib/node_modules/npm/bin/npx-cli.js"),
                 exe("usr/local/lib/node_modules/npm/bin/npm-cli.js",
                     "#!/usr/bin/env node\nrequire('../lib/cli.js')(process)\n"),
                 exe("usr/local/lib/node_modules/npm/bin/npx-cli.js",
                     "#!/usr/bin/env node\nrequire('../lib/cli.js')(process)\n"),
                 file("usr/local/include/node/node_version.h", "#define NODE_VERSION_STRING \"" + b.version + "\"\n")},
                b.nodeSize / 4),
        metaStep("ENV YARN_VERSION=" + yarn),
        runStep("set -ex   && export GNUPGHOME=\"$(mktemp -d)\"   && curl -fsSLO --compressed "
                "\"https://yarnpkg.com/downloads/$YARN_VERSION/yarn-v$YARN_VERSION.tar.gz\"   && mkdir -p /opt   "
                "&& tar -xzf yarn-v$YARN_VERSION.tar.gz -C /opt/   && ln -s /opt/yarn-v$YARN_VERSION/bin/yarn "
                "/usr/local/bin/yarn   && ln -s /opt/yarn-v$YARN_VERSION/bin/yarnpkg /usr/local/bin/yarnpkg   "
                "&& rm yarn-v$YARN_VERSION.tar.gz   && yarn --version   && rm -rf /tmp/*",
                5340000,
                {exe("opt/yarn-v1.22.22/bin/yarn", "#!/bin/sh\n# yarn 1.22.22 (simulated)\n"),
                 link("usr/local/bin/yarn", "/opt/yarn-v1.22.22/bin/yarn"),
                 link("usr/local/bin/yarnpkg", "/opt/yarn-v1.22.22/bin/yarnpkg"),
                 file("var/log/node-image-build", "node " + b.version + " built " + shadowDay(b.createdMs) + "\n")},
                1250000),
        copyStep("docker-entrypoint.sh /usr/local/bin/", 388,
                 {exe("usr/local/bin/docker-entrypoint.sh", kNodeEntrypoint)}),
        metaStep("ENTRYPOINT [\"docker-entrypoint.sh\"]"),
        metaStep("CMD [\"node\"]"),
    };
    d.config.env = {kDefaultPath, "NODE_VERSION=" + b.version, "YARN_VERSION=" + yarn};
    d.config.entrypoint = std::vector<std::string>{"docker-entrypoint.sh"};
    d.config.cmd = std::vector<std::string>{"node"};
    return d;
}

struct PythonBuild {
    std::string version;   // "3.13.1"
    std::vector<std::string> tags;
    int64_t createdMs;
    uint64_t buildSize;
    bool slim;
    std::string gpgKey;
};

ImageDef pythonDebian(const PythonBuild& b) {
    ImageDef d;
    d.repository = "library/python";
    d.tags = b.tags;
    d.base = b.slim ? "library/debian:bookworm-slim" : "library/buildpack-deps:bookworm";
    d.createdMs = b.createdMs;
    const std::string minor = b.version.substr(0, b.version.rfind('.'));   // "3.13"
    const std::string path = "PATH=/usr/local/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
    StepSpec deps =
        b.slim ? runStep(
                     "set -eux; \tapt-get update; \tapt-get install -y --no-install-recommends \t\tca-certificates "
                     "\t\tnetbase \t\ttzdata \t; \trm -rf /var/lib/apt/lists/*",
                     3510000,
                     {file("etc/timezone", "Etc/UTC\n"),
                      file("etc/ssl/certs/ca-certificates.crt", "# Mozilla CA bundle (simulated)\n")},
                     1230000)
               : runStep(
                     "set -eux; \tapt-get update; \tapt-get install -y --no-install-recommends \t\tlibbluetooth-dev "
                     "\t\ttk-dev \t\tuuid-dev \t; \trm -rf /var/lib/apt/lists/*",
                     18420000,
                     {file("usr/include/bluetooth/bluetooth.h", "/* BlueZ headers (simulated) */\n"),
                      file("usr/include/tk.h", "/* Tk 8.6 headers (simulated) */\n")},
                     6160000);
    d.steps = {
        metaStep("ENV " + path),
        metaStep("ENV LANG=C.UTF-8"),
        deps,
        metaStep("ENV GPG_KEY=" + b.gpgKey),
        metaStep("ENV PYTHON_VERSION=" + b.version),
        runStep("set -eux; \t\twget -O python.tar.xz \"https://www.python.org/ftp/python/${PYTHON_VERSION%%[a-z]*}/"
                "Python-$PYTHON_VERSION.tar.xz\"; \twget -O python.tar.xz.asc \"https://www.python.org/ftp/python/"
                "${PYTHON_VERSION%%[a-z]*}/Python-$PYTHON_VERSION.tar.xz.asc\"; \tGNUPGHOME=\"$(mktemp -d)\"; "
                "export GNUPGHOME; \tgpg --batch --keyserver hkps://keys.openpgp.org --recv-keys \"$GPG_KEY\"; "
                "\tgpg --batch --verify python.tar.xz.asc python.tar.xz; \tmkdir -p /usr/src/python; "
                "\ttar --extract --directory /usr/src/python --strip-components=1 --file python.tar.xz; "
                "\tcd /usr/src/python; \t./configure --enable-loadable-sqlite-extensions --enable-optimizations "
                "--enable-option-checking=fatal --enable-shared --with-lto --with-ensurepip; \tmake -j \"$nproc\"; "
                "\tmake install; \tpython3 --version; \tpip3 --version",
                b.buildSize,
                {exe("usr/local/bin/python" + minor,
                     "\x7f"
                     "ELF Python " +
                         b.version + " (simulated binary)\n"),
                 link("usr/local/bin/python3", "python" + minor),
                 exe("usr/local/bin/pip" + minor, "#!/usr/local/bin/python" + minor + "\n# pip (simulated)\n"),
                 link("usr/local/bin/pip3", "pip" + minor), link("usr/local/bin/pydoc3", "pydoc" + minor),
                 exe("usr/local/bin/pydoc" + minor, "#!/usr/local/bin/python" + minor + "\n# pydoc\n"),
                 link("usr/local/bin/idle3", "idle" + minor),
                 exe("usr/local/bin/idle" + minor, "#!/usr/local/bin/python" + minor + "\n# idle\n"),
                 link("usr/local/bin/python3-config", "python" + minor + "-config"),
                 exe("usr/local/bin/python" + minor + "-config", "#!/bin/sh\n# python-config (simulated)\n"),
                 dir("usr/local/lib/python" + minor + "/site-packages")},
                b.buildSize * 2 / 5),
        runStep(
            "set -eux; \tfor src in idle3 pip3 pydoc3 python3 python3-config; do \t\tdst=\"$(echo \"$src\" | tr -d 3)\"; "
            "\t\t[ -s \"/usr/local/bin/$src\" ]; \t\t[ ! -e \"/usr/local/bin/$dst\" ]; \t\tln -svT \"$src\" "
            "\"/usr/local/bin/$dst\"; \tdone",
            36,
            {link("usr/local/bin/idle", "idle3"), link("usr/local/bin/pip", "pip3"),
             link("usr/local/bin/pydoc", "pydoc3"), link("usr/local/bin/python", "python3"),
             link("usr/local/bin/python-config", "python3-config")},
            250),
        metaStep("CMD [\"python3\"]"),
    };
    d.config.env = {path, "LANG=C.UTF-8", "GPG_KEY=" + b.gpgKey, "PYTHON_VERSION=" + b.version};
    d.config.cmd = std::vector<std::string>{"python3"};
    return d;
}

}   // namespace

std::vector<ImageDef> debianFamilyDefs() {
    std::vector<ImageDef> defs = {debian(false), debian(true)};
    for (auto& d : buildpackDeps()) defs.push_back(std::move(d));

    const NodeBuild nodes[] = {
        {"23.6.0",
         {"latest", "23", "23.6", "23.6.0", "current", "bookworm", "23-bookworm", "current-bookworm"},
         utcMs(2025, 1, 14, 10, 12, 31),
         191870000,
         false},
        {"22.13.0",
         {"lts", "22", "22.13", "22.13.0", "jod", "lts-bookworm", "22-bookworm", "lts-jod"},
         utcMs(2025, 1, 15, 9, 40, 2),
         187560000,
         false},
        {"20.18.1",
         {"20", "20.18", "20.18.1", "iron", "20-bookworm", "lts-iron"},
         utcMs(2025, 1, 16, 8, 3, 47),
         165300000,
         false},
        {"18.20.5",
         {"18", "18.20", "18.20.5", "hydrogen", "18-bookworm", "lts-hydrogen"},
         utcMs(2025, 1, 17, 7, 21, 9),
         158420000,
         false},
        {"23.6.0",
         {"slim", "23-slim", "23.6-slim", "23.6.0-slim", "current-slim", "bookworm-slim"},
         utcMs(2025, 1, 14, 10, 31, 5),
         145300000,
         true},
        {"22.13.0",
         {"lts-slim", "22-slim", "22.13-slim", "22.13.0-slim", "jod-slim"},
         utcMs(2025, 1, 15, 9, 58, 40),
         141000000,
         true},
    };
    for (const auto& n : nodes) defs.push_back(nodeDebian(n));

    const std::string thomas = "7169605F62C751356D054A26A821E680E5FA6305";
    const std::string pablo = "A035C8C19219BA821ECEA86B64E628F8D684696D";
    const PythonBuild pythons[] = {
        {"3.13.1",
         {"latest", "3", "3.13", "3.13.1", "bookworm", "3.13-bookworm"},
         utcMs(2025, 1, 14, 11, 2, 18),
         68770000,
         false,
         thomas},
        {"3.12.8", {"3.12", "3.12.8", "3.12-bookworm"}, utcMs(2025, 1, 14, 11, 48, 55), 59880000, false, thomas},
        {"3.11.11", {"3.11", "3.11.11", "3.11-bookworm"}, utcMs(2025, 1, 14, 12, 30, 7), 58060000, false, pablo},
        {"3.13.1",
         {"slim", "3-slim", "3.13-slim", "3.13.1-slim", "slim-bookworm"},
         utcMs(2025, 1, 14, 11, 20, 44),
         42670000,
         true,
         thomas},
        {"3.12.8",
         {"3.12-slim", "3.12.8-slim", "3.12-slim-bookworm"},
         utcMs(2025, 1, 14, 12, 5, 13),
         45800000,
         true,
         thomas},
    };
    for (const auto& p : pythons) defs.push_back(pythonDebian(p));
    return defs;
}

}   // namespace layerlab::engine::hub::detail
