// Machine: one line in, the simulated host's answer out. See machine.hpp.
#include "sim/cli/machine.hpp"

#include "sim/cli/default_context.hpp"
#include "sim/cli/docker_cli.hpp"
#include "sim/cli/host_commands.hpp"
#include "sim/cli/host_paths.hpp"
#include "sim/cli/machine_help.hpp"
#include "sim/cli/shell_syntax.hpp"
#include "sim/engine/containers/container_api.hpp"

namespace layerlab::cli {
namespace {

// `docker container prune` / `docker image prune` without -f ask first.
bool asksConfirmation(const std::vector<std::string>& args) {
    std::vector<std::string> words;
    bool force = false;
    for (const auto& a : args) {
        if (a == "-f" || a == "--force" || a == "--force=true" || a == "--help" || a == "-h") force = true;
        if (a.size() > 1 && a[0] == '-' && a[1] != '-' && a.find('f') != std::string::npos && a.find('=') == std::string::npos)
            force = true;   // -af
        if (!a.empty() && a[0] != '-') words.push_back(a);
    }
    if (force || words.size() < 2) return false;
    return (words[0] == "container" || words[0] == "image") && words[1] == "prune";
}

// Commands that only read: no undo snapshot for them.
bool readOnly(const SimpleCommand& c) {
    if (c.words.empty()) return false;
    const std::string& w = c.words[0];
    if (c.output) return false;
    if (w == "ls" || w == "cat" || w == "pwd" || w == "echo" || w == "curl" || w == "why" || w == "help" || w == "clear" ||
        w == "history")
        return true;
    if (w != "docker" || c.words.size() < 2) return false;
    for (const auto& a : c.words)
        if (a == "--help" || a == "-h") return true;
    static const char* const reads[] = {"ps", "images", "inspect", "logs", "history", "version", "info"};
    for (const char* r : reads)
        if (c.words[1] == r) return true;
    return false;
}

void append(engine::ContainerOutcome& into, const engine::ContainerOutcome& from) {
    into.out += from.out;
    into.err += from.err;
    into.exitCode = from.exitCode;
    into.events.insert(into.events.end(), from.events.begin(), from.events.end());
    into.hints.insert(into.hints.end(), from.hints.begin(), from.hints.end());
}

// stdout and stderr as a terminal shows them. The legacy builder's
// deprecation notice (stderr) comes before the build's stdout, its errors after.
std::string ordered(const layerlab::Outcome& o, bool errFirst) {
    if (errFirst) return o.err + o.out;
    const std::string notice = "DEPRECATED: The legacy builder";
    if (o.err.rfind(notice, 0) == 0) {
        size_t end = o.err.find("\n\n");
        if (end != std::string::npos) return o.err.substr(0, end + 2) + o.out + o.err.substr(end + 2);
    }
    return o.out + o.err;
}

engine::ContainerOutcome message(std::string err, int code) {
    engine::ContainerOutcome o;
    o.err = std::move(err);
    o.exitCode = code;
    return o;
}

}  // namespace

Machine::Machine() : Machine(defaultState(1, "en")) {}

Machine::Machine(engine::State initial, MachineOptions options)
    : m_state(std::move(initial)), m_options(std::move(options)) {}

engine::State Machine::defaultState(uint64_t seed, const std::string& lang) {
    engine::State s;
    s.seed = seed;
    s.rng.state = seed;
    s.lang = lang == "ko" ? "ko" : "en";
    s.host = defaultContextTree(s.clock.nowMs);
    return s;
}

void Machine::setState(engine::State state) {
    m_state = std::move(state);
    m_pending.reset();
    m_question.reset();
    m_attachment.reset();
    m_undo.clear();
}

bool Machine::attachedWithTty() const { return m_attachment && m_attachment->tty && m_attachment->stdinAttached; }

const std::string& Machine::attachedContainerId() const {
    static const std::string none;
    return m_attachment ? m_attachment->containerId : none;
}

std::string Machine::prompt() const {
    if (m_attachment) return m_attachment->prompt;
    if (m_question) return "";
    if (m_pending) return "> ";
    return m_options.user + "@" + m_options.hostname + ":" + promptDir(m_state) + "$ ";
}

std::string Machine::cwdDisplay() const { return promptDir(m_state); }

bool Machine::takeClearRequest() {
    bool c = m_clear;
    m_clear = false;
    return c;
}

bool Machine::undo() {
    if (m_undo.empty()) return false;
    m_state = std::move(m_undo.back());
    m_undo.pop_back();
    m_attachment.reset();
    return true;
}

std::string Machine::terminalText(std::string_view line, const Outcome& outcome) {
    CommandList list = parseCommandLine(line);
    bool errFirst = !list.items.empty() && !list.items[0].command.words.empty() &&
                    list.items[0].command.words[0] == "docker" &&
                    dockerErrFirst({list.items[0].command.words.begin() + 1, list.items[0].command.words.end()});
    return ordered(outcome, errFirst);
}

Outcome Machine::execute(std::string_view line) {
    m_hints.clear();
    m_lastText.clear();
    // Several lines at once (a GUI paste): feed them one by one.
    if (line.find('\n') != std::string_view::npos) {
        engine::ContainerOutcome all;
        std::string text;
        size_t pos = 0;
        while (pos <= line.size()) {
            size_t end = line.find('\n', pos);
            std::string_view one = line.substr(pos, end == std::string_view::npos ? std::string_view::npos : end - pos);
            if (!(end == std::string_view::npos && one.empty())) {
                engine::ContainerOutcome o;
                static_cast<Outcome&>(o) = execute(one);
                std::vector<engine::Hint> hints = m_hints;
                text += m_lastText;
                o.hints = hints;
                append(all, o);
            }
            if (end == std::string_view::npos) break;
            pos = end + 1;
        }
        m_hints = all.hints;
        m_lastText = text;
        return all;
    }
    if (m_attachment) return executeAttachedKey(line);
    if (m_question) return answerQuestion(line);
    if (m_pending) {
        std::string l(line);
        std::string cmp = l;
        if (m_pending->stripTabs) cmp.erase(0, cmp.find_first_not_of('\t') == std::string::npos ? cmp.size()
                                                                                                : cmp.find_first_not_of('\t'));
        m_pending->text += "\n" + l;
        if (cmp != m_pending->terminator) return {};
        std::string command = std::move(m_pending->text);
        m_pending.reset();
        return executeComplete(command);
    }
    if (auto start = findHeredocStart(line)) {
        m_pending = PendingHeredoc{std::string(line), start->delimiter, start->stripTabs};
        return {};
    }
    return executeComplete(std::string(line));
}

Outcome Machine::answerQuestion(std::string_view line) {
    Question q = std::move(*m_question);
    m_question.reset();
    m_log.back() += "\n" + std::string(line);
    DockerEnv env;
    env.vars = m_env;
    for (const auto& [k, v] : q.command.assignments) env.vars[k] = v;
    env.terminal = m_options.terminal;
    env.answer = std::string(line);
    std::vector<std::string> args(q.command.words.begin() + 1, q.command.words.end());
    engine::ContainerOutcome o = runDocker(m_state, args, env);
    if (o.out.rfind(q.shown, 0) == 0) o.out.erase(0, q.shown.size());
    m_hints = o.hints;
    m_lastText = o.out + o.err;
    return o;
}

Outcome Machine::executeAttachedKey(std::string_view line) {
    m_log.emplace_back(line);
    m_state.clock.advance(m_options.thinkTimeMs);
    const engine::Attachment att = *m_attachment;
    engine::ContainerOutcome o;
    if (line == "^C")
        o = engine::attachedInterrupt(m_state, att);
    else if (line == "^P^Q")
        o = engine::attachedDetachKeys(m_state, att);
    else if (line == "^D")
        o = engine::attachedEof(m_state, att);
    else if (line == "^\\")
        o = engine::attachedCloseTerminal(m_state, att);
    else {
        o = engine::attachedInput(m_state, att, line);
        std::string first = line.substr(0, line.find(' ')).data() ? std::string(line.substr(0, line.find(' '))) : "";
        if (!att.stdinAttached && (first == "docker" || isHostCommand(first)))
            o.hints.push_back(
                {"This terminal is attached to the container, so what you type goes to it, not to the shell. "
                 "Press Ctrl-C to stop it (three times if it ignores Ctrl-C: the docker client then gives up and the "
                 "container keeps running), or start containers with -d to keep the prompt.",
                 "이 터미널은 컨테이너에 연결(attach)되어 있어서, 입력한 내용은 셸이 아니라 컨테이너로 갑니다. "
                 "Ctrl-C로 멈추거나(무시하는 프로그램이면 세 번: docker 클라이언트가 포기하고 컨테이너는 계속 실행됩니다), "
                 "프롬프트를 계속 쓰려면 -d로 컨테이너를 시작하세요."});
    }
    m_attachment = o.attached;
    m_hints = o.hints;
    m_lastText = o.out + o.err;
    return o;
}

Outcome Machine::executeComplete(const std::string& command) {
    CommandList list = parseCommandLine(command);
    if (list.items.empty() && list.error.empty() && list.unsupported.empty()) return {};   // blank or comment
    m_log.push_back(command);
    m_state.clock.advance(m_options.thinkTimeMs);

    engine::ContainerOutcome total;
    auto emit = [&](const engine::ContainerOutcome& o, bool errFirst) {
        m_lastText += ordered(o, errFirst);
        append(total, o);
    };
    if (!list.error.empty()) {
        emit(message(list.error + "\n", 2), false);
        m_hints = total.hints;
        return total;
    }
    if (!list.unsupported.empty()) {
        engine::ContainerOutcome o = message(
            m_state.lang == "ko" ? "layerlab: 이 터미널은 bash의 " + list.unsupported +
                                       " 기능을 시뮬레이션하지 않습니다. 명령을 하나씩 입력하세요. (help: 할 수 있는 것)\n"
                                 : "layerlab: this terminal does not model bash's " + list.unsupported +
                                       ". Type the commands one at a time (help lists what works).\n",
            1);
        emit(o, false);
        m_hints = total.hints;
        return total;
    }

    bool snapshot = false;
    for (const auto& item : list.items)
        if (!readOnly(item.command)) snapshot = true;
    if (snapshot) {
        m_undo.push_back(m_state);
        if (m_undo.size() > m_options.undoLimit) m_undo.erase(m_undo.begin());
    }

    std::string connector;
    int last = 0;
    for (const auto& item : list.items) {
        if ((connector == "&&" && last != 0) || (connector == "||" && last == 0)) {
            connector = item.connector;
            continue;
        }
        connector = item.connector;
        bool errFirst = false;
        engine::ContainerOutcome o = runSimple(item.command, errFirst);
        last = o.exitCode;
        emit(o, errFirst);
        if (m_exit || m_attachment) break;
    }
    total.exitCode = last;
    m_hints = total.hints;
    return total;
}

engine::ContainerOutcome Machine::runSimple(const SimpleCommand& cmd, bool& errFirst) {
    engine::ContainerOutcome o;
    if (cmd.words.empty()) {   // VAR=value alone: a shell variable for later docker commands
        for (const auto& [k, v] : cmd.assignments) m_env[k] = v;
        return o;
    }
    const std::string& name = cmd.words[0];
    std::vector<std::string> args(cmd.words.begin() + 1, cmd.words.end());
    if (name == "docker") {
        DockerEnv env;
        env.vars = m_env;
        for (const auto& [k, v] : cmd.assignments) env.vars[k] = v;
        env.terminal = m_options.terminal;
        errFirst = dockerErrFirst(args);
        if (asksConfirmation(args)) {
            // ask first, on a copy: the answer comes with the next line
            engine::State probe = m_state;
            env.answer = "";
            engine::ContainerOutcome q = runDocker(probe, args, env);
            if (q.ok() && q.out.size() >= 6 && q.out.compare(q.out.size() - 6, 6, "[y/N] ") == 0) {
                m_question = Question{cmd, q.out};
                o.out = q.out;
                return o;
            }
        }
        o = runDocker(m_state, args, env);
        if (o.attached) m_attachment = o.attached;
    } else if (isHostCommand(name)) {
        o = runHostCommand(m_state, cmd);
    } else if (name == "export") {
        for (const auto& a : args) {
            size_t eq = a.find('=');
            if (eq != std::string::npos) m_env[a.substr(0, eq)] = a.substr(eq + 1);
        }
    } else if (name == "unset") {
        for (const auto& a : args) m_env.erase(a);
    } else if (name == "exit") {
        m_exit = true;
        o.err = "exit\n";
    } else if (name == "clear") {
        m_clear = true;
    } else if (name == "help") {
        o.out = machineHelp(m_state.lang);
    } else if (name == "history") {
        for (size_t i = 0; i < m_log.size(); ++i) {
            std::string n = std::to_string(i + 1);
            o.out += std::string(n.size() < 5 ? 5 - n.size() : 0, ' ') + n + "  " + m_log[i] + "\n";
        }
    } else {
        o = message("bash: " + name + ": command not found\n", 127);
        if (auto hint = commandNotFoundHint(name)) o.hints.push_back(*hint);
    }
    if (cmd.output) {
        // bash applies `> FILE` whatever the command printed on stdout
        layerlab::Outcome w = writeRedirection(m_state, *cmd.output, o.out);
        o.out.clear();
        o.events.insert(o.events.end(), w.events.begin(), w.events.end());
        if (!w.ok()) {
            o.err = w.err + o.err;
            o.exitCode = w.exitCode;
        }
    }
    return o;
}

}  // namespace layerlab::cli
