// Go's strconv.Quote, byte for byte (escapes, \u and \U for unprintable
// runes, \x for invalid UTF-8), implemented once in quote.cpp. The Dockerfile
// front end uses it for BuildKit's messages and AST dump; the engine for
// docker's %q output (history, ps COMMAND, image config).
#pragma once
#include <string>
#include <string_view>

namespace layerlab::dockerfile {

std::string goQuote(std::string_view s);

}   // namespace layerlab::dockerfile
