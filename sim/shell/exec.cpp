// exec: the shell's state (paths, the user, its error prefix, output), a
// script run or captured ($(...)), simple commands with their assignments
// and redirections (redirect.cpp), and the command lookup (builtins, the
// owner's commands, coreutils, then the fallback). Lists, pipelines, loops
// and the other compound commands are in compound.cpp.
#include <algorithm>
#include <cctype>

#include "sim/fs/path_segments.hpp"
#include "sim/shell/redirect.hpp"
#include "sim/shell/shell.hpp"

namespace layerlab::shell {

Shell::Shell(Files& files, Config cfg) : fs(files), config(std::move(cfg)) {
    cwd = config.mount.empty() ? "/" : config.mount;
}

Resolved Shell::resolve(std::string_view arg) const {
    std::string full = !arg.empty() && arg[0] == '/' ? std::string(arg) : cwd + "/" + std::string(arg);
    std::vector<std::string> parts = fs::pathSegments(full);
    std::string abs;
    for (const auto& p : parts) abs += "/" + p;
    Resolved r;
    if (config.mount.empty()) {
        r.tree = abs.empty() ? "" : abs.substr(1);
        return r;
    }
    if (abs == config.mount) return r;
    if (abs.rfind(config.mount + "/", 0) != 0) {
        r.outside = true;
        return r;
    }
    r.tree = abs.substr(config.mount.size() + 1);
    return r;
}

std::string Shell::absolute(std::string_view tree) const {
    std::string base = config.mount;
    if (tree.empty()) return base.empty() ? "/" : base;
    return base + "/" + std::string(tree);
}

uint32_t Shell::uid() const {
    if (user.empty() || user == "root" || user == "0") return 0;
    if (user == "node") return 1000;
    bool digits =
        std::all_of(user.begin(), user.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
    return digits ? static_cast<uint32_t>(std::stoul(user.substr(0, 9))) : 1000;
}

std::string Shell::errorPrefix() const {
    switch (config.flavour) {
        case Flavour::Bash:
            return "bash: ";
        case Flavour::Dash:
            return "/bin/sh: " + std::to_string(lineNo) + ": ";
        case Flavour::Ash:
            return "/bin/sh: ";
    }
    return "";
}

std::string Shell::quote(std::string_view s) const {
    return config.utf8Quotes ? "\u2018" + std::string(s) + "\u2019" : "'" + std::string(s) + "'";
}

std::map<std::string, std::string> Shell::environment() const {
    std::map<std::string, std::string> env;
    for (const auto& name : exported) {
        auto it = vars.find(name);
        if (it != vars.end()) env[name] = it->second;
    }
    return env;
}

bool Shell::knows(const std::string& name) const {
    return commands.count(name) || isBuiltinName(name, config.flavour) || isFileCommandName(name) ||
           isTextCommandName(name) || name == "ls";
}

void Shell::write(const Io& io, std::string_view out, std::string_view err) {
    if (m_outCapture) *m_outCapture += out;
    if (m_errCapture) *m_errCapture += err;
    std::string_view o = m_outCapture ? std::string_view() : out;
    std::string_view e = m_errCapture ? std::string_view() : err;
    if ((!o.empty() || !e.empty()) && terminal) terminal(o, e, io);
}

int Shell::run(std::string_view script) {
    m_turns = 0;
    ParseResult p = parse(script, config.flavour);
    if (p.status != ParseResult::Status::Ok) {
        write(Io{}, "", (p.error.empty() ? errorPrefix() + "syntax error" : p.error) + "\n");
        lastStatus = 2;
        return 2;
    }
    Io io;
    int status = execute(p.list, io);
    return exited ? lastStatus : status;
}

std::string Shell::captureOutput(std::string_view script) {
    if (m_depth > 16) return "";
    // A subshell: variables, cd and exit stay inside it.
    auto savedVars = vars;
    auto savedExported = exported;
    std::string savedCwd = cwd;
    bool savedExited = exited;
    std::string captured;
    std::string* savedOut = m_outCapture;
    m_outCapture = &captured;
    ++m_depth;
    ParseResult p = parse(script, config.flavour);
    int status = 2;
    if (p.status == ParseResult::Status::Ok) {
        Io io;
        status = execute(p.list, io);
        if (exited) status = lastStatus;
    } else {
        m_outCapture = savedOut;
        write(Io{}, "", p.error + "\n");
    }
    --m_depth;
    m_outCapture = savedOut;
    vars = std::move(savedVars);
    exported = std::move(savedExported);
    cwd = savedCwd;
    exited = savedExited;
    lastStatus = status;
    return captured;
}

namespace {

bool isAssignment(const RawWord& w) {
    if (w.empty() || w[0].quote) return false;
    const std::string& t = w[0].text;
    size_t eq = t.find('=');
    if (eq == std::string::npos || eq == 0) return false;
    if (std::isdigit(static_cast<unsigned char>(t[0]))) return false;
    return std::all_of(t.begin(), t.begin() + static_cast<long>(eq),
                       [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; });
}

}   // namespace

// The leading NAME=value words of a simple command, expanded; I moves past them.
std::vector<std::pair<std::string, std::string>> Shell::expandAssignments(const Node& node, size_t& i) {
    std::vector<std::pair<std::string, std::string>> assigns;
    while (i < node.words.size() && isAssignment(node.words[i])) {
        auto f = expandWord(node.words[i], false);
        std::string full = f.empty() ? "" : f[0];
        auto eq = full.find('=');
        assigns.push_back({full.substr(0, eq), full.substr(eq + 1)});
        ++i;
    }
    return assigns;
}

// Runs ARGV with ASSIGNS set for that command only (VAR=x cmd), except for
// export and unset, whose assignments stay.
int Shell::runWithAssignments(const std::vector<std::string>& argv,
                              const std::vector<std::pair<std::string, std::string>>& assigns, Io& cmd) {
    std::map<std::string, std::string> saved;
    std::set<std::string> savedExported = exported;
    for (auto& [k, v] : assigns) {
        saved[k] = vars.count(k) ? vars[k] : std::string("\x03");
        vars[k] = v;
        exported.insert(k);
    }
    const int status = runArgv(argv, cmd);
    bool special = argv[0] == "export" || argv[0] == "unset";
    for (auto& [k, v] : saved) {
        if (special) continue;
        if (v == "\x03") vars.erase(k);
        else vars[k] = v;
    }
    if (!special) exported = savedExported;
    return status;
}

// A simple command: assignments, words expanded, redirections opened, the
// command run, its output routed.
int Shell::executeSimple(const Node& node, Io& io) {
    lineNo = node.line;
    size_t i = 0;
    const std::vector<std::pair<std::string, std::string>> assigns = expandAssignments(node, i);
    std::vector<std::string> argv;
    // Inside bash's [[ ]] words are neither split nor globbed.
    bool doubleBracket = isBash() && i < node.words.size() && node.words[i].size() == 1 &&
                         node.words[i][0].quote == 0 && node.words[i][0].text == "[[";
    for (; i < node.words.size(); ++i) {
        auto f = expandWord(node.words[i], !doubleBracket);
        argv.insert(argv.end(), f.begin(), f.end());
    }
    if (stopped) return lastStatus;   // an expansion failed (arithmetic): the command does not run

    // Redirections happen before the command runs: a file that cannot be
    // opened means the command does not run at all.
    Io cmd;
    cmd.in = io.in;
    cmd.hasIn = io.hasIn;
    detail::Redirected redirected;
    if (std::optional<int> refused = detail::openRedirections(*this, node, cmd, redirected)) return *refused;

    int status = 0;
    if (argv.empty()) {
        for (auto& [k, v] : assigns) vars[k] = v;
        status = assigns.empty() ? 0 : lastStatus;
    } else {
        cmd.outIsTerminal =
            config.terminal && redirected.fd1.kind == detail::Target::Kind::Current && m_outCapture == nullptr;
        status = runWithAssignments(argv, assigns, cmd);
        if (!redirected.ownInput) io.in = cmd.in;   // what `read` took from a pipe or a loop's input is gone
    }

    detail::routeOutput(*this, cmd, redirected.fd1, redirected.fd2);
    lastStatus = status;
    return status;
}

int Shell::runArgv(const std::vector<std::string>& argv, Io& io) {
    if (argv.empty()) return 0;
    const std::string& name = argv[0];
    if (auto fn = functions.find(name); fn != functions.end()) {
        const Node body = fn->second;   // a copy: the function may redefine itself
        return callFunction(body, argv, io);
    }
    int r = runBuiltin(*this, argv, io);
    if (r >= 0) return r;
    auto it = commands.find(name);
    if (it != commands.end()) return it->second(*this, argv, io);
    std::string base = name.substr(name.rfind('/') == std::string::npos ? 0 : name.rfind('/') + 1);
    if (base != name && commands.count(base)) return commands[base](*this, argv, io);
    elapsedMs += config.commandMs;
    if (base == "ls") return runLs(*this, argv, io);
    r = runFileCommand(*this, argv, io);
    if (r >= 0) return r;
    r = runTextCommand(*this, argv, io);
    if (r >= 0) return r;
    elapsedMs -= config.commandMs;
    if (fallback) return fallback(*this, argv, io);
    if (isBash()) io.err += "bash: " + name + ": command not found\n";
    else if (config.flavour == Flavour::Dash) io.err += errorPrefix() + name + ": not found\n";
    else io.err += "/bin/sh: " + name + ": not found\n";
    return 127;
}

}   // namespace layerlab::shell
