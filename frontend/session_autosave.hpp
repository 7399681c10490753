// session_autosave: `layerlab shell` keeps the session after every command
// (sim/scenario/session_store: atomic, in the lesson progress's data folder)
// and, after a crash or a killed terminal, offers to restore it at the next
// start. Only a terminal session is kept: a script on stdin is its own record
// (same input, same transcript) and must not touch the learner's files.
#pragma once
#include <iosfwd>
#include <string>

#include "frontend/repl.hpp"
#include "sim/scenario/session_store.hpp"

namespace layerlab::frontend {

// When `store` holds a session an unclean exit left behind, asks
// "Restore it? [Y/n] " on `out`, reads the answer from `in` and, unless it
// is n/no, puts its State into `machine`. Returns true when restored. A
// broken file is reported and set aside (never crashed on, never restored).
bool offerRestore(Machine& machine, std::istream& in, std::ostream& out, const scenario::SessionStore& store);

// `hooks` with an afterCommand that also saves the machine's session (a
// failed save is reported once, on `err`, and the session goes on).
ReplHooks withAutosave(ReplHooks hooks, Machine& machine, const scenario::SessionStore& store, std::ostream& err);

}   // namespace layerlab::frontend
