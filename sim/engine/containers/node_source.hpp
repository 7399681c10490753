// node_source: hand-written readers for the few shapes of a node program's
// source that the node model (process_node.cpp) looks for: the modules it
// requires, its express apps and static folders, the signals it handles.
// The source is the learner's file: it is never given to std::regex.
#pragma once
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace layerlab::engine::containers::node_source {

size_t skipSpaces(std::string_view s, size_t i);

// The text of every quoted run 'x' or "x" (not empty, no quote inside), in
// order: path.join(__dirname, 'public', 'index.html') -> public, index.html.
std::vector<std::string> quotedRuns(std::string_view s);

// Every require('m') and `from 'm'` of a bare module name, in source order.
std::vector<std::string> requiredModules(std::string_view src);

// Names bound to an express app or router: NAME = express() /
// express.Router() / Router(), in source order.
std::vector<std::string> expressAppNames(std::string_view src);

// express.static(ARGS) in one app.use argument: the static folder from its
// quoted parts, or "".
std::string staticFolder(std::string_view arg);

// process.on('SIGxxx', ...): the signal names with a handler, in order.
std::vector<std::string> handledSignals(std::string_view src);

}   // namespace layerlab::engine::containers::node_source
