// `layerlab parse --dump` in one pass: BuildKit's AST dump without the AST.
// A header of its own so the widely included dockerfile.hpp stays as it was.
#pragma once
#include <optional>
#include <string>
#include <string_view>

#include "sim/dockerfile/dockerfile.hpp"

namespace layerlab::dockerfile {

// parseAst then dump(), each instruction dumped as soon as it is parsed and
// then dropped: memory is the input plus the dump text, not an AST ~15x the
// input (bench_parse: dump_text_memory). On success out is exactly
// dump(*parseAst(bytes).root); on error out is empty and the error is parseAst's.
std::optional<Diagnostic> dumpAst(std::string_view bytes, std::string& out);

}   // namespace layerlab::dockerfile
