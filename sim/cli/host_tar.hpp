// host_tar: the host's `tar` over ~/app, enough to look inside what `docker
// save` and `docker export` wrote: `tar -tf FILE` lists the entries, `-tvf`
// adds GNU tar's long listing, `-xf FILE [-C DIR]` extracts into ~/app.
// Creating archives (-c) is not modelled; it says so.
#pragma once
#include <string>
#include <vector>

#include "sim/shell/shell.hpp"

namespace layerlab::cli {

int runHostTar(shell::Shell& sh, const std::vector<std::string>& argv, shell::Io& io);

}   // namespace layerlab::cli
