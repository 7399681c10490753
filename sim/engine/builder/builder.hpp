// builder: `docker build` in memory, deciding for each step exactly what
// Docker would decide (reuse the cached result, or run the step again) and
// saying why.
//
// Two builders, as in Docker Engine 28:
//   - BuildKit (the default): only RUN, COPY/ADD, WORKDIR and the external
//     FROM are steps; ENV/ARG/LABEL/EXPOSE/CMD/... only change the image
//     config. Cache keys chain from the parent step's key; COPY/ADD add the
//     content checksum of what they copy (after .dockerignore); RUN adds its
//     command, environment (ENV + in-scope ARG values), workdir, user and
//     shell. Only the stages the target needs are built.
//   - the legacy builder (DOCKER_BUILDKIT=0, options.legacy): one step per
//     instruction, each commits an intermediate image, the cache probe
//     compares the whole config; every stage up to --target is built.
//
// RUN is simulated (sim/engine/run/simulator.hpp), never executed.
// Deterministic: the same State and options give byte-identical output,
// digests and image IDs.
//
// The output text is Docker's: BuildKit's plain progress or its tty summary,
// or the legacy builder's "Step 2/5 : WORKDIR /app" lines. Every step also
// yields a StepCached/StepBuilt/StepFailed event whose reason names the first
// thing that differed from what the build cache held ("server.js changed
// (sha256:… → sha256:…)", "parent layer was rebuilt", "--no-cache", ...).
#pragma once
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "sim/dockerfile/dockerfile.hpp"
#include "sim/engine/state.hpp"
#include "sim/events.hpp"

namespace layerlab::engine {

// `docker build` flags, already parsed by the CLI.
struct BuildOptions {
    // The build context: a directory of State.host ("" = the host root).
    // The CLI resolves the PATH argument ("." etc.) against State.cwd.
    std::string contextDir;
    // -f: a host path relative to State.cwd. Empty (the default) means
    // "<contextDir>/Dockerfile", as Docker does when -f is not given.
    std::string dockerfilePath;
    std::vector<std::string> tags;   // -t, several allowed: "hello:v0.2", "hello"
    // --build-arg K=V. `--build-arg K` with no value takes K from the CLI's
    // environment; the simulated host has none, so the CLI leaves it out.
    std::map<std::string, std::string> buildArgs;
    bool noCache = false;   // --no-cache
    bool pull = false;   // --pull: resolve FROM images from the registry
    std::string target;   // --target
    enum class Progress { Auto, Plain, Tty };
    Progress progress = Progress::Auto;   // --progress; Auto prints the tty summary
    bool legacy = false;   // DOCKER_BUILDKIT=0
    bool quiet = false;   // -q: print only the image ID
};

// One step as Docker numbers it. BuildStepRecord lives in state.hpp so the
// last build's steps can be kept in State (lessons, the window, export).
using BuildStepResult = BuildStepRecord;

struct BuildResult {
    Outcome outcome;   // text, exit code, events (StepCached/StepBuilt/...)
    std::vector<BuildStepResult> steps;   // in the order they ran
    Digest imageId;   // "" on failure
    int64_t totalMs = 0;   // simulated build time
    int64_t savedMs = 0;   // time the cache saved (recorded durations of cached steps)
    std::vector<dockerfile::Diagnostic> warnings;   // the Dockerfile's warnings
};

// Runs `docker build` against `state`. On success: the image is stored and
// tagged (a moved tag leaves the old image as <none>), the build cache grows,
// the clock advances by totalMs and state.lastBuild describes the build.
// On a parse error, a missing file or a failed step: outcome.exitCode is 1
// with Docker's error text; images and tags are unchanged, but the build cache
// keeps the records of the steps that completed before the failure, as
// Docker's does. Never throws on learner input.
BuildResult build(State& state, const BuildOptions& options);

}   // namespace layerlab::engine
