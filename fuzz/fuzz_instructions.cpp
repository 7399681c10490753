// libFuzzer target for the typed instructions and stages: any bytes that
// parse become a Dockerfile whose instructions, checks, teaching notes and
// stage references (COPY --from=NAME|INDEX) can be computed and formatted
// without a crash, a hang or a sanitizer report. (fuzz_parser covers the AST
// and its dump; fuzz_build the builder on top of this.)
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz/fuzz_common.hpp"
#include "sim/dockerfile/dockerfile.hpp"
#include "sim/engine/builder/internal.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace layerlab;
    const dockerfile::ParseResult r = dockerfile::parseDockerfile(fuzz::bytesOf(data, size));
    if (r.error) (void)r.error->formatted();
    for (const dockerfile::Diagnostic& w : r.warnings) (void)w.formatted();
    if (!r.dockerfile) {
        if (!r.error) __builtin_trap();   // no Dockerfile and no reason why
        return 0;
    }
    const dockerfile::Dockerfile& df = *r.dockerfile;
    const int stages = static_cast<int>(df.stages.size());
    for (const dockerfile::Stage& st : df.stages) {
        if (engine::bk::findStage(df, st.name, st.index) >= st.index) __builtin_trap();   // a stage before itself
        (void)engine::bk::findStage(df, std::to_string(st.index), stages);
        for (const dockerfile::Command& c : st.commands)
            if (c.keyword.empty()) __builtin_trap();
    }
    return 0;
}
