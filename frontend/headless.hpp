// Headless entry points of the `layerlab` binary: every subcommand that works
// without a display (parse, shell, play, check, lessons, export, ...).
// app/main.cpp calls runHeadless() first and opens the window only when it
// returns std::nullopt. Tests call the same functions with string streams.
#pragma once
#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

namespace layerlab::frontend {

struct Io {
    std::istream& in;
    std::ostream& out;
    std::ostream& err;
    bool stdinIsTerminal = false;   // line editing + no echo when true
};

// One headless subcommand: `layerlab NAME args...`. Returns the exit code.
using SubcommandFn = int (*)(const std::vector<std::string>& args, Io& io);

struct Subcommand {
    const char* name;
    const char* summary;   // one line for `layerlab --help`
    SubcommandFn run;
};

// The table lives in subcommands.cpp: add one line per subcommand there.
const std::vector<Subcommand>& subcommands();

// args excludes argv[0]. Returns the exit code when args name a headless
// subcommand (or --help / --version), std::nullopt when the GUI should open.
std::optional<int> runHeadless(const std::vector<std::string>& args, Io& io);

// Shared by subcommands: print usage of the whole binary.
void printUsage(std::ostream& out);

}   // namespace layerlab::frontend
