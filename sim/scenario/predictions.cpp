#include "sim/scenario/predictions.hpp"

#include <algorithm>

namespace layerlab::scenario {

std::optional<std::vector<int>> parsePredictionAnswer(std::string_view text) {
    std::string t(text);
    auto trim = [](std::string s) {
        while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\n' || s.back() == '\r'))
            s.pop_back();
        size_t i = 0;
        while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) ++i;
        return s.substr(i);
    };
    t = trim(t);
    std::string lower = t;
    std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    if (lower == "none" || lower == "0" || lower == "-" || t == "없음") return std::vector<int>{};
    std::vector<int> out;
    int cur = -1;
    for (char c : t) {
        if (c >= '0' && c <= '9') {
            cur = (cur < 0 ? 0 : cur * 10) + (c - '0');
            if (cur > 10000) return std::nullopt;
        } else if (c == ',' || c == ' ' || c == '[' || c == ']' || c == '\t') {
            if (cur >= 0) out.push_back(cur);
            cur = -1;
        } else {
            return std::nullopt;
        }
    }
    if (cur >= 0) out.push_back(cur);
    if (out.empty() || std::find(out.begin(), out.end(), 0) != out.end()) return std::nullopt;
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

namespace {
std::string listOf(const std::vector<int>& v, const std::string& empty) {
    if (v.empty()) return empty;
    std::string out;
    for (size_t i = 0; i < v.size(); ++i) out += (i ? ", " : "") + std::to_string(v[i]);
    return out;
}
}   // namespace

PredictionScore scorePrediction(const std::vector<int>& answer, const engine::LastBuild& build) {
    PredictionScore s;
    s.predicted = answer;
    std::sort(s.predicted.begin(), s.predicted.end());
    s.predicted.erase(std::unique(s.predicted.begin(), s.predicted.end()), s.predicted.end());
    const std::string total = std::to_string(build.steps.size());
    for (const auto& st : build.steps) {
        const std::string tag = "[" + std::to_string(st.step) + "/" + total + "] " + st.instruction;
        if (!st.cached) {
            s.actual.push_back(st.step);
            s.explanation.en += tag + ": ran again: " + st.reason + "\n";
            s.explanation.ko += tag + ": 다시 실행: " + st.reasonKo + "\n";
        } else {
            s.explanation.en += tag + ": CACHED\n";
            s.explanation.ko += tag + ": 캐시 재사용 (CACHED)\n";
        }
    }
    std::sort(s.actual.begin(), s.actual.end());
    std::set_difference(s.actual.begin(), s.actual.end(), s.predicted.begin(), s.predicted.end(),
                        std::back_inserter(s.missed));
    std::set_difference(s.predicted.begin(), s.predicted.end(), s.actual.begin(), s.actual.end(),
                        std::back_inserter(s.extra));
    s.correct = build.ran && s.missed.empty() && s.extra.empty();
    const std::string youEn =
        "You predicted: " + listOf(s.predicted, "none") + ". The builder ran again: " + listOf(s.actual, "none") + ".";
    const std::string youKo =
        "예측: " + listOf(s.predicted, "없음") + ". 실제로 다시 실행된 단계: " + listOf(s.actual, "없음") + ".";
    if (s.correct) {
        s.summary = {youEn + " Correct!", youKo + " 정답입니다!"};
    } else {
        std::string en = youEn, ko = youKo;
        if (!s.missed.empty()) {
            en += " Missed: " + listOf(s.missed, "") + ".";
            ko += " 놓친 단계: " + listOf(s.missed, "") + ".";
        }
        if (!s.extra.empty()) {
            en += " Came from the cache after all: " + listOf(s.extra, "") + ".";
            ko += " 실제로는 캐시를 재사용한 단계: " + listOf(s.extra, "") + ".";
        }
        s.summary = {en, ko};
    }
    return s;
}

const Prediction* duePrediction(const std::vector<Prediction>& predictions, size_t asked, int build,
                                const engine::State& state, const CommandProbe& probe) {
    if (asked >= predictions.size()) return nullptr;
    const Prediction& p = predictions[asked];
    if (build < p.atBuild) return nullptr;
    for (const GoalResult& g : evaluateGoals(p.when, state, probe))
        if (!g.met) return nullptr;
    return &p;
}

}   // namespace layerlab::scenario
