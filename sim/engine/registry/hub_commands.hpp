// hub_commands: sharing images through the simulated Docker Hub.
//
//   docker login [-u USER] [-p PASS | --password-stdin]   -> login
//   docker logout                                        -> logout
//   docker push [-a] [-q] NAME[:TAG]                     -> pushImage
//   docker search [--limit N] [-f is-official=true] TERM -> searchHub
//
// The hub's official images are the fixed catalogue (hub_catalog.hpp); what
// a learner pushes lands in State::hub, so `docker rmi` then `docker pull
// USER/REPO` brings back the very same image ID and digest (pullImage looks
// there first, through lookupRemote(state, ref)).
//
// Simplified, and said so in hints: there are no accounts. Any Docker-ID-shaped
// name (4-30 lower-case letters and digits) logs in with any non-empty
// password; the password is checked for presence only and then forgotten: it
// is never stored in State, exported or sent anywhere. Only the username is
// kept (State::hub.loginUser), and it is what decides push access: a push to
// USER/REPO is allowed when logged in as USER, as Docker Hub allows it. Pushed
// repositories are public; searching lists them with 0 stars.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "sim/engine/containers/container_options.hpp"
#include "sim/engine/registry/hub_catalog.hpp"
#include "sim/engine/state.hpp"

namespace layerlab::engine {

// `docker login [OPTIONS] [SERVER]`
struct LoginOptions {
    std::string server;   // "" = Docker Hub
    std::string user;   // -u / --username
    std::optional<std::string> password;   // -p / --password
    std::optional<std::string> answer;   // what was typed at the "Password: " prompt
    bool passwordStdin = false;   // --password-stdin
    std::optional<std::string> stdinData;   // what the shell pipes in
    bool terminal = false;   // stdin is a terminal (a prompt can ask)
    std::string configPath = "/home/learner/.docker/config.json";   // named by Docker's warning
};
// Docker 28's texts: the -p warning, "Login Succeeded", the credential-store
// warning; "the --password-stdin option requires --username to be set";
// "Error: Cannot perform an interactive login from a non TTY device".
ContainerOutcome login(State& state, const LoginOptions& options);

// True when `docker login` with these options would ask "Password: " (the
// shell then asks and runs it again with the answer as the password).
bool loginAsksPassword(const State& state, const LoginOptions& options);

// `docker logout [SERVER]`: "Removing login credentials for https://index.docker.io/v1/".
ContainerOutcome logout(State& state, const std::string& server);

// `docker push [OPTIONS] NAME[:TAG]`
struct PushOptions {
    std::string reference;
    bool allTags = false;   // -a
    bool quiet = false;   // -q
    bool tty = false;   // progress as a terminal keeps it (one final line per layer)
};
// moby's push_v2 progress: "The push refers to repository [docker.io/USER/REPO]",
// "<12hex of the diff ID>: Preparing" (top layer first), "Waiting" past five
// concurrent uploads, then "Pushed" / "Layer already exists" / "Mounted from
// library/node", and "TAG: digest: sha256:... size: N". Errors on stderr:
// "An image does not exist locally with the tag: myapp", "tag does not exist:
// USER/REPO:TAG", "denied: requested access to the resource is denied" (after
// the Preparing lines: not logged in, or not your namespace, or library/).
ContainerOutcome pushImage(State& state, const PushOptions& options);

// `docker search [OPTIONS] TERM`
struct SearchOptions {
    std::string term;
    int limit = 25;   // --limit (1..100)
    std::vector<std::string> filters;   // is-official=true|false, stars=N, is-automated=...
    bool noTrunc = false;
    std::string format;   // "" / "table" / "table TEMPLATE" / "TEMPLATE" ({{.Name}} {{.Description}} ...)
};
// NAME DESCRIPTION STARS OFFICIAL (docker/cli formatter_search.go, CLI 25+),
// sorted by stars, most first.
ContainerOutcome searchHub(const State& state, const SearchOptions& options);

// A pushed repository:tag (or @digest) as the hub would serve it for a pull;
// nullopt when nothing was pushed under that name.
std::optional<hub::HubImage> pushedImage(const State& state, const std::string& repository, const std::string& tag,
                                         const std::string& digest = "");
bool pushedRepositoryExists(const State& state, const std::string& repository);

}   // namespace layerlab::engine
