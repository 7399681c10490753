// The table of headless subcommands. One line each; the functions live in
// their own files next to this one (parse_command.cpp, shell_command.cpp, ...).
#include "sim/app/headless.hpp"
#include "sim/app/parse_command.hpp"

namespace layerlab::app {

const std::vector<Subcommand>& subcommands() {
    static const std::vector<Subcommand> table = {
        {"parse", "Parse a Dockerfile: stages, instructions, warnings (--dump: BuildKit's AST)", runParse},
    };
    return table;
}

}  // namespace layerlab::app
