// Korean that reads like Korean: the particle function (sim/korean.hpp) and a
// scan of every Korean string a learner can read.
//
// The scan covers the lesson files (all texts, solutions included), the goal
// texts generated for every lesson at its start, after its solution and after
// each path of tests/data/lessons/paths, the teaching hints the machine prints
// on those replays, the prediction verdicts, the window's UI strings
// (assets/lang/ko.json) and every string literal with Hangul in sim/ (machine
// messages, hints, goal templates). Each must have
//   - no particle placeholder such as 이(가), 을(를), (으)로;
//   - no space between a word, code or name and its particle ("server.js 를");
//   - after Latin letters or digits, the particle form ko::particle picks
//     ("node는", "3000을", "Dockerfile로").
#include "layerlab_paths.hpp"
#include <doctest/doctest.h>

#include <cctype>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "sim/cli/machine.hpp"
#include "sim/korean.hpp"
#include "sim/scenario/goals.hpp"
#include "sim/scenario/lesson_index.hpp"
#include "sim/scenario/player.hpp"
#include "sim/scenario/predictions.hpp"

using namespace layerlab;
using ko::Particle;

TEST_CASE("korean: the particle follows the sound the word ends with") {
    struct Case {
        const char* word;
        Particle p;
        const char* want;
    };
    const Case cases[] = {
        {"node", Particle::EunNeun, "node는"},
        {"3000", Particle::EulReul, "3000을"},
        {"3단계", Particle::IGa, "3단계가"},
        {"Dockerfile", Particle::EuroRo, "Dockerfile로"},
        {"Dockerfile", Particle::IGa, "Dockerfile이"},
        {"docker run -it node", Particle::EulReul, "docker run -it node를"},
        {"80", Particle::EulReul, "80을"},
        {"3000", Particle::EuroRo, "3000으로"},
        {"7", Particle::EuroRo, "7로"},
        {"2", Particle::IGa, "2가"},
        {"0", Particle::IGa, "0이"},
        {"myapp", Particle::EunNeun, "myapp은"},
        {"python", Particle::GwaWa, "python과"},
        {"nginx", Particle::GwaWa, "nginx와"},
        {"npm", Particle::IGa, "npm이"},
        {"bg", Particle::EunNeun, "bg는"},
        {"web", Particle::EunNeun, "web은"},
        {"curl", Particle::EuroRo, "curl로"},
        {"`COPY . /app`", Particle::IGa, "`COPY . /app`이"},
        {"\"Hello\"", Particle::IGa, "\"Hello\"가"},
        {"실행 중(running)", Particle::IGa, "실행 중(running)이"},
        {"서버", Particle::EulReul, "서버를"},
        {"컨테이너", Particle::Ira, "컨테이너라는"},
        {"web", Particle::Ida, "web이다"},
        {"SIGTERM", Particle::EulReul, "SIGTERM을"},
        {"-it", Particle::EuroRo, "-it로"},
        {"alpine", Particle::EunNeun, "alpine은"},
        {"temp", Particle::EunNeun, "temp는"},
        {"/app", Particle::EuroRo, "/app으로"},
        {"물", Particle::EuroRo, "물로"},
    };
    for (const auto& c : cases) {
        CAPTURE(c.word);
        CHECK(ko::with(c.word, c.p) == c.want);
    }
}

namespace {

bool isHangul(const std::string& s, size_t i, size_t* len = nullptr) {
    // U+AC00..U+D7A3: three bytes in UTF-8
    if (i + 3 > s.size()) return false;
    const auto b0 = static_cast<unsigned char>(s[i]), b1 = static_cast<unsigned char>(s[i + 1]);
    const uint32_t cp = ((b0 & 0x0Fu) << 12) | ((b1 & 0x3Fu) << 6) | (static_cast<unsigned char>(s[i + 2]) & 0x3Fu);
    const bool ok = (b0 & 0xF0) == 0xE0 && cp >= 0xAC00 && cp <= 0xD7A3;
    if (ok && len) *len = 3;
    return ok;
}
bool hasHangul(const std::string& s) {
    for (size_t i = 0; i < s.size(); ++i)
        if (isHangul(s, i)) return true;
    return false;
}

// Particles as they follow a word; longest first so "으로" wins over "로".
const std::vector<std::string>& particles() {
    static const std::vector<std::string> p = {
        "이라는", "으로는", "으로도", "에서는", "에서도", "이라고", "입니다", "으로", "라는", "라고", "에서", "에는",
        "에도",   "부터",   "까지",   "보다",   "처럼",   "이나",   "이고",   "이며", "이면", "로는", "로도", "이",
        "가",     "을",     "를",     "은",     "는",     "로",     "와",     "과",   "의",   "에",   "도",   "만"};
    return p;
}

// The particle starting at s[i] and ending before a non-Hangul character, or "".
std::string particleAt(const std::string& s, size_t i) {
    for (const auto& p : particles()) {
        if (s.compare(i, p.size(), p) != 0) continue;
        const size_t end = i + p.size();
        if (end < s.size() && isHangul(s, end)) return "";
        return p;
    }
    return "";
}

// Which form of a pair particle ko::particle chooses after `before`.
std::optional<std::string> expectedForm(const std::string& before, const std::string& p) {
    static const std::vector<std::pair<std::string, Particle>> pairs = {
        {"이", Particle::IGa},      {"가", Particle::IGa},     {"을", Particle::EulReul}, {"를", Particle::EulReul},
        {"은", Particle::EunNeun},  {"는", Particle::EunNeun}, {"과", Particle::GwaWa},   {"와", Particle::GwaWa},
        {"으로", Particle::EuroRo}, {"로", Particle::EuroRo},  {"이라는", Particle::Ira}, {"라는", Particle::Ira}};
    for (const auto& [form, kind] : pairs)
        if (form == p) return ko::particle(before, kind);
    return std::nullopt;
}

// What is wrong with one Korean string ("" = nothing). `valueBefore`: the
// string is a literal that a value is inserted in front of.
std::string problems(const std::string& s, bool valueBefore = false) {
    std::string out;
    for (const char* ph : {"이(가)", "가(이)", "을(를)", "를(을)", "은(는)", "는(은)", "(으)로", "와(과)", "과(와)"})
        if (s.find(ph) != std::string::npos) out += "placeholder " + std::string(ph) + "; ";
    for (size_t i = 0; i < s.size(); ++i) {
        const unsigned char c = static_cast<unsigned char>(s[i]);
        if (c == ' ' && (i > 0 || valueBefore)) {
            // A space, then a particle: wrong when the space follows a word,
            // code or name (not punctuation, where "이" may be "this").
            const unsigned char prev = i > 0 ? static_cast<unsigned char>(s[i - 1]) : 'x';
            const bool afterWord = std::isalnum(prev) || prev == '`' || prev == '"' || prev == '\'' || prev == ')' ||
                                   prev == ']' || prev == '>' || prev == '/';
            const std::string p = particleAt(s, i + 1);
            if (afterWord && !p.empty())
                out += "space before \"" + p + "\" in \"" + s.substr(i >= 20 ? i - 20 : 0, 40) + "\"; ";
        }
        // Right after Latin letters, digits or closing code: the form must fit.
        if (i > 0 && c >= 0x80 &&
            (std::isalnum(static_cast<unsigned char>(s[i - 1])) || s[i - 1] == '`' || s[i - 1] == '"')) {
            const std::string p = particleAt(s, i);
            if (p.empty()) continue;
            auto want = expectedForm(s.substr(0, i), p);
            if (want && *want != p)
                out += "\"" + s.substr(i >= 20 ? i - 20 : 0, i >= 20 ? 20 : i) + p + "\" should read " + *want + "; ";
        }
    }
    return out;
}

}   // namespace

namespace {

struct Texts {
    std::vector<std::pair<std::string, std::string>> items;   // where, text
    void add(const std::string& where, const std::string& text) {
        if (hasHangul(text)) items.emplace_back(where, text);
    }
    void add(const std::string& where, const scenario::LocalizedText& t) { add(where, t.ko); }
};

const scenario::LessonCatalog& lessons() {
    static const scenario::LessonCatalog c = scenario::loadLessonCatalog(std::string(LAYERLAB_SOURCE_DIR) + "/lessons");
    return c;
}

void addGoals(Texts& t, const std::string& where, const std::vector<scenario::GoalResult>& results) {
    for (size_t i = 0; i < results.size(); ++i) {
        t.add(where + " goal " + std::to_string(i), results[i].description);
        t.add(where + " goal " + std::to_string(i) + " missing", results[i].missing);
    }
}

// Replays `commands` from the lesson's start, collecting the machine's hints,
// then the goal texts and a prediction verdict on the last build.
void addReplay(Texts& t, const scenario::Scenario& lesson, const std::vector<std::string>& commands,
               const std::string& where) {
    scenario::PlayOptions options;
    options.lang = "ko";
    std::vector<std::string> errors;
    cli::Machine m(scenario::startState(lesson, options, errors));
    for (const auto& c : commands) {
        m.execute(c);
        for (const auto& h : m.hints()) t.add(where + " hint after `" + c + "`", h.ko);
    }
    addGoals(t, where, scenario::evaluateGoals(lesson.goals, m.state(), scenario::machineProbe()));
    auto score = scenario::scorePrediction({1}, m.state().lastBuild);
    t.add(where + " prediction", score.summary);
    t.add(where + " prediction explanation", score.explanation);
}

// String literals of a C++ source (comments and raw strings skipped).
std::vector<std::string> literals(const std::string& src) {
    std::vector<std::string> out;
    for (size_t i = 0; i < src.size(); ++i) {
        if (src.compare(i, 2, "//") == 0) {
            i = src.find('\n', i);
            if (i == std::string::npos) break;
        } else if (src.compare(i, 2, "/*") == 0) {
            i = src.find("*/", i);
            if (i == std::string::npos) break;
        } else if (src.compare(i, 2, "R\"") == 0) {
            const size_t open = src.find('(', i);
            const std::string close = ")" + src.substr(i + 2, open - i - 2) + "\"";
            i = src.find(close, open);
            if (i == std::string::npos) break;
        } else if (src[i] == '\'') {
            i += src[i + 1] == '\\' ? 3 : 2;
        } else if (src[i] == '"') {
            std::string lit;
            for (++i; i < src.size() && src[i] != '"'; ++i) {
                if (src[i] == '\\' && i + 1 < src.size()) {
                    ++i;
                    lit += src[i] == 'n' ? '\n' : src[i];
                } else {
                    lit += src[i];
                }
            }
            out.push_back(lit);
        }
    }
    return out;
}

std::string readFile(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

}   // namespace

TEST_CASE("korean: the scan itself finds what it must") {
    CHECK(problems("server.js 를 수정하세요").find("space before \"를\"") != std::string::npos);
    CHECK(problems("포트 3000 을 게시") != "");
    CHECK(problems("node 이(가) 실행") != "");
    CHECK(problems("3000를 게시").find("should read 을") != std::string::npos);
    CHECK(problems(" 를 실행합니다", true) != "");
    CHECK(problems("node를 실행하고 3000으로, Dockerfile로 간다. layerlab: 이 터미널") == "");
}

TEST_CASE("korean: every Korean string a learner reads attaches the right particle, without placeholders") {
    REQUIRE(lessons().errors.empty());
    Texts t;
    for (const auto& l : lessons().lessons) {
        t.add(l.id + " title", l.title);
        t.add(l.id + " summary", l.summary);
        t.add(l.id + " objective", l.objective);
        for (const auto& c : l.cards) {
            t.add(l.id + " card title", c.title);
            t.add(l.id + " card", c.text);
        }
        for (const auto& h : l.hints) t.add(l.id + " hint", h);
        for (const auto& p : l.predictions) {
            t.add(l.id + " prediction", p.question);
            t.add(l.id + " prediction", p.explain);
            std::vector<std::string> ignored;
            addGoals(t, l.id + " prediction when",
                     scenario::evaluateGoals(p.when, scenario::startState(l, {}, ignored), scenario::machineProbe()));
        }
        for (const auto& g : l.goals) t.add(l.id + " goal describe", g.describe);
        std::vector<std::string> solution;
        for (const auto& s : l.solution) {
            if (s.kind == scenario::Step::Kind::Command) {
                solution.push_back(s.command);
                t.add(l.id + " solution", s.command);
            }
            t.add(l.id + " solution say", s.say);
        }
        addReplay(t, l, {}, l.id + " at the start");
        addReplay(t, l, solution, l.id + " after the solution");
    }
    const std::filesystem::path root(LAYERLAB_SOURCE_DIR);
    for (const auto& e : std::filesystem::directory_iterator(root / "tests/data/lessons/paths")) {
        const nlohmann::json j = nlohmann::json::parse(readFile(e.path()));
        const scenario::Scenario* l = scenario::findLesson(lessons(), j.at("lesson").get<std::string>());
        REQUIRE(l != nullptr);
        addReplay(t, *l, j.at("commands").get<std::vector<std::string>>(), e.path().filename().string());
    }
    const nlohmann::json ui = nlohmann::json::parse(readFile(root / "assets/lang/ko.json"));
    for (const auto& [key, value] : ui.items())
        if (value.is_string()) t.add("assets/lang/ko.json " + key, value.get<std::string>());
    size_t scanned = t.items.size();
    int files = 0;
    for (const auto& e : std::filesystem::recursive_directory_iterator(root / "sim")) {
        const std::string name = e.path().filename().string();
        if (e.path().extension() != ".cpp" && e.path().extension() != ".hpp") continue;
        // korean.*: the particle tables themselves; default_context.cpp: the
        // course notes' own Dockerfile, quoted as the notes wrote it.
        if (name.rfind("korean.", 0) == 0 || name == "default_context.cpp") continue;
        ++files;
        for (const auto& lit : literals(readFile(e.path()))) {
            if (!hasHangul(lit)) continue;
            const std::string p = problems(lit, true);
            CHECK_MESSAGE(p.empty(), e.path().lexically_relative(root).string() << ": \"" << lit << "\": " << p);
        }
    }
    CHECK(files > 50);
    CHECK(scanned > 400);
    for (const auto& item : t.items) {
        const auto& where = item.first;   // named: clang 14 cannot capture a structured binding in CHECK_MESSAGE
        const auto& text = item.second;
        const std::string p = problems(text);
        CHECK_MESSAGE(p.empty(), where << ": \"" << text << "\": " << p);
    }
}
