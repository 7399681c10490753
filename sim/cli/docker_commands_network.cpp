// docker_commands_network: see the header. Texts from docker/cli 28's
// cli/command/network/*.go (create.go, list.go, remove.go, inspect.go,
// connect.go, disconnect.go, prune.go).
#include "sim/cli/docker_commands_network.hpp"

#include "sim/cli/docker_command_groups.hpp"

namespace layerlab::cli {
namespace {

CommandSpec spec(const char* path, const char* use, const char* shortText, const char* aliases, CommandSpec::Args args,
                 int min, int max, std::vector<FlagSpec> flags) {
    CommandSpec c{path, use, shortText, aliases, {}, true, args, min, max};
    c.flags = std::move(flags);
    return c;
}

}   // namespace

void networkCommands(std::vector<CommandSpec>& t) {
    using A = CommandSpec::Args;
    // run/create: --network and --network-alias are modelled; --net and
    // --net-alias are the hidden older names docker/cli still accepts.
    for (CommandSpec& c : t) {
        if (c.path != "run" && c.path != "create") continue;
        for (FlagSpec& f : c.flags)
            if (f.name == "network" || f.name == "network-alias") f.supported = true;
        c.flags.push_back({"net", 0, "network", "Connect a container to a network", true, true});
        c.flags.push_back({"net-alias", 0, "list", "Add network-scoped alias for the container", true, true});
    }
    t.push_back(
        spec("network connect", "network connect [OPTIONS] NETWORK CONTAINER", "Connect a container to a network", "",
             A::Exact, 2, 2,
             {
                 {"alias", 0, "strings", "Add network-scoped alias for the container"},
                 {"driver-opt", 0, "strings", "driver options for the network", false},
                 {"gw-priority", 0, "int",
                  "Highest gw-priority provides the default gateway. Accepts positive and negative values.", false},
                 {"ip", 0, "string", "IPv4 address (e.g., \"172.30.100.104\")", false},
                 {"ip6", 0, "string", "IPv6 address (e.g., \"2001:db8::33\")", false},
                 {"link", 0, "list", "Add link to another container", false},
                 {"link-local-ip", 0, "strings", "Add a link-local address for the container", false},
             }));
    t.push_back(spec(
        "network create", "network create [OPTIONS] NETWORK", "Create a network", "", A::Exact, 1, 1,
        {
            {"attachable", 0, "", "Enable manual container attachment", false},
            {"aux-address", 0, "map", "Auxiliary IPv4 or IPv6 addresses used by Network driver (default map[])", false},
            {"config-from", 0, "string", "The network from which to copy the configuration", false},
            {"config-only", 0, "", "Create a configuration only network", false},
            {"driver", 'd', "string", "Driver to manage the Network (default \"bridge\")"},
            {"gateway", 0, "strings", "IPv4 or IPv6 Gateway for the master subnet", false},
            {"ingress", 0, "", "Create swarm routing-mesh network", false},
            {"internal", 0, "", "Restrict external access to the network", false},
            {"ip-range", 0, "strings", "Allocate container ip from a sub-range", false},
            {"ipam-driver", 0, "string", "IP Address Management Driver (default \"default\")", false},
            {"ipam-opt", 0, "map", "Set IPAM driver specific options (default map[])", false},
            {"ipv4", 0, "", "Enable or disable IPv4 address assignment (default true)", false},
            {"ipv6", 0, "", "Enable or disable IPv6 address assignment", false},
            {"label", 0, "list", "Set metadata on a network"},
            {"opt", 'o', "map", "Set driver specific options (default map[])", false},
            {"scope", 0, "string", "Control the network's scope", false},
            {"subnet", 0, "strings", "Subnet in CIDR format that represents a network segment", false},
        }));
    t.push_back(spec("network disconnect", "network disconnect [OPTIONS] NETWORK CONTAINER",
                     "Disconnect a container from a network", "", A::Exact, 2, 2,
                     {{"force", 'f', "", "Force the container to disconnect from a network"}}));
    t.push_back(spec("network inspect", "network inspect [OPTIONS] NETWORK [NETWORK...]",
                     "Display detailed information on one or more networks", "", A::Min, 1, 0,
                     {
                         {"format", 'f', "string", command_groups::kInspectFormatHelp, false},
                         {"verbose", 'v', "", "Verbose output for diagnostics", false},
                     }));
    t.push_back(spec("network ls", "network ls [OPTIONS]", "List networks", "docker network ls, docker network list",
                     A::NoArgs, 0, 0,
                     {
                         {"filter", 'f', "filter", "Provide filter values (e.g. \"driver=bridge\")", false},
                         {"format", 0, "string", command_groups::kFormatHelp},
                         {"no-trunc", 0, "", "Do not truncate the output"},
                         {"quiet", 'q', "", "Only display network IDs"},
                     }));
    t.push_back(spec("network prune", "network prune [OPTIONS]", "Remove all unused networks", "", A::NoArgs, 0, 0,
                     {
                         {"filter", 0, "filter", "Provide filter values (e.g. \"until=<timestamp>\")", false},
                         {"force", 'f', "", "Do not prompt for confirmation"},
                     }));
    t.push_back(spec("network rm", "network rm NETWORK [NETWORK...]", "Remove one or more networks",
                     "docker network rm, docker network remove", A::Min, 1, 0,
                     {{"force", 'f', "", "Do not error if the network does not exist"}}));
}

}   // namespace layerlab::cli
