// external_editor: `nano FILE`, `vi FILE`, `edit FILE` in an interactive
// `layerlab shell`. The simulated file lives only in the model, so the text
// goes to a temporary copy on the real disk, the learner's own editor
// ($VISUAL, else $EDITOR, else nano, else vi) edits it, and the result comes
// back to the Machine (MachineOptions::editor), which writes it into ~/app.
// The model never starts a process; this front-end hook does.
#pragma once
#include <optional>
#include <string>

namespace layerlab::frontend {

// Edits `text` (shown as `name` in the temporary file's name). nullopt when
// no editor could be started or it failed (exit status not 0).
std::optional<std::string> editInExternalEditor(const std::string& name, const std::string& text);

}   // namespace layerlab::frontend
