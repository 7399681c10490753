#include "frontend/headless.hpp"

#include <ostream>

namespace layerlab::frontend {

void printUsage(std::ostream& out) {
    out << "Usage: layerlab [COMMAND] [ARGS...]\n\n"
           "LayerLab teaches Docker images, layers, the build cache and containers.\n"
           "With no command it opens the window.\n\nCommands:\n";
    for (const auto& sub : subcommands()) {
        std::string name = sub.name;
        name.resize(10, ' ');
        out << "  " << name << sub.summary << "\n";
    }
}

std::optional<int> runHeadless(const std::vector<std::string>& args, Io& io) {
    if (args.empty()) return std::nullopt;
    const std::string& first = args[0];
    if (first == "--help" || first == "-h" || first == "help") {
        printUsage(io.out);
        return 0;
    }
    if (first == "--version") {
        io.out << "layerlab 0.1\n";
        return 0;
    }
    for (const auto& sub : subcommands()) {
        if (first == sub.name) {
            std::vector<std::string> rest(args.begin() + 1, args.end());
            return sub.run(rest, io);
        }
    }
    if (first.rfind("--", 0) == 0) return std::nullopt;   // GUI options (--lang, --screenshot, ...)
    io.err << "layerlab: unknown command '" << first << "'\n";
    printUsage(io.err);
    return 2;
}

}   // namespace layerlab::frontend
