// `layerlab export [FILE] [--lang en|ko] [--seed N]`: runs the shell commands
// read from stdin on a fresh simulated host (the course's node app, as
// `layerlab shell` starts) and writes the session as a replayable scenario:
// the start state, the commands, and the final state (see
// sim/scenario/session_export.hpp). `layerlab play FILE` replays it and
// checks that it reproduces the same state.
#include <fstream>
#include <istream>
#include <ostream>

#include "frontend/headless.hpp"
#include "frontend/scenario_commands.hpp"
#include "frontend/scenario_args.hpp"
#include "sim/cli/machine.hpp"
#include "sim/fs/atomic_write.hpp"
#include "sim/scenario/session_export.hpp"

namespace layerlab::frontend {

int runExport(const std::vector<std::string>& args, Io& io) {
    ScenarioArgs a;
    std::string error;
    if (!parseScenarioArgs(args, a, error, false) || a.paths.size() > 1) {
        io.err
            << (error.empty() ? std::string() : "layerlab export: " + error + "\n")
            << "Usage: layerlab export [FILE] [--lang en|ko] [--seed N] < commands.txt\n"
               "Runs the shell commands on stdin and writes the session (start state, commands, final state) as JSON.\n";
        return 2;
    }
    const engine::State start = cli::Machine::defaultState(a.seed.value_or(1), a.lang);
    cli::Machine machine(start);
    std::string line;
    while (std::getline(io.in, line)) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        machine.execute(line);
        if (machine.exitRequested()) break;
    }
    const std::string text = scenario::sessionToText("exported-session", start, machine.commandLog(), machine.state());
    if (a.paths.empty()) {
        io.out << text;
        return 0;
    }
    // Atomic: an interrupted export never leaves half a file over an older one.
    if (const std::string error = fs::writeFileAtomically(a.paths[0], text); !error.empty()) {
        io.err << "layerlab export: " << error << "\n";
        return 1;
    }
    return 0;
}

}   // namespace layerlab::frontend
