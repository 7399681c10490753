// docker_cli_hub: parsed flags -> the engine calls of sharing images and
// managing containers (docker_commands_hub.hpp): login, logout, push, search,
// update, events. Sizes (-m 512m) and CPU counts (--cpus 1.5) are parsed here,
// as the docker client parses them (opts.MemBytes, opts.NanoCPUs), with
// pflag's error words.
#pragma once
#include <cstdint>
#include <optional>
#include <string>

#include "sim/cli/docker_cli_internal.hpp"

namespace layerlab::cli::detail {

Outcome cmdLogin(engine::State&, const Invocation&);
Outcome cmdLogout(engine::State&, const Invocation&);
Outcome cmdPush(engine::State&, const Invocation&);
Outcome cmdSearch(engine::State&, const Invocation&);
Outcome cmdUpdate(engine::State&, const Invocation&);
Outcome cmdEvents(engine::State&, const Invocation&);

// units.RAMInBytes: "512m", "1g", "1.5GB", "1024" (binary multiples); nullopt when malformed.
std::optional<int64_t> ramInBytes(const std::string& text);
// opts.NanoCPUs: "1.5" -> 1500000000; nullopt when not a decimal number.
std::optional<int64_t> nanoCpus(const std::string& text);

// The pflag error for a flag value its type refused, with the usage lines
// (`invalid argument "x" for "-m, --memory" flag: invalid size: 'x'`), exit 125.
Outcome flagValueError(const Invocation& inv, const std::string& flag, const std::string& value,
                       const std::string& why);

}   // namespace layerlab::cli::detail
