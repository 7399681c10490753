// completion: Tab completion over the simulated machine, for every front end.
//
// complete() reads the word before the cursor and the words before it, the
// way bash-completion for docker does, and returns what may replace that
// word. What is offered depends on where the word stands:
//
//   command name      docker, the host commands, the shell's builtins, and the
//                     front end's own words (`extraCommands`: the lesson
//                     commands inside `layerlab shell --lesson`)
//   after `docker`    its commands from the CLI's own command tree
//                     (dockerCommandTree()), `container`/`image`/... and
//                     their members
//   a word with '-'   the flags of the command being typed, from the flag
//                     tables the CLI parses with (docker_commands.cpp); only
//                     the options LayerLab models
//   a container       running ones for stop/kill/pause/attach/exec, paused
//                     ones for unpause, stopped ones for start, any for
//                     rm/logs/inspect/restart. Names always; a 12-hex ID when
//                     the typed text is the start of one (docker's own
//                     completion hides IDs unless asked, to keep lists short)
//   an image          repositories and repository:tag (run, create, rmi,
//                     history, tag, image inspect, pull, images), IDs as above
//   anything else     files of the simulated host (directories only for cd
//                     and docker build), escaped as bash does (`my\ file.txt`)
//                     or closed in the quote the word opened (`"my file.txt"`)
//
// The result is data. The terminal (frontend/line_editor) and the window's
// terminal panel both apply it with applyCompletion() and list it with
// formatCandidates(), so they agree key for key:
//
//   Completion c = complete(machine, "docker stop w", 13);
//   CompletionEdit e = applyCompletion("docker stop w", c);   // "docker stop web "
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace layerlab::cli {

class Machine;

struct CompletionCandidate {
    std::string text;   // replaces the word as typed: quoted/escaped, "src/" for a directory
    std::string display;   // what a list shows: "index.js", "src/", "web", "--detach"
    bool final = true;   // a whole word: a lone choice gets a space after it (not a directory)
};

struct Completion {
    size_t start = 0;   // byte offset in the line where the word being completed starts
    size_t end = 0;   // the cursor: text after it is left alone, as bash does
    std::vector<CompletionCandidate> candidates;   // sorted by text, no duplicates
};

// What may replace the word that ends at byte `cursor` of `line`. Never
// throws; an unknown command or a word inside a comment gives no candidates.
// `extraCommands` are a front end's own commands, one or two words each
// ("hint", "show goal"): their first words join the command names, their
// second words complete after the first.
Completion complete(const Machine& machine, std::string_view line, size_t cursor,
                    const std::vector<std::string>& extraCommands = {});

struct CompletionEdit {
    std::string line;
    size_t cursor = 0;
    bool changed = false;
};

// What one Tab does, as in bash: a single choice replaces the word (with a
// space after a final word); several insert their longest common prefix
// when it is longer than what was typed. Unchanged otherwise (a second Tab
// then lists the choices).
CompletionEdit applyCompletion(std::string_view line, const Completion& completion);

// The choices as bash lists them on the second Tab: sorted down the
// columns, each column two wider than the widest display text, as many
// columns as fit in `width` (at least one). Ends with a newline; "" when
// there is nothing to list.
std::string formatCandidates(const Completion& completion, int width);

// Command names the host shell knows: the host commands' registry plus the
// Machine's builtins (export, history, ...). One place, so that a new shell
// registry is a one-line change here.
std::vector<std::string> shellCommandNames();

}   // namespace layerlab::cli
