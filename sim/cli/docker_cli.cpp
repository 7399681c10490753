// docker_cli: the command tree, global options, argument checks and the
// error texts of Docker CLI 28 (checked against docker 28.2.2). The
// per-command work is in docker_cli_container/image/system.cpp.
#include "sim/cli/docker_cli.hpp"

#include "sim/limits.hpp"

#include <algorithm>
#include <optional>

#include "sim/cli/docker_cli_everyday.hpp"
#include "sim/cli/docker_cli_hub.hpp"
#include "sim/cli/docker_cli_internal.hpp"
#include "sim/cli/docker_cli_network.hpp"
#include "sim/cli/docker_commands.hpp"
#include "sim/cli/docker_unmodelled.hpp"

namespace layerlab::cli {

using detail::Invocation;
using detail::Outcome;

bool DockerEnv::buildkit() const {
    auto it = vars.find("DOCKER_BUILDKIT");
    if (it == vars.end()) return true;
    const std::string& v = it->second;
    // docker/cli reads it with strconv.ParseBool
    return !(v == "0" || v == "f" || v == "F" || v == "false" || v == "FALSE" || v == "False");
}

namespace detail {

Outcome failure(std::string err, int exitCode) {
    Outcome o;
    o.err = std::move(err);
    o.exitCode = exitCode;
    return o;
}

Outcome withHint(Outcome o, std::string en, std::string ko) {
    o.hints.push_back({std::move(en), std::move(ko)});
    return o;
}

}   // namespace detail

namespace {

// docker's global options ([OPTIONS] before COMMAND).
const CommandSpec& globalSpec() {
    static const CommandSpec spec = [] {
        CommandSpec c{"",
                      "[OPTIONS] COMMAND [ARG...]",
                      "A self-sufficient runtime for containers",
                      "",
                      {},
                      false,
                      CommandSpec::Args::Any,
                      0,
                      0};
        c.flags = {
            {"config", 0, "string", "Location of client config files", false},
            {"context", 'c', "string", "Name of the context to use to connect to the daemon", false},
            {"debug", 'D', "", "Enable debug mode", false},
            {"host", 'H', "list", "Daemon socket to connect to", false},
            {"log-level", 'l', "string", "Set the logging level", false},
            {"tls", 0, "", "Use TLS; implied by --tlsverify", false},
            {"tlscacert", 0, "string", "Trust certs signed only by this CA", false},
            {"tlscert", 0, "string", "Path to TLS certificate file", false},
            {"tlskey", 0, "string", "Path to TLS key file", false},
            {"tlsverify", 0, "", "Use TLS and verify the remote", false},
            {"version", 'v', "", "Print version information and quit", true},
        };
        return c;
    }();
    return spec;
}

// Every modelled command once: the spec it parses with and the handler that
// runs it. The ways to type it come from the spec's own alias list
// ("docker container ls, docker container list, docker container ps, docker
// ps"), as cobra registers them, plus `extra` paths Docker also accepts.
struct Handled {
    const char* spec;
    detail::Handler handler;
    std::vector<std::string> extra = {};
};

const std::vector<Handled>& handledCommands() {
    using namespace detail;
    static const std::vector<Handled> table = {
        {"run", cmdRun},
        {"create", cmdCreate},
        {"start", cmdStart},
        {"stop", cmdStop},
        {"restart", cmdRestart},
        {"kill", cmdKill},
        {"pause", cmdPause},
        {"unpause", cmdUnpause},
        {"rm", cmdRm},
        {"ps", cmdPs},
        {"container ls", cmdPs},
        {"logs", cmdLogs},
        {"attach", cmdAttach},
        {"exec", cmdExec},
        {"inspect", cmdInspect},
        {"container inspect", cmdInspect},
        {"container prune", cmdContainerPrune},
        {"images", cmdImages},
        {"image ls", cmdImages},
        {"image inspect", cmdImageInspect},
        {"history", cmdHistory},
        {"tag", cmdTag},
        {"rmi", cmdRmi},
        {"image rm", cmdRmi},
        {"image prune", cmdImagePrune},
        {"pull", cmdPull},
        {"build", cmdBuild, {"build", "image build", "builder build"}},
        {"version", cmdVersion},
        {"info", cmdInfo},
        {"system df", cmdSystemDf},
        // the everyday commands (docker_cli_everyday.cpp)
        {"diff", cmdDiff},
        {"commit", cmdCommit},
        {"cp", cmdCp},
        {"export", cmdExport},
        {"import", cmdImport},
        {"save", cmdSave},
        {"load", cmdLoad},
        {"rename", cmdRename},
        {"port", cmdPort},
        {"top", cmdTop},
        {"wait", cmdWait},
        {"stats", cmdStats},
        {"volume create", cmdVolumeCreate},
        {"volume ls", cmdVolumeLs},
        {"volume inspect", cmdVolumeInspect},
        {"volume rm", cmdVolumeRm},
        {"volume prune", cmdVolumePrune},
        // the network group (docker_cli_network.cpp)
        {"network ls", cmdNetworkLs},
        {"network create", cmdNetworkCreate},
        {"network rm", cmdNetworkRm},
        {"network inspect", cmdNetworkInspect},
        {"network connect", cmdNetworkConnect},
        {"network disconnect", cmdNetworkDisconnect},
        {"network prune", cmdNetworkPrune},
        // sharing images and managing containers (docker_cli_hub.cpp)
        {"login", cmdLogin},
        {"logout", cmdLogout},
        {"push", cmdPush},
        {"search", cmdSearch},
        {"update", cmdUpdate},
        {"events", cmdEvents},
    };
    return table;
}

struct Route {
    std::string invoked;   // words after `docker`: "container list"
    std::string canonical;   // the name cobra reports: "container ls"
    std::string spec;   // spec path in docker_commands.cpp
    detail::Handler handler;
};

size_t wordCount(const std::string& s) { return static_cast<size_t>(std::count(s.begin(), s.end(), ' ')) + 1; }

// "docker container ls, docker container list" -> {"container ls", "container list"}.
std::vector<std::string> aliasPaths(const std::string& aliases) {
    std::vector<std::string> out;
    size_t start = 0;
    while (start < aliases.size()) {
        size_t comma = aliases.find(", ", start);
        std::string one = aliases.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
        if (one.rfind("docker ", 0) == 0) out.push_back(one.substr(7));
        start = comma == std::string::npos ? aliases.size() : comma + 2;
    }
    return out;
}

// Every invocation, built from handledCommands(): an alias belongs to the
// spec whose path has as many words ("container list" to "container ls",
// "ps" to "ps"); cobra names it by the first alias of its group.
const std::vector<Route>& routes() {
    static const std::vector<Route> table = [] {
        std::vector<Route> out;
        for (const auto& h : handledCommands()) {
            const CommandSpec* spec = findCommandSpec(h.spec);
            std::vector<std::string> ways = aliasPaths(spec->aliases);
            if (ways.empty()) ways.push_back(spec->path);
            ways.insert(ways.end(), h.extra.begin(), h.extra.end());
            for (const auto& way : ways) {
                auto same = std::find_if(out.begin(), out.end(), [&](const Route& r) { return r.invoked == way; });
                bool fits = wordCount(spec->path) == wordCount(way);
                if (same != out.end() && (!fits || wordCount(same->spec) == wordCount(way))) continue;
                std::string canonical = way;
                auto space = way.find(' ');
                if (space != std::string::npos)
                    for (const auto& a : aliasPaths(spec->aliases))
                        if (a.compare(0, space + 1, way, 0, space + 1) == 0) {
                            canonical = a;
                            break;
                        }
                Route r{way, canonical, spec->path, h.handler};
                if (same != out.end()) *same = r;
                else out.push_back(r);
            }
        }
        return out;
    }();
    return table;
}

// Docker commands that exist but are not modelled (docker_unmodelled.cpp says why).
const std::vector<std::string>& unmodelledCommands() { return unmodelledDockerCommands(); }

const std::vector<std::string>& groups() {
    static const std::vector<std::string> g = {"container", "image",  "system", "builder",
                                               "buildx",    "volume", "network"};
    return g;
}

bool contains(const std::vector<std::string>& v, const std::string& s) {
    return std::find(v.begin(), v.end(), s) != v.end();
}

std::string argWord(int n) { return n == 1 ? "argument" : "arguments"; }

// The "Usage:  docker ..." line of a command as invoked.
std::string useLine(const Invocation& inv) {
    std::string use = inv.spec->use;
    // the spec's own path is the first words of `use`; swap in the invoked path
    std::string specPath = inv.spec->path == "build" ? "buildx build" : inv.spec->path;
    if (inv.spec->path == "legacy build") specPath = "build";
    std::string rest = use.substr(std::min(use.size(), specPath.size()));
    std::string invokedPath = inv.path;
    if (inv.spec->path == "build" && inv.path != "docker buildx build") invokedPath = "docker buildx build";
    return invokedPath + rest;
}

Outcome argError(const Invocation& inv, size_t got) {
    const CommandSpec& s = *inv.spec;
    std::string head = "docker: '" + inv.path + "' ";
    std::string usage = "\n\nUsage:  " + useLine(inv) + "\n\n";
    std::string run = "Run '" + inv.path + " --help' for more information\n";
    switch (s.args) {
        case CommandSpec::Args::NoArgs:
            if (got == 0) return {};
            return detail::failure(head + "accepts no arguments" + usage + run);
        case CommandSpec::Args::Min:
            if (static_cast<int>(got) >= s.argMin) return {};
            return detail::failure(head + "requires at least " + std::to_string(s.argMin) + " " + argWord(s.argMin) +
                                   usage + "See '" + inv.path + " --help' for more information\n");
        case CommandSpec::Args::Exact:
            if (static_cast<int>(got) == s.argMin) return {};
            return detail::failure(head + "requires " + std::to_string(s.argMin) + " " + argWord(s.argMin) + usage +
                                   run);
        case CommandSpec::Args::Max:
            if (static_cast<int>(got) <= s.argMax) return {};
            // docker/cli 28's RequiresMaxArgs really prints "SRun" (a typo in its format string)
            return detail::failure(head + "requires at most " + std::to_string(s.argMax) + " " + argWord(s.argMax) +
                                   usage + "S" + run);
        case CommandSpec::Args::Range:
            if (static_cast<int>(got) >= s.argMin && static_cast<int>(got) <= s.argMax) return {};
            return detail::failure(head + "requires at least " + std::to_string(s.argMin) + " and at most " +
                                   std::to_string(s.argMax) + " " + argWord(s.argMax) + usage + run);
        case CommandSpec::Args::Any:
            return {};
    }
    return {};
}

std::string notModelledNote(const CommandSpec& spec) {
    std::vector<std::string> names;
    for (const auto& f : spec.flags)
        if (!f.supported && !f.hidden) names.push_back("--" + f.name);
    if (names.empty()) return "";
    std::string list;
    if (names.size() <= 8) {
        for (size_t i = 0; i < names.size(); ++i) list += (i ? ", " : "") + names[i];
        return "LayerLab simulates the options above. Docker's other options (" + list + ") are not modelled.";
    }
    return "LayerLab simulates the options above. Docker's " + std::to_string(names.size()) +
           " other options for this command are not modelled.";
}

// `docker -p 3000:80 IMAGE` (the course notes' line): flags that belong to
// `docker run` written without `run`.
bool looksLikeRunFlag(const std::string& arg) {
    if (arg.size() < 2 || arg[0] != '-') return false;
    if (arg.rfind("--", 0) == 0) {
        std::string name = arg.substr(2, arg.find('=') == std::string::npos ? std::string::npos : arg.find('=') - 2);
        return findCommandSpec("run")->findLong(name) != nullptr;
    }
    return findCommandSpec("run")->findShort(arg[1]) != nullptr;
}

Outcome globalFlagError(const std::string& error, const std::vector<std::string>& args) {
    Outcome o = detail::failure(
        error + "\n\nUsage:  docker [OPTIONS] COMMAND [ARG...]\n\nRun 'docker --help' for more information\n", 125);
    // find the offending word to suggest `docker run ...`
    for (const auto& a : args) {
        if (a.empty() || a[0] != '-') break;
        if (looksLikeRunFlag(a)) {
            std::string rest;
            for (const auto& w : args) rest += " " + w;
            std::string image = args.back()[0] == '-' ? " <image>" : "";
            return detail::withHint(
                o,
                "`" + a +
                    "` is an option of `docker run`, not of `docker` itself: the command word `run` is missing. "
                    "Write it as: docker run" +
                    rest + image + "   (general form: docker run -p 3000:80 <image>)",
                "`" + a +
                    "`는 `docker` 자체가 아니라 `docker run`의 옵션입니다. 명령 단어 `run`이 빠졌습니다. "
                    "이렇게 쓰세요: docker run" +
                    rest + image + "   (일반 형태: docker run -p 3000:80 <이미지>)");
        }
    }
    return o;
}

Outcome unsupportedFlags(const Invocation& inv) {
    std::string list;
    for (size_t i = 0; i < inv.flags.unsupported.size(); ++i) {
        if (contains(std::vector<std::string>(inv.flags.unsupported.begin(),
                                              inv.flags.unsupported.begin() + static_cast<long>(i)),
                     inv.flags.unsupported[i]))
            continue;
        list += (list.empty() ? "" : ", ") + inv.flags.unsupported[i];
    }
    return detail::failure("layerlab: " + inv.path + " " + list +
                           ": this Docker option is real, but LayerLab does not model it. Run the command without it "
                           "(see '" +
                           inv.path + " --help' for the options LayerLab simulates).\n");
}

// Help, --version, unmodelled global options and a bare `docker`: answered
// before any command word is read.
std::optional<Outcome> globalAnswer(const ParsedFlags& g) {
    if (g.help) {
        Outcome o;
        o.out = detail::dockerHelp();
        return o;
    }
    if (g.flag("version")) {
        Outcome o;
        o.out = "Docker version 28.2.2, build e6534b4\n";
        return o;
    }
    if (!g.unsupported.empty())
        return detail::failure("layerlab: docker " + g.unsupported.front() +
                               ": this global Docker option is real, but LayerLab simulates one local engine and does "
                               "not model it.\n");
    if (g.args.empty()) {
        Outcome o;
        o.err = detail::dockerHelp();   // bare `docker` prints its help on stderr, exit 0
        return o;
    }
    return std::nullopt;
}

// The command the words name: its route and how many words it took ("container
// ls" two, "ps" one), or what Docker answers instead (a group's help, an
// unknown or unmodelled command).
struct RouteFound {
    const Route* route = nullptr;
    size_t used = 1;
    Outcome answer;   // when route is null
};

// No route for KEY: Docker's unknown-command text, or LayerLab's note on a real command it leaves out.
Outcome noRoute(const std::vector<std::string>& words, const std::string& key, size_t used) {
    const std::string& first = words[0];
    if (used == 2 && (first == "builder" || first == "buildx"))
        return detail::failure("layerlab: docker " + key +
                               ": LayerLab does not model this command. It simulates `docker build` (BuildKit by "
                               "default, the legacy builder with DOCKER_BUILDKIT=0).\n");
    if (used == 2) {
        if (first == "container" || first == "image" || first == "system" || first == "volume") {
            // a real sub-command that LayerLab leaves out, or a typo
            static const std::vector<std::string> realSubs = {"prune"};
            if (contains(realSubs, words[1])) return detail::failure(unmodelledMessage(key));
        }
        return detail::failure("docker: unknown command: docker " + key + "\n\nUsage:  docker " + first +
                               "\n\nRun 'docker " + first + " --help' for more information\n");
    }
    if (contains(unmodelledCommands(), first)) return detail::failure(unmodelledMessage(first));
    return detail::failure("docker: unknown command: docker " + first +
                           "\n\nRun 'docker --help' for more information\n");
}

RouteFound findRoute(const std::vector<std::string>& words) {
    RouteFound found;
    const std::string& first = words[0];
    std::string key = first;
    if (contains(groups(), first)) {
        if (words.size() == 1 || words[1] == "--help" || words[1] == "-h") {
            std::string text = first == "volume"    ? detail::volumeGroupHelp()
                               : first == "network" ? detail::networkGroupHelp()
                                                    : detail::groupHelp(first);
            if (words.size() == 1) found.answer.err = text;
            else found.answer.out = text;
            return found;
        }
        key = first + " " + words[1];
        found.used = 2;
    }
    for (const auto& r : routes())
        if (key == r.invoked) found.route = &r;
    if (!found.route) found.answer = noRoute(words, key, found.used);
    return found;
}

// The simulated daemon's limits (sim/limits.hpp): a command that would add
// a container or an image past them is refused before it runs.
std::optional<Outcome> limitReached(const engine::State& state, const Route& route) {
    const std::string verb = route.spec.substr(route.spec.rfind(' ') + 1);   // "container run" -> "run"
    const bool addsContainer = verb == "run" || verb == "create";
    const bool addsImage = addsContainer || verb == "build" || verb == "pull" || verb == "tag";
    const bool ko = state.lang == "ko";
    if (addsContainer && state.containers.size() >= limits::kContainers)
        return detail::failure("layerlab: " +
                               limits::reached(state.lang, ko ? "컨테이너 수" : "containers",
                                               std::to_string(limits::kContainers) + (ko ? "개" : " containers")) +
                               (ko ? ". docker rm으로 지우세요.\n" : "; remove some with docker rm.\n"));
    if (addsImage && state.images.size() >= limits::kImages)
        return detail::failure("layerlab: " +
                               limits::reached(state.lang, ko ? "이미지 수" : "images",
                                               std::to_string(limits::kImages) + (ko ? "개" : " images")) +
                               (ko ? ". docker rmi로 지우세요.\n" : "; remove some with docker rmi.\n"));
    return std::nullopt;
}

// `docker build -t myapp` without the `.`: the missing word is the build context.
Outcome withContextHint(const Outcome& argCheck, const std::vector<std::string>& rest) {
    std::string fixed = "docker build";
    for (const auto& a : rest) fixed += " " + a;
    fixed += " .";
    return detail::withHint(argCheck,
                            "docker build needs a build context: the folder whose files the Dockerfile's COPY "
                            "can use, usually `.` (the current folder, ~/app). Write: " +
                                fixed,
                            "docker build에는 빌드 컨텍스트가 필요합니다. Dockerfile의 COPY가 쓸 수 있는 파일이 "
                            "든 폴더로, 보통 `.`(지금 폴더, ~/app)입니다. 이렇게 쓰세요: " +
                                fixed);
}

// The command's own flags and arguments (REST), checked as cobra does, then its handler.
Outcome invokeRoute(engine::State& state, const Route& route, const std::vector<std::string>& rest,
                    const DockerEnv& env) {
    Invocation inv;
    // cobra names a command by its own name, not the alias typed
    inv.path = "docker " + route.canonical;
    inv.env = &env;
    std::string specPath = route.spec;
    if (specPath == "build" && !env.buildkit()) specPath = "legacy build";
    inv.spec = findCommandSpec(specPath);

    Outcome legacyNotice;
    if (specPath == "legacy build")
        legacyNotice.err =
            "DEPRECATED: The legacy builder is deprecated and will be removed in a future release.\n"
            "            BuildKit is currently disabled; enable it by removing the DOCKER_BUILDKIT=0\n"
            "            environment-variable.\n\n";

    FlagParseResult parsed = parseFlags(*inv.spec, rest);
    if (!parsed.error.empty()) {
        Outcome o = detail::failure(legacyNotice.err + parsed.error + "\n\nUsage:  " + useLine(inv) + "\n\nRun '" +
                                        inv.path + " --help' for more information\n",
                                    125);
        return o;
    }
    inv.flags = std::move(parsed.flags);
    if (inv.flags.help) {
        CommandSpec shown = *inv.spec;
        shown.use = useLine(inv).substr(std::string("docker ").size());
        Outcome o;
        o.out = legacyNotice.err + renderUsage(shown, notModelledNote(shown));
        return o;
    }
    Outcome argCheck = argError(inv, inv.flags.args.size());
    if (!argCheck.ok()) {
        argCheck.err = legacyNotice.err + argCheck.err;
        if ((specPath == "build" || specPath == "legacy build") && inv.flags.args.empty())
            return withContextHint(argCheck, rest);
        return argCheck;
    }
    if (!inv.flags.unsupported.empty()) return unsupportedFlags(inv);
    // (the legacy builder prints its own notice when it runs)
    return route.handler(state, inv);
}

}   // namespace

std::vector<DockerCommandPath> dockerCommandTree() {
    std::vector<DockerCommandPath> tree;
    for (const auto& r : routes()) tree.push_back({r.invoked, r.spec});
    return tree;
}

const CommandSpec& dockerGlobalSpec() { return globalSpec(); }

bool dockerErrFirst(const std::vector<std::string>& args) {
    std::vector<std::string> words;
    for (const auto& a : args) {
        if (!a.empty() && a[0] == '-') continue;
        words.push_back(a);
        if (words.size() == 2) break;
    }
    if (words.empty()) return false;
    // login: its warnings (stderr) come before "Login Succeeded" (stdout)
    if (words[0] == "run" || words[0] == "create" || words[0] == "login") return true;
    return words[0] == "container" && words.size() > 1 && (words[1] == "run" || words[1] == "create");
}

engine::ContainerOutcome runDocker(engine::State& state, const std::vector<std::string>& args, const DockerEnv& env) {
    FlagParseResult global = parseFlags(globalSpec(), args);
    if (!global.error.empty()) return globalFlagError(global.error, args);
    const ParsedFlags& g = global.flags;
    if (std::optional<Outcome> answer = globalAnswer(g)) return *answer;
    RouteFound found = findRoute(g.args);
    if (!found.route) return found.answer;
    if (std::optional<Outcome> refused = limitReached(state, *found.route)) return *refused;
    const std::vector<std::string> rest(g.args.begin() + static_cast<long>(found.used), g.args.end());
    return invokeRoute(state, *found.route, rest, env);
}

}   // namespace layerlab::cli
