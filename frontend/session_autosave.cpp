#include "frontend/session_autosave.hpp"

#include <istream>
#include <memory>
#include <ostream>

namespace layerlab::frontend {

bool offerRestore(Machine& machine, std::istream& in, std::ostream& out, const scenario::SessionStore& store) {
    const bool ko = machine.state().lang == "ko";
    std::string error;
    std::optional<scenario::SavedSession> saved = store.load(error);
    if (!error.empty()) {
        out << "layerlab: " << error << (ko ? "; 새 세션으로 시작합니다.\n" : "; starting a new session.\n");
        store.clear();
        return false;
    }
    if (!saved) return false;
    const size_t n = saved->commands.size();
    if (ko) out << "지난 세션이 exit 없이 끝났습니다(명령 " << n << "개). 복원할까요? [Y/n] ";
    else
        out << "The last session ended without `exit` (" << n << (n == 1 ? " command" : " commands")
            << "). Restore it? [Y/n] ";
    out.flush();
    std::string answer;
    // No answer at all (end of input) is a no: nothing is restored unasked.
    const bool answered = static_cast<bool>(std::getline(in, answer));
    const bool no = !answered || answer == "n" || answer == "N" || answer == "no" || answer == "No";
    if (no) {
        out << (ko ? "새 세션으로 시작합니다.\n" : "Starting a new session.\n");
        store.clear();
        return false;
    }
    saved->state.lang = machine.state().lang;
    machine.setState(std::move(saved->state));
    out << (ko ? "세션을 복원했습니다.\n" : "Session restored.\n");
    return true;
}

ReplHooks withAutosave(ReplHooks hooks, Machine& machine, const scenario::SessionStore& store, std::ostream& err) {
    auto reported = std::make_shared<bool>(false);
    auto inner = hooks.afterCommand;
    hooks.afterCommand = [inner, &machine, store, &err, reported](const std::string& line, const Outcome& outcome) {
        if (inner) inner(line, outcome);
        const std::string error = store.save(machine.state(), machine.commandLog());
        if (!error.empty() && !*reported) {
            err << "layerlab: the session is not being kept: " << error << "\n";
            *reported = true;
        }
    };
    return hooks;
}

}   // namespace layerlab::frontend
