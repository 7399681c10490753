// `why [STEP]`: LayerLab's own command (Docker has none) that answers "why did
// this step rebuild?" from the builder's records (State.buildHistory, see
// sim/engine/builder/build_record.hpp). The words are the records' own
// (stepVerdict, changeText), so the shell, the window's inspect panel and
// `play --format json` tell the same story:
//   why        every step of the last build: CACHED / REBUILT / NEW / FAILED,
//              the verdict (its own change, or a cascade from step N), totals
//   why STEP   one step: the verdict, its layer, the cache-key inputs beside
//              the previous build of the same tag, and the files in its layer
#include <string>
#include <vector>

#include "sim/numbers.hpp"
#include "sim/cli/host_commands.hpp"
#include "sim/engine/builder/build_totals.hpp"
#include "sim/engine/builder/key_input_labels.hpp"
#include "sim/engine/docker_format.hpp"

namespace layerlab::cli {

namespace {

using engine::BuildRecord;
using engine::BuildRecordStep;
using engine::BuildStepOutcome;

std::string size(uint64_t bytes) { return engine::format::humanSizeWithPrecision(static_cast<double>(bytes), 3); }
std::string secs(int64_t ms) { return std::to_string(ms / 1000) + "." + std::to_string(ms % 1000 / 100) + "s"; }
std::string shortValue(const std::string& v) {
    if (v.rfind("sha256:", 0) == 0 && v.size() > 19) return v.substr(0, 19) + "\u2026";
    if (v.size() == 64 && v.find_first_not_of("0123456789abcdef") == std::string::npos) return v.substr(0, 12);
    return v;
}
// Terminal columns: Hangul takes two, arrows and '…' one, like every other code point.
size_t columns(const std::string& s) {
    size_t n = 0;
    for (unsigned char c : s) {
        if ((c & 0xC0) == 0x80) continue;
        n += (c == 0xE1 || (c >= 0xEA && c <= 0xED)) ? 2 : 1;
    }
    return n;
}
std::string pad(std::string s, size_t width) {
    for (size_t n = columns(s); n < width; ++n) s += ' ';
    return s;
}

std::string lineOf(const BuildRecordStep& s, bool ko) {
    if (s.sourceLine <= 0) return "";
    std::string n = std::to_string(s.sourceLine);
    if (s.sourceEndLine > s.sourceLine) n += "-" + std::to_string(s.sourceEndLine);
    return ko ? "  (" + n + "번째 줄)" : "  (line " + n + ")";
}

std::string stepHeader(const BuildRecordStep& s, bool ko) {
    std::string number = s.step > 0 ? "[" + std::to_string(s.step) + "] " : "    ";
    return "  " + number + s.instruction + lineOf(s, ko) + "\n";
}

std::string verdictLine(const BuildRecordStep& s, bool ko) {
    return "      " + std::string(engine::outcomeLabel(s.outcome)) + ": " + engine::stepVerdict(s, ko) + "\n";
}

// The totals, with the build cache and the local image store kept apart:
// only cached steps save time; a base image already here saves a download.
std::string totalsLine(const engine::BuildTotals& t, bool ko) {
    std::string out = ko ? "빌드 시간 " + secs(t.buildMs) + " (시뮬레이션), 빌드 캐시로 아낀 시간 " + secs(t.savedMs) +
                               " (캐시 단계 " + std::to_string(t.cached) + "개, " + size(t.cacheReused) + ")"
                         : "Build time " + secs(t.buildMs) + " (simulated), saved by the build cache " +
                               secs(t.savedMs) + " (cached steps: " + std::to_string(t.cached) + ", " +
                               size(t.cacheReused) + ")";
    if (t.baseLocal > 0)
        out += ko ? ", 베이스 이미지는 이미 있음 " + size(t.baseLocal) + " (받지 않음)"
                  : ", base image already here " + size(t.baseLocal) + " (not downloaded)";
    if (t.basePulled > 0)
        out += ko ? ", 베이스 이미지 받음 " + size(t.basePulled) : ", base image downloaded " + size(t.basePulled);
    out += ko ? ", 새로 씀 " + size(t.written) : ", written " + size(t.written);
    if (t.sameResult > 0)
        out += ko ? " (다시 실행한 " + std::to_string(t.sameResult) + "단계는 이전과 같은 레이어를 만듦)"
                  : " (" + std::to_string(t.sameResult) + " of the steps that ran made the same layer as before)";
    return out + "\n";
}

std::string summary(const BuildRecord& b, bool ko) {
    int cached = 0, rebuilt = 0, fresh = 0;
    for (const auto& s : b.steps) {
        if (s.outcome == BuildStepOutcome::Cached) ++cached;
        else if (s.outcome == BuildStepOutcome::New) ++fresh;
        else if (s.outcome != BuildStepOutcome::Config) ++rebuilt;
    }
    std::string counts =
        ko ? "캐시 재사용 " + std::to_string(cached) + "단계, 다시 실행 " + std::to_string(rebuilt) + "단계"
           : std::to_string(cached) + " cached, " + std::to_string(rebuilt) + " rebuilt";
    if (fresh) counts += ko ? ", 처음 실행 " + std::to_string(fresh) + "단계" : ", " + std::to_string(fresh) + " new";
    std::string name = b.tag.empty() ? std::string("<none>") : b.tag;
    std::string builder = b.legacy ? (ko ? "레거시 빌더" : "legacy builder") : "BuildKit";
    std::string against = b.previousNumber ? (ko ? ", 비교 대상 #" + std::to_string(b.previousNumber)
                                                 : ", compared with #" + std::to_string(b.previousNumber))
                                           : "";
    std::string out = (ko ? "마지막 빌드: " : "Last build: ") + name + " #" + std::to_string(b.number) + " (" +
                      builder + against + "), " + counts +
                      (b.ok ? ""
                       : ko ? " (실패)"
                            : " (failed)") +
                      "\n";
    for (const auto& s : b.steps) out += stepHeader(s, ko) + verdictLine(s, ko);
    out += totalsLine(engine::buildTotals(b), ko);
    return out;
}

// The cache key's inputs, each against the build before when there is one.
std::string keyInputsText(const engine::State& state, const BuildRecord& b, size_t i, bool ko) {
    std::string out;
    const BuildRecordStep* prev = engine::previousStep(state, b, i);
    auto rows = engine::keyInputRows(state, b, i);
    auto kinds = engine::keyInputRowKinds(state, b, i);
    std::vector<std::string> labels;
    for (size_t k = 0; k < rows.size(); ++k) labels.push_back(engine::keyInputLabel(rows[k], kinds[k], ko));
    if (prev)
        out += ko ? "      캐시 키 입력 (#" + std::to_string(b.previousNumber) + " \u2192 #" +
                        std::to_string(b.number) + "):\n"
                  : "      Cache key inputs (#" + std::to_string(b.previousNumber) + " \u2192 #" +
                        std::to_string(b.number) + "):\n";
    else
        out += ko ? "      캐시 키 입력 (비교할 이전 빌드 없음):\n"
                  : "      Cache key inputs (no previous build to compare with):\n";
    size_t width = 0;
    for (const auto& l : labels) width = std::max(width, columns(l));
    for (size_t k = 0; k < rows.size(); ++k) {
        const auto& r = rows[k];
        std::string value;
        if (!prev) value = shortValue(r.now);
        else if (r.same) value = (ko ? "같음: " : "same: ") + shortValue(r.now);
        else if (r.before.empty()) value = (ko ? "새로 생김: " : "added: ") + shortValue(r.now);
        else if (r.now.empty()) value = (ko ? "없어짐: " : "removed: ") + shortValue(r.before);
        else value = shortValue(r.before) + " \u2192 " + shortValue(r.now);
        out += "        " + pad(labels[k], width + 2) + value + "\n";
    }
    return out;
}

// The layer's files (A added, M changed, D removed), the first 20, and the bytes wasted.
std::string layerFilesText(const engine::LayerContents& files, bool ko) {
    std::string out;
    if (files.known && !files.files.empty()) {
        out += ko ? "      이 레이어의 파일 (A 추가, M 변경, D 삭제):\n"
                  : "      Files in this layer (A added, M changed, D removed):\n";
        const size_t shown = std::min<size_t>(files.files.size(), 20);
        size_t pathWidth = 0;
        for (size_t k = 0; k < shown; ++k)
            pathWidth = std::max(pathWidth, std::min<size_t>(files.files[k].path.size() + 1, 48));
        for (size_t k = 0; k < shown; ++k) {
            const auto& f = files.files[k];
            const char* mark = f.kind == engine::LayerFileChange::Kind::Added     ? "A"
                               : f.kind == engine::LayerFileChange::Kind::Changed ? "M"
                                                                                  : "D";
            std::string line = std::string("        ") + mark + " " + f.path + (f.directory ? "/" : "");
            if (!f.directory && f.kind != engine::LayerFileChange::Kind::Removed)
                line = pad(line, 10 + pathWidth + 2) + size(f.size);
            if (f.wastedBytes)
                line += ko ? "  (위 레이어가 지우거나 덮어써서 낭비)"
                           : "  (wasted: a later layer deletes or overwrites it)";
            out += line + "\n";
        }
        if (files.files.size() > shown)
            out += ko ? "        그 밖에 " + std::to_string(files.files.size() - shown) + "개\n"
                      : "        and " + std::to_string(files.files.size() - shown) + " more\n";
        if (files.wastedBytes)
            out += (ko ? "      낭비된 바이트: " : "      wasted bytes: ") + size(files.wastedBytes) + "\n";
    }
    return out;
}

std::string detail(const engine::State& state, const BuildRecord& b, size_t i, bool ko) {
    const BuildRecordStep& s = b.steps[i];
    std::string out = stepHeader(s, ko) + verdictLine(s, ko);
    if (s.keyword == "FROM") {
        for (const auto& base : b.bases)
            if (base.stage == s.stage) {
                out += "      " + base.ref + " \u00b7 " + std::to_string(base.layers.size()) +
                       (ko ? "개 레이어 \u00b7 " : " layers \u00b7 ") + size(base.totalSize) + " \u00b7 " +
                       base.platform + "\n";
                for (const auto& l : base.layers)
                    out += "        " + pad(size(l.size), 9) + shortValue(l.diffId) +
                           (l.pulled ? (ko ? "  (이번 빌드에서 받음)" : "  (pulled by this build)") : "") + "\n";
            }
    } else if (s.configOnly) {
        out += ko ? "      설정만 바뀜: 새 레이어 없음, 0 B\n" : "      config only: no new layer, 0 B\n";
    } else if (!s.layerDiffId.empty()) {
        out += (ko ? "      레이어 " : "      layer ") + shortValue(s.layerDiffId) + "  " + size(s.layerSize) + "  " +
               secs(s.outcome == BuildStepOutcome::Cached ? s.recordedMs : s.durationMs) +
               (s.outcome == BuildStepOutcome::Cached ? (ko ? " (캐시로 아낀 시간)" : " (saved by the cache)") : "") +
               "\n";
        if (!s.previousLayerDiffId.empty() && s.previousLayerDiffId != s.layerDiffId)
            out += (ko ? "      이전 레이어 " : "      before: layer ") + shortValue(s.previousLayerDiffId) + "\n";
    }
    if (s.outcome == BuildStepOutcome::Config) return out;

    out += keyInputsText(state, b, i, ko);
    if (!s.changes.empty()) {
        out += ko ? "      달라진 점:\n" : "      What changed:\n";
        for (const auto& c : s.changes) out += "        " + engine::changeText(c, ko) + "\n";
        if (s.changesOmitted > 0)
            out += ko ? "        그 밖에 파일 " + std::to_string(s.changesOmitted) + "개\n"
                      : "        and " + std::to_string(s.changesOmitted) + " more files\n";
    }
    out += layerFilesText(engine::stepLayerContents(state, b, i), ko);
    return out;
}

// The records predate this State (an old export): the last build's step list only.
std::string legacyStepLine(const engine::BuildStepRecord& s, bool ko) {
    std::string line = "  [" + std::to_string(s.step) + "] " + s.instruction;
    if (s.sourceLine > 0)
        line +=
            ko ? "  (" + std::to_string(s.sourceLine) + "번째 줄)" : "  (line " + std::to_string(s.sourceLine) + ")";
    line += "\n      ";
    if (s.cached)
        return line + (ko ? "CACHED: 캐시에 있던 결과를 그대로 썼습니다\n" : "CACHED: the cached result was reused\n");
    const std::string& reason = ko && !s.reasonKo.empty() ? s.reasonKo : s.reason;
    return line + "REBUILT: " + reason + "\n";
}

}   // namespace

Outcome runWhy(const engine::State& state, const std::vector<std::string>& args) {
    const bool ko = state.lang == "ko";
    Outcome o;
    const engine::LastBuild& last = state.lastBuild;
    const BuildRecord* record = engine::latestBuildAnyTag(state);
    if (!last.ran && !record) {
        o.err = ko ? "why: 아직 빌드한 적이 없습니다. 먼저 docker build를 실행하세요.\n"
                   : "why: there is no build yet; run docker build first.\n";
        o.exitCode = 1;
        return o;
    }
    int only = 0;
    if (!args.empty()) {
        const auto step = args[0].find_first_not_of("0123456789") == std::string::npos
                              ? parseInteger(args[0], 1, std::numeric_limits<int>::max())
                              : std::nullopt;
        only = step ? static_cast<int>(*step) : -1;
        if (only <= 0 || args.size() > 1) {
            o.err = ko ? "why: 사용법: why [단계 번호]\n" : "why: usage: why [STEP NUMBER]\n";
            o.exitCode = 2;
            return o;
        }
    }
    bool found = false;
    if (record) {
        if (only == 0) {
            o.out = summary(*record, ko);
            return o;
        }
        for (size_t i = 0; i < record->steps.size(); ++i)
            if (record->steps[i].step == only) {
                o.out += detail(state, *record, i, ko);
                found = true;
            }
    } else {
        for (const auto& s : last.steps)
            if (only == 0 || s.step == only) {
                o.out += legacyStepLine(s, ko);
                found = true;
            }
    }
    if (!found) {
        o.out.clear();
        o.err = ko ? "why: 마지막 빌드에 " + std::to_string(only) + "단계가 없습니다.\n"
                   : "why: the last build has no step " + std::to_string(only) + ".\n";
        o.exitCode = 1;
    }
    return o;
}

}   // namespace layerlab::cli
