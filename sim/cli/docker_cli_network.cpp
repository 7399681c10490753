// docker_cli_network: see the header.
#include "sim/cli/docker_cli_network.hpp"

#include "sim/engine/networks/networks.hpp"

namespace layerlab::cli::detail {
namespace {

// A pflag "strings" flag: every value, each split at commas.
std::vector<std::string> stringsFlag(const ParsedFlags& f, const std::string& name) {
    std::vector<std::string> out;
    for (const std::string& v : f.all(name)) {
        size_t start = 0;
        for (;;) {
            size_t comma = v.find(',', start);
            out.push_back(v.substr(start, comma == std::string::npos ? std::string::npos : comma - start));
            if (comma == std::string::npos) break;
            start = comma + 1;
        }
    }
    return out;
}

}   // namespace

Outcome cmdNetworkLs(engine::State& state, const Invocation& inv) {
    engine::networks::ListNetworksOptions o;
    o.quiet = inv.flags.flag("quiet");
    o.noTrunc = inv.flags.flag("no-trunc");
    o.format = inv.flags.get("format");
    return engine::networks::listNetworks(state, o);
}

Outcome cmdNetworkCreate(engine::State& state, const Invocation& inv) {
    engine::networks::CreateNetworkOptions o;
    o.name = inv.flags.args[0];
    if (inv.flags.has("driver")) o.driver = inv.flags.get("driver");
    o.labels = inv.flags.all("label");
    return engine::networks::createNetwork(state, o);
}

Outcome cmdNetworkRm(engine::State& state, const Invocation& inv) {
    return engine::networks::removeNetworks(state, inv.flags.args, inv.flags.flag("force"));
}

Outcome cmdNetworkInspect(engine::State& state, const Invocation& inv) {
    return engine::networks::inspectNetworks(state, inv.flags.args);
}

Outcome cmdNetworkConnect(engine::State& state, const Invocation& inv) {
    return engine::networks::connectNetwork(state, inv.flags.args[0], inv.flags.args[1],
                                            stringsFlag(inv.flags, "alias"));
}

Outcome cmdNetworkDisconnect(engine::State& state, const Invocation& inv) {
    return engine::networks::disconnectNetwork(state, inv.flags.args[0], inv.flags.args[1], inv.flags.flag("force"));
}

Outcome cmdNetworkPrune(engine::State& state, const Invocation& inv) {
    if (inv.flags.flag("force")) return engine::networks::pruneNetworks(state);
    // docker/cli prune.go's question; anything but y/Y/yes cancels
    const std::string prompt =
        "WARNING! This will remove all custom networks not used by at least one container.\nAre you sure you want "
        "to continue? [y/N] ";
    const auto& answer = inv.env->answer;
    if (!answer || (*answer != "y" && *answer != "Y" && *answer != "yes")) {
        Outcome o;
        o.out = prompt + (answer ? "" : "\n");
        return o;
    }
    Outcome done = engine::networks::pruneNetworks(state);
    done.out = prompt + done.out;
    return done;
}

std::string networkGroupHelp() {
    return "Usage:  docker network COMMAND\n\nManage networks\n\nCommands:\n"
           "  connect     Connect a container to a network\n"
           "  create      Create a network\n"
           "  disconnect  Disconnect a container from a network\n"
           "  inspect     Display detailed information on one or more networks\n"
           "  ls          List networks\n"
           "  prune       Remove all unused networks\n"
           "  rm          Remove one or more networks\n"
           "\nRun 'docker network COMMAND --help' for more information on a command.\n"
           "\nHow LayerLab simplifies networks: no packets are routed (curl from one container to another asks the\n"
           "other container's simulated program directly); addresses (172.17.0.x on the default bridge,\n"
           "172.18.0.x and up on your own networks) and MAC addresses are worked out the same way every time,\n"
           "given at start and freed at stop; only the bridge driver can be created (host and none are there\n"
           "already; overlay, macvlan and ipvlan are not modelled). As in Docker, container names resolve only\n"
           "on user-defined networks, not on the default bridge.\n";
}

}   // namespace layerlab::cli::detail
