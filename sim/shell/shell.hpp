// Shell: LayerLab's one model of a POSIX shell, used by the learner's host
// terminal (bash flavour, cli::Machine) and by a Dockerfile RUN (dash or
// busybox ash flavour, engine/run/simulator).
//
//   HostFiles files(state);                    // any Files: the fs a shell works on
//   Shell sh(files, {Flavour::Bash, "/home/learner/app"});
//   sh.commands["docker"] = ...;               // what the owner adds (docker, npm, curl ...)
//   sh.terminal = [&](auto out, auto err, const Io&) { ... };   // text a terminal shows
//   int status = sh.run("docker rm -f $(docker ps -aq)");
//
// What it models: `;` `&&` `||` `|` `!`, `$(...)` and backticks, `$((...))`,
// variables, `export`, `$?`, quotes and escapes, `~`, globs (`*` `?` `[...]`),
// if/elif/else, for, while/until (at most Config::loopLimit turns, then a
// clear message), case/esac, functions with $1.. $# "$@" and return,
// `{ }` and `( )`, `cmd &` (run to its end: see syntax.hpp), heredocs, redirections `>` `>>` `<` `2>`
// `2>&1` `&>` and /dev/null. Commands: the builtins (cd, export, unset, set,
// exit, echo, printf, test/[ ], [[ ]] in bash, true, false, :, pwd, which,
// read, return, wait)
// and coreutils over Files (cat, cp, mv, rm, mkdir, touch, chmod, chown, ln,
// ls, grep, head, tail, wc, sort, uniq, cut, tee, xargs, sleep, env,
// whoami, basename, dirname, seq). Error texts are the real tools': bash's
// ("bash: foo: command not found"), dash's ("/bin/sh: 1: cd: can't cd to x"),
// busybox ash's, and GNU coreutils' ("cp: cannot stat 'x': ...").
//
// The shell never runs a process: unknown names go to `fallback` (the host
// says "command not found", RUN says "not modelled"). Time is virtual:
// `sleep` and each command's simulated duration add to elapsedMs.
#pragma once
#include <cstdint>
#include <functional>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "sim/fs/file_tree.hpp"
#include "sim/shell/syntax.hpp"

namespace layerlab::shell {

// What one command reads and writes.
struct Io {
    std::string in;   // stdin text (a pipe, heredoc or `< file`)
    bool hasIn = false;   // stdin is one of those, not the terminal
    std::string out;   // stdout text
    std::string err;   // stderr text
    bool outIsTerminal = false;   // stdout goes to the host's terminal (ls prints columns)
    // A terminal shows this command's stderr before its stdout (docker run).
    bool errFirst = false;
};

// The file system a shell works on: tree paths ("app/x", no leading '/')
// relative to Config::mount. Edits return "" or the strerror text.
class Files {
public:
    virtual ~Files() = default;
    virtual const fs::FileTree& view() const = 0;
    virtual std::string put(const std::string& path, fs::FileEntry entry) = 0;
    virtual std::string mkdir(const std::string& path, uint32_t mode, bool parents, int64_t mtimeMs) = 0;
    virtual std::string remove(const std::string& path) = 0;
    virtual std::string graft(const std::string& path, const fs::FileTree& sub) = 0;
    const fs::FileEntry* find(std::string_view path) const { return view().find(path); }
};

struct Config {
    Flavour flavour = Flavour::Dash;
    // Where Files is mounted: "" for a container's / ; "/home/learner/app" on
    // the host, where every other path is outside the model.
    std::string mount;
    std::string lang = "en";   // LayerLab's own notes (loop limit, outside the model)
    bool utf8Quotes = false;   // GNU coreutils in a UTF-8 locale quote some names as ‘x’
    std::string owner;   // ls -l owner/group for every file ("learner"); "" = from the uid
    int loopLimit = 1000;   // turns of one while/for before LayerLab stops it
    int64_t commandMs = 2;   // simulated time one coreutil takes (a RUN log's timing; 0 on the host)
    bool terminal = false;   // the shell's stdout is a terminal (the host's): ls prints columns
    bool keyboard = false;   // stdin is the learner's keyboard (host terminal), which LayerLab cannot read
};

struct Resolved {
    std::string tree;   // Files path ("" = the mount point itself)
    bool outside = false;   // the path is outside the mount (host: outside ~/app)
};

class Shell;
using Command = std::function<int(Shell&, const std::vector<std::string>& argv, Io& io)>;

class Shell {
public:
    Shell(Files& files, Config config);

    // Parses and runs a whole script. Syntax errors print the shell's words
    // and return 2. Returns the exit status of the last command.
    int run(std::string_view script);
    // Runs one command already split into words (exec form, xargs, ...).
    int runArgv(const std::vector<std::string>& argv, Io& io);

    // The owner's commands (looked up after the builtins, before coreutils),
    // and what an unknown name does.
    std::map<std::string, Command> commands;
    Command fallback;
    // Text that reaches the terminal (not piped, captured or redirected).
    std::function<void(std::string_view out, std::string_view err, const Io& io)> terminal;
    // "cat: x: outside ~/app ..." for a path outside the mount.
    std::function<std::string(std::string_view command, std::string_view arg)> outsideMessage;

    Files& fs;
    const Config config;
    std::string cwd = "/";   // absolute
    std::map<std::string, std::string> vars;   // shell variables
    std::set<std::string> exported;   // the ones commands see (env)
    std::string user;   // "" = root
    int64_t nowMs = 0;   // wall clock for mtimes
    int64_t elapsedMs = 0;   // simulated time spent so far
    int lastStatus = 0;
    bool exited = false;   // `exit` ran
    bool stopped = false;   // a command ended the line (attach, question)
    int lineNo = 1;   // dash's "/bin/sh: 1: ..."
    bool errexit = false;   // set -e
    std::map<std::string, Node> functions;   // NAME() { ...; }
    std::vector<std::string> positional;   // $1 $2 ... ($# of them): a function's arguments

    Resolved resolve(std::string_view arg) const;
    // Files path for arg (outside the mount: "").
    std::string treePath(std::string_view arg) const { return resolve(arg).tree; }
    // The absolute path of a tree path.
    std::string absolute(std::string_view tree) const;
    uint32_t uid() const;
    // "bash: ", "/bin/sh: 1: ", "/bin/sh: ": what the shell puts before its errors.
    std::string errorPrefix() const;
    // A name as GNU coreutils' quote() shows it: 'x' or ‘x’ (UTF-8 locale).
    std::string quote(std::string_view s) const;
    // The environment a command sees: exported variables.
    std::map<std::string, std::string> environment() const;
    bool isBash() const { return config.flavour == Flavour::Bash; }
    // A builtin, coreutil or owner command of that name exists (`which`).
    bool knows(const std::string& name) const;

    // Internal to the shell's own files (exec.cpp, expand.cpp).
    int execute(const Node& node, Io& io);
    int executeSimple(const Node& node, Io& io);
    std::vector<std::pair<std::string, std::string>> expandAssignments(const Node& node, size_t& i);
    int runWithAssignments(const std::vector<std::string>& argv,
                           const std::vector<std::pair<std::string, std::string>>& assigns, Io& cmd);
    int executeList(const Node& node, Io& io);
    int executeAndOr(const Node& node, Io& io);
    int executeLoop(const Node& node, Io& io);   // for and while/until
    int executePipeline(const Node& node, Io& io);
    std::vector<std::string> expandWord(const RawWord& w, bool split = true);
    std::string expandText(const std::string& text);
    std::string expandHeredoc(const std::string& body);
    std::string captureOutput(std::string_view script);   // $(...)
    // A case pattern: its quoted parts match literally.
    std::string expandPattern(const RawWord& w);
    // Runs a function's body with argv[1..] as $1...; `return` ends it.
    int callFunction(const Node& body, const std::vector<std::string>& argv, Io& io);
    // A compound command with redirections: `while ...; done < file`, `{ ...; } > out`.
    int executeRedirected(const Node& node, Io& io);
    // Prints LayerLab's loop-limit message (one loop, or all loops of this run) and returns 1.
    int loopLimitReached(Io& io, int turns);
    // Sends a command's remaining output to where stdout/stderr go now.
    void write(const Io& io, std::string_view out, std::string_view err);

    std::string* m_outCapture = nullptr;   // stdout of the current command goes here (pipe, $(...))
    std::string* m_errCapture = nullptr;
    int m_depth = 0;   // nested $(...)
    int m_turns = 0;   // loop turns in this run(), nested loops included
    static constexpr int kTurnBudget = 10000;
    int m_condDepth = 0;   // inside an if/while condition: set -e does not apply
    bool m_shielded = false;   // the last status came from a non-final && / || operand
    int m_functionDepth = 0;   // functions being run (return is allowed when > 0)
    bool m_returning = false;   // `return` ran: the function's body stops
    static constexpr int kMaxFunctionDepth = 100;
};

// Command groups (each in its own file). Return -1 when the name is not theirs.
int runBuiltin(Shell& sh, const std::vector<std::string>& argv, Io& io);
int runFileCommand(Shell& sh, const std::vector<std::string>& argv, Io& io);
int runTextCommand(Shell& sh, const std::vector<std::string>& argv, Io& io);
int runLs(Shell& sh, const std::vector<std::string>& argv, Io& io);
int runFlowBuiltin(Shell& sh, const std::vector<std::string>& argv, Io& io);   // read, return, wait
bool isBuiltinName(const std::string& name, Flavour flavour);
bool isFileCommandName(const std::string& name);
bool isTextCommandName(const std::string& name);
// The same sets as lists (Tab completion offers them).
const std::vector<std::string>& builtinNames(Flavour flavour);
const std::vector<std::string>& fileCommandNames();
const std::vector<std::string>& textCommandNames();

// A sh pattern (`*`, `?`, `[a-z]`, `[!x]`, `\` escapes) against a name.
bool globMatch(std::string_view pattern, std::string_view name);

}   // namespace layerlab::shell
