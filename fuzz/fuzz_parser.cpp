// libFuzzer target for the Dockerfile front end: any bytes must parse or be
// rejected with a diagnostic, never crash, hang or trip a sanitizer. Also
// checks invariants: a successful AST dumps, and parseDockerfile agrees with
// parseAst about which inputs the low-level parser rejects.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "sim/dockerfile/dockerfile.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    using namespace layerlab::dockerfile;
    const AstResult ast = parseAst(bytes);
    if (ast.root) {
        (void)dump(*ast.root);
    } else if (!ast.error) {
        __builtin_trap();   // a failure must carry a diagnostic
    }
    const ParseResult full = parseDockerfile(bytes);
    if (!ast.root && full.ok()) __builtin_trap();
    if (full.error) (void)full.error->formatted();
    for (const Diagnostic& w : full.warnings) (void)w.formatted();
    // The shell lexer on the same bytes, as the builder would call it.
    shell::Env env;
    env.vars = {{"HOME", "/root"}, {"EMPTY", ""}};
    (void)shell::processWord(bytes, env);
    (void)shell::processWords(bytes, env, '`');
    return 0;
}
