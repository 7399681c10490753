// host_commands: the few host commands a Docker lesson needs, on the
// build-context folder (State.host) and the shell's directory (State.cwd):
//
//   ls [-l] [-a] [PATH...]   cat FILE...   echo [-n] TEXT   pwd   cd [DIR]
//   rm [-r] [-f] PATH...     mkdir [-p] DIR...   touch FILE...
//   chmod MODE FILE...       (+x, u+x, go-w, a=r, 755, ...)
//   curl [-s] [-i] URL       (http://localhost:PORT/PATH, answered by the container
//                             that publishes PORT: engine::curlLocalhost)
//
// Output redirection (`> FILE`, `>> FILE`) and heredocs (`cat > FILE <<'EOF'`)
// are parsed by shell_syntax and applied by writeRedirection(). Messages are
// bash's and GNU coreutils' ("cat: nope: No such file or directory"). Writes
// stamp the virtual clock as mtime: `touch` moves only the mtime, which
// Docker's build cache ignores, while `chmod` changes the mode, which it does not.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "sim/cli/shell_syntax.hpp"
#include "sim/engine/containers/container_options.hpp"
#include "sim/engine/state.hpp"

namespace layerlab::cli {

// ls, cat, echo, pwd, cd, rm, mkdir, touch, chmod, curl, why.
bool isHostCommand(std::string_view name);
// The same names as a list (Tab completion offers them).
const std::vector<std::string>& hostCommandNames();

// Runs one host command (words[0] must satisfy isHostCommand). `stdinText`
// is the heredoc body when there is one. Output redirection is not applied
// here: the caller passes out to writeRedirection().
engine::ContainerOutcome runHostCommand(engine::State& state, const SimpleCommand& command);

// `why [STEP]` (LayerLab's own): the last build's steps, CACHED or REBUILT with the reason.
Outcome runWhy(const engine::State& state, const std::vector<std::string>& args);

// `> FILE` / `>> FILE`: writes text as bash would (bash's own error words).
layerlab::Outcome writeRedirection(engine::State& state, const Redirection& redirection, const std::string& text);

// Split-out commands (host_ls.cpp, host_curl.cpp).
layerlab::Outcome runLs(const engine::State& state, const std::vector<std::string>& args);
engine::ContainerOutcome runCurl(const engine::State& state, const std::vector<std::string>& args);

}  // namespace layerlab::cli
