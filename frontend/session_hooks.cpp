#include "frontend/session_hooks.hpp"

#include "sim/fs/atomic_write.hpp"

#include <fstream>
#include <ostream>

#include "sim/scenario/loader.hpp"
#include "sim/json_text.hpp"

namespace layerlab::frontend {

namespace {

std::string tr(const std::string& lang, const char* en, const char* ko) { return lang == "ko" ? ko : en; }

// The first line of a recorded step, as the learner typed it.
std::string describe(const scenario::RecordedStep& step) {
    if (step.kind == scenario::Step::Kind::Write) return "write " + step.path;
    return step.command.substr(0, step.command.find('\n'));
}

void print(const scenario::Turn& turn, const std::string& lang, Io& io) {
    io.out << turn.text.in(lang);
    if (!turn.progressError.empty()) io.err << "layerlab: " << turn.progressError << "\n";
}

}   // namespace

std::string sessionHelp(const std::string& lang) {
    return tr(lang,
              "Session: save FILE (as a replayable scenario), card TEXT (a narration card), undo, redo, restart\n",
              "세션: save FILE (다시 재생할 수 있는 시나리오로 저장), card TEXT (설명 카드), undo, redo, restart\n");
}

ReplHooks sessionHooks(scenario::LessonSession& session, Io& io, const std::string& saveId) {
    ReplHooks hooks;
    hooks.onLine = [&session, &io, saveId](const std::string& line) {
        const std::vector<std::string> w = scenario::splitWords(line);
        const std::string& lang = session.lang();
        if (w.size() == 2 && w[0] == "save") {
            // Atomic: a crash mid-save leaves the old file, never half of one.
            if (!fs::writeFileAtomically(w[1], jsonText(session.toScenario(saveId), 2) + "\n").empty())
                io.out << "save: " << tr(lang, "cannot write ", "쓸 수 없습니다: ") << w[1] << "\n";
            else io.out << tr(lang, "Saved the session to ", "세션을 저장했습니다: ") << w[1] << "\n";
            return true;
        }
        // `card TEXT`: a narration card between the steps of a saved session.
        if (w.size() >= 2 && w[0] == "card") {
            std::string text = line.substr(line.find("card") + 4);
            while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.erase(0, 1);
            session.addCard({text, text});
            io.out << tr(lang, "Card added (it is saved with the session).\n",
                         "카드를 추가했습니다 (세션과 함께 저장됩니다).\n");
            return true;
        }
        if (w.size() == 1 && (w[0] == "undo" || w[0] == "redo")) {
            const bool undo = w[0] == "undo";
            if (undo ? session.undo() : session.redo()) {
                const auto& step = undo ? session.undone().back() : session.recorded().back();
                io.out << (undo ? tr(lang, "Undone: ", "되돌렸습니다: ") : tr(lang, "Redone: ", "다시 실행했습니다: "))
                       << describe(step) << "\n";
            } else {
                io.out << (undo ? tr(lang, "Nothing to undo.\n", "되돌릴 것이 없습니다.\n")
                                : tr(lang, "Nothing to redo.\n", "다시 실행할 것이 없습니다.\n"));
            }
            return true;
        }
        scenario::Turn turn = session.before(line);
        print(turn, lang, io);
        return turn.handled;
    };
    hooks.afterCommand = [&session, &io](const std::string&, const Outcome& outcome) {
        print(session.after(outcome), session.lang(), io);
    };
    hooks.commands = {"save", "card", "undo", "redo", "restart"};
    return hooks;
}

}   // namespace layerlab::frontend
