// Machine: the simulated host a learner types into.
//
// One Machine holds the whole simulated computer: the engine State (images,
// layers, build cache, containers, the build-context folder ~/app and the
// shell's current directory), the log of commands that produced it, an undo
// stack of earlier States, and whether the terminal is attached to a running
// container (after `docker run` without -d, `docker attach`, `docker start -a`).
//
// Every way in goes through execute(): a GUI button, a line typed in
// `layerlab shell`, a lesson step, a scenario replay. There is no other path
// to a docker or host behaviour, so all of them print the same text.
//
//   Machine m;                                   // default: the course's node app, seed 1
//   Outcome o = m.execute("docker build -t myapp .");
//   o.out / o.err / o.exitCode / o.events        // what the terminal shows, what happened
//
// The shell: each line runs through LayerLab's one sh model (sim/shell) in
// bash's flavour, so lists, pipes, `$(...)`, variables, globs, loops,
// heredocs and redirections work as on a real host, with bash's and GNU
// coreutils' words. `docker` is a command inside that shell (the same
// runDocker path as before), so `docker rm -f $(docker ps -aq)` and
// `docker images -q | xargs docker rmi` do what they do on a real host;
// `curl`, `why`, `help`, `history`, `clear` and the editors are host
// commands (host_shell.cpp).
//
// Multi-line input: a line that leaves the command open (`cat > f <<'EOF'`,
// `for i in 1 2; do`, a trailing `&&` or `|`) makes execute() buffer the
// following lines (returning an empty Outcome) until the command is
// complete, and run it then. needsMoreInput() says so, prompt() returns "> "
// meanwhile. A REPL or a script feeds lines one by one; a GUI may also pass
// the whole multi-line text in one call.
//
// Attached mode: after `docker run IMAGE` whose program keeps running, the
// terminal is attached to that container (attached() is true, prompt() is
// empty). Lines are then keys for the container: "^C" sends Ctrl-C, "^P^Q"
// (Ctrl-P Ctrl-Q) detaches when the container has -i and -t; other lines go
// to its standard input. The REPL maps the real keys to these lines.
//
// Output order: a terminal shows `err` and `out` interleaved. Outcome keeps
// them apart, so Machine also keeps the text in a terminal's order
// (lastTerminalText()), and the teaching hints apart (hints()).
//
// Variables live across lines as in one bash session; docker commands see
// the exported ones and `VAR=value docker ...` prefixes, e.g.
// `export DOCKER_BUILDKIT=0`.
//
// Failing commands change nothing: each command runs on a copy of the State
// and the copy is kept only when the command succeeds (exit code 0) or the
// command is one that Docker applies partially by design (e.g. `docker rm a b`
// where only b fails: a is removed, as in Docker).
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <functional>
#include <set>

#include "sim/engine/containers/container_api.hpp"
#include "sim/engine/state.hpp"
#include "sim/events.hpp"
#include "sim/shell/syntax.hpp"

namespace layerlab::shell {
class Shell;
struct Io;
}   // namespace layerlab::shell

namespace layerlab::cli {

struct MachineOptions {
    std::string user = "learner";
    std::string hostname = "layerlab";
    // Virtual time that passes before each command line, as a person takes a
    // moment to type it: `docker ps` then shows "Up 4 seconds", not "Up Less
    // than a second". Deterministic, part of every replay.
    int64_t thinkTimeMs = engine::kCommandTickMs;
    // The terminal is a real one (pull progress drawn in place) rather than a
    // script or pipe.
    bool terminal = false;
    // How many earlier States undo() can restore.
    size_t undoLimit = 100;
    // `nano FILE`, `vi FILE`, `edit FILE` in an interactive terminal: the
    // front end opens the learner's own editor on a copy of the text and
    // returns the edited text (nullopt: not saved / no editor). Unset (a
    // script, the GUI): the editors are refused with a hint to use a heredoc.
    std::function<std::optional<std::string>(const std::string& name, const std::string& text)> editor;
};

class Machine {
public:
    // Default: State built by defaultState(1, "en").
    Machine();
    explicit Machine(engine::State initial, MachineOptions options = {});

    // A fresh host: the course notes' node app in ~/app (package.json,
    // server.js, Dockerfile, Dockerfile.notes, .dockerignore), no images, no
    // containers, the given seed and teaching language ("en" or "ko").
    static engine::State defaultState(uint64_t seed = 1, const std::string& lang = "en");

    // Runs one line (or feeds one line of an open heredoc, or one key line
    // while attached). Never throws on learner input.
    Outcome execute(std::string_view line);

    // What the terminal shows for the last execute(): stdout and stderr of
    // each command in the order a terminal shows them (see terminalText).
    const std::string& lastTerminalText() const { return m_lastText; }
    // Teaching notes of the last execute(), apart from Docker's own text (the
    // REPL prints them styled, in the session language; the GUI shows them
    // beside the terminal). Each has English and Korean.
    const std::vector<engine::Hint>& hints() const { return m_hints; }

    // The text a terminal shows for `outcome` of `line`, with stdout and
    // stderr in Docker's order. docker run/create print the pull and any
    // daemon error on stderr before the container's own output; every other
    // command prints its results first and the collected errors last (as
    // docker/cli does for `docker rm a b`, `docker rmi ...`).
    static std::string terminalText(std::string_view line, const Outcome& outcome);

    // "learner@layerlab:~/app$ ", "> " inside a heredoc, "" while attached or
    // while a confirmation question waits for its answer.
    std::string prompt() const;
    bool needsMoreInput() const { return m_pending.has_value(); }
    // A confirmation prompt is waiting for its answer (`docker image prune`
    // without -f asks "Are you sure you want to continue? [y/N] "): the next
    // line is the answer, as docker reads it from stdin.
    bool awaitingAnswer() const { return m_question.has_value(); }

    const engine::State& state() const { return m_state; }
    // Replaces the whole machine state (import, lesson start). Clears the
    // heredoc buffer, the attached mode and the undo stack; keeps the log.
    void setState(engine::State state);

    bool attached() const { return m_attachment.has_value(); }
    const std::string& attachedContainerId() const;
    // The attachment itself (kind, -i/-t, the program's prompt), if attached.
    const std::optional<engine::Attachment>& attachment() const { return m_attachment; }
    // True when the attached container has -i and -t (Ctrl-P Ctrl-Q detaches).
    bool attachedWithTty() const;

    // Complete commands in the order they ran (a heredoc command is one entry
    // with its body and terminator lines, joined by '\n'; attached-mode keys
    // are logged as "^C", "^P^Q"). Used by export and replay.
    const std::vector<std::string>& commandLog() const { return m_log; }

    // Lines typed in earlier sessions (a terminal front end keeps them in a
    // history file): `history` lists them before this session's commands,
    // numbered on, as bash does with its HISTFILE. Empty in scripts.
    void setEarlierHistory(std::vector<std::string> lines) { m_earlierHistory = std::move(lines); }
    // Every line `history` lists, oldest first: the earlier ones, then this session's.
    std::vector<std::string> historyLines() const;
    // This Machine takes over from another (undo and redo replay a session
    // on a new Machine): `history` lists LINES, the old one's, then what runs
    // from now on, not the replayed commands, so an undo loses nothing typed.
    void keepHistory(std::vector<std::string> lines) {
        m_earlierHistory = std::move(lines);
        m_historyFrom = m_log.size();
    }

    // Restores the State before the last state-changing command.
    bool undo();
    size_t undoDepth() const { return m_undo.size(); }

    // `exit` was typed: the REPL ends.
    bool exitRequested() const { return m_exit; }
    // `clear` was typed since the last call: a terminal clears its screen.
    bool takeClearRequest();

    // "~/app", "~/app/src": the shell's current directory for prompts.
    std::string cwdDisplay() const;

    const MachineOptions& options() const { return m_options; }

private:
    Outcome executeComplete(const std::string& command);
    Outcome executeAttachedKey(std::string_view line);
    // Runs a complete command line through the host shell (host_shell.cpp).
    engine::ContainerOutcome runLine(const std::string& command, bool& changed);
    // nano/vi/vim/edit FILE in the host shell: the front end's editor on a copy, written back.
    int editHostFile(shell::Shell& sh, const std::vector<std::string>& argv, shell::Io& io);

    engine::State m_state;
    MachineOptions m_options;
    std::vector<std::string> m_log;
    std::vector<std::string> m_earlierHistory;
    size_t m_historyFrom = 0;   // m_log's first line `history` lists (keepHistory)
    std::vector<engine::State> m_undo;
    std::optional<std::string> m_pending;   // an open command so far, lines joined by '\n'
    struct Question {
        std::vector<std::string> args;   // the docker command that asked (after `docker`)
        std::map<std::string, std::string> vars;   // the variables it saw
        std::string shown;   // the question text already printed
    };
    std::optional<Question> m_question;
    Outcome answerQuestion(std::string_view line);
    std::optional<engine::Attachment> m_attachment;
    // The bash session's variables, exported names and $? across lines.
    std::map<std::string, std::string> m_vars;
    std::set<std::string> m_exported;
    std::map<std::string, shell::Node> m_functions;   // defined on one line, called on a later one
    int m_lastStatus = 0;
    std::vector<engine::Hint> m_hints;
    std::string m_lastText;
    bool m_exit = false;
    bool m_clear = false;
};

}   // namespace layerlab::cli
