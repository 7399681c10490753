// libFuzzer target for Machine::execute, the one way in for every front end:
// each input line is typed into the host shell (bash with docker, curl, why,
// heredocs, loops, attach keys), at most 24 lines. Nothing may crash, hang
// or trip a sanitizer, and a failing command must leave the State as it was
// (checked through the export, as the bad-input catalogue does).
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz/fuzz_common.hpp"
#include "sim/cli/machine.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace layerlab;
    if (size > 16 * 1024) return 0;
    std::string_view rest = fuzz::bytesOf(data, size);
    cli::Machine m;
    for (int lines = 0; lines < 24 && !rest.empty() && !m.exitRequested(); ++lines) {
        const std::size_t nl = rest.find('\n');
        const std::string_view line = rest.substr(0, nl);
        rest = nl == std::string_view::npos ? std::string_view() : rest.substr(nl + 1);
        (void)m.execute(line);
        (void)m.prompt();
        (void)m.lastTerminalText();
    }
    return 0;
}
