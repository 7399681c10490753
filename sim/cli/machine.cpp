// Machine: one line in, the simulated host's answer out. See machine.hpp.
#include "sim/cli/machine.hpp"

#include <algorithm>

#include "sim/cli/default_context.hpp"
#include "sim/cli/docker_cli.hpp"
#include "sim/cli/host_commands.hpp"
#include "sim/cli/host_paths.hpp"
#include "sim/cli/machine_help.hpp"
#include "sim/engine/containers/container_api.hpp"
#include "sim/shell/syntax.hpp"
#include "sim/limits.hpp"

namespace layerlab::cli {
namespace {

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

}   // namespace

Machine::Machine() : Machine(defaultState(1, "en")) {}

Machine::Machine(engine::State initial, MachineOptions options)
    : m_state(std::move(initial)), m_options(std::move(options)) {
    // The learner's login environment (what `env` shows).
    m_vars = {{"HOME", kHomeDir},
              {"USER", m_options.user},
              {"SHELL", "/bin/bash"},
              {"PATH", "/usr/local/bin:/usr/bin:/bin"},
              {"LANG", "C.UTF-8"}};
    for (const auto& [k, v] : m_vars) m_exported.insert(k);
}

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
    std::vector<std::string> words = shell::firstCommandWords(line);
    bool errFirst = !words.empty() && words[0] == "docker" && dockerErrFirst({words.begin() + 1, words.end()});
    return ordered(outcome, errFirst);
}

namespace {

// limits::kOutputBytesPerCommand: a command that prints more shows the first
// part (cut at a character boundary) and a note that says why.
void capOutput(std::string& text, const std::string& lang) {
    if (text.size() <= limits::kOutputBytesPerCommand) return;
    std::size_t cut = limits::kOutputBytesPerCommand;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
    text.resize(cut);
    text +=
        "\n[LayerLab] " +
        limits::reached(lang, lang == "ko" ? "출력을 잘랐습니다" : "output cut",
                        limits::sizeText(limits::kOutputBytesPerCommand) + (lang == "ko" ? "/명령" : " per command")) +
        "\n";
}

}   // namespace

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
    // An open command (heredoc, loop, trailing && or |) takes lines until complete.
    std::string text = m_pending ? *m_pending + "\n" + std::string(line) : std::string(line);
    m_pending.reset();
    // An open command is parsed again with each new line: past the limits
    // (sim/limits.hpp) it is dropped rather than making every key slower.
    const auto lines = static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n'));
    if (text.size() > limits::kPendingInputBytes || lines >= limits::kPendingInputLines) {
        const bool ko = m_state.lang == "ko";
        Outcome refused;
        refused.exitCode = 1;
        refused.err = "bash: " +
                      limits::reached(m_state.lang, ko ? "여러 줄 명령" : "a command of several lines",
                                      std::to_string(limits::kPendingInputLines) + (ko ? "줄, " : " lines and ") +
                                          limits::sizeText(limits::kPendingInputBytes)) +
                      "\n";
        m_lastText = refused.err;
        return refused;
    }
    if (shell::parse(text, shell::Flavour::Bash).status == shell::ParseResult::Status::Incomplete) {
        m_pending = std::move(text);
        return {};
    }
    return executeComplete(text);
}

namespace {
// A word as bash would need it typed: bare when safe, else in single quotes.
std::string shellQuoteWord(const std::string& w) {
    bool safe = !w.empty();
    for (char c : w)
        safe = safe && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                        std::string_view("-_./:=@").find(c) != std::string_view::npos);
    if (safe) return w;
    std::string q = "'";
    for (char c : w) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return q + "'";
}
}   // namespace

Outcome Machine::answerQuestion(std::string_view line) {
    Question q = std::move(*m_question);
    m_question.reset();
    // A password typed at `docker login`'s prompt is never logged (nor
    // exported). A replay has no terminal to ask on, so the log keeps the
    // same login in its scriptable form, with a mask the simulated hub accepts.
    const bool secret = !q.args.empty() && std::find(q.args.begin(), q.args.end(), "login") != q.args.end();
    if (secret) {
        std::string words;
        for (const auto& a : q.args) words += " " + shellQuoteWord(a);
        m_log.back() = "echo '********' | docker" + words + " --password-stdin";
    } else {
        m_log.back() += "\n" + std::string(line);
    }
    DockerEnv env;
    env.vars = q.vars;
    env.terminal = m_options.terminal;
    env.answer = std::string(line);
    engine::ContainerOutcome o = runDocker(m_state, q.args, env);
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
    if (line == "^C") o = engine::attachedInterrupt(m_state, att);
    else if (line == "^P^Q") o = engine::attachedDetachKeys(m_state, att);
    else if (line == "^D") o = engine::attachedEof(m_state, att);
    else if (line == "^\\") o = engine::attachedCloseTerminal(m_state, att);
    else {
        o = engine::attachedInput(m_state, att, line);
        std::string first = line.substr(0, line.find(' ')).data() ? std::string(line.substr(0, line.find(' '))) : "";
        if (!att.stdinAttached && (first == "docker" || isHostCommandName(first)))
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
    bool blank = command.find_first_not_of(" \t\r\n") == std::string::npos;
    bool comment =
        !blank && command[command.find_first_not_of(" \t\r\n")] == '#' && command.find('\n') == std::string::npos;
    if (blank || comment) return {};
    m_log.push_back(command);
    m_state.clock.advance(m_options.thinkTimeMs);

    engine::State before = m_state;
    bool changed = false;
    engine::ContainerOutcome total = runLine(command, changed);
    capOutput(total.out, m_state.lang);
    capOutput(total.err, m_state.lang);
    capOutput(m_lastText, m_state.lang);
    if (changed) {
        m_undo.push_back(std::move(before));
        if (m_undo.size() > m_options.undoLimit) m_undo.erase(m_undo.begin());
    }
    m_hints = total.hints;
    return total;
}

}   // namespace layerlab::cli
