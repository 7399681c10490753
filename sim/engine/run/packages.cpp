// Package managers in the RUN simulator: npm install / npm ci, pip install,
// apt-get update / install, apk add. Each reads the real inputs (package.json
// and package-lock.json, requirements.txt, the apt lists it wrote before) and
// writes a deterministic result into the layer. Simplified, and said so in the
// report: only the packages named directly are installed (no transitive
// dependencies), and their files are placeholders of a plausible size.
#include <algorithm>
#include <cstdio>

#include <nlohmann/json.hpp>

#include "sim/json_parse.hpp"
#include "sim/json_text.hpp"
#include "sim/engine/civil_time.hpp"
#include "sim/engine/run/shell.hpp"
#include "sim/engine/timings.hpp"

namespace layerlab::engine::run::detail {
namespace {

using nlohmann::json;

uint64_t fnv(std::string_view s) {
    uint64_t h = 1469598103934665603ull;
    for (char c : s) h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ull;
    return h;
}

// A placeholder file body of a deterministic, plausible size.
std::shared_ptr<const std::string> payload(const std::string& name, uint64_t minSize, uint64_t spread) {
    uint64_t size = minSize + fnv(name) % spread;
    std::string line = "// " + name + ": placeholder written by LayerLab's simulated installer\n";
    std::string out;
    out.reserve(size);
    while (out.size() + line.size() <= size) out += line;
    out.append(size - out.size(), '\n');
    return std::make_shared<const std::string>(std::move(out));
}

fs::FileEntry fileOf(Shell& sh, std::shared_ptr<const std::string> content, uint32_t mode = 0644) {
    fs::FileEntry e;
    e.content = std::move(content);
    e.mode = mode;
    e.uid = e.gid = sh.uid();
    e.mtimeMs = sh.nowMs;
    return e;
}

fs::FileEntry textFile(Shell& sh, std::string text, uint32_t mode = 0644) {
    return fileOf(sh, std::make_shared<const std::string>(std::move(text)), mode);
}

// "2026-01-05T09_00_00_000Z": npm's debug-log file name stamp.
std::string npmStamp(int64_t ms) {
    const CivilTime t = civilFromMs(ms);
    char buf[64];
    std::snprintf(buf, sizeof buf, "%04lld-%02u-%02uT%02u_%02u_%02u_%03uZ", static_cast<long long>(t.year), t.month,
                  t.day, t.hour, t.minute, t.second, t.millisecond);
    return buf;
}

std::string npmLogLine(const Shell& sh) {
    return "npm error A complete log of this run can be found in: /root/.npm/_logs/" + npmStamp(sh.nowMs) +
           "-debug-0.log\n";
}

// "3s", "188ms", as npm prints its run time.
std::string npmTime(int64_t ms) {
    return ms < 1000 ? std::to_string(ms) + "ms" : std::to_string((ms + 500) / 1000) + "s";
}

std::string versionFrom(const std::string& spec) {
    std::string v;
    for (char c : spec)
        if (std::isdigit(static_cast<unsigned char>(c)) || c == '.') v += c;
        else if (!v.empty()) break;
    int dots = static_cast<int>(std::count(v.begin(), v.end(), '.'));
    if (v.empty()) return "1.0.0";
    while (dots++ < 2) v += ".0";
    return v;
}

// V8's JSON.parse wording for the first error nlohmann reports.
std::string jsonParseMessage(const std::string& text, const JsonParseError& e) {
    size_t pos = e.byte == 0 ? 0 : e.byte - 1;
    if (pos >= text.size()) return "Unexpected end of JSON input";
    char c = text[pos];
    size_t line = 1, col = 1;
    for (size_t i = 0; i < pos; ++i) {
        if (text[i] == '\n') {
            ++line;
            col = 1;
        } else ++col;
    }
    std::string where = " in JSON at position " + std::to_string(pos) + " (line " + std::to_string(line) + " column " +
                        std::to_string(col) + ")";
    if (c == '}' || c == '\'') return "Expected double-quoted property name" + where;
    return std::string("Unexpected token '") + c + "', \"" + text.substr(pos > 10 ? pos - 10 : 0, 20) +
           "\" is not valid JSON";
}

// package.json's dependencies (and devDependencies unless PRODUCTION): name -> version spec.
std::map<std::string, std::string> dependenciesOf(const json& pkg, bool production) {
    std::map<std::string, std::string> deps;
    for (const char* section : {"dependencies", "devDependencies"}) {
        if (production && std::string(section) == "devDependencies") continue;
        if (pkg.contains(section) && pkg[section].is_object())
            for (auto& [k, v] : pkg[section].items()) deps[k] = v.is_string() ? v.get<std::string>() : "*";
    }
    return deps;
}

// `npm ci`'s refusals: no lock file, or one out of step with package.json
// (npm's words, exit 1); otherwise it starts from an empty node_modules.
bool npmCiAllowed(Shell& sh, const fs::FileEntry* lockEntry, const std::map<std::string, std::string>& deps,
                  CommandIo& io) {
    if (!lockEntry) {
        io.err +=
            "npm error code EUSAGE\nnpm error\nnpm error The `npm ci` command can only install with an existing "
            "package-lock.json or\nnpm error npm-shrinkwrap.json with lockfileVersion >= 1. Run an install "
            "with npm@5 or\nnpm error later to generate a package-lock.json file, then try again.\nnpm error\n" +
            npmLogLine(sh);
        sh.elapsedMs += timing::kNpmCiRefusedMs;
        return false;
    }
    JsonParseError unreadable;   // a lock file that is not JSON locks nothing
    const json lock = parseJson(lockEntry->content ? *lockEntry->content : "{}", unreadable).value_or(json::object());
    std::string missing;
    for (const auto& [name, spec] : deps) {
        if (!lock.is_object() || !lock.contains("packages") || !lock["packages"].contains("node_modules/" + name))
            missing += "npm error Missing: " + name + "@" + spec + " from lock file\n";
    }
    if (!missing.empty()) {
        io.err +=
            "npm error code EUSAGE\nnpm error\nnpm error `npm ci` can only install packages when your "
            "package.json and package-lock.json or npm-shrinkwrap.json are in sync. Please update your lock "
            "file with `npm install` before continuing.\nnpm error\n" +
            missing + "npm error\n" + npmLogLine(sh);
        sh.elapsedMs += timing::kNpmCiRefusedMs;
        return false;
    }
    sh.fs.remove(sh.treePath("node_modules"));
    return true;
}

// Each dependency into node_modules (a package.json and a payload of its
// size); the lock file npm writes, returned.
json writeNodeModules(Shell& sh, const json& pkg, const std::map<std::string, std::string>& deps) {
    json lock = {{"name", pkg.value("name", "app")},
                 {"version", pkg.value("version", "1.0.0")},
                 {"lockfileVersion", 3},
                 {"requires", true},
                 {"packages", json::object()}};
    lock["packages"][""] = {{"name", pkg.value("name", "app")}, {"version", pkg.value("version", "1.0.0")}};
    std::string nm = sh.treePath("node_modules");
    for (const auto& [name, spec] : deps) {
        std::string version = versionFrom(spec);
        json meta = {{"name", name}, {"version", version}};
        sh.fs.put(nm + "/" + name + "/package.json", textFile(sh, jsonText(meta, 2) + "\n"));
        sh.fs.put(nm + "/" + name + "/index.js", fileOf(sh, payload(name, 20000, 280000)));
        lock["packages"]["node_modules/" + name] = {
            {"version", version},
            {"resolved", "https://registry.npmjs.org/" + name + "/-/" + name + "-" + version + ".tgz"}};
    }
    if (!deps.empty()) sh.fs.put(nm + "/.package-lock.json", textFile(sh, jsonText(lock, 2) + "\n"));
    return lock;
}

int npmInstall(Shell& sh, const std::vector<std::string>& argv, CommandIo& io, bool ci) {
    std::string pjPath = sh.treePath("package.json");
    std::string shown = "/" + pjPath;
    const fs::FileEntry* pj = sh.fs.find(pjPath);
    std::vector<std::string> adds;
    bool production = sh.vars.count("NODE_ENV") && sh.vars["NODE_ENV"] == "production";
    for (size_t i = 2; i < argv.size(); ++i) {
        if (argv[i] == "--production" || argv[i] == "--omit=dev") production = true;
        else if (argv[i][0] != '-') adds.push_back(argv[i]);
    }
    if (!pj && adds.empty()) {
        io.err += "npm error code ENOENT\nnpm error syscall open\nnpm error path " + shown +
                  "\nnpm error errno -2\nnpm error enoent Could not read package.json: Error: ENOENT: no such file or "
                  "directory, open '" +
                  shown +
                  "'\nnpm error enoent This is related to npm not being able to find a "
                  "file.\nnpm error enoent\n" +
                  npmLogLine(sh);
        sh.elapsedMs += timing::kNpmMissingPackageJsonMs;
        return 254;
    }
    std::string text = pj && pj->content ? *pj->content : "{}";
    JsonParseError e;
    std::optional<json> parsed = parseJson(text, e);
    if (!parsed) {
        io.err += "npm error code EJSONPARSE\nnpm error path " + shown + "\nnpm error JSON.parse " +
                  jsonParseMessage(text, e) +
                  "\nnpm error JSON.parse Failed to parse JSON data.\nnpm error JSON.parse "
                  "Note: package.json must be actual JSON, not just JavaScript.\n" +
                  npmLogLine(sh);
        sh.elapsedMs += timing::kNpmBadPackageJsonMs;
        return 1;
    }
    json pkg = parsed->is_object() ? std::move(*parsed) : json::object();
    std::map<std::string, std::string> deps = dependenciesOf(pkg, production);
    std::string lockPath = sh.treePath("package-lock.json");
    if (ci && !npmCiAllowed(sh, sh.fs.find(lockPath), deps, io)) return 1;
    for (const auto& a : adds) {
        auto at = a.find('@', 1);
        std::string name = a.substr(0, at),
                    spec = at == std::string::npos ? "^1.0.0" : "^" + versionFrom(a.substr(at + 1));
        deps[name] = spec;
        pkg["dependencies"][name] = spec;
    }
    if (!adds.empty()) sh.fs.put(pjPath, textFile(sh, jsonText(pkg, 2) + "\n"));
    int64_t took = (ci ? timing::kNpmCiBaseMs : timing::kNpmInstallBaseMs) +
                   timing::kNpmPerPackageMs * static_cast<int64_t>(deps.size());
    sh.elapsedMs += took;
    const json lock = writeNodeModules(sh, pkg, deps);
    if (!ci) sh.fs.put(lockPath, textFile(sh, jsonText(lock, 2) + "\n"));
    size_t n = deps.size();
    if (n == 0) io.out += "\nup to date, audited 1 package in " + npmTime(took) + "\n\nfound 0 vulnerabilities\n";
    else
        io.out += "\nadded " + std::to_string(n) + (n == 1 ? " package" : " packages") + ", and audited " +
                  std::to_string(n + 1) + " packages in " + npmTime(took) + "\n\nfound 0 vulnerabilities\n";
    return 0;
}

std::string sitePackages(const Shell& sh) {
    for (const auto& name : sh.fs.view().list("usr/local/lib"))
        if (name.rfind("python3", 0) == 0) return "usr/local/lib/" + name + "/site-packages";
    return "usr/local/lib/python3.12/site-packages";
}

int pipInstall(Shell& sh, const std::vector<std::string>& args, CommandIo& io) {
    std::vector<std::pair<std::string, std::string>> reqs;   // (requirement, "from" note)
    for (size_t i = 0; i < args.size(); ++i) {
        if (args[i] == "-r" || args[i] == "--requirement") {
            if (i + 1 >= args.size()) {
                io.err += "ERROR: -r option requires 1 argument\n";
                return 2;
            }
            std::string file = args[++i];
            const fs::FileEntry* e = sh.fs.find(sh.treePath(file));
            if (!e || e->isDir()) {
                io.err +=
                    "ERROR: Could not open requirements file: [Errno 2] No such file or directory: '" + file + "'\n";
                sh.elapsedMs += timing::kPipMissingRequirementsMs;
                return 1;
            }
            std::string body = e->content ? *e->content : "";
            size_t start = 0;
            int line = 0;
            while (start < body.size()) {
                size_t nl = body.find('\n', start);
                std::string l = body.substr(start, nl == std::string::npos ? std::string::npos : nl - start);
                start = nl == std::string::npos ? body.size() : nl + 1;
                ++line;
                auto hash = l.find('#');
                if (hash != std::string::npos) l.resize(hash);
                l.erase(std::remove_if(l.begin(), l.end(), [](char c) { return c == ' ' || c == '\r' || c == '\t'; }),
                        l.end());
                if (!l.empty() && l[0] != '-')
                    reqs.push_back({l, " (from -r " + file + " (line " + std::to_string(line) + "))"});
            }
        } else if (args[i][0] != '-') {
            reqs.push_back({args[i], ""});
        }
    }
    if (reqs.empty()) {
        io.err += "ERROR: You must give at least one requirement to install (see \"pip help install\")\n";
        return 1;
    }
    std::string site = sitePackages(sh);
    std::string names, installed;
    for (const auto& [req, from] : reqs) {
        size_t cut = req.find_first_of("=<>!~[;");
        std::string name = req.substr(0, cut);
        std::string version = cut == std::string::npos ? "1.0.0" : versionFrom(req.substr(cut));
        std::string lower = name;
        std::transform(lower.begin(), lower.end(), lower.begin(),
                       [](unsigned char c) { return c == '-' ? '_' : std::tolower(c); });
        uint64_t kb = 20 + fnv(name) % 400;
        io.out += "Collecting " + req + from + "\n  Downloading " + lower + "-" + version + "-py3-none-any.whl (" +
                  std::to_string(kb) + " kB)\n";
        sh.fs.put(site + "/" + lower + "/__init__.py", fileOf(sh, payload(name, kb * 1000, 1000)));
        sh.fs.put(site + "/" + lower + "-" + version + ".dist-info/METADATA",
                  textFile(sh, "Metadata-Version: 2.1\nName: " + name + "\nVersion: " + version + "\n"));
        names += (names.empty() ? "" : ", ") + lower;
        installed += " " + lower + "-" + version;
    }
    sh.elapsedMs += timing::kPipInstallBaseMs + timing::kPipPerPackageMs * static_cast<int64_t>(reqs.size());
    io.out += "Installing collected packages: " + names + "\nSuccessfully installed" + installed + "\n";
    if (sh.uid() == 0)
        io.out +=
            "WARNING: Running pip as the 'root' user can result in broken permissions and conflicting behaviour "
            "with the system package manager, possibly rendering your system unusable. It is recommended to use "
            "a virtual environment instead: https://pip.pypa.io/warnings/venv. Use the --root-user-action option "
            "if you know what you are doing and want to suppress this warning.\n";
    return 0;
}

std::string debianCodename(const Shell& sh) {
    const fs::FileEntry* e = sh.fs.find("etc/os-release");
    if (e && e->content) {
        auto p = e->content->find("VERSION_CODENAME=");
        if (p != std::string::npos) {
            auto end = e->content->find('\n', p);
            return e->content->substr(p + 17, end == std::string::npos ? std::string::npos : end - p - 17);
        }
    }
    return "bookworm";
}

int aptGet(Shell& sh, const std::vector<std::string>& argv, CommandIo& io) {
    std::vector<std::string> ops;
    for (size_t i = 1; i < argv.size(); ++i)
        if (argv[i][0] != '-') ops.push_back(argv[i]);
    if (ops.empty()) {
        io.out += "apt 2.6.1 (amd64)\n";
        return 0;
    }
    std::string dist = debianCodename(sh);
    const std::string lists = "var/lib/apt/lists";
    if (ops[0] == "update") {
        io.out += "Get:1 http://deb.debian.org/debian " + dist +
                  " InRelease [151 kB]\nGet:2 http://deb.debian.org/debian " + dist +
                  "-updates InRelease [55.4 kB]\nGet:3 http://deb.debian.org/debian-security " + dist +
                  "-security InRelease [48.0 kB]\nGet:4 http://deb.debian.org/debian " + dist +
                  "/main amd64 Packages [8792 kB]\nFetched 9047 kB in 2s (4521 kB/s)\nReading package lists...\n";
        sh.fs.mkdir(lists, 0755, true, sh.nowMs);
        sh.fs.put(lists + "/deb.debian.org_debian_dists_" + dist + "_InRelease",
                  fileOf(sh, payload(dist + "InRelease", 151000, 1)));
        sh.fs.put(lists + "/deb.debian.org_debian_dists_" + dist + "_main_binary-amd64_Packages.lz4",
                  fileOf(sh, payload(dist + "Packages", 8792000, 1)));
        sh.elapsedMs += timing::kAptUpdateMs;
        return 0;
    }
    if (ops[0] == "install") {
        bool haveLists = false;
        for (const auto& n : sh.fs.view().list(lists))
            if (n.find("Packages") != std::string::npos) haveLists = true;
        io.out += "Reading package lists...\n";
        std::vector<std::string> pkgs(ops.begin() + 1, ops.end());
        if (pkgs.empty()) {
            io.out +=
                "Building dependency tree...\nReading state information...\n0 upgraded, 0 newly installed, 0 to remove and 0 not upgraded.\n";
            return 0;
        }
        if (!haveLists) {
            io.out += "Building dependency tree...\nReading state information...\n";
            io.err += "E: Unable to locate package " + pkgs[0] + "\n";
            sh.elapsedMs += timing::kAptUnknownPackageMs;
            return 100;
        }
        io.out +=
            "Building dependency tree...\nReading state information...\nThe following NEW packages will be installed:\n ";
        for (const auto& p : pkgs) io.out += " " + p;
        io.out +=
            "\n0 upgraded, " + std::to_string(pkgs.size()) + " newly installed, 0 to remove and 0 not upgraded.\n";
        int n = 0;
        for (const auto& p : pkgs) {
            std::string version = "1.0-1";
            io.out += "Get:" + std::to_string(++n) + " http://deb.debian.org/debian " + dist + "/main amd64 " + p +
                      " amd64 " + version + "\n";
        }
        for (const auto& p : pkgs) {
            io.out += "Selecting previously unselected package " + p + ".\nUnpacking " + p +
                      " (1.0-1) ...\nSetting up " + p + " (1.0-1) ...\n";
            sh.fs.put("usr/bin/" + p, fileOf(sh, payload(p, 150000, 900000), 0755));
            sh.fs.put("var/lib/dpkg/info/" + p + ".list", textFile(sh, "/usr/bin/" + p + "\n"));
        }
        sh.elapsedMs += timing::kAptInstallBaseMs + timing::kAptPerPackageMs * static_cast<int64_t>(pkgs.size());
        return 0;
    }
    return -1;
}

int apk(Shell& sh, const std::vector<std::string>& argv, CommandIo& io) {
    std::vector<std::string> ops;
    bool noCache = false;
    for (size_t i = 1; i < argv.size(); ++i) {
        if (argv[i] == "--no-cache") noCache = true;
        else if (argv[i][0] != '-') ops.push_back(argv[i]);
    }
    if (ops.empty() || (ops[0] != "add" && ops[0] != "update")) return -1;
    io.out +=
        "fetch https://dl-cdn.alpinelinux.org/alpine/v3.20/main/x86_64/APKINDEX.tar.gz\n"
        "fetch https://dl-cdn.alpinelinux.org/alpine/v3.20/community/x86_64/APKINDEX.tar.gz\n";
    if (!noCache) sh.fs.put("var/cache/apk/APKINDEX.tar.gz", fileOf(sh, payload("APKINDEX", 1400000, 1)));
    if (ops[0] == "update") {
        sh.elapsedMs += timing::kApkUpdateMs;
        io.out += "OK: 24141 distinct packages available\n";
        return 0;
    }
    size_t n = ops.size() - 1;
    for (size_t i = 1; i < ops.size(); ++i) {
        io.out += "(" + std::to_string(i) + "/" + std::to_string(n) + ") Installing " + ops[i] + " (1.0-r0)\n";
        sh.fs.put("usr/bin/" + ops[i], fileOf(sh, payload(ops[i], 150000, 900000), 0755));
    }
    io.out += "OK: " + std::to_string(8 + n) + " MiB in " + std::to_string(14 + n) + " packages\n";
    sh.elapsedMs += timing::kApkAddBaseMs + timing::kApkPerPackageMs * static_cast<int64_t>(n);
    return 0;
}

}   // namespace

int runPackageManager(Shell& sh, const std::vector<std::string>& argv, CommandIo& io) {
    const std::string cmd = fs::baseName(argv[0]);
    std::string sub = argv.size() > 1 ? argv[1] : "";
    if (cmd == "npm") {
        if (sub == "install" || sub == "i" || sub == "add") return npmInstall(sh, argv, io, false);
        if (sub == "ci" || sub == "clean-install") return npmInstall(sh, argv, io, true);
        return -1;
    }
    if (cmd == "pip" || cmd == "pip3") {
        if (sub != "install") return -1;
        return pipInstall(sh, std::vector<std::string>(argv.begin() + 2, argv.end()), io);
    }
    if ((cmd == "python" || cmd == "python3") && argv.size() > 3 && argv[1] == "-m" && argv[2] == "pip" &&
        argv[3] == "install")
        return pipInstall(sh, std::vector<std::string>(argv.begin() + 4, argv.end()), io);
    if (cmd == "apt-get" || cmd == "apt") return aptGet(sh, argv, io);
    if (cmd == "apk") return apk(sh, argv, io);
    return -1;
}

}   // namespace layerlab::engine::run::detail
