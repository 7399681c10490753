// Reading the build records: lookups, the words of a verdict, and what is
// derived on demand from State.layers (COPY inputs, a layer's contents).
#include "sim/engine/builder/build_record.hpp"
#include "sim/engine/builder/build_totals.hpp"
#include "sim/engine/builder/key_input_labels.hpp"

#include <algorithm>
#include <set>

#include "sim/engine/images/store.hpp"
#include "sim/engine/state.hpp"
#include "sim/fs/file_checksum.hpp"

namespace layerlab::engine {
namespace {

const char* kArrow = " \u2192 ";

std::string shortSum(const std::string& digest) {
    return digest.size() > 19 ? digest.substr(0, 19) + "\u2026" : digest;
}

std::string orNone(const std::string& v, bool ko) { return v.empty() ? (ko ? "(없음)" : "(not set)") : v; }
std::string orRoot(const std::string& v) { return v.empty() ? "root" : v; }

}   // namespace

const BuildRecord* latestBuild(const State& state, const std::string& tag) {
    auto it = state.buildHistory.find(tag);
    return it == state.buildHistory.end() || it->second.empty() ? nullptr : &it->second.back();
}

const BuildRecord* latestBuildAnyTag(const State& state) {
    const BuildRecord* best = nullptr;
    for (const auto& [tag, hist] : state.buildHistory)
        if (!hist.empty() && (!best || hist.back().startedMs > best->startedMs)) best = &hist.back();
    return best;
}

const BuildRecord* previousBuild(const State& state, const BuildRecord& build) {
    if (build.previousNumber == 0) return nullptr;
    auto it = state.buildHistory.find(build.tag);
    if (it == state.buildHistory.end()) return nullptr;
    for (const auto& r : it->second)
        if (r.number == build.previousNumber) return &r;
    return nullptr;
}

const char* outcomeLabel(BuildStepOutcome outcome) {
    switch (outcome) {
        case BuildStepOutcome::Cached:
            return "CACHED";
        case BuildStepOutcome::Rebuilt:
            return "REBUILT";
        case BuildStepOutcome::New:
            return "NEW";
        case BuildStepOutcome::Failed:
            return "FAILED";
        case BuildStepOutcome::Config:
            return "CONFIG";
    }
    return "CACHED";
}

namespace {
template <class E>
struct Named {
    E value;
    const char* name;
};
const Named<BuildStepOutcome> kOutcomes[] = {{BuildStepOutcome::Cached, "cached"},
                                             {BuildStepOutcome::Rebuilt, "rebuilt"},
                                             {BuildStepOutcome::New, "new"},
                                             {BuildStepOutcome::Failed, "failed"},
                                             {BuildStepOutcome::Config, "config"}};
const Named<MissCause> kCauses[] = {{MissCause::None, "none"},
                                    {MissCause::Own, "own"},
                                    {MissCause::Cascade, "cascade"},
                                    {MissCause::NoCache, "noCache"},
                                    {MissCause::NotInCache, "notInCache"}};
using CK = InputChange::Kind;
const Named<CK> kKinds[] = {{CK::Instruction, "instruction"},
                            {CK::Parent, "parent"},
                            {CK::FileChanged, "fileChanged"},
                            {CK::FileAdded, "fileAdded"},
                            {CK::FileRemoved, "fileRemoved"},
                            {CK::BuildArg, "buildArg"},
                            {CK::Env, "env"},
                            {CK::Workdir, "workdir"},
                            {CK::User, "user"},
                            {CK::BaseImage, "baseImage"},
                            {CK::Config, "config"}};
template <class E, size_t N>
const char* nameOf(const Named<E> (&table)[N], E v) {
    for (const auto& n : table)
        if (n.value == v) return n.name;
    return table[0].name;
}
template <class E, size_t N>
bool valueOf(const Named<E> (&table)[N], const std::string& name, E& out) {
    for (const auto& n : table)
        if (name == n.name) {
            out = n.value;
            return true;
        }
    return false;
}
}   // namespace

const char* outcomeName(BuildStepOutcome outcome) { return nameOf(kOutcomes, outcome); }
const char* causeName(MissCause cause) { return nameOf(kCauses, cause); }
const char* changeKindName(InputChange::Kind kind) { return nameOf(kKinds, kind); }
bool outcomeFromName(const std::string& name, BuildStepOutcome& out) { return valueOf(kOutcomes, name, out); }
bool causeFromName(const std::string& name, MissCause& out) { return valueOf(kCauses, name, out); }
bool changeKindFromName(const std::string& name, InputChange::Kind& out) { return valueOf(kKinds, name, out); }

std::string stepVerdict(const BuildRecordStep& s, bool ko) {
    const std::string& reason = ko && !s.reasonKo.empty() ? s.reasonKo : s.reason;
    switch (s.outcome) {
        case BuildStepOutcome::Cached:
            return ko ? "캐시에 있던 결과를 그대로 썼습니다" : "the cached result was reused";
        case BuildStepOutcome::Config:
            return ko ? "이미지 설정만 바꿉니다: 레이어가 없고 캐시 판단도 없습니다 (BuildKit)"
                      : "changes only the image config: no layer and no cache decision (BuildKit)";
        case BuildStepOutcome::Failed:
            if (s.cause == MissCause::Cascade)
                return (ko ? std::to_string(s.causeStep) + "단계가 바뀌어 다시 실행했고 실패했습니다: "
                           : "ran again because step " + std::to_string(s.causeStep) + " changed, and failed: ") +
                       s.error;
            return (ko ? "실패했습니다: " : "failed: ") + s.error;
        case BuildStepOutcome::Rebuilt:
        case BuildStepOutcome::New:
            break;
    }
    // Ran again but made the very same layer: say so, or the learner reads "rebuilt" as "changed".
    const std::string same = !ranWithSameResult(s) ? std::string()
                             : ko ? "; 결과는 이전과 같은 레이어입니다 (내용이 같아 digest도 같음)"
                                  : "; same result: the same layer as before (same contents, same digest)";
    switch (s.cause) {
        case MissCause::Cascade:
            return (ko ? std::to_string(s.causeStep) + "단계가 바뀌어서 다시 빌드했습니다 (부모 레이어가 새로 만들어짐)"
                       : "rebuilt because step " + std::to_string(s.causeStep) + " changed (its parent layer is new)") +
                   same;
        case MissCause::NoCache:
            return (ko ? "--no-cache: 캐시를 쓰지 않고 모든 단계를 다시 실행했습니다"
                       : "--no-cache: every step runs again without the cache") +
                   same;
        case MissCause::NotInCache:
            return (ko ? "이 태그의 첫 빌드라 비교할 이전 빌드가 없습니다: "
                       : "first build of this tag, nothing to compare with: ") +
                   reason;
        case MissCause::Own:
        case MissCause::None:
            break;
    }
    return (ko ? "자기 입력이 바뀌어서 캐시를 놓쳤습니다: " : "missed by its own change: ") + reason + same;
}

std::string changeText(const InputChange& c, bool ko) {
    using K = InputChange::Kind;
    const std::string both = " (" + c.before + kArrow + c.after + ")";
    switch (c.kind) {
        case K::Instruction:
            return (ko ? "명령어 텍스트가 바뀜" : "instruction text changed") + both;
        case K::Parent:
            return ko ? "부모 레이어가 바뀜" : "parent layer changed";
        case K::FileChanged:
            return c.name + (ko ? " 파일이 바뀜 (" : " changed (") + shortSum(c.before) + kArrow + shortSum(c.after) +
                   ")";
        case K::FileAdded:
            return ko ? "새 파일 " + c.name + " 추가됨" : "new file " + c.name + " added";
        case K::FileRemoved:
            return c.name + (ko ? " 파일이 삭제됨" : " removed");
        case K::BuildArg:
            return (ko ? "빌드 인자 " + c.name + " 값이 바뀜" : "build argument " + c.name + " changed") + " (" +
                   orNone(c.before, ko) + kArrow + orNone(c.after, ko) + ")";
        case K::Env:
            return "ENV " + c.name + (ko ? " 값이 바뀜" : " changed") + " (" + orNone(c.before, ko) + kArrow +
                   orNone(c.after, ko) + ")";
        case K::Workdir:
            return (ko ? "작업 디렉터리가 바뀜" : "working directory changed") + both;
        case K::User:
            return (ko ? "USER가 바뀜 (" : "USER changed (") + orRoot(c.before) + kArrow + orRoot(c.after) + ")";
        case K::BaseImage:
            return (ko ? "베이스 이미지가 바뀜: " + c.name : "base image " + c.name + " changed") + " (" +
                   shortSum(c.before) + kArrow + shortSum(c.after) + ")";
        case K::Config:
            if (c.before.empty()) return (ko ? "실행 설정에 추가됨: " : "run config added: ") + c.after;
            return (ko ? "실행 설정에서 빠짐: " : "run config removed: ") + c.before;
    }
    return "";
}

CopyInputFiles copyInputFiles(const State& state, const BuildRecordStep& step) {
    CopyInputFiles out;
    if ((step.inputs.op != "COPY" && step.inputs.op != "ADD") || step.layerDiffId.empty()) return out;
    auto it = state.layers.find(step.layerDiffId);
    if (it == state.layers.end()) return out;
    out.known = true;
    const std::string& dest = step.inputs.destination;
    std::string dir = dest.empty() || dest == "/" ? "" : dest.substr(dest[0] == '/' ? 1 : 0);
    const fs::FileTree& tree = it->second.changes;
    const fs::FileEntry* top = dir.empty() ? nullptr : tree.find(dir);
    if (top && !top->isDir()) {
        auto slash = dir.rfind('/');
        out.files.push_back(
            {slash == std::string::npos ? dir : dir.substr(slash + 1), fs::pathChecksum(tree, dir), top->size()});
        return out;
    }
    tree.forEach(
        [&](const std::string& p, const fs::FileEntry& e) {
            // pathChecksum: memoized on the shared tree nodes the build already hashed
            if (!e.isDir())
                out.files.push_back({dir.empty() ? p : p.substr(dir.size() + 1), fs::pathChecksum(tree, p), e.size()});
        },
        dir);
    return out;
}

namespace {
// keyInputRows and keyInputRowKinds, built together so they stay parallel.
std::vector<KeyInputRow> rowsOf(const State& state, const BuildRecord& build, size_t index,
                                std::vector<KeyInputRowKind>& kinds) {
    std::vector<KeyInputRow> rows;
    if (index >= build.steps.size()) return rows;
    const BuildRecordStep& now = build.steps[index];
    const BuildRecord* prevBuild = previousBuild(state, build);
    const BuildRecordStep* prev =
        prevBuild && now.previousIndex >= 0 && now.previousIndex < static_cast<int>(prevBuild->steps.size())
            ? &prevBuild->steps[now.previousIndex]
            : nullptr;
    static const BuildRecordStep kNone;
    const BuildRecordStep& p = prev ? *prev : kNone;
    auto row = [&](const std::string& label, const std::string& before, const std::string& after,
                   const std::string& kind, const std::string& name = "") {
        rows.push_back({label, before, after, prev != nullptr && before == after});
        kinds.push_back({kind, name});
    };
    // The instruction as keyed: a RUN's "/bin/sh -c npm install", a COPY's text.
    auto keyed = [](const BuildRecordStep& st) {
        return st.inputs.command.empty() ? st.instruction : st.inputs.command;
    };
    row("instruction", prev ? keyed(p) : "", keyed(now), "instruction");
    if (now.inputs.op == "FROM") {
        row("base image", p.inputs.baseImage, now.inputs.baseImage, "baseImage");
        row("image ID", p.inputs.baseImageId, now.inputs.baseImageId, "imageId");
        row("platform", p.inputs.platform, now.inputs.platform, "platform");
        return rows;
    }
    if (now.outcome == BuildStepOutcome::Config) return rows;
    auto parentText = [](const KeyInputs& k) {
        if (k.parentKey.empty()) return std::string();
        return (k.parentStep > 0 ? "[" + std::to_string(k.parentStep) + "] " : std::string()) +
               k.parentKey.substr(0, 12);
    };
    row("parent", parentText(p.inputs), parentText(now.inputs), "parent");
    if (now.inputs.op == "COPY" || now.inputs.op == "ADD") {
        CopyInputFiles a = prev ? copyInputFiles(state, p) : CopyInputFiles{}, b = copyInputFiles(state, now);
        std::map<std::string, std::pair<std::string, std::string>> files;
        for (const auto& f : a.files) files[f.path].first = f.checksum;
        for (const auto& f : b.files) files[f.path].second = f.checksum;
        for (const auto& [path, sums] : files) row(path, sums.first, sums.second, "file", path);
    }
    auto pairRows = [&](const std::vector<std::string>& before, const std::vector<std::string>& after,
                        const std::string& kind) {
        std::map<std::string, std::pair<std::string, std::string>> m;
        for (const auto& l : before) m[l.substr(0, l.find('='))].first = l.substr(std::min(l.size(), l.find('=') + 1));
        for (const auto& l : after) m[l.substr(0, l.find('='))].second = l.substr(std::min(l.size(), l.find('=') + 1));
        for (const auto& [k, v] : m) row(kind + " " + k, v.first, v.second, kind, k);
    };
    pairRows(p.inputs.buildArgs, now.inputs.buildArgs, "arg");
    pairRows(p.inputs.env, now.inputs.env, "env");
    if (!now.inputs.workdir.empty() || !p.inputs.workdir.empty())
        row("workdir", p.inputs.workdir, now.inputs.workdir, "workdir");
    if (now.inputs.op == "RUN" || now.inputs.op == "WORKDIR")
        row("user", prev ? orRoot(p.inputs.user) : "", orRoot(now.inputs.user), "user");
    std::set<std::string> config(p.inputs.config.begin(), p.inputs.config.end());
    config.insert(now.inputs.config.begin(), now.inputs.config.end());
    for (const auto& line : config) {
        bool inA = std::count(p.inputs.config.begin(), p.inputs.config.end(), line) > 0;
        bool inB = std::count(now.inputs.config.begin(), now.inputs.config.end(), line) > 0;
        row("config", inA ? line : "", inB ? line : "", "config");
    }
    return rows;
}

}   // namespace

std::vector<KeyInputRow> keyInputRows(const State& state, const BuildRecord& build, size_t index) {
    std::vector<KeyInputRowKind> kinds;
    return rowsOf(state, build, index, kinds);
}

std::vector<KeyInputRowKind> keyInputRowKinds(const State& state, const BuildRecord& build, size_t index) {
    std::vector<KeyInputRowKind> kinds;
    rowsOf(state, build, index, kinds);
    return kinds;
}

std::string keyInputLabel(const KeyInputRow& row, const KeyInputRowKind& kind, bool ko) {
    if (!ko) return row.label;
    if (kind.kind == "instruction") return "명령어";
    if (kind.kind == "parent") return "부모 레이어";
    if (kind.kind == "arg") return "빌드 인자 " + kind.name;
    if (kind.kind == "env") return "ENV " + kind.name;
    if (kind.kind == "workdir") return "작업 디렉터리";
    if (kind.kind == "user") return "사용자";
    if (kind.kind == "baseImage") return "베이스 이미지";
    if (kind.kind == "imageId") return "이미지 ID";
    if (kind.kind == "platform") return "플랫폼";
    if (kind.kind == "config") return "실행 설정";
    return row.label;
}

std::vector<Digest> imageLayerStack(const State& state, const BuildRecord& build) {
    auto it = state.images.find(build.imageId);
    return it == state.images.end() ? std::vector<Digest>{} : it->second.layers;
}

LayerContents layerContents(const State& state, const std::vector<Digest>& stack, size_t index) {
    LayerContents out;
    if (index >= stack.size()) return out;
    for (const auto& d : stack)
        if (!state.layers.count(d)) return out;
    out.known = true;
    fs::FileTree lower;
    for (size_t i = 0; i < index; ++i) lower = applyLayer(lower, state.layers.at(stack[i]));
    const Layer& layer = state.layers.at(stack[index]);
    // Is `path` hidden by a higher layer (deleted there, or replaced by an entry there)?
    auto hidden = [&](const std::string& path) {
        for (size_t i = index + 1; i < stack.size(); ++i) {
            const Layer& up = state.layers.at(stack[i]);
            for (const auto& d : up.deleted)
                if (path == d || path.rfind(d + "/", 0) == 0) return true;
            if (const fs::FileEntry* e = up.changes.find(path); e && !e->isDir()) return true;
        }
        return false;
    };
    layer.changes.forEach([&](const std::string& p, const fs::FileEntry& e) {
        const fs::FileEntry* below = lower.find(p);
        if (e.isDir() && below && below->isDir()) return;   // only a parent of what changed
        LayerFileChange c;
        c.path = "/" + p;
        c.kind = below ? LayerFileChange::Kind::Changed : LayerFileChange::Kind::Added;
        c.directory = e.isDir();
        c.size = e.size();
        if (!c.directory && hidden(p)) c.wastedBytes = c.size;
        (below ? out.changedBytes : out.addedBytes) += c.size;
        (below ? out.changed : out.added) += 1;
        out.wastedBytes += c.wastedBytes;
        out.files.push_back(std::move(c));
    });
    for (const auto& d : layer.deleted) {
        LayerFileChange c;
        c.path = "/" + d;
        c.kind = LayerFileChange::Kind::Removed;
        const fs::FileEntry* below = lower.find(d);
        c.directory = below && below->isDir();
        out.removed += 1;
        out.files.push_back(std::move(c));
    }
    std::sort(out.files.begin(), out.files.end(), [](const auto& a, const auto& b) { return a.path < b.path; });
    return out;
}

}   // namespace layerlab::engine

namespace layerlab::engine {

const BuildRecordStep* previousStep(const State& state, const BuildRecord& build, size_t index) {
    if (index >= build.steps.size()) return nullptr;
    const BuildRecord* prev = previousBuild(state, build);
    int k = build.steps[index].previousIndex;
    return prev && k >= 0 && k < static_cast<int>(prev->steps.size()) ? &prev->steps[k] : nullptr;
}

LayerContents stepLayerContents(const State& state, const BuildRecord& build, size_t index) {
    LayerContents none;
    if (index >= build.steps.size()) return none;
    const BuildRecordStep& step = build.steps[index];
    if (step.layerDiffId.empty() || step.keyword == "FROM") {
        none.known = step.keyword == "FROM" || step.outcome != BuildStepOutcome::Failed;
        return none;
    }
    // Which occurrence of this diff ID the step is (identical layers repeat, e.g. two empty WORKDIRs).
    size_t nth = 0;
    for (size_t i = 0; i < index; ++i)
        if (build.steps[i].stage == step.stage && build.steps[i].layerDiffId == step.layerDiffId) ++nth;
    std::vector<Digest> stack = imageLayerStack(state, build);
    std::vector<Digest> own;
    for (const auto& b : build.bases)
        if (b.stage == step.stage)
            for (const auto& l : b.layers) own.push_back(l.diffId);
    size_t firstOwn = own.size();
    for (const auto& s : build.steps)
        if (s.stage == step.stage && !s.layerDiffId.empty() && s.keyword != "FROM") own.push_back(s.layerDiffId);
    // The image's stack when it holds this stage's layers (the final stage), else the stage's own.
    bool inImage =
        stack.size() >= own.size() && std::equal(own.begin(), own.end(), stack.end() - static_cast<long>(own.size()));
    if (!inImage) stack = own;
    size_t seen = 0;
    for (size_t k = inImage ? stack.size() - own.size() + firstOwn : firstOwn; k < stack.size(); ++k)
        if (stack[k] == step.layerDiffId && seen++ == nth) return layerContents(state, stack, k);
    return none;
}

}   // namespace layerlab::engine
