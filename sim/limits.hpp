// limits: every bound that keeps the simulator responsive whatever the
// learner types or loads, in one place, each with the message the learner
// sees when it is reached (English and Korean). The README lists them
// ("Limits"). Where Docker has the same limit with its own words (the
// Dockerfile line length), the message is Docker's; every other limit is
// LayerLab's own and says so, so that nobody mistakes it for Docker's.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>

namespace layerlab::limits {

// BuildKit's own: a physical Dockerfile line of more bytes is refused
// ("dockerfile line greater than max allowed size of 65535").
inline constexpr std::size_t kDockerfileLineBytes = 65535;
// A Dockerfile line shown in a build error's excerpt (Docker shows it whole).
inline constexpr std::size_t kErrorExcerptLineBytes = 1000;
// A whole Dockerfile (the editor parses it as you type).
inline constexpr std::size_t kDockerfileBytes = 4u << 20;
// ONBUILD triggers parsed inside ONBUILD ("ONBUILD ONBUILD ... RUN x"): deeper
// than this, the rest of the line stays one unparsed word. BuildKit refuses
// any chaining ("Chaining ONBUILD via `ONBUILD ONBUILD` isn't allowed") when
// it reads the instructions, so a build says the same; only `layerlab parse
// --dump` of such a line differs from BuildKit's AST past this depth. Without
// it, the AST nested one level per ONBUILD (8,000 in a 64 KB line), deeper
// than the browser's call stack.
inline constexpr int kOnbuildNesting = 16;
// Instructions in one Dockerfile, and build stages (FROM lines).
inline constexpr std::size_t kDockerfileInstructions = 10000;
inline constexpr std::size_t kDockerfileStages = 200;
// One multi-line command typed into the shell (a heredoc body, an open loop).
// It is parsed again with every line, so both bounds keep each key fast.
inline constexpr std::size_t kPendingInputBytes = 64u << 10;
inline constexpr std::size_t kPendingInputLines = 1000;
// Files and bytes read from disk into a build context (`layerlab shell --context DIR`).
inline constexpr std::size_t kContextFiles = 100000;
inline constexpr std::uint64_t kContextBytes = 1ull << 30;
// Containers and images the simulated daemon keeps.
inline constexpr std::size_t kContainers = 1000;
inline constexpr std::size_t kImages = 1000;
// Lines the window's terminal keeps (older ones scroll away).
inline constexpr std::size_t kScrollbackLines = 5000;
// Turns of one shell loop (while/until/for) before LayerLab stops it: shell::Config::loopLimit
// (kept there, next to the loop code; tests/test_limits.cpp checks the two agree).
inline constexpr int kLoopIterations = 1000;
// Output of one command line shown in the terminal; the rest is cut with a note.
inline constexpr std::size_t kOutputBytesPerCommand = 1u << 20;
// A scenario or lesson file, and how deep its JSON may nest.
inline constexpr std::size_t kScenarioFileBytes = 16u << 20;
inline constexpr std::size_t kScenarioJsonDepth = 64;

// "4 MB", "65535 bytes": a limit as the messages show it.
inline std::string sizeText(std::uint64_t bytes) {
    if (bytes >= (1u << 20) && bytes % (1u << 20) == 0) return std::to_string(bytes >> 20) + " MB";
    if (bytes >= (1u << 10) && bytes % (1u << 10) == 0) return std::to_string(bytes >> 10) + " KB";
    return std::to_string(bytes) + " bytes";
}

// The learner-facing sentence for a reached limit: what, the limit, and that
// it is LayerLab's, not Docker's. `what` is already in the session language.
inline std::string reached(const std::string& lang, const std::string& what, const std::string& limit) {
    if (lang == "ko")
        return what + ": LayerLab의 한도(" + limit +
               ")를 넘었습니다. 실제 Docker의 한도가 아니라 시뮬레이터의 한도입니다.";
    return what + ": over LayerLab's limit of " + limit + " (a limit of the simulator, not of Docker)";
}

}   // namespace layerlab::limits
