// Typed instructions with BuildKit's checks (instructions/parse.go): argument
// counts, flags per instruction, stage names, heredoc placement, ONBUILD rules.
#include "sim/dockerfile/instructions.hpp"

#include <algorithm>
#include <type_traits>
#include <utility>

#include "sim/dockerfile/bflags.hpp"
#include "sim/dockerfile/healthcheck.hpp"
#include "sim/dockerfile/internal.hpp"
#include "sim/dockerfile/unicode.hpp"

namespace layerlab::dockerfile::detail {

std::vector<std::string> handleJsonArgs(const std::vector<std::string_view>& args, bool json) {
    if (args.empty()) return {};
    if (json || args.size() == 1) return {args.begin(), args.end()};
    std::string joined;
    for (std::size_t i = 0; i < args.size(); ++i) {
        if (i) joined.push_back(' ');
        joined += args[i];
    }
    return {joined};
}

namespace {

struct Request {
    const Node& node;
    const std::vector<std::string_view>& args;   // views into the node's argument values
    BFlags flags;
    SourceRange range;
    Command& out;   // where the instruction is built (the caller's Command)
    Request(const Node& n, const std::vector<std::string_view>& argViews, Command& o)
        : node(n), args(argViews), flags(n.flags), range(n.range), out(o) {}
};

// The error, if any. A bare optional: wrapped in a struct, every `return {}`
// zeroed the optional's 160 bytes (rep stos), once per instruction.
using Result = std::optional<Diagnostic>;

Result fail(Diagnostic d) { return Result(std::move(d)); }

// The instruction, built in the caller's Command (the variant's alternative
// is made there first, see make()); then the fields every Command has.
Result finish(const Request& req, const char* keyword) {
    Command& c = req.out;
    c.keyword = keyword;
    c.original.assign(unicode::trimSpace(req.node.original));
    c.range = req.range;
    return {};
}

// Converts to any T, default-initialized: variant::emplace<T>() value-initializes,
// which zeroes all of T before its member initializers run (256 bytes of
// CopyInstruction per COPY). Every scalar member of the instructions has an
// initializer, so the two give the same T.
struct DefaultInitialized {
    template <typename T>
    operator T() const {
        T t;
        return t;
    }
};

// The alternative T of the caller's Command, to fill in place.
template <typename T>
T& make(const Request& req) {
    return req.out.instruction.emplace<T>(DefaultInitialized{});
}

template <typename T>
Result ok(const Request& req, T&& instruction, const char* keyword) {
    req.out.instruction.emplace<std::decay_t<T>>(std::forward<T>(instruction));
    return finish(req, keyword);
}

bool validStageName(const std::string& s) {
    if (s.empty() || !(s[0] >= 'a' && s[0] <= 'z')) return false;
    for (char c : s) {
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.')) return false;
    }
    return true;
}

bool equalFoldAs(std::string_view s) {
    return s.size() == 2 && (s[0] == 'a' || s[0] == 'A') && (s[1] == 's' || s[1] == 'S');
}

std::optional<Diagnostic> parseKvps(const Request& req, const std::string& name, std::vector<KeyValue>& out) {
    if (req.args.empty()) return Diagnostic::atLeastOneArgument(name, req.range);
    if (req.args.size() % 3 != 0)
        return Diagnostic::instructionError("too-many-arguments", "Bad input to " + name + ", too many arguments",
                                            req.range);
    out.reserve(req.args.size() / 3);
    for (std::size_t j = 0; j < req.args.size(); j += 3) {
        if (req.args[j].empty()) return Diagnostic::blankNames(name, req.range);
        out.push_back({std::string(req.args[j]), std::string(req.args[j + 1])});
    }
    return std::nullopt;
}

Result parseFrom(Request& req) {
    FromInstruction& from = make<FromInstruction>(req);
    if (req.args.size() == 3 && equalFoldAs(req.args[1])) {
        from.stageName = unicode::toLower(req.args[2]);
        if (!validStageName(from.stageName))
            return fail(Diagnostic::invalidStageName(std::string(req.args[2]), req.range));
    } else if (req.args.size() != 1) {
        return fail(Diagnostic::fromArguments(req.range));
    }
    const int platform = req.flags.addString("platform");
    if (auto e = req.flags.parse(req.range)) return fail(*e);
    from.image = std::string(req.args[0]);
    from.platform = req.flags.value(platform);
    return finish(req, "FROM");
}

Result parseSourcesAndDest(Request& req, const std::string& name, CopyInstruction& copy) {
    copy.destination = std::string(req.args.back());
    if (parseHeredocWord(copy.destination))
        return fail(Diagnostic::heredocNotAllowed(name, "a destination", req.range));
    copy.sources.assign(req.args.begin(), req.args.end() - 1);
    for (const std::string& src : copy.sources) {
        if (auto h = parseHeredocWord(src)) {
            for (const Heredoc& doc : req.node.heredocs) {
                if (doc.name != h->name) continue;
                Heredoc file = doc;
                if (h->chomp) file.content = chompHeredocContent(file.content);
                file.expand = h->expand;
                copy.heredocs.push_back(std::move(file));
                break;
            }
        }
    }
    return {};
}

Result parseCopyOrAdd(Request& req, bool isAdd) {
    const std::string name = isAdd ? "ADD" : "COPY";
    if (req.args.size() < 2) return fail(Diagnostic::noDestination(name, req.range));
    CopyInstruction& copy = make<CopyInstruction>(req);
    copy.isAdd = isAdd;
    const int exclude = req.flags.addStrings("exclude");
    const int chown = req.flags.addString("chown");
    const int chmod = req.flags.addString("chmod");
    const int link = req.flags.addBool("link");
    int from = -1, parents = -1, keepGitDir = -1, checksum = -1;
    if (isAdd) {
        keepGitDir = req.flags.addBool("keep-git-dir");
        checksum = req.flags.addString("checksum");
    } else {
        parents = req.flags.addBool("parents");
        from = req.flags.addString("from");
    }
    if (auto e = req.flags.parse(req.range)) return fail(*e);
    if (Result r = parseSourcesAndDest(req, name, copy)) return r;
    copy.excludes = req.flags.values(exclude);
    copy.chown = req.flags.value(chown);
    copy.chmod = req.flags.value(chmod);
    copy.link = req.flags.isTrue(link);
    if (isAdd) {
        copy.keepGitDir = req.flags.isTrue(keepGitDir);
        copy.checksum = req.flags.value(checksum);
    } else {
        copy.from = req.flags.value(from);
        (void)parents;
    }
    return finish(req, isAdd ? "ADD" : "COPY");
}

Result parseRun(Request& req) {
    RunInstruction& run = make<RunInstruction>(req);
    const int mount = req.flags.addStrings("mount");
    const int network = req.flags.addString("network");
    const int security = req.flags.addString("security");
    if (auto e = req.flags.parse(req.range)) return fail(*e);
    run.mounts = req.flags.values(mount);
    // BuildKit's parseMount (instructions/commands_runmount.go) knows five mount types.
    for (const std::string& m : run.mounts) {
        size_t start = 0;
        while (start <= m.size()) {
            const size_t comma = std::min(m.find(',', start), m.size());
            const std::string field = m.substr(start, comma - start);
            const size_t eq = field.find('=');
            std::string key = field.substr(0, eq), type = eq == std::string::npos ? "" : field.substr(eq + 1);
            for (std::string* w : {&key, &type})
                for (char& c : *w) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
            if (key == "type" && type != "bind" && type != "cache" && type != "tmpfs" && type != "secret" &&
                type != "ssh")
                return fail(Diagnostic::instructionError(
                    "unsupported-mount-type", "unsupported mount type " + goQuote(field.substr(eq + 1)), req.range));
            start = comma + 1;
        }
    }
    run.network = req.flags.value(network);
    run.security = req.flags.value(security);
    run.shellForm = !req.node.json;
    run.args = handleJsonArgs(req.args, req.node.json);
    run.heredocs = req.node.heredocs;
    return finish(req, "RUN");
}

Result parseOnbuild(Request& req) {
    if (req.args.empty()) return fail(Diagnostic::atLeastOneArgument("ONBUILD", req.range));
    if (auto e = req.flags.parse(req.range)) return fail(*e);
    std::string trigger;
    for (char c : unicode::trimSpace(req.args[0]))
        trigger.push_back((c >= 'a' && c <= 'z') ? static_cast<char>(c - 32) : c);
    if (trigger == "ONBUILD") return fail(Diagnostic::onbuildChaining(req.range));
    if (trigger == "MAINTAINER" || trigger == "FROM") return fail(Diagnostic::onbuildTrigger(trigger, req.range));
    // (?i)^\s*ONBUILD\s* removed from the original line
    std::string_view original = req.node.original;
    std::size_t i = 0;
    const auto isS = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'; };
    while (i < original.size() && isS(original[i])) ++i;
    if (unicode::toLower(original.substr(i, 7)) == "onbuild") {
        i += 7;
        while (i < original.size() && isS(original[i])) ++i;
        original = original.substr(i);
    }
    OnbuildInstruction onbuild{std::string(original)};
    for (const Heredoc& h : req.node.heredocs) onbuild.expression += "\n" + h.content + h.name;
    return ok(req, std::move(onbuild), "ONBUILD");
}

Result parseHealthcheck(Request& req) {
    if (req.args.empty()) return fail(Diagnostic::atLeastOneArgument("HEALTHCHECK", req.range));
    HealthcheckInstruction h;
    std::string typ;
    for (char c : req.args[0]) typ.push_back((c >= 'a' && c <= 'z') ? static_cast<char>(c - 32) : c);
    const std::vector<std::string_view> rest(req.args.begin() + 1, req.args.end());
    h.type = typ;
    h.flags = req.node.flags;
    if (typ == "NONE") {
        if (!rest.empty())
            return fail(Diagnostic::instructionError("healthcheck", "HEALTHCHECK NONE takes no arguments", req.range));
        return ok(req, std::move(h), "HEALTHCHECK");
    }
    const int durations[] = {req.flags.addString("interval"), req.flags.addString("timeout"),
                             req.flags.addString("start-period"), req.flags.addString("start-interval")};
    const char* names[] = {"interval", "timeout", "start-period", "start-interval"};
    const int retries = req.flags.addString("retries");
    if (auto e = req.flags.parse(req.range)) return fail(*e);
    if (typ != "CMD") {
        return fail(Diagnostic::instructionError(
            "healthcheck", "Unknown type " + goQuote(typ) + " in HEALTHCHECK (try CMD)", req.range));
    }
    h.test = handleJsonArgs(rest, req.node.json);
    if (h.test.empty())
        return fail(Diagnostic::instructionError("healthcheck", "Missing command after HEALTHCHECK CMD", req.range));
    h.shellForm = !req.node.json;
    for (int i = 0; i < 4; ++i) {
        const std::string_view v = req.flags.value(durations[i]);
        if (v.empty()) continue;
        const DurationResult d = parseGoDuration(v);
        if (!d.ok) return fail(Diagnostic::instructionError("healthcheck", d.error, req.range));
        if (d.nanoseconds != 0 && d.nanoseconds < 1e6L) {
            return fail(Diagnostic::instructionError(
                "healthcheck", std::string("Interval ") + goQuote(names[i]) + " cannot be less than 1ms", req.range));
        }
    }
    const std::string_view r = req.flags.value(retries);
    if (!r.empty()) {
        const IntResult n = parseGoInt32(r);
        if (!n.ok) return fail(Diagnostic::instructionError("healthcheck", n.error, req.range));
        if (n.value < 0) {
            return fail(Diagnostic::instructionError(
                "healthcheck", "--retries cannot be negative (" + std::to_string(n.value) + ")", req.range));
        }
    }
    return ok(req, std::move(h), "HEALTHCHECK");
}

Result exactlyOne(Request& req, const std::string& name, bool parseFlags, std::string& out) {
    if (req.args.size() != 1) return fail(Diagnostic::exactlyOneArgument(name, req.range));
    if (parseFlags) {
        if (auto e = req.flags.parse(req.range)) return fail(*e);
    }
    out = std::string(req.args[0]);
    return {};
}

// VOLUME: at least one path, none blank.
Result parseVolume(Request& req) {
    if (req.args.empty()) return fail(Diagnostic::atLeastOneArgument("VOLUME", req.range));
    if (auto e = req.flags.parse(req.range)) return fail(*e);
    VolumeInstruction v;
    for (std::string_view a : req.args) {
        const std::string_view t = unicode::trimSpace(a);
        if (t.empty()) return fail(Diagnostic::volumeEmpty(req.range));
        v.paths.emplace_back(t);
    }
    return ok(req, std::move(v), "VOLUME");
}

// ARG NAME or NAME=default, one or more.
Result parseArg(Request& req) {
    if (req.args.empty()) return fail(Diagnostic::atLeastOneArgument("ARG", req.range));
    ArgInstruction& a = make<ArgInstruction>(req);
    a.args.reserve(req.args.size());
    for (std::string_view word : req.args) {
        const std::size_t eq = word.find('=');
        if (eq == std::string::npos) {
            a.args.push_back({std::string(word), std::nullopt});
            continue;
        }
        if (eq == 0) return fail(Diagnostic::blankNames("ARG", req.range));
        a.args.push_back({std::string(word.substr(0, eq)), std::string(word.substr(eq + 1))});
    }
    return finish(req, "ARG");
}

}   // namespace

namespace {

Result parseInto(const Node& node, Keyword keyword, std::vector<std::string_view>& argBuffer, Command& out) {
    argBuffer.clear();
    appendArgViews(node, argBuffer);
    Request req(node, argBuffer, out);
    switch (keyword) {
        case Keyword::Env:
        case Keyword::Label: {
            const bool env = keyword == Keyword::Env;
            if (auto e = req.flags.parse(req.range)) return fail(*e);
            std::vector<KeyValue> pairs;
            if (auto e = parseKvps(req, env ? "ENV" : "LABEL", pairs)) return fail(*e);
            if (env) return ok(req, EnvInstruction{std::move(pairs)}, "ENV");
            return ok(req, LabelInstruction{std::move(pairs)}, "LABEL");
        }
        case Keyword::Maintainer: {
            MaintainerInstruction m;
            if (auto r = exactlyOne(req, "MAINTAINER", true, m.name); r) return r;
            return ok(req, std::move(m), "MAINTAINER");
        }
        case Keyword::Add:
            return parseCopyOrAdd(req, true);
        case Keyword::Copy:
            return parseCopyOrAdd(req, false);
        case Keyword::From:
            return parseFrom(req);
        case Keyword::Onbuild:
            return parseOnbuild(req);
        case Keyword::Workdir: {
            WorkdirInstruction w;
            if (auto r = exactlyOne(req, "WORKDIR", true, w.path); r) return r;
            return ok(req, std::move(w), "WORKDIR");
        }
        case Keyword::Run:
            return parseRun(req);
        case Keyword::Cmd:
        case Keyword::Entrypoint: {
            if (auto e = req.flags.parse(req.range)) return fail(*e);
            std::vector<std::string> args = handleJsonArgs(req.args, node.json);
            if (keyword == Keyword::Cmd) return ok(req, CmdInstruction{std::move(args), !node.json}, "CMD");
            return ok(req, EntrypointInstruction{std::move(args), !node.json}, "ENTRYPOINT");
        }
        case Keyword::Healthcheck:
            return parseHealthcheck(req);
        case Keyword::Expose: {
            if (req.args.empty()) return fail(Diagnostic::atLeastOneArgument("EXPOSE", req.range));
            if (auto e = req.flags.parse(req.range)) return fail(*e);
            ExposeInstruction expose{{req.args.begin(), req.args.end()}};
            std::sort(expose.ports.begin(), expose.ports.end());
            return ok(req, std::move(expose), "EXPOSE");
        }
        case Keyword::User: {
            UserInstruction u;
            if (auto r = exactlyOne(req, "USER", true, u.user); r) return r;
            return ok(req, std::move(u), "USER");
        }
        case Keyword::Volume:
            return parseVolume(req);
        case Keyword::Stopsignal: {
            StopsignalInstruction s;
            if (auto r = exactlyOne(req, "STOPSIGNAL", false, s.signal); r) return r;
            return ok(req, std::move(s), "STOPSIGNAL");
        }
        case Keyword::Arg:
            return parseArg(req);
        case Keyword::Shell: {
            if (auto e = req.flags.parse(req.range)) return fail(*e);
            std::vector<std::string> shell = handleJsonArgs(req.args, node.json);
            if (shell.empty()) return fail(Diagnostic::atLeastOneArgument("SHELL", req.range));
            if (!node.json) return fail(Diagnostic::notJson("SHELL", req.range));
            return ok(req, ShellInstruction{std::move(shell)}, "SHELL");
        }
        case Keyword::Unknown:
            break;
    }
    return fail(Diagnostic::unknownInstruction(node.value, suggest(node.value, instructionNames(), false), node.range));
}

}   // namespace

std::optional<Diagnostic> parseInstruction(const Node& node, Keyword keyword, std::vector<std::string_view>& argBuffer,
                                           Command& out) {
    return parseInto(node, keyword, argBuffer, out);
}

}   // namespace layerlab::dockerfile::detail
