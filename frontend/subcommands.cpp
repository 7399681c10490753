// The table of headless subcommands. One line each; the functions live in
// their own files next to this one (parse_command.cpp, shell_command.cpp, ...).
#include "frontend/headless.hpp"
#include "frontend/parse_command.hpp"
#include "frontend/scenario_commands.hpp"
#include "frontend/shell_command.hpp"

namespace layerlab::frontend {

const std::vector<Subcommand>& subcommands() {
    static const std::vector<Subcommand> table = {
        {"parse", "Parse a Dockerfile: stages, instructions, warnings (--dump: BuildKit's AST)", runParse},
        {"play", "Replay a scenario or lesson file headless (--format text|json, --solution)", runPlay},
        {"check", "Validate lesson and scenario files and replay them (e.g. layerlab check lessons/)", runCheck},
        {"lessons", "List the lessons and your progress (play one: layerlab shell --lesson N)", runLessons},
        {"export", "Run shell commands from stdin and write the session as a replayable JSON scenario", runExport},
        {"shell", "The terminal mode: a simulated host with Docker (--context DIR, --lang ko|en, --seed N)", runShell},
    };
    return table;
}

}   // namespace layerlab::frontend
