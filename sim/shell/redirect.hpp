// redirect: a simple command's redirections (< << > >> >& &> 2>) opened
// before it runs, with each shell's words when a file cannot be opened, and
// its output routed where they said after it ran. Internal to the shell
// (exec.cpp).
#pragma once
#include <optional>
#include <string>

#include "sim/shell/shell.hpp"

namespace layerlab::shell::detail {

// Where fd 1 or fd 2 of a command goes after its redirections.
struct Target {
    enum class Kind { Current, File, Null, Out, Err } kind = Kind::Current;
    std::string path;   // Files path for File
    std::string shown;   // as typed, for messages
};

struct Redirected {
    Target fd1, fd2;
    bool ownInput = false;   // a < or << of its own: what it reads is not the caller's stdin
};

// Opens NODE's redirections for CMD (its stdin from < and <<, files created
// or truncated for > and >>). A file that cannot be opened means the command
// does not run: the status it ends with (the message written, lastStatus set);
// nullopt when every redirection opened.
std::optional<int> openRedirections(Shell& sh, const Node& node, Io& cmd, Redirected& out);

// After a command ran: its stdout and stderr go where its redirections
// said (a file, /dev/null, the other stream, or on to the terminal or pipe).
void routeOutput(Shell& sh, const Io& cmd, const Target& fd1, const Target& fd2);

}   // namespace layerlab::shell::detail
