// docker_cli_hub: see the header.
#include "sim/cli/docker_cli_hub.hpp"

#include "sim/engine/containers/container_update.hpp"
#include "sim/engine/events/events_command.hpp"
#include "sim/engine/registry/hub_commands.hpp"
#include "sim/numbers.hpp"

namespace layerlab::cli::detail {

std::optional<int64_t> ramInBytes(const std::string& text) {
    // ^(\d+(\.\d+)*) ?([kKmMgGtTpP])?[iI]?[bB]?$ with binary multiples (go-units RAMInBytes)
    size_t i = 0;
    while (i < text.size() && ((text[i] >= '0' && text[i] <= '9') || (i > 0 && text[i] == '.'))) ++i;
    if (i == 0) return std::nullopt;
    const std::string number = text.substr(0, i);
    if (number.back() == '.') return std::nullopt;
    std::string rest = text.substr(i);
    if (!rest.empty() && rest[0] == ' ') rest.erase(0, 1);
    double mult = 1;
    if (!rest.empty()) {
        const char u = static_cast<char>(rest[0] | 0x20);
        const std::string units = "kmgtp";
        if (const auto k = units.find(u); k != std::string::npos) {
            for (size_t n = 0; n <= k; ++n) mult *= 1024;
            rest.erase(0, 1);
        }
    }
    if (!rest.empty() && (rest[0] | 0x20) == 'i') rest.erase(0, 1);
    if (!rest.empty() && (rest[0] | 0x20) == 'b') rest.erase(0, 1);
    if (!rest.empty()) return std::nullopt;
    double value = 0, scale = 0;
    for (char c : number) {
        if (c == '.') {
            if (scale == 0) scale = 1;   // "1.2.3" is accepted by the pattern; only the first '.' counts here
            continue;
        }
        if (scale > 0) scale /= 10, value += (c - '0') * scale;
        else value = value * 10 + (c - '0');
    }
    const double bytes = value * mult;
    if (bytes > 9.2e18) return std::nullopt;
    return static_cast<int64_t>(bytes);
}

std::optional<int64_t> nanoCpus(const std::string& text) {
    // big.Rat.SetString on a decimal, times 1e9, which must be an integer
    if (text.empty()) return std::nullopt;
    size_t i = 0;
    bool negative = false;
    if (text[0] == '-' || text[0] == '+') negative = text[0] == '-', i = 1;
    int64_t whole = 0, frac = 0, fracDigits = 0;
    bool dot = false, digits = false;
    for (; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '.' && !dot) {
            dot = true;
            continue;
        }
        if (c < '0' || c > '9') return std::nullopt;
        digits = true;
        if (dot) {
            if (fracDigits == 9) {
                if (c != '0') return std::nullopt;   // finer than a nano-CPU
                continue;
            }
            frac = frac * 10 + (c - '0');
            ++fracDigits;
        } else {
            if (whole > 1000000) return std::nullopt;
            whole = whole * 10 + (c - '0');
        }
    }
    if (!digits) return std::nullopt;
    while (fracDigits < 9) frac *= 10, ++fracDigits;
    const int64_t n = whole * 1000000000 + frac;
    return negative ? -n : n;
}

Outcome flagValueError(const Invocation& inv, const std::string& flag, const std::string& value,
                       const std::string& why) {
    const std::string usage = inv.path + inv.spec->use.substr(inv.spec->path.size());
    return failure("invalid argument \"" + value + "\" for \"" + flag + "\" flag: " + why + "\n\nUsage:  " + usage +
                       "\n\nRun '" + inv.path + " --help' for more information\n",
                   125);
}

Outcome cmdLogin(engine::State& state, const Invocation& inv) {
    engine::LoginOptions o;
    const ParsedFlags& f = inv.flags;
    if (!f.args.empty()) o.server = f.args[0];
    o.user = f.get("username");
    if (f.has("password")) o.password = f.get("password");
    o.passwordStdin = f.flag("password-stdin");
    o.stdinData = inv.env->stdinData;
    o.terminal = inv.env->terminal;
    o.answer = inv.env->answer;
    auto home = inv.env->vars.find("HOME");
    o.configPath = (home != inv.env->vars.end() ? home->second : "/home/learner") + "/.docker/config.json";
    return engine::login(state, o);
}

Outcome cmdLogout(engine::State& state, const Invocation& inv) {
    return engine::logout(state, inv.flags.args.empty() ? "" : inv.flags.args[0]);
}

Outcome cmdPush(engine::State& state, const Invocation& inv) {
    engine::PushOptions o;
    o.reference = inv.flags.args[0];
    o.allTags = inv.flags.flag("all-tags");
    o.quiet = inv.flags.flag("quiet");
    o.tty = inv.env->terminal;
    return engine::pushImage(state, o);
}

Outcome cmdSearch(engine::State& state, const Invocation& inv) {
    engine::SearchOptions o;
    o.term = inv.flags.args[0];
    o.filters = inv.flags.all("filter");
    o.noTrunc = inv.flags.flag("no-trunc");
    o.format = inv.flags.get("format");
    if (inv.flags.has("limit")) {
        const std::string v = inv.flags.get("limit");
        auto n = parseInteger(v, -2147483648LL, 2147483647LL);
        if (!n) return flagValueError(inv, "--limit", v, "strconv.ParseInt: parsing \"" + v + "\": invalid syntax");
        o.limit = static_cast<int>(*n);
    }
    return engine::searchHub(state, o);
}

Outcome cmdUpdate(engine::State& state, const Invocation& inv) {
    const ParsedFlags& f = inv.flags;
    engine::UpdateOptions o;
    o.containers = f.args;
    o.flagCount = static_cast<int>(f.values.size());
    if (f.has("restart")) o.restart = f.get("restart");
    if (f.has("memory")) {
        const std::string v = f.get("memory");
        auto bytes = ramInBytes(v);
        if (!bytes) return flagValueError(inv, "-m, --memory", v, "invalid size: '" + v + "'");
        o.memoryBytes = *bytes;
    }
    if (f.has("memory-swap")) {
        // opts.MemSwapBytes: -1 (unlimited) or a size
        const std::string v = f.get("memory-swap");
        auto bytes = v == "-1" ? std::optional<int64_t>(-1) : ramInBytes(v);
        if (!bytes) return flagValueError(inv, "--memory-swap", v, "invalid size: '" + v + "'");
        o.memorySwapBytes = *bytes;
    }
    if (f.has("cpus")) {
        const std::string v = f.get("cpus");
        auto n = nanoCpus(v);
        if (!n) return flagValueError(inv, "--cpus", v, "failed to parse " + v + " as a rational number");
        o.nanoCpus = *n;
    }
    return engine::updateContainers(state, o);
}

Outcome cmdEvents(engine::State& state, const Invocation& inv) {
    engine::EventsOptions o;
    o.since = inv.flags.get("since");
    o.until = inv.flags.get("until");
    o.filters = inv.flags.all("filter");
    return engine::listEvents(state, o);
}

}   // namespace layerlab::cli::detail
