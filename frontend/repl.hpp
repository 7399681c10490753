// repl: `layerlab shell`'s read-eval-print loop over a Machine.
//
// Two ways of reading, chosen by Io::stdinIsTerminal:
//   - a terminal: line editing on libedit (frontend/line_editor.hpp: bash's
//     emacs keys, Ctrl-R, Tab completion from sim/cli/completion, history
//     kept across runs in the user's data folder, shown by `history`).
//     Ctrl-C abandons the line; Ctrl-D on an empty line exits. While
//     attached to a container, Ctrl-C, Ctrl-P Ctrl-Q and Ctrl-D are
//     delivered to it as the keys "^C", "^P^Q", "^D"; Ctrl-\ is
//     LayerLab's "close this terminal window" ("^\"): the docker client
//     dies, the container keeps running, and a new prompt appears.
//   - a script (stdin not a terminal): each line is read, and the prompt and
//     the line are echoed, so the output is the transcript a person would
//     have seen. In attached mode a script line `^C` (or `^P^Q`, `^D`)
//     stands for the key. The same seed and input give the same transcript,
//     byte for byte. No history file is read or written.
//
// Teaching hints (Machine::hints()) are printed after a command's output,
// one per line, prefixed "[hint] " (English) or "[힌트] " (Korean); in a
// terminal they are dimmed/coloured.
//
// ReplHooks let other modules extend the shell without editing it: the
// lessons module adds `hint`, `show goal`, `save FILE`, progress, ...
#pragma once
#include <cstdint>
#include <functional>
#include <string>

#include "frontend/headless.hpp"
#include "sim/cli/machine.hpp"

namespace layerlab::frontend {
using cli::Machine;

struct ReplHooks {
    // Called for every complete input line before the Machine sees it (not
    // for heredoc body lines or attached-mode keys). Return true when the
    // hook handled the line (it prints to the Io it captured); the Machine
    // then does not run it.
    std::function<bool(const std::string& line)> onLine;
    // Called after the Machine ran a line (including hint text printed).
    std::function<void(const std::string& line, const Outcome& outcome)> afterCommand;
    // Appended to the output of `help` (already in the session language).
    std::string extraHelp;
    // Printed once before the first prompt (e.g. a lesson's objective).
    std::string banner;
    // The commands onLine answers, for Tab ("hint", "show goal", ...: see
    // cli::complete's extraCommands).
    std::vector<std::string> commands;
    // Which history file a terminal session keeps ("" = the shell's own,
    // else one per lesson id): historyPath(historyName).
    std::string historyName;
};

// Runs until `exit`, end of input, or Ctrl-D. Returns the exit status of the
// last command, as bash does.
int runRepl(Machine& machine, frontend::Io& io, const ReplHooks& hooks = {});

// The hint lines as the REPL prints them for the given language.
std::string formatHints(const std::vector<engine::Hint>& hints, const std::string& lang, bool colour);

// `layerlab shell` options.
struct ShellOptions {
    std::string contextDir;   // --context DIR ("" = the built-in course app)
    std::string lang;   // --lang ko|en ("" = from LANG / LC_ALL: ko_* -> ko)
    uint64_t seed = 1;   // --seed N
    std::vector<std::string> extraArgs;   // options runShell does not know (for wrappers such as --lesson)
};

// Parses `layerlab shell` arguments. Unknown options go to extraArgs.
// error: "layerlab shell: --seed needs a number" etc.
struct ShellArgs {
    ShellOptions options;
    std::string error;
};
ShellArgs parseShellArgs(const std::vector<std::string>& args);

// The language from the environment (LC_ALL, then LC_MESSAGES, then LANG).
std::string languageFromEnvironment();

// Builds the starting Machine for these options (loads --context from disk).
// error is set (and the Machine default) when the folder cannot be loaded.
struct ShellMachine {
    Machine machine;
    std::string error;
    std::vector<std::string> warnings;
};
ShellMachine makeShellMachine(const ShellOptions& options, bool terminal);

// What `layerlab shell` does once options are parsed. A wrapper (e.g. a
// lessons subcommand taking --lesson ID) can build its own hooks and call this.
int runShellWith(const ShellOptions& options, frontend::Io& io, const ReplHooks& hooks);

}   // namespace layerlab::frontend
