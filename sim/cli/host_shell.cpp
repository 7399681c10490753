// host_shell: the learner's host terminal is the one shell model (sim/shell)
// in bash's flavour over State.host (~/app), plus the host's own commands:
// docker (the same runDocker path as every front end), curl, why, help,
// history, clear, and the editors nano/vi/edit. See machine.hpp.
#include <algorithm>
#include <functional>
#include <optional>

#include "sim/cli/docker_cli.hpp"
#include "sim/cli/host_tar.hpp"
#include "sim/cli/host_commands.hpp"
#include "sim/cli/host_paths.hpp"
#include "sim/cli/machine.hpp"
#include "sim/cli/machine_help.hpp"

namespace layerlab::cli {
namespace {

// `docker container prune` / `docker image prune` without -f ask first.
bool asksConfirmation(const std::vector<std::string>& args) {
    std::vector<std::string> words;
    bool force = false;
    for (const auto& a : args) {
        if (a == "-f" || a == "--force" || a == "--force=true" || a == "--help" || a == "-h") force = true;
        if (a.size() > 1 && a[0] == '-' && a[1] != '-' && a.find('f') != std::string::npos &&
            a.find('=') == std::string::npos)
            force = true;   // -af
        if (!a.empty() && a[0] != '-') words.push_back(a);
    }
    if (!words.empty() && words[0] == "login") return true;   // it may ask "Password: " (hub_commands.hpp)
    if (force || words.size() < 2) return false;
    return (words[0] == "container" || words[0] == "image" || words[0] == "volume" || words[0] == "network") &&
           words[1] == "prune";
}

// docker commands that only read: no undo snapshot for them.
bool dockerReadOnly(const std::vector<std::string>& args) {
    if (args.empty()) return true;
    for (const auto& a : args)
        if (a == "--help" || a == "-h") return true;
    static const char* const reads[] = {"ps",   "images", "inspect", "logs",  "history", "version", "info",
                                        "diff", "port",   "top",     "stats", "search",  "events"};
    return std::find(std::begin(reads), std::end(reads), args[0]) != std::end(reads);
}

const char* const kHostCommands[] = {"docker", "curl", "why", "help", "history", "clear",
                                     "nano",   "vi",   "vim", "edit", "tar"};

// stdout and stderr as a terminal shows them (see Machine::terminalText).
std::string ordered(std::string_view out, std::string_view err, bool errFirst) {
    std::string o(out), e(err);
    if (errFirst) return e + o;
    const std::string notice = "DEPRECATED: The legacy builder";
    if (e.rfind(notice, 0) == 0) {
        size_t end = e.find("\n\n");
        if (end != std::string::npos) return e.substr(0, end + 2) + o + e.substr(end + 2);
    }
    return o + e;
}

std::string editorRefusal(const std::string& lang, const std::string& name, const std::string& file) {
    if (lang == "ko")
        return name + ": LayerLab의 스크립트와 창에서는 편집기를 열 수 없습니다. heredoc으로 파일을 쓰세요: cat > " +
               (file.empty() ? "FILE" : file) + " <<'EOF' (그 다음 줄들, 마지막에 EOF)\n";
    return name +
           ": LayerLab cannot open an editor here (a script or the window). Write the file with a heredoc: cat > " +
           (file.empty() ? "FILE" : file) + " <<'EOF' (then the lines, then EOF)\n";
}

// The learner's host shell: bash over ~/app, a terminal, a keyboard.
shell::Config hostShellConfig(const std::string& lang, const std::string& user) {
    shell::Config config;
    config.flavour = shell::Flavour::Bash;
    config.mount = kAppDir;
    config.lang = lang;
    config.utf8Quotes = true;
    config.owner = user;
    config.keyboard = true;
    config.terminal = true;   // the learner's terminal, also when a script replays it
    config.commandMs = 0;   // only `sleep` moves the host's clock
    return config;
}

// `history`: earlier runs' lines first (the terminal's history file), then
// this session's, numbered as bash does.
std::string historyListing(const std::vector<std::string>& lines) {
    std::string out;
    for (size_t i = 0; i < lines.size(); ++i) {
        std::string n = std::to_string(i + 1);
        out += std::string(n.size() < 5 ? 5 - n.size() : 0, ' ') + n + "  " + lines[i] + "\n";
    }
    return out;
}

}   // namespace

const std::vector<std::string>& hostCommandNames() {
    static const std::vector<std::string> names = [] {
        std::vector<std::string> v(std::begin(kHostCommands), std::end(kHostCommands));
        for (const auto* set :
             {&shell::builtinNames(shell::Flavour::Bash), &shell::fileCommandNames(), &shell::textCommandNames()})
            v.insert(v.end(), set->begin(), set->end());
        v.push_back("ls");
        return v;
    }();
    return names;
}

bool isHostCommandName(const std::string& name) {
    const auto& names = hostCommandNames();
    return std::find(names.begin(), names.end(), name) != names.end();
}

std::string HostFiles::put(const std::string& path, fs::FileEntry entry) {
    // Owners on the host are not the shell's business (ls shows the learner):
    // an existing file keeps its uid/gid, a new one gets 0 as the model's
    // other writers give it.
    const fs::FileEntry* old = m_state.host.find(path);
    entry.uid = old ? old->uid : 0;
    entry.gid = old ? old->gid : 0;
    const char* change = "written";
    if (old && old->kind == entry.kind && old->content == entry.content) {
        bool sameContent = true;
        change = old->mode != entry.mode                        ? "mode"
                 : sameContent && old->mtimeMs != entry.mtimeMs ? "touched"
                                                                : "written";
    } else if (old && old->content && entry.content && *old->content == *entry.content && old->mode != entry.mode) {
        change = "mode";
    }
    fs::EditResult r = m_state.host.tryWithEntry(path, std::move(entry));
    if (!r.ok()) return r.error;
    m_state.host = r.tree;
    m_events.push_back(FileChanged{path, change});
    m_changed = true;
    return "";
}

std::string HostFiles::mkdir(const std::string& path, uint32_t mode, bool parents, int64_t mtimeMs) {
    fs::EditResult r = m_state.host.tryWithDirectory(path, mode, parents, mtimeMs);
    if (!r.ok()) return r.error;
    m_state.host = r.tree;
    m_events.push_back(FileChanged{path, "written"});
    m_changed = true;
    return "";
}

std::string HostFiles::remove(const std::string& path) {
    fs::EditResult r = m_state.host.tryWithout(path);
    if (!r.ok()) return r.error;
    m_state.host = r.tree;
    m_events.push_back(FileChanged{path, "deleted"});
    m_changed = true;
    return "";
}

std::string HostFiles::graft(const std::string& path, const fs::FileTree& sub) {
    fs::EditResult r = m_state.host.tryWithSubtree(path, sub);
    if (!r.ok()) return r.error;
    m_state.host = r.tree;
    m_events.push_back(FileChanged{path, "written"});
    m_changed = true;
    return "";
}

int Machine::editHostFile(shell::Shell& s, const std::vector<std::string>& argv, shell::Io& io) {
    std::string file = argv.size() > 1 ? argv.back() : "";
    if (!m_options.editor || file.empty()) {
        io.err += editorRefusal(m_state.lang, argv[0], file);
        return 1;
    }
    shell::Resolved r = s.resolve(file);
    if (r.outside) {
        io.err += outsideMessage(m_state, argv[0], file);
        return 1;
    }
    const fs::FileEntry* e = s.fs.find(r.tree);
    if (e && e->isDir()) {
        io.err += argv[0] + ": " + file + ": Is a directory\n";
        return 1;
    }
    std::optional<std::string> edited = m_options.editor(file, e && e->content ? *e->content : "");
    if (!edited) return 1;
    if (e && e->content && *e->content == *edited) return 0;   // quit without changes: the mtime stays
    fs::FileEntry f = e ? *e : fs::FileEntry{};
    if (!e) f.mode = 0644;
    f.kind = fs::FileEntry::Kind::File;
    f.content = std::make_shared<const std::string>(std::move(*edited));
    f.mtimeMs = m_state.clock.nowMs;
    std::string err = s.fs.put(r.tree, f);
    if (!err.empty()) {
        io.err += argv[0] + ": " + file + ": " + err + "\n";
        return 1;
    }
    return 0;
}

namespace {

// Adds what one command's outcome carries for the window (events, hints) to
// the whole line's.
void takeInto(engine::ContainerOutcome& total, const engine::ContainerOutcome& o) {
    total.events.insert(total.events.end(), o.events.begin(), o.events.end());
    total.hints.insert(total.hints.end(), o.hints.begin(), o.hints.end());
}

// A prune that asks [y/N] is run first on a copy of the state: the question
// text when it asks (the answer comes with the next line), else nothing.
std::optional<std::string> confirmationAsked(const engine::State& state, const std::vector<std::string>& args,
                                             DockerEnv env) {
    if (!asksConfirmation(args)) return std::nullopt;
    engine::State probe = state;
    const bool login = std::find(args.begin(), args.end(), "login") != args.end();
    if (login) env.answer.reset();   // no answer yet: login then shows its prompt
    else env.answer = "";
    engine::ContainerOutcome q = runDocker(probe, args, env);
    if (q.ok() && q.out.size() >= 6 && q.out.compare(q.out.size() - 6, 6, "[y/N] ") == 0) return q.out;
    if (q.ok() && q.out.size() >= 10 && q.out.compare(q.out.size() - 10, 10, "Password: ") == 0) return q.out;
    return std::nullopt;
}

// The host's own tools beside docker that need only the state: curl (to a
// published port), tar, why, help; and bash's answer to anything else.
void bindHostTools(shell::Shell& sh, engine::State& state, engine::ContainerOutcome& total,
                   const std::function<void(shell::Shell&)>& syncClock) {
    sh.commands["curl"] = [&state, &total, &syncClock](shell::Shell& s, const std::vector<std::string>& argv,
                                                       shell::Io& io) {
        syncClock(s);
        engine::ContainerOutcome o = runCurl(state, {argv.begin() + 1, argv.end()});
        io.out += o.out;
        io.err += o.err;
        takeInto(total, o);
        return o.exitCode;
    };
    sh.commands["tar"] = runHostTar;
    sh.commands["why"] = [&state](shell::Shell&, const std::vector<std::string>& argv, shell::Io& io) {
        Outcome o = runWhy(state, {argv.begin() + 1, argv.end()});
        io.out += o.out;
        io.err += o.err;
        return o.exitCode;
    };
    sh.commands["help"] = [&state](shell::Shell&, const std::vector<std::string>&, shell::Io& io) {
        io.out += machineHelp(state.lang);
        return 0;
    };
    sh.fallback = [&total](shell::Shell&, const std::vector<std::string>& argv, shell::Io& io) {
        io.err += "bash: " + argv[0] + ": command not found\n";
        if (auto hint = commandNotFoundHint(argv[0])) total.hints.push_back(*hint);
        return 127;
    };
}

// The commands about the terminal session itself: history (this session's
// lines after the earlier ones), clear, and the editors (EDIT).
void bindSessionCommands(shell::Shell& sh, const std::vector<std::string>& history, bool& clear,
                         const shell::Command& edit) {
    sh.commands["history"] = [&history](shell::Shell&, const std::vector<std::string>&, shell::Io& io) {
        io.out += historyListing(history);
        return 0;
    };
    sh.commands["clear"] = [&clear](shell::Shell&, const std::vector<std::string>&, shell::Io&) {
        clear = true;
        return 0;
    };
    for (const char* name : {"nano", "vi", "vim", "edit"}) sh.commands[name] = edit;
}

}   // namespace

std::vector<std::string> Machine::historyLines() const {
    std::vector<std::string> lines = m_earlierHistory;
    lines.insert(lines.end(), m_log.begin() + static_cast<long>(std::min(m_historyFrom, m_log.size())), m_log.end());
    return lines;
}

engine::ContainerOutcome Machine::runLine(const std::string& command, bool& changed) {
    HostFiles files(m_state);
    shell::Shell sh(files, hostShellConfig(m_state.lang, m_options.user));
    sh.cwd = absoluteHostPath(m_state.cwd);
    sh.vars = m_vars;
    sh.exported = m_exported;
    sh.functions = m_functions;
    sh.lastStatus = m_lastStatus;
    sh.user = m_options.user;
    sh.nowMs = m_state.clock.nowMs;
    const std::string cwdBefore = m_state.cwd;

    engine::ContainerOutcome total;
    sh.terminal = [&](std::string_view out, std::string_view err, const shell::Io& io) {
        total.out += out;
        total.err += err;
        m_lastText += ordered(out, err, io.errFirst);
    };
    sh.outsideMessage = [&](std::string_view cmd, std::string_view arg) { return outsideMessage(m_state, cmd, arg); };
    // Virtual time: `sleep` adds to the shell's elapsed time; the engine's
    // clock catches up before anything that reads it.
    int64_t synced = 0;
    const std::function<void(shell::Shell&)> syncClock = [&](shell::Shell& s) {
        m_state.clock.advance(s.elapsedMs - synced);
        synced = s.elapsedMs;
        s.nowMs = m_state.clock.nowMs;
    };

    sh.commands["docker"] = [&](shell::Shell& s, const std::vector<std::string>& argv, shell::Io& io) {
        syncClock(s);
        std::vector<std::string> args(argv.begin() + 1, argv.end());
        DockerEnv env;
        env.vars = s.environment();
        env.terminal = m_options.terminal && io.outIsTerminal;
        if (io.hasIn) env.stdinData = io.in;
        io.errFirst = dockerErrFirst(args);
        if (std::optional<std::string> asked = confirmationAsked(m_state, args, env)) {
            m_question = Question{args, env.vars, *asked};
            io.out += *asked;
            s.stopped = true;
            return 0;
        }
        engine::ContainerOutcome o = runDocker(m_state, args, env);
        if (!dockerReadOnly(args)) changed = true;
        io.out += o.out;
        io.err += o.err;
        takeInto(total, o);
        if (o.attached) {
            m_attachment = o.attached;
            s.stopped = true;
        }
        s.nowMs = m_state.clock.nowMs;
        return o.exitCode;
    };
    bindHostTools(sh, m_state, total, syncClock);
    const std::vector<std::string> history = historyLines();
    bindSessionCommands(sh, history, m_clear,
                        [this](shell::Shell& s, const std::vector<std::string>& argv, shell::Io& io) {
                            return editHostFile(s, argv, io);
                        });

    int status = sh.run(command);
    syncClock(sh);
    if (sh.exited) {
        m_exit = true;
        total.err += "exit\n";
        m_lastText += "exit\n";
    }
    shell::Resolved here = sh.resolve(".");
    m_state.cwd = here.outside ? "" : here.tree;
    m_vars = sh.vars;
    m_exported = sh.exported;
    m_functions = sh.functions;
    m_lastStatus = status;
    std::vector<Event> fileEvents = files.takeEvents();
    total.events.insert(total.events.begin(), fileEvents.begin(), fileEvents.end());
    changed = changed || files.changed() || m_state.cwd != cwdBefore;
    total.exitCode = status;
    return total;
}

}   // namespace layerlab::cli
