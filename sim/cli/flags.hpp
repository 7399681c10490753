// flags: a small cobra/pflag work-alike for the simulated docker CLI.
//
// A CommandSpec describes one docker command as docker/cli declares it (Use,
// Short, aliases, flags with pflag's types and usage text). parseFlags()
// follows pflag's rules: long `--name value` / `--name=value`, shorthand
// `-p 3000:80`, `-p3000:80`, combined booleans `-it`, `-dp 3000:80`, repeated
// flags collecting values, `--` ending flags, and (for run/create/exec) flags
// stopping at the first positional argument as cobra's
// SetInterspersed(false) does. Errors carry pflag's exact words
// ("unknown flag: --foo", "unknown shorthand flag: 'z' in -z",
// "flag needs an argument: 'p' in -p", ...).
//
// Flags Docker has but the simulator does not model are declared too
// (supported = false): they parse with the right arity, are left out of
// --help, and make the command say plainly that LayerLab does not model
// them, instead of failing as an unknown flag or being silently ignored.
//
// renderUsage() prints `docker CMD --help` in docker/cli's layout with
// pflag's FlagUsagesWrapped(79) line wrapping, so the help of a command
// whose flags are all supported is byte-identical to Docker 28's.
#pragma once
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace layerlab::cli {

struct FlagSpec {
    FlagSpec(std::string name_, char shorthand_, std::string type_, std::string usage_, bool supported_ = true,
             bool hidden_ = false)
        : name(std::move(name_)),
          shorthand(shorthand_),
          type(std::move(type_)),
          usage(std::move(usage_)),
          supported(supported_),
          hidden(hidden_) {}
    std::string name;   // "publish"
    char shorthand = 0;   // 'p'
    std::string type;   // pflag type name shown in help: "" (bool), "string", "list", "int", ...
    std::string usage;   // Docker's text, including any "(default ...)"
    bool supported = true;   // false: real Docker flag the simulator does not model
    bool hidden = false;   // not shown in help (Docker hides these too)
    bool isBool() const { return type.empty(); }
};

struct CommandSpec {
    std::string path;   // "run", "container ls", "image prune"
    std::string use;   // "run [OPTIONS] IMAGE [COMMAND] [ARG...]"
    std::string shortText;   // "Create and run a new container from an image"
    std::string aliases;   // "docker container run, docker run" ("" = none shown)
    std::vector<FlagSpec> flags;
    bool interspersed = true;   // false: flags end at the first argument (run, create, exec)
    // Argument count rule, as docker/cli's cli.RequiresMinArgs / ExactArgs / NoArgs ...
    enum class Args { Any, NoArgs, Min, Exact, Max, Range };
    Args args = Args::Any;
    int argMin = 0;
    int argMax = 0;
    // Where "See 'docker X --help'." points for argument errors (usually path).
    std::string helpPath() const { return path; }
    const FlagSpec* findLong(std::string_view name) const;
    const FlagSpec* findShort(char c) const;
};

struct ParsedFlags {
    std::map<std::string, std::vector<std::string>> values;   // by long name, in order given
    std::vector<std::string> args;   // positional arguments
    std::vector<std::string> unsupported;   // "--memory" as typed (long form)
    bool help = false;

    bool has(const std::string& name) const { return values.count(name) > 0; }
    // Last value given ("" when absent); for bools "true"/"false".
    std::string get(const std::string& name) const;
    bool flag(const std::string& name) const;   // bool flag set to true
    std::vector<std::string> all(const std::string& name) const;
};

struct FlagParseResult {
    ParsedFlags flags;
    std::string error;   // pflag's words, empty when fine
};

FlagParseResult parseFlags(const CommandSpec& spec, const std::vector<std::string>& argv);

// The "Usage:  docker ..." help page (stdout of `docker CMD --help`).
// `notModelledNote` is appended after the options when non-empty.
std::string renderUsage(const CommandSpec& spec, const std::string& notModelledNote = "");

// pflag's FlagUsagesWrapped(cols) for the visible flags of `flags`.
std::string flagUsagesWrapped(const std::vector<FlagSpec>& flags, int cols);

}   // namespace layerlab::cli
