// flags: pflag's parsing rules and help layout. See flags.hpp.
#include "sim/cli/flags.hpp"

#include <cctype>

#include "sim/numbers.hpp"

namespace layerlab::cli {

const FlagSpec* CommandSpec::findLong(std::string_view name) const {
    for (const auto& f : flags)
        if (f.name == name) return &f;
    return nullptr;
}

const FlagSpec* CommandSpec::findShort(char c) const {
    for (const auto& f : flags)
        if (f.shorthand == c) return &f;
    return nullptr;
}

std::string ParsedFlags::get(const std::string& name) const {
    auto it = values.find(name);
    return it == values.end() || it->second.empty() ? std::string() : it->second.back();
}

bool ParsedFlags::flag(const std::string& name) const { return get(name) == "true"; }

std::vector<std::string> ParsedFlags::all(const std::string& name) const {
    auto it = values.find(name);
    return it == values.end() ? std::vector<std::string>{} : it->second;
}

namespace {

std::string flagDisplay(const FlagSpec& f) {
    return f.shorthand ? std::string("-") + f.shorthand + ", --" + f.name : "--" + f.name;
}

// strconv.ParseBool
bool parseBool(const std::string& v, bool& out) {
    if (v == "1" || v == "t" || v == "T" || v == "TRUE" || v == "true" || v == "True") {
        out = true;
        return true;
    }
    if (v == "0" || v == "f" || v == "F" || v == "FALSE" || v == "false" || v == "False") {
        out = false;
        return true;
    }
    return false;
}

bool isIntType(const std::string& t) { return t == "int" || t == "int64" || t == "uint16" || t == "uint"; }

// The value check pflag's Set() does for the types LayerLab reads.
std::string checkValue(const FlagSpec& f, const std::string& value) {
    if (f.isBool()) {
        bool b = false;
        if (!parseBool(value, b))
            return "invalid argument \"" + value + "\" for \"" + flagDisplay(f) +
                   "\" flag: strconv.ParseBool: parsing \"" + value + "\": invalid syntax";
        return "";
    }
    // docker/cli opts.ValidateEnv, the -e/--env flag's own check: a name before '='.
    if (f.name == "env" && !value.empty() && value.front() == '=')
        return "invalid argument \"" + value + "\" for \"" + flagDisplay(f) +
               "\" flag: invalid environment variable: " + value;
    if (isIntType(f.type)) {
        // pflag: strconv.ParseInt(s, 0, 64) for int and int64, ParseUint(s, 0, 64|16) for uint and uint16.
        const bool isUnsigned = f.type.rfind("uint", 0) == 0;
        GoInteger n = parseGoInteger(value, f.type == "uint16" ? 16 : 64, isUnsigned);
        if (!n.error.empty())
            return "invalid argument \"" + value + "\" for \"" + flagDisplay(f) + "\" flag: strconv." +
                   (isUnsigned ? "ParseUint" : "ParseInt") + ": parsing \"" + value + "\": " + n.error;
    }
    return "";
}

// Stores one flag's value as pflag's Set() would; false with the error in R.
bool setFlag(FlagParseResult& r, const FlagSpec& f, std::string value) {
    auto& pf = r.flags;
    std::string err = checkValue(f, value);
    if (!err.empty()) {
        r.error = err;
        return false;
    }
    if (f.isBool()) {
        bool b = false;
        parseBool(value, b);
        value = b ? "true" : "false";
    }
    if (f.name == "help") {
        pf.help = value == "true";
        return true;
    }
    if (!f.supported) pf.unsupported.push_back("--" + f.name);
    pf.values[f.name].push_back(std::move(value));
    return true;
}

// --name, --name=value (argv[i]; a value in the next word moves I on).
bool parseLongFlag(const CommandSpec& spec, const std::vector<std::string>& argv, size_t& i, FlagParseResult& r) {
    std::string body = argv[i].substr(2);
    size_t eq = body.find('=');
    std::string name = body.substr(0, eq);
    const FlagSpec* f = spec.findLong(name);
    if (!f && name == "help") {
        static const FlagSpec helpFlag{"help", 0, "", "Print usage", true, true};
        f = &helpFlag;
    }
    if (!f) {
        r.error = "unknown flag: --" + name;
        return false;
    }
    std::string value;
    if (eq != std::string::npos) {
        value = body.substr(eq + 1);
    } else if (f->isBool()) {
        value = "true";
    } else if (i + 1 < argv.size()) {
        value = argv[++i];
    } else {
        r.error = "flag needs an argument: --" + name;
        return false;
    }
    return setFlag(r, *f, value);
}

// -abc, -p3000:80, -p=3000:80, -p 3000:80 (argv[i]; a value in the next word moves I on).
bool parseShortFlags(const CommandSpec& spec, const std::vector<std::string>& argv, size_t& i, FlagParseResult& r) {
    std::string shorts = argv[i].substr(1);
    for (size_t k = 0; k < shorts.size(); ++k) {
        char c = shorts[k];
        const FlagSpec* f = spec.findShort(c);
        if (!f && c == 'h') {
            static const FlagSpec helpFlag{"help", 'h', "", "Print usage", true, true};
            f = &helpFlag;
        }
        if (!f) {
            r.error = std::string("unknown shorthand flag: '") + c + "' in -" + shorts.substr(k);
            return false;
        }
        std::string rest = shorts.substr(k + 1);
        if (f->isBool()) {
            if (rest.size() >= 1 && rest[0] == '=') return setFlag(r, *f, rest.substr(1));
            if (!setFlag(r, *f, "true")) return false;
            continue;
        }
        std::string value;
        if (!rest.empty()) {
            value = rest[0] == '=' ? rest.substr(1) : rest;
        } else if (i + 1 < argv.size()) {
            value = argv[++i];
        } else {
            r.error = std::string("flag needs an argument: '") + c + "' in -" + shorts.substr(k);
            return false;
        }
        return setFlag(r, *f, value);
    }
    return true;
}

}   // namespace

FlagParseResult parseFlags(const CommandSpec& spec, const std::vector<std::string>& argv) {
    FlagParseResult r;
    auto& pf = r.flags;
    for (size_t i = 0; i < argv.size(); ++i) {
        const std::string& a = argv[i];
        if (a == "--") {
            pf.args.insert(pf.args.end(), argv.begin() + static_cast<long>(i) + 1, argv.end());
            break;
        }
        if (a.size() < 2 || a[0] != '-') {
            if (!spec.interspersed) {
                pf.args.insert(pf.args.end(), argv.begin() + static_cast<long>(i), argv.end());
                break;
            }
            pf.args.push_back(a);
            continue;
        }
        const bool ok = a[1] == '-' ? parseLongFlag(spec, argv, i, r) : parseShortFlags(spec, argv, i, r);
        if (!ok) return r;
    }
    return r;
}

namespace {

// pflag's wrapN: split s at whitespace into a first part of at most i
// bytes (or i + slop when that takes the whole string) and the rest.
std::pair<std::string, std::string> wrapN(size_t i, size_t slop, const std::string& s) {
    if (i + slop > s.size()) return {s, ""};
    std::string head = s.substr(0, i);
    size_t w = head.find_last_of(" \t\n");
    if (w == std::string::npos || w == 0) return {s, ""};
    size_t nl = head.rfind('\n');
    if (nl != std::string::npos && nl > 0 && nl < w) return {s.substr(0, nl), s.substr(nl + 1)};
    return {s.substr(0, w), s.substr(w + 1)};
}

std::string replaceNewlines(const std::string& s, const std::string& with) {
    std::string out;
    for (char c : s) {
        if (c == '\n') out += with;
        else out += c;
    }
    return out;
}

// pflag's wrap(i, w, s): the first line is not indented.
std::string wrap(size_t i, size_t w, const std::string& s) {
    if (w == 0) return replaceNewlines(s, "\n" + std::string(i, ' '));
    long wrapWidth = static_cast<long>(w) - static_cast<long>(i);
    std::string r;
    if (wrapWidth < 24) {
        i = 16;
        wrapWidth = static_cast<long>(w) - 16;
        r += "\n" + std::string(i, ' ');
    }
    if (wrapWidth < 24) return replaceNewlines(s, r);
    const size_t slop = 5;
    size_t width = static_cast<size_t>(wrapWidth) - slop;
    auto [l, rest] = wrapN(width, slop, s);
    r += replaceNewlines(l, "\n" + std::string(i, ' '));
    while (!rest.empty()) {
        auto [t, more] = wrapN(width, slop, rest);
        r += "\n" + std::string(i, ' ') + replaceNewlines(t, "\n" + std::string(i, ' '));
        rest = more;
    }
    return r;
}

}   // namespace

std::string flagUsagesWrapped(const std::vector<FlagSpec>& flags, int cols) {
    std::vector<std::string> lines;
    size_t maxlen = 0;
    for (const auto& f : flags) {
        if (f.hidden || !f.supported) continue;
        std::string line = f.shorthand ? std::string("  -") + f.shorthand + ", --" + f.name : "      --" + f.name;
        if (!f.type.empty()) line += " " + f.type;
        line += '\0';
        maxlen = std::max(maxlen, line.size());
        line += f.usage;
        lines.push_back(line);
    }
    std::string out;
    for (const auto& line : lines) {
        size_t sidx = line.find('\0');
        // fmt.Fprintln(buf, line[:sidx], spacing, wrap(...)): operands joined by spaces
        out += line.substr(0, sidx) + " " + std::string(maxlen - sidx, ' ') + " " +
               wrap(maxlen + 2, static_cast<size_t>(cols), line.substr(sidx + 1)) + "\n";
    }
    return out;
}

std::string renderUsage(const CommandSpec& spec, const std::string& notModelledNote) {
    std::string out = "Usage:  docker " + spec.use + "\n\n" + spec.shortText + "\n";
    if (!spec.aliases.empty()) out += "\nAliases:\n  " + spec.aliases + "\n";
    std::string options = flagUsagesWrapped(spec.flags, 79);
    if (!options.empty()) out += "\nOptions:\n" + options;
    if (!notModelledNote.empty()) out += "\n" + notModelledNote + "\n";
    return out;
}

}   // namespace layerlab::cli
