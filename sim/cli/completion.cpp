// completion: what Tab offers, from the Machine's state. See completion.hpp.
#include "sim/cli/completion.hpp"

#include <algorithm>
#include <set>

#include "sim/cli/docker_cli.hpp"
#include "sim/cli/docker_commands.hpp"
#include "sim/cli/host_commands.hpp"
#include "sim/cli/host_paths.hpp"
#include "sim/cli/machine.hpp"
#include "sim/engine/docker_format.hpp"

namespace layerlab::cli {
namespace {

using engine::Container;

bool startsWith(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

// The words of the simple command the cursor is in, as bash splits them
// (quotes and backslashes removed), and the word being typed.
struct TypedLine {
    std::vector<std::string> before;   // words before the current one, in this command only
    std::string current;   // the word up to the cursor, unquoted
    size_t start = 0;   // where it starts in the line
    char quote = 0;   // the quote it opened with ('"', '\'') or 0
    bool redirectTarget = false;   // it follows > or <: a file name
    bool comment = false;   // the cursor is inside a # comment
};

TypedLine splitTyped(std::string_view line, size_t cursor) {
    TypedLine t;
    cursor = std::min(cursor, line.size());
    bool inWord = false, redirectNext = false, wordIsRedirect = false;
    char open = 0;   // quote currently open
    auto startWord = [&](size_t at) {
        inWord = true;
        t.current.clear();
        t.start = at;
        t.quote = 0;
        wordIsRedirect = redirectNext;
        redirectNext = false;
    };
    auto endWord = [&] {
        if (inWord && !wordIsRedirect) t.before.push_back(t.current);
        inWord = false;
        t.current.clear();
    };
    for (size_t i = 0; i < cursor; ++i) {
        const char c = line[i];
        if (open == '\'') {
            if (c == '\'') open = 0;
            else t.current += c;
            continue;
        }
        if (open == '"') {
            if (c == '"') open = 0;
            else if (c == '\\' && i + 1 < cursor &&
                     std::string_view("\"\\$`").find(line[i + 1]) != std::string_view::npos)
                t.current += line[++i];
            else t.current += c;
            continue;
        }
        if (c == '\\') {
            if (!inWord) startWord(i);
            if (i + 1 < cursor) t.current += line[++i];
            continue;
        }
        if (c == ' ' || c == '\t') {
            endWord();
            continue;
        }
        if (c == ';' || c == '&' || c == '|' || c == '(' || c == ')') {   // a new command starts
            endWord();
            t.before.clear();
            redirectNext = false;
            continue;
        }
        if (c == '>' || c == '<') {
            endWord();
            redirectNext = true;
            continue;
        }
        if (c == '#' && !inWord) {
            t.comment = true;
            return t;
        }
        if (!inWord) startWord(i);
        if ((c == '\'' || c == '"')) {
            if (t.start == i) t.quote = c;
            open = c;
            continue;
        }
        t.current += c;
    }
    if (!inWord) {
        t.start = cursor;
        t.quote = 0;
        wordIsRedirect = redirectNext;
    }
    t.redirectTarget = wordIsRedirect;
    return t;
}

bool isAssignment(const std::string& w) {
    size_t eq = w.find('=');
    if (eq == std::string::npos || eq == 0) return false;
    for (size_t i = 0; i < eq; ++i) {
        const char c = w[i];
        const bool ok = c == '_' || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (i > 0 && c >= '0' && c <= '9');
        if (!ok) return false;
    }
    return true;
}

// A candidate as it goes into the line: inside the quote the word opened
// with (closed after a final word), else, for a file name, a backslash
// before each of bash's default_filename_quote_characters ('~' only at the
// start). Other words (commands, flags, names, "nginx:latest") go in as they
// are, as docker's bash completion inserts them.
std::string escapeForShell(std::string_view text, char quote, bool close, bool fileName) {
    std::string out;
    if (quote == '\'') {
        out += '\'';
        for (char c : text) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
        if (close) out += '\'';
        return out;
    }
    if (quote == '"') {
        out += '"';
        for (char c : text) {
            if (c == '"' || c == '\\' || c == '$' || c == '`') out += '\\';
            out += c;
        }
        if (close) out += '"';
        return out;
    }
    if (!fileName) return std::string(text);
    static constexpr std::string_view kSpecial = " \t\n\\\"'@<>=;|&()#$`?*[!:{";
    for (size_t i = 0; i < text.size(); ++i) {
        const bool tildeFile = i == 0 && text[i] == '~' && !startsWith(text, "~/");   // "~/app" is the home, not a file
        if (kSpecial.find(text[i]) != std::string_view::npos || tildeFile) out += '\\';
        out += text[i];
    }
    return out;
}

class Collector {
public:
    explicit Collector(const TypedLine& typed) : m_typed(typed) {}
    // A plain word (command, flag, name): offered when it starts with what was typed.
    void word(const std::string& w, bool final = true) {
        if (startsWith(w, m_typed.current)) add({escapeForShell(w, m_typed.quote, final, false), w, final});
    }
    void add(CompletionCandidate c) {
        if (m_seen.insert(c.text).second) m_out.push_back(std::move(c));
    }
    std::vector<CompletionCandidate> take() {
        std::sort(m_out.begin(), m_out.end(), [](const auto& a, const auto& b) { return a.text < b.text; });
        return std::move(m_out);
    }
    const std::string& typed() const { return m_typed.current; }
    char quote() const { return m_typed.quote; }

private:
    const TypedLine& m_typed;
    std::vector<CompletionCandidate> m_out;
    std::set<std::string> m_seen;
};

// ---- files of the simulated host -------------------------------------------

void addPaths(Collector& out, const engine::State& state, bool dirsOnly) {
    const std::string& typed = out.typed();
    const size_t slash = typed.rfind('/');
    const std::string dirPart = slash == std::string::npos ? "" : typed.substr(0, slash + 1);
    const std::string base = typed.substr(dirPart.size());
    std::string resolveArg = dirPart.empty() ? "." : dirPart;
    if (startsWith(resolveArg, "~/")) resolveArg = std::string(kHomeDir) + resolveArg.substr(1);
    // "/" + the normalised absolute path, to spot the home folder around ~/app
    std::string absolute =
        "/" + fs::normalizePath(resolveArg[0] == '/' ? resolveArg : absoluteHostPath(state.cwd) + "/" + resolveArg);
    auto offer = [&](const std::string& name, bool dir) {
        if (!startsWith(name, base)) return;
        if (name[0] == '.' && !startsWith(base, ".")) return;   // bash hides dot files unless asked
        if (dirsOnly && !dir) return;
        const std::string full = dirPart + name + (dir ? "/" : "");
        out.add({escapeForShell(full, out.quote(), !dir, true), name + (dir ? "/" : ""), !dir});
    };
    if (absolute == kHomeDir) {   // the home holds only the modelled folder
        offer("app", true);
        return;
    }
    HostPath dir = resolveHostPath(state, resolveArg);
    if (dir.outside || !state.host.isDirectory(dir.tree)) return;
    for (const auto& name : state.host.list(dir.tree)) {
        const fs::FileEntry* e = state.host.find(dir.tree.empty() ? name : dir.tree + "/" + name);
        offer(name, e && e->isDir());
    }
}

// ---- docker -----------------------------------------------------------------

enum class Want { Nothing, Running, Paused, Stopped, AnyContainer, Image, ContainerOrImage, Directory };

// Which objects the Nth argument (0-based) of a docker command names.
Want dockerArgument(const std::string& spec, int index) {
    if (spec == "start") return Want::Stopped;
    if (spec == "stop" || spec == "kill" || spec == "pause") return Want::Running;
    if (spec == "attach" || spec == "exec") return index == 0 ? Want::Running : Want::Nothing;
    if (spec == "unpause") return Want::Paused;
    if (spec == "rm" || spec == "restart" || spec == "container inspect" || spec == "update") return Want::AnyContainer;
    if (spec == "logs") return index == 0 ? Want::AnyContainer : Want::Nothing;
    if (spec == "inspect") return Want::ContainerOrImage;
    if (spec == "run" || spec == "create" || spec == "images" || spec == "image ls" || spec == "pull")
        return index == 0 ? Want::Image : Want::Nothing;
    if (spec == "tag") return index <= 1 ? Want::Image : Want::Nothing;
    if (spec == "history" || spec == "push") return index == 0 ? Want::Image : Want::Nothing;
    if (spec == "image inspect" || spec == "rmi" || spec == "image rm") return Want::Image;
    if (spec == "build" || spec == "legacy build") return index == 0 ? Want::Directory : Want::Nothing;
    return Want::Nothing;
}

bool wanted(Want want, Container::Status s) {
    using S = Container::Status;
    switch (want) {
        case Want::Running:
            return s == S::Running || s == S::Restarting;
        case Want::Paused:
            return s == S::Paused;
        case Want::Stopped:
            return s == S::Created || s == S::Exited;
        case Want::AnyContainer:
        case Want::ContainerOrImage:
            return true;
        default:
            return false;
    }
}

void addContainers(Collector& out, const engine::State& state, Want want) {
    for (const auto& c : state.containers) {
        if (!wanted(want, c.status)) continue;
        out.word(c.name);
        const std::string shortId = c.id.substr(0, 12);
        if (!out.typed().empty() && startsWith(shortId, out.typed())) out.word(shortId);
    }
}

void addImages(Collector& out, const engine::State& state) {
    for (const auto& [ref, id] : state.tags) {
        out.word(ref.substr(0, ref.rfind(':')));
        out.word(ref);
    }
    if (out.typed().empty()) return;
    for (const auto& [digest, image] : state.images) {
        const std::string shortId = digest.substr(digest.find(':') + 1, 12);
        if (startsWith(shortId, out.typed())) out.word(shortId);
    }
}

// The flags of `spec` a learner can use: modelled and shown in --help.
void addFlags(Collector& out, const CommandSpec& spec) {
    const bool longOnly = startsWith(out.typed(), "--");
    for (const auto& f : spec.flags) {
        if (!f.supported || f.hidden) continue;
        out.word("--" + f.name);
        if (f.shorthand && !longOnly) out.word(std::string("-") + f.shorthand);
    }
}

// Skips one flag word of `spec` starting at words[i]; returns true when the
// flag's value is the next word ("-p 3000:80", "--name web"), with its long name.
bool flagTakesNext(const CommandSpec& spec, const std::string& w, std::string& name) {
    if (startsWith(w, "--")) {
        if (w.find('=') != std::string::npos) return false;
        const FlagSpec* f = spec.findLong(w.substr(2));
        if (f && !f->isBool()) name = f->name;
        return f && !f->isBool();
    }
    for (size_t j = 1; j < w.size(); ++j) {
        const FlagSpec* f = spec.findShort(w[j]);
        if (f && !f->isBool()) {
            name = f->name;
            return j + 1 == w.size();   // "-p3000:80" carries its value
        }
    }
    return false;
}

void completeDocker(Collector& out, const engine::State& state, const std::vector<std::string>& words) {
    const std::vector<DockerCommandPath> tree = dockerCommandTree();
    std::string name;
    size_t i = 1;
    // global options before the command
    while (i < words.size() && startsWith(words[i], "-"))
        i += flagTakesNext(dockerGlobalSpec(), words[i], name) ? 2 : 1;
    if (i >= words.size()) {
        if (startsWith(out.typed(), "-")) return addFlags(out, dockerGlobalSpec());
        for (const auto& p : tree) out.word(p.invoked.substr(0, p.invoked.find(' ')));
        return;
    }
    std::string key = words[i];
    bool group = false;
    for (const auto& p : tree) group = group || startsWith(p.invoked, key + " ");
    for (const auto& p : tree) group = group && p.invoked != key;
    if (group) {
        if (i + 1 >= words.size()) {
            for (const auto& p : tree)
                if (startsWith(p.invoked, key + " ")) out.word(p.invoked.substr(key.size() + 1));
            return;
        }
        key += " " + words[++i];
    }
    const DockerCommandPath* path = nullptr;
    for (const auto& p : tree)
        if (p.invoked == key) path = &p;
    const CommandSpec* spec = path ? findCommandSpec(path->spec) : nullptr;
    if (!spec) return;

    int positional = 0;
    bool flagsDone = false, valueNext = false;
    std::string valueOf;
    for (size_t k = i + 1; k < words.size(); ++k) {
        const std::string& w = words[k];
        if (valueNext) {
            valueNext = false;
            continue;
        }
        if (!flagsDone && w == "--") {
            flagsDone = true;
            continue;
        }
        if (!flagsDone && w.size() > 1 && w[0] == '-') {
            valueNext = flagTakesNext(*spec, w, valueOf);
            continue;
        }
        ++positional;
        if (!spec->interspersed) flagsDone = true;   // run/create/exec: the rest is the container's command
    }
    if (valueNext) {
        if (valueOf == "file") addPaths(out, state, false);   // docker build -f FILE
        return;
    }
    if (!flagsDone && startsWith(out.typed(), "-")) return addFlags(out, *spec);
    const Want want = dockerArgument(spec->path, positional);
    if (want == Want::Image || want == Want::ContainerOrImage) addImages(out, state);
    if (want == Want::Directory) addPaths(out, state, true);
    addContainers(out, state, want);
}

size_t commonPrefixLength(const std::vector<CompletionCandidate>& cs) {
    size_t n = cs.front().text.size();
    for (const auto& c : cs) {
        size_t k = 0;
        while (k < n && k < c.text.size() && c.text[k] == cs.front().text[k]) ++k;
        n = k;
    }
    const std::string& s = cs.front().text;
    while (n > 0 && n < s.size() && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;   // whole code points
    while (n > 0 && s[n - 1] == '\\') --n;   // never end on half an escape
    return n;
}

}   // namespace

std::vector<std::string> shellCommandNames() {
    // the host shell's own registry: docker, curl, why, the builtins and coreutils
    std::vector<std::string> names = hostCommandNames();
    std::sort(names.begin(), names.end());
    names.erase(std::unique(names.begin(), names.end()), names.end());
    return names;
}

Completion complete(const Machine& machine, std::string_view line, size_t cursor,
                    const std::vector<std::string>& extraCommands) {
    Completion result;
    cursor = std::min(cursor, line.size());
    TypedLine typed = splitTyped(line, cursor);
    result.start = typed.start;
    result.end = cursor;
    if (typed.comment) return result;
    std::vector<std::string> words = typed.before;
    while (!words.empty() && isAssignment(words.front())) words.erase(words.begin());
    Collector out(typed);
    const engine::State& state = machine.state();
    if (typed.redirectTarget) {
        addPaths(out, state, false);
    } else if (words.empty()) {
        if (isAssignment(typed.current)) return result;
        for (const auto& n : shellCommandNames()) out.word(n);
        for (const auto& e : extraCommands) out.word(e.substr(0, e.find(' ')));
    } else if (words[0] == "docker") {
        completeDocker(out, state, words);
    } else {
        bool own = false;   // a front end's two-word command: `show goal`
        for (const auto& e : extraCommands) {
            const size_t space = e.find(' ');
            if (space == std::string::npos || e.substr(0, space) != words[0]) continue;
            own = true;
            if (words.size() == 1) out.word(e.substr(space + 1));
        }
        if (!own) addPaths(out, state, words[0] == "cd");
    }
    result.candidates = out.take();
    return result;
}

CompletionEdit applyCompletion(std::string_view line, const Completion& completion) {
    CompletionEdit edit{std::string(line), std::min(completion.end, line.size()), false};
    const auto& cs = completion.candidates;
    if (cs.empty() || completion.start > completion.end || completion.end > line.size()) return edit;
    std::string insert;
    if (cs.size() == 1) {
        insert = cs.front().text + (cs.front().final ? " " : "");
    } else {
        insert = cs.front().text.substr(0, commonPrefixLength(cs));
        if (insert.size() <= completion.end - completion.start) return edit;
    }
    const std::string_view typed = line.substr(completion.start, completion.end - completion.start);
    if (insert == typed) return edit;
    edit.line = std::string(line.substr(0, completion.start)) + insert + std::string(line.substr(completion.end));
    edit.cursor = completion.start + insert.size();
    edit.changed = true;
    return edit;
}

std::string formatCandidates(const Completion& completion, int width) {
    const auto& cs = completion.candidates;
    if (cs.empty()) return "";
    int widest = 0;
    for (const auto& c : cs) widest = std::max(widest, engine::format::displayWidth(c.display));
    const int column = widest + 2;
    const size_t columns = static_cast<size_t>(std::max(1, width / column));
    const size_t rows = (cs.size() + columns - 1) / columns;
    std::string out;
    for (size_t r = 0; r < rows; ++r) {
        std::string row;
        for (size_t col = 0; col < columns; ++col) {
            const size_t i = col * rows + r;
            if (i >= cs.size()) break;
            row += cs[i].display;
            const bool last = col + 1 == columns || (col + 1) * rows + r >= cs.size();
            if (!last)
                row += std::string(static_cast<size_t>(column - engine::format::displayWidth(cs[i].display)), ' ');
        }
        out += row + "\n";
    }
    return out;
}

}   // namespace layerlab::cli
