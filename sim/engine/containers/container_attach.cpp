// container_attach: `docker logs`, `docker attach`, and what keys do while a
// terminal is attached (see container_api.hpp).
#include <climits>

#include "sim/engine/containers/container_api.hpp"
#include "sim/engine/containers/container_core.hpp"
#include "sim/engine/containers/find_or_answer.hpp"
#include "sim/engine/containers/container_lifecycle.hpp"
#include "sim/engine/containers/source_scan.hpp"
#include "sim/engine/docker_format.hpp"
#include "sim/korean.hpp"
#include "sim/numbers.hpp"

namespace layerlab::engine {
namespace {

using namespace containers;

int indexOf(const State& state, const std::string& id) {
    for (size_t i = 0; i < state.containers.size(); ++i)
        if (state.containers[i].id == id) return static_cast<int>(i);
    return -1;
}

// Before a key or line reaches an attached container: the engine settles, and
// the terminal stays attached while the container is up. Returns its index,
// or -1 when it is gone or has stopped (then out is no longer attached).
int stillAttached(State& state, const Attachment& a, ContainerOutcome& out) {
    for (const Event& e : settleContainers(state)) out.events.push_back(e);
    out.attached = a;
    const int index = indexOf(state, a.containerId);
    if (index < 0 || !isUp(state.containers[static_cast<size_t>(index)])) {
        out.attached.reset();
        return -1;
    }
    return index;
}

// jsonmessage.RFC3339NanoFixed: always nine fraction digits.
std::string fixedNano(int64_t ms) {
    std::string base = format::rfc3339(ms);   // ...:SSZ
    char frac[16];
    std::snprintf(frac, sizeof frac, ".%03d000000Z", static_cast<int>(((ms % 1000) + 1000) % 1000));
    return base.substr(0, base.size() - 1) + frac;
}

// The program ended while attached: the attached CLI returns its exit code.
ContainerOutcome ended(State& state, size_t index, int code, ContainerOutcome out) {
    endProcess(state, index, code, out);
    out.attached.reset();
    out.exitCode = code;
    return out;
}

}   // namespace

ContainerOutcome containerLogs(const State& stateIn, const LogsOptions& o) {
    ContainerOutcome out;
    State state = stateIn;
    settleContainers(state);
    const Container* found = findOrAnswer(state, o.container, out);
    if (!found) return out;
    const Container& c = *found;
    size_t first = 0;
    if (o.tail != "all" && !o.tail.empty()) {
        // Docker treats a negative or unparsable --tail as "all".
        if (auto n = parseInteger(o.tail, 0, LLONG_MAX)) {
            const auto lines = static_cast<unsigned long long>(*n);
            first = c.logs.size() > lines ? c.logs.size() - static_cast<size_t>(lines) : 0;
        }
    }
    for (size_t i = first; i < c.logs.size(); ++i) {
        const LogLine& line = c.logs[i];
        std::string text = (o.timestamps ? fixedNano(line.atMs) + " " : "") + line.text + "\n";
        (line.stderrStream && !c.tty ? out.err : out.out) += text;
    }
    if (o.follow && isUp(c)) {
        Attachment a;
        a.kind = Attachment::Kind::LogsFollow;
        a.containerId = c.id;
        out.attached = a;
    }
    return out;
}

void noteLogsRead(State& state, const std::string& container) {
    Lookup l = findContainer(state, container);
    if (l.index >= 0) state.containers[static_cast<size_t>(l.index)].logsRead++;
}

ContainerOutcome attachContainer(State& state, const AttachOptions& o) {
    ContainerOutcome out;
    for (const Event& e : settleContainers(state)) out.events.push_back(e);
    const Container* found = findOrAnswer(state, o.container, out);
    if (!found) return out;
    const Container& c = *found;
    if (c.status == Container::Status::Paused) {
        out.err = "You cannot attach to a paused container, unpause it first\n";
        out.exitCode = 1;
        return out;
    }
    if (!isUp(c)) {
        out.err = "You cannot attach to a stopped container, start it first\n";
        out.exitCode = 1;
        return out;
    }
    Attachment a;
    a.kind = Attachment::Kind::Attach;
    a.containerId = c.id;
    a.stdinAttached = !o.noStdin && c.interactive;
    a.tty = c.tty;
    a.sigProxy = o.sigProxy;
    a.detachKeys = o.detachKeys;
    a.prompt = a.stdinAttached ? programOf(state, c).prompt : "";
    out.attached = a;
    return out;
}

// Ctrl-C that PID 1 ignores (no SIGINT handler): with -it only the detach keys
// help; otherwise the docker client counts the signals and gives up at the third.
void ignoredInterrupt(const Attachment& a, const Program& p, const std::string& name, ContainerOutcome& out) {
    if (a.stdinAttached && a.tty) {
        // -it: the terminal is raw, Ctrl-C is a byte for the container's TTY
        // and never reaches the docker client, so only the detach keys help.
        out.hints.push_back(
            {p.name +
                 " runs as PID 1 and has no SIGINT handler, so Ctrl-C is ignored: the container "
                 "keeps running and the terminal stays attached. Detach with Ctrl-P Ctrl-Q, then docker stop " +
                 name + ".",
             ko::with(p.name, ko::Particle::EunNeun) +
                 " PID 1로 실행되고 SIGINT 처리기가 없어 Ctrl-C가 "
                 "무시됩니다. 컨테이너는 계속 실행되고 터미널도 연결된 채로 남습니다. Ctrl-P Ctrl-Q로 분리한 뒤 "
                 "docker stop " +
                 ko::with(name, ko::Particle::EulReul) + " 실행하세요."});
        return;
    }
    // Without a raw terminal the docker client receives the SIGINT itself and
    // forwards it; since CLI 27 the third one makes it give up
    // (cmd/docker/docker.go, forceExitAfter3TerminationSignals). The real CLI
    // prints a newline first, after the terminal's echoed ^C; LayerLab's line
    // already ends there.
    const int count = a.clientSignals + 1;
    if (count >= 3) {
        out.err += "got 3 SIGTERM/SIGINTs, forcefully exiting\n";
        out.attached.reset();
        out.exitCode = 1;
        out.hints.push_back(
            {"The docker client gave up after the third Ctrl-C and returned the prompt, but the container " + name +
                 " keeps running (docker ps shows it). Stop it with docker stop " + name + ".",
             "docker 클라이언트가 세 번째 Ctrl-C에서 포기하고 프롬프트로 돌아왔지만, " +
                 ko::with(name, ko::Particle::EunNeun) + " 계속 실행 중입니다(docker ps에 보입니다). docker stop " +
                 ko::with(name, ko::Particle::EuroRo) + " 멈추세요."});
        return;
    }
    out.attached->clientSignals = count;
    const std::string left = count == 1 ? "two more times" : "once more";
    const std::string leftKo = count == 1 ? "두 번 더" : "한 번 더";
    out.hints.push_back(
        {p.name +
             " runs as PID 1 and has no SIGINT handler, so Ctrl-C (forwarded as SIGINT) is ignored: "
             "the container keeps running and the terminal stays attached. Press Ctrl-C " +
             left +
             ": after the third, the docker client gives up and returns the prompt, and the container "
             "keeps running. Next time, start it with -d.",
         ko::with(p.name, ko::Particle::EunNeun) +
             " PID 1로 실행되고 SIGINT 처리기가 없어 Ctrl-C(SIGINT로 "
             "전달됨)가 무시됩니다. 컨테이너는 계속 실행되고 터미널도 연결된 채로 남습니다. Ctrl-C를 " +
             leftKo +
             " 누르면 세 번째에서 docker 클라이언트가 포기하고 프롬프트로 돌아옵니다. 컨테이너는 계속 실행됩니다. "
             "다음에는 -d로 시작하세요."});
}

// A line printed by the attached program: on the terminal and in its logs.
void printAttached(State& state, size_t i, const std::string& text, ContainerOutcome& out) {
    out.out += text + "\n";
    state.containers[i].logs.push_back({state.clock.nowMs, false, text});
}

// A line typed into node's or python's REPL: .exit/exit(), a literal or
// console.log/print of one, else a hint (a shell command typed into the REPL).
void replInput(State& state, size_t i, const Program& p, const std::string& line, ContainerOutcome& out) {
    auto print = [&](const std::string& text) { printAttached(state, i, text, out); };
    const bool node = p.repl == Program::Repl::Node;
    if ((node && line == ".exit") || (!node && (line == "exit()" || line == "quit()"))) {
        out = ended(state, i, 0, out);
        return;
    }
    if (line.empty()) return;
    scan::Scope scope;
    scope.lang = node ? scan::Lang::JavaScript : scan::Lang::Python;
    scope.env = state.containers[i].env;
    const std::string call = node ? "console.log" : "print";
    if (line.rfind(call + "(", 0) == 0 && line.back() == ')') {
        auto v = scan::evaluate(line.substr(call.size() + 1, line.size() - call.size() - 2), scope);
        if (v) {
            print(*v);
            if (node) print("undefined");
            return;
        }
    } else if (auto v = scan::evaluate(line, scope)) {
        const bool quoted = line.front() == '\'' || line.front() == '"' || line.front() == '`';
        print(quoted ? "'" + *v + "'" : *v);
        return;
    }
    const std::string first = line.substr(0, line.find(' '));
    static const char* const shellWords[] = {"docker", "ls",    "cat",   "cd",      "curl",    "pwd",
                                             "rm",     "mkdir", "touch", "nano",    "vi",      "clear",
                                             "help",   "hint",  "show",  "predict", "restart", "save"};
    for (const char* w : shellWords)
        if (first == w) {
            // A learner who ran `docker run -it node` and types shell or lesson commands into the REPL.
            const std::string leave = node ? ".exit or Ctrl-D" : "exit() or Ctrl-D";
            const std::string leaveKo = node ? ".exit 또는 Ctrl-D" : "exit() 또는 Ctrl-D";
            out.hints.push_back(
                {"You are inside " + p.name +
                     "'s REPL, the program running in the container, not in "
                     "the shell: `" +
                     first + "` means nothing to it. Leave with " + leave +
                     " (the container then exits); shell and lesson commands work again after that.",
                 "지금은 셸이 아니라 컨테이너에서 실행 중인 " + p.name + " REPL 안입니다. REPL은 " +
                     ko::with("`" + first + "`", ko::Particle::EulReul) + " 모릅니다. " +
                     ko::with(leaveKo, ko::Particle::EuroRo) +
                     " 나오세요(컨테이너도 끝납니다). 그다음에는 셸 명령과 레슨 명령이 다시 동작합니다."});
            return;
        }
    out.hints.push_back({"LayerLab's REPL only understands literals, simple sums, " + call + "(...) and " +
                             (node ? std::string(".exit") : std::string("exit()")) + "; it does not run this line.",
                         "LayerLab의 REPL은 리터럴, 간단한 덧셈, " + call + "(...)와 " +
                             (node ? std::string(".exit") : std::string("exit()")) +
                             "만 이해합니다. 이 줄은 실행하지 않습니다."});
}

ContainerOutcome attachedInterrupt(State& state, const Attachment& a) {
    ContainerOutcome out;
    const int index = stillAttached(state, a, out);
    if (a.kind == Attachment::Kind::LogsFollow || index < 0) {
        out.attached.reset();
        out.exitCode = 130;   // the docker client itself dies of SIGINT
        return out;
    }
    Container& c = state.containers[static_cast<size_t>(index)];
    const Program p = programOf(state, c);
    if (a.tty) {
        // With a TTY, Ctrl-C is a byte on the terminal: a REPL or shell reads it itself.
        if (p.repl == Program::Repl::Node) {
            if (a.interrupts >= 1) return ended(state, static_cast<size_t>(index), 0, out);
            out.out += "(To exit, press Ctrl+C again or Ctrl+D or type .exit)\n";
            out.attached->interrupts = a.interrupts + 1;
            return out;
        }
        if (p.repl == Program::Repl::Shell || p.repl == Program::Repl::Python) {
            if (p.repl == Program::Repl::Python) out.out += "KeyboardInterrupt\n";
            else out.out += "\n";
            return out;
        }
        // Otherwise the terminal turns it into SIGINT for the program.
    } else if (!a.sigProxy) {
        // --sig-proxy=false: Ctrl-C only ends the docker client; the container runs on.
        out.attached.reset();
        out.exitCode = 130;
        return out;
    }
    bool removed = false;
    ContainerOutcome step;
    if (deliverSignal(state, static_cast<size_t>(index), 2, step, &removed)) {
        for (const Event& e : step.events) out.events.push_back(e);
        out.attached.reset();
        for (const Event& e : step.events)
            if (const auto* s = std::get_if<ContainerStopped>(&e)) out.exitCode = s->exitCode;
        return out;
    }
    ignoredInterrupt(a, p, c.name, out);
    return out;
}

ContainerOutcome attachedDetachKeys(State& state, const Attachment& a) {
    ContainerOutcome out;
    for (const Event& e : settleContainers(state)) out.events.push_back(e);
    out.attached = a;
    if (a.kind == Attachment::Kind::LogsFollow) return out;
    if (a.stdinAttached && a.tty) {
        out.out += "read escape sequence\n";
        out.attached.reset();
        return out;
    }
    out.hints.push_back(
        {"Ctrl-P Ctrl-Q detaches only when the container has stdin and a TTY (docker run -it); here "
         "the keys do nothing.",
         "Ctrl-P Ctrl-Q는 컨테이너에 stdin과 TTY가 있을 때(docker run -it)만 분리합니다. 여기서는 아무 "
         "일도 일어나지 않습니다."});
    return out;
}

ContainerOutcome attachedInput(State& state, const Attachment& a, std::string_view lineIn) {
    ContainerOutcome out;
    const int index = stillAttached(state, a, out);
    if (index < 0) return out;
    out.attached->interrupts = 0;
    if (!a.stdinAttached || a.kind == Attachment::Kind::LogsFollow) return out;   // typed text goes nowhere
    const size_t i = static_cast<size_t>(index);
    const Program p = programOf(state, state.containers[i]);
    const std::string line = scan::trim(lineIn);
    auto print = [&](const std::string& text) { printAttached(state, i, text, out); };
    if (p.repl == Program::Repl::Shell) {
        if (line.empty()) return out;
        if (line == "exit" || line.rfind("exit ", 0) == 0) {
            // exit N ends the shell with N & 255 (digit by digit, so no number
            // is too long); `exit abc` is the shell's own error (Illegal
            // number) and the shell stays, so it goes to the shell model below.
            const std::string arg = scan::trim(line.substr(4));
            const bool number = !arg.empty() && arg.find_first_not_of("0123456789") == std::string::npos;
            if (arg.empty() || number) {
                int code = 0;
                for (char d : arg) code = (code * 10 + (d - '0')) & 255;
                return ended(state, i, code, out);
            }
        }
        Program r = runInside(state, i, {"/bin/sh", "-c", line}, "", {}, true, a.tty);
        for (const OutputLine& l : r.output) print(l.text);
        for (const Hint& h : r.hints) out.hints.push_back(h);
        return out;
    }
    if (p.repl == Program::Repl::Node || p.repl == Program::Repl::Python) replInput(state, i, p, line, out);
    return out;
}

ContainerOutcome attachedEof(State& state, const Attachment& a) {
    ContainerOutcome out;
    const int index = stillAttached(state, a, out);
    if (index < 0 || !a.stdinAttached) return out;
    const Program p = programOf(state, state.containers[static_cast<size_t>(index)]);
    if (p.repl != Program::Repl::None) return ended(state, static_cast<size_t>(index), 0, out);
    return out;
}

ContainerOutcome attachedCloseTerminal(State& state, const Attachment& a) {
    ContainerOutcome out;
    for (const Event& e : settleContainers(state)) out.events.push_back(e);
    (void)a;
    return out;
}

}   // namespace layerlab::engine
