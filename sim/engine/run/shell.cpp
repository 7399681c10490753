// The shell half of the RUN simulator: lexing and running a /bin/sh script
// (lists, pipelines, redirections, heredocs, variables, globs) over the
// copy-on-write Overlay (run_overlay.cpp). Commands themselves live in
// run_coreutils.cpp and run_packages.cpp.
#include <algorithm>
#include <cctype>

#include "sim/engine/run/shell.hpp"

namespace layerlab::engine::run::detail {

// ------------------------------------------------------------------ Shell --

std::string Shell::treePath(std::string_view arg) const {
    std::string p(arg);
    if (p.empty() || p[0] != '/') p = cwd + "/" + p;
    return fs::normalizePath(p);
}

void Shell::emit(std::string_view text) {
    if (text.empty()) return;
    size_t start = 0;
    while (start < text.size()) {
        size_t nl = text.find('\n', start);
        if (nl == std::string_view::npos) nl = text.size();
        log.push_back({elapsedMs, std::string(text.substr(start, nl - start))});
        start = nl + 1;
    }
}

uint32_t Shell::uid() const {
    if (user.empty() || user == "root" || user == "0") return 0;
    if (user == "node") return 1000;
    bool digits = std::all_of(user.begin(), user.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
    return digits ? static_cast<uint32_t>(std::stoul(user.substr(0, 9))) : 1000;
}

bool globMatch(std::string_view pat, std::string_view name) {
    size_t p = 0, n = 0, starP = std::string_view::npos, starN = 0;
    while (n < name.size()) {
        if (p < pat.size() && pat[p] == '*') {
            starP = p++;
            starN = n;
        } else if (p < pat.size() && (pat[p] == '?' || pat[p] == name[n])) {
            ++p;
            ++n;
        } else if (p < pat.size() && pat[p] == '[') {
            size_t close = pat.find(']', p + 1);
            bool matched = false;
            if (close != std::string_view::npos) {
                bool negate = p + 1 < close && (pat[p + 1] == '!' || pat[p + 1] == '^');
                for (size_t i = p + 1 + (negate ? 1 : 0); i < close; ++i) {
                    if (i + 2 < close && pat[i + 1] == '-') {
                        if (name[n] >= pat[i] && name[n] <= pat[i + 2]) matched = true;
                        i += 2;
                    } else if (pat[i] == name[n]) {
                        matched = true;
                    }
                }
                matched = matched != negate;
            }
            if (matched) {
                p = close + 1;
                ++n;
            } else if (starP != std::string_view::npos) {
                p = starP + 1;
                n = ++starN;
            } else {
                return false;
            }
        } else if (starP != std::string_view::npos) {
            p = starP + 1;
            n = ++starN;
        } else {
            return false;
        }
    }
    while (p < pat.size() && pat[p] == '*') ++p;
    return p == pat.size();
}

std::string shellQuoteForError(std::string_view s) { return "'" + std::string(s) + "'"; }

// ------------------------------------------------------------------ Lexer --
namespace {

struct Segment {
    std::string text;
    char quote = 0;   // 0, '\'' or '"'
};
using RawWord = std::vector<Segment>;

struct Redirect {
    int fd = 1;
    std::string op;        // ">", ">>", "<", ">&", "<<"
    RawWord target;
    std::string heredoc;   // body for "<<"
    bool heredocExpand = true;
};

struct SimpleCommand {
    std::vector<RawWord> words;
    std::vector<Redirect> redirects;
    int line = 1;
};

struct Pipeline {
    std::vector<SimpleCommand> commands;
    std::string connector;   // how it joins the next: "&&", "||", ";"
};

bool isOpChar(char c) { return c == ';' || c == '&' || c == '|' || c == '<' || c == '>' || c == '\n'; }

class Lexer {
public:
    explicit Lexer(std::string_view s) : m_s(s) {}

    std::vector<Pipeline> parse() {
        std::vector<Pipeline> out;
        Pipeline cur;
        SimpleCommand cmd;
        cmd.line = m_line;
        cmd.redirects.reserve(16);   // heredoc pointers below must stay valid
        std::vector<Redirect*> pendingHeredocs;
        auto endCommand = [&]() {
            if (!cmd.words.empty() || !cmd.redirects.empty()) cur.commands.push_back(std::move(cmd));
            cmd = SimpleCommand{};
            cmd.line = m_line;
            cmd.redirects.reserve(16);
        };
        auto endPipeline = [&](const std::string& connector) {
            endCommand();
            if (!cur.commands.empty()) {
                cur.connector = connector;
                out.push_back(std::move(cur));
            }
            cur = Pipeline{};
        };
        while (m_pos < m_s.size()) {
            char c = m_s[m_pos];
            if (c == ' ' || c == '\t' || c == '\r') { ++m_pos; continue; }
            if (c == '\\' && m_pos + 1 < m_s.size() && m_s[m_pos + 1] == '\n') { m_pos += 2; ++m_line; continue; }
            if (c == '#') { while (m_pos < m_s.size() && m_s[m_pos] != '\n') ++m_pos; continue; }
            if (c == '\n') {
                ++m_pos;
                ++m_line;
                // Heredoc bodies follow the line that opened them. Pointers
                // stay valid: the command is not moved before the newline.
                for (Redirect* r : pendingHeredocs) readHeredoc(*r);
                pendingHeredocs.clear();
                endPipeline(";");
                continue;
            }
            if (startsWith("&&")) { m_pos += 2; endPipeline("&&"); continue; }
            if (startsWith("||")) { m_pos += 2; endPipeline("||"); continue; }
            if (c == ';' || c == '&') { ++m_pos; endPipeline(";"); continue; }
            if (c == '|') { ++m_pos; endCommand(); continue; }
            // Redirections, optionally with a leading fd digit.
            size_t save = m_pos;
            int fd = -1;
            if (std::isdigit(static_cast<unsigned char>(c)) && m_pos + 1 < m_s.size() &&
                (m_s[m_pos + 1] == '>' || m_s[m_pos + 1] == '<')) {
                fd = c - '0';
                ++m_pos;
            }
            if (m_pos < m_s.size() && (m_s[m_pos] == '>' || m_s[m_pos] == '<')) {
                Redirect r;
                if (startsWith("<<-")) { r.op = "<<"; m_pos += 3; }
                else if (startsWith("<<")) { r.op = "<<"; m_pos += 2; }
                else if (startsWith(">>")) { r.op = ">>"; m_pos += 2; }
                else if (startsWith(">&")) { r.op = ">&"; m_pos += 2; }
                else if (startsWith("&>")) { r.op = "&>"; m_pos += 2; }
                else { r.op = std::string(1, m_s[m_pos]); ++m_pos; }
                r.fd = fd >= 0 ? fd : (r.op == "<" || r.op == "<<" ? 0 : 1);
                while (m_pos < m_s.size() && (m_s[m_pos] == ' ' || m_s[m_pos] == '\t')) ++m_pos;
                r.target = readWord();
                if (r.op == "<<") {
                    for (const auto& seg : r.target) if (seg.quote) r.heredocExpand = false;
                }
                if (cmd.redirects.size() == cmd.redirects.capacity()) continue;   // absurdly many: ignore
                cmd.redirects.push_back(std::move(r));
                if (cmd.redirects.back().op == "<<") pendingHeredocs.push_back(&cmd.redirects.back());
                continue;
            }
            m_pos = save;
            cmd.words.push_back(readWord());
        }
        for (Redirect* r : pendingHeredocs) readHeredoc(*r);
        endPipeline(";");
        return out;
    }

private:
    bool startsWith(std::string_view t) const { return m_s.substr(m_pos, t.size()) == t; }

    RawWord readWord() {
        RawWord w;
        Segment plain;
        auto flush = [&]() {
            if (!plain.text.empty()) w.push_back(plain);
            plain = Segment{};
        };
        while (m_pos < m_s.size()) {
            char c = m_s[m_pos];
            if (c == ' ' || c == '\t' || c == '\r' || isOpChar(c)) break;
            if (c == '\\' && m_pos + 1 < m_s.size()) {
                if (m_s[m_pos + 1] == '\n') { m_pos += 2; ++m_line; continue; }
                flush();
                w.push_back({std::string(1, m_s[m_pos + 1]), '\''});
                m_pos += 2;
                continue;
            }
            if (c == '\'') {
                flush();
                size_t end = m_s.find('\'', m_pos + 1);
                if (end == std::string_view::npos) end = m_s.size();
                w.push_back({std::string(m_s.substr(m_pos + 1, end - m_pos - 1)), '\''});
                m_pos = std::min(end + 1, m_s.size());
                continue;
            }
            if (c == '"') {
                flush();
                Segment q{"", '"'};
                ++m_pos;
                while (m_pos < m_s.size() && m_s[m_pos] != '"') {
                    if (m_s[m_pos] == '\\' && m_pos + 1 < m_s.size() &&
                        std::string_view("\"\\$`\n").find(m_s[m_pos + 1]) != std::string_view::npos) {
                        if (m_s[m_pos + 1] != '\n') {
                            // Keep an escaped '$' from expanding: mark it.
                            q.text += m_s[m_pos + 1] == '$' ? std::string("\x01") : std::string(1, m_s[m_pos + 1]);
                        }
                        m_pos += 2;
                        continue;
                    }
                    if (m_s[m_pos] == '\n') ++m_line;
                    q.text += m_s[m_pos++];
                }
                ++m_pos;
                w.push_back(q);
                continue;
            }
            plain.text += c;
            ++m_pos;
        }
        flush();
        if (w.empty()) w.push_back({"", '\''});
        return w;
    }

    void readHeredoc(Redirect& r) {
        std::string delim;
        for (const auto& seg : r.target) delim += seg.text;
        while (m_pos < m_s.size()) {
            size_t nl = m_s.find('\n', m_pos);
            std::string_view line = m_s.substr(m_pos, nl == std::string_view::npos ? std::string_view::npos : nl - m_pos);
            m_pos = nl == std::string_view::npos ? m_s.size() : nl + 1;
            ++m_line;
            std::string_view trimmed = line;
            while (!trimmed.empty() && trimmed.front() == '\t') trimmed.remove_prefix(1);
            if (trimmed == delim) return;
            r.heredoc += std::string(line) + "\n";
        }
    }

    std::string_view m_s;
    size_t m_pos = 0;
    int m_line = 1;
};

// ------------------------------------------------------------- Expansion --

std::string lookupVar(const Shell& sh, const std::string& name) {
    if (name == "?") return std::to_string(sh.lastStatus);
    if (name == "PWD") return sh.cwd;
    auto it = sh.vars.find(name);
    return it == sh.vars.end() ? "" : it->second;
}

// $VAR, ${VAR}, ${VAR:-default}, ${VAR-default}; '\x01' is an escaped '$'.
std::string expandDollars(Shell& sh, const std::string& s) {
    std::string out;
    for (size_t i = 0; i < s.size(); ++i) {
        char c = s[i];
        if (c == '\x01') { out += '$'; continue; }
        if (c != '$' || i + 1 >= s.size()) { out += c; continue; }
        if (s[i + 1] == '{') {
            size_t close = s.find('}', i + 2);
            if (close == std::string::npos) { out += c; continue; }
            std::string inner = s.substr(i + 2, close - i - 2);
            i = close;
            size_t op = inner.find_first_of(":-=+");
            if (op == std::string::npos) { out += lookupVar(sh, inner); continue; }
            std::string name = inner.substr(0, op);
            bool colon = inner[op] == ':';
            char kind = colon && op + 1 < inner.size() ? inner[op + 1] : inner[op];
            std::string word = inner.substr(op + (colon ? 2 : 1));
            bool set = sh.vars.count(name) > 0;
            std::string val = lookupVar(sh, name);
            bool useDefault = colon ? val.empty() : !set;
            if (kind == '-') out += useDefault ? word : val;
            else if (kind == '=') { if (useDefault) sh.vars[name] = word; out += useDefault ? word : val; }
            else if (kind == '+') out += useDefault ? "" : word;
            else out += val;
            continue;
        }
        size_t j = i + 1;
        if (s[j] == '?' || std::isdigit(static_cast<unsigned char>(s[j]))) {
            out += s[j] == '?' ? lookupVar(sh, "?") : "";
            i = j;
            continue;
        }
        while (j < s.size() && (std::isalnum(static_cast<unsigned char>(s[j])) || s[j] == '_')) ++j;
        if (j == i + 1) { out += c; continue; }
        out += lookupVar(sh, s.substr(i + 1, j - i - 1));
        i = j - 1;
    }
    return out;
}

// Expands a glob pattern against the overlay, one path component at a time.
std::vector<std::string> globPaths(const Shell& sh, const std::string& pattern) {
    bool absolute = !pattern.empty() && pattern[0] == '/';
    std::vector<std::string> parts;
    size_t start = absolute ? 1 : 0;
    while (start <= pattern.size()) {
        size_t slash = pattern.find('/', start);
        parts.push_back(pattern.substr(start, slash == std::string::npos ? std::string::npos : slash - start));
        if (slash == std::string::npos) break;
        start = slash + 1;
    }
    // Each candidate: (display prefix, tree path).
    std::vector<std::pair<std::string, std::string>> cur = {{absolute ? "/" : "", absolute ? "" : sh.treePath(".")}};
    for (size_t i = 0; i < parts.size(); ++i) {
        const std::string& part = parts[i];
        std::vector<std::pair<std::string, std::string>> next;
        for (const auto& [disp, tree] : cur) {
            auto join = [&](const std::string& a, const std::string& b) {
                return a.empty() || a.back() == '/' ? a + b : a + "/" + b;
            };
            if (part.find_first_of("*?[") == std::string::npos) {
                std::string tp = tree.empty() ? part : tree + "/" + part;
                if (part.empty() || sh.fs.find(fs::normalizePath(tp))) next.push_back({join(disp, part), fs::normalizePath(tp)});
                continue;
            }
            for (const auto& name : sh.fs.view().list(tree)) {
                if (name[0] == '.' && part[0] != '.') continue;
                if (globMatch(part, name)) next.push_back({join(disp, name), tree.empty() ? name : tree + "/" + name});
            }
        }
        cur = std::move(next);
    }
    std::vector<std::string> out;
    for (auto& [d, t] : cur) out.push_back(d);
    std::sort(out.begin(), out.end());
    return out;
}

// A raw word to fields: quoted parts stay whole, unquoted results split on
// blanks and unquoted glob characters match files.
std::vector<std::string> expandWord(Shell& sh, const RawWord& w, bool split = true) {
    std::vector<std::string> fields(1);
    bool any = false, glob = false;
    for (const auto& seg : w) {
        if (seg.quote == '\'') { fields.back() += seg.text; any = true; continue; }
        std::string v = expandDollars(sh, seg.text);
        if (seg.quote == '"' || !split) { fields.back() += v; any = true; continue; }
        if (seg.text.find_first_of("*?[") != std::string::npos) glob = true;
        for (char c : v) {
            if (c == ' ' || c == '\t' || c == '\n') {
                if (!fields.back().empty()) fields.emplace_back();
            } else {
                fields.back() += c;
                any = true;
            }
        }
    }
    if (!fields.empty() && fields.back().empty() && fields.size() > 1) fields.pop_back();
    if (!any && fields.size() == 1 && fields[0].empty()) {
        bool quoted = std::any_of(w.begin(), w.end(), [](const Segment& s) { return s.quote != 0; });
        return quoted ? fields : std::vector<std::string>{};
    }
    if (glob && split) {
        std::vector<std::string> out;
        for (const auto& f : fields) {
            auto m = f.find_first_of("*?[") != std::string::npos ? globPaths(sh, f) : std::vector<std::string>{};
            if (m.empty()) out.push_back(f);
            else out.insert(out.end(), m.begin(), m.end());
        }
        return out;
    }
    return fields;
}

std::string joinWord(Shell& sh, const RawWord& w) {
    auto f = expandWord(sh, w, false);
    return f.empty() ? "" : f[0];
}

bool isAssignment(const RawWord& w) {
    if (w.empty() || w[0].quote) return false;
    const std::string& t = w[0].text;
    size_t eq = t.find('=');
    if (eq == std::string::npos || eq == 0) return false;
    if (std::isdigit(static_cast<unsigned char>(t[0]))) return false;
    return std::all_of(t.begin(), t.begin() + static_cast<long>(eq),
                       [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; });
}

bool isShellKeyword(const std::string& w) {
    static const char* kw[] = {"if", "then", "else", "elif", "fi", "for", "while", "until", "do", "done",
                               "case", "esac", "{", "}", "(", ")", "function", "select"};
    return std::any_of(std::begin(kw), std::end(kw), [&](const char* k) { return w == k; });
}

// Writes a redirection's data; returns false (and reports) when it cannot.
bool writeRedirect(Shell& sh, const std::string& target, const std::string& data, bool append) {
    if (target == "/dev/null") return true;
    if (target == "/dev/stdout" || target == "/dev/stderr") { sh.emit(data); return true; }
    std::string path = sh.treePath(target);
    auto prefix = "/bin/sh: " + std::to_string(sh.lineNo) + ": cannot create " + target + ": ";
    const fs::FileEntry* existing = sh.fs.find(path);
    if (existing && existing->isDir()) { sh.emit(prefix + "Is a directory"); return false; }
    std::string parent = path.substr(0, path.rfind('/') == std::string::npos ? 0 : path.rfind('/'));
    if (!parent.empty() && !sh.fs.view().isDirectory(parent)) { sh.emit(prefix + "Directory nonexistent"); return false; }
    fs::FileEntry e;
    if (existing) e = *existing;
    else { e.mode = 0644; e.uid = e.gid = sh.uid(); }
    std::string content = append && existing && existing->content ? *existing->content + data : data;
    e.content = std::make_shared<const std::string>(std::move(content));
    e.kind = fs::FileEntry::Kind::File;
    e.mtimeMs = sh.nowMs;
    auto err = sh.fs.put(path, e);
    if (!err.empty()) { sh.emit(prefix + err); return false; }
    return true;
}

int runSimple(Shell& sh, const SimpleCommand& c, std::string& pipeIn, bool last, std::string& pipeOut) {
    sh.lineNo = c.line;
    std::vector<std::string> argv;
    size_t i = 0;
    std::vector<std::pair<std::string, std::string>> assigns;
    while (i < c.words.size() && argv.empty() && isAssignment(c.words[i])) {
        std::string full = joinWord(sh, c.words[i]);
        auto eq = full.find('=');
        assigns.push_back({full.substr(0, eq), full.substr(eq + 1)});
        ++i;
    }
    for (; i < c.words.size(); ++i) {
        auto f = expandWord(sh, c.words[i]);
        argv.insert(argv.end(), f.begin(), f.end());
    }
    for (auto& [k, v] : assigns) sh.vars[k] = v;   // simplified: prefix assignments persist
    CommandIo io;
    io.in = pipeIn;
    for (const auto& r : c.redirects) {
        if (r.op == "<<") io.in = r.heredocExpand ? expandDollars(sh, r.heredoc) : r.heredoc;
        if (r.op == "<") {
            std::string t = joinWord(sh, r.target);
            const fs::FileEntry* e = sh.fs.find(sh.treePath(t));
            if (!e || e->isDir()) {
                sh.emit("/bin/sh: " + std::to_string(sh.lineNo) + ": cannot open " + t + ": No such file");
                return 2;
            }
            io.in = e->content ? *e->content : "";
        }
    }
    int status = argv.empty() ? 0 : runCommand(sh, argv, io);
    bool errToOut = false;
    for (const auto& r : c.redirects) {
        if (r.op == ">&" && r.fd == 2 && joinWord(sh, r.target) == "1") errToOut = true;
        if (r.op == "&>") errToOut = true;
    }
    if (errToOut) { io.out += io.err; io.err.clear(); }
    bool outRedirected = false;
    for (const auto& r : c.redirects) {
        if (r.op != ">" && r.op != ">>" && r.op != "&>") continue;
        std::string t = joinWord(sh, r.target);
        std::string& data = r.fd == 2 ? io.err : io.out;
        if (!writeRedirect(sh, t, data, r.op == ">>")) return 2;
        data.clear();
        if (r.fd != 2) outRedirected = true;
    }
    if (!last && !outRedirected) pipeOut = io.out;
    else sh.emit(io.out.size() && io.out.back() == '\n' ? io.out.substr(0, io.out.size() - 1) : io.out);
    sh.emit(io.err.size() && io.err.back() == '\n' ? io.err.substr(0, io.err.size() - 1) : io.err);
    return status;
}

}  // namespace

int runScript(Shell& sh, std::string_view script) {
    Lexer lexer(script);
    auto pipelines = lexer.parse();
    bool errexit = false;
    std::string prevConnector = ";";
    int status = 0;
    for (const auto& p : pipelines) {
        bool skip = (prevConnector == "&&" && status != 0) || (prevConnector == "||" && status == 0);
        prevConnector = p.connector;
        if (skip) continue;
        // Control structures are not modelled: say so and stop interpreting.
        if (!p.commands.empty() && !p.commands[0].words.empty()) {
            std::string first = joinWord(sh, p.commands[0].words[0]);
            if (isShellKeyword(first)) {
                sh.emit("[LayerLab] shell construct '" + first +
                        "' is not modelled: the rest of this RUN had no simulated effect");
                sh.unmodelled.push_back(first);
                return 0;
            }
            if (first == "set") {
                for (size_t i = 1; i < p.commands[0].words.size(); ++i) {
                    std::string a = joinWord(sh, p.commands[0].words[i]);
                    if (a.size() > 1 && a[0] == '-' && a.find('e') != std::string::npos) errexit = true;
                    if (a.size() > 1 && a[0] == '+' && a.find('e') != std::string::npos) errexit = false;
                }
                status = 0;
                continue;
            }
        }
        std::string pipe;
        for (size_t i = 0; i < p.commands.size(); ++i) {
            std::string in = pipe, out;
            status = runSimple(sh, p.commands[i], in, i + 1 == p.commands.size(), out);
            pipe = out;
            if (sh.exited) return sh.lastStatus;
        }
        sh.lastStatus = status;
        if (errexit && status != 0 && p.connector != "&&" && p.connector != "||") return status;
    }
    return status;
}

}  // namespace layerlab::engine::run::detail
