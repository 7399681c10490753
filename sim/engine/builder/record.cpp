// record.cpp: turns one build's trace into its BuildRecord (build_record.hpp)
// and files it under each tag in State.buildHistory.
//
// Everything comes from the builder's own decisions: the trace's steps (what
// was cached, what ran and the builder's reason), the cache records of their
// keys (what each key was made of), the base images applyBase saw, and the
// elapsed-time marks addStep/finishStep left. The only thing added here is
// the comparison with the previous build of the same tag, for the picture's
// before/after and for `why`.
#include <algorithm>
#include <functional>

#include "sim/engine/builder/internal.hpp"
#include "sim/engine/builder/tree_names.hpp"
#include "sim/engine/docker_format.hpp"
#include "sim/fs/file_checksum.hpp"

namespace layerlab::engine::bk {
namespace {

bool isCopy(const KeyInputs& in) { return in.op == "COPY" || in.op == "ADD"; }

// The tree path a COPY/ADD destination names ("/app" -> "app", "/" -> "").
std::string destDir(const std::string& dest) {
    return dest.empty() || dest == "/" ? "" : dest.substr(dest[0] == '/' ? 1 : 0);
}

// Files that differ between two COPY/ADD layers below `dir`, in path order.
// Subtrees with equal (memoized) checksums are skipped, so a one-file edit
// in a 10,000-file context compares a handful of nodes.
void diffFiles(const fs::FileTree& a, const fs::FileTree& b, const std::string& dir, const std::string& root,
               fs::HashCache* cache, const std::function<void(InputChange)>& add) {
    for (const auto& n : namesInEither(a, b, dir)) {
        std::string p = dir.empty() ? n : dir + "/" + n;
        const fs::FileEntry* ea = a.find(p);
        const fs::FileEntry* eb = b.find(p);
        std::string rel = root.empty() ? p : p.substr(root.size() + 1);
        if (ea && eb && ea->isDir() && eb->isDir()) {
            if (fs::pathChecksum(a, p, cache) != fs::pathChecksum(b, p, cache)) diffFiles(a, b, p, root, cache, add);
            continue;
        }
        // A directory on one side only: each file in it was added or removed.
        auto each = [&](const fs::FileTree& t, const fs::FileEntry* e, bool added) {
            if (!e) return;
            if (!e->isDir()) {
                std::string sum = fs::pathChecksum(t, p, cache);
                add(added ? InputChange{InputChange::Kind::FileAdded, rel, "", sum}
                          : InputChange{InputChange::Kind::FileRemoved, rel, sum, ""});
                return;
            }
            t.forEach(
                [&](const std::string& q, const fs::FileEntry& f) {
                    if (f.isDir()) return;
                    std::string r = root.empty() ? q : q.substr(root.size() + 1);
                    std::string sum = fs::pathChecksum(t, q, cache);
                    add(added ? InputChange{InputChange::Kind::FileAdded, r, "", sum}
                              : InputChange{InputChange::Kind::FileRemoved, r, sum, ""});
                },
                p);
        };
        if (ea && eb && !ea->isDir() && !eb->isDir()) {
            std::string sa = fs::pathChecksum(a, p, cache), sb = fs::pathChecksum(b, p, cache);
            if (sa != sb) add({InputChange::Kind::FileChanged, rel, sa, sb});
            continue;
        }
        each(a, ea, false);   // removed (or replaced by a directory / a file)
        each(b, eb, true);
    }
}

// "KEY=value" lines -> ordered map.
std::map<std::string, std::string> pairs(const std::vector<std::string>& lines) {
    std::map<std::string, std::string> out;
    for (const auto& l : lines) {
        auto eq = l.find('=');
        out[l.substr(0, eq)] = eq == std::string::npos ? "" : l.substr(eq + 1);
    }
    return out;
}

void comparePairs(const std::vector<std::string>& before, const std::vector<std::string>& now, InputChange::Kind kind,
                  std::vector<InputChange>& out) {
    auto a = pairs(before), b = pairs(now);
    std::map<std::string, std::string> all = a;
    all.insert(b.begin(), b.end());
    for (const auto& [k, unused] : all) {
        auto ia = a.find(k), ib = b.find(k);
        std::string va = ia == a.end() ? "" : ia->second, vb = ib == b.end() ? "" : ib->second;
        if (ia == a.end() || ib == b.end() || va != vb) out.push_back({kind, k, va, vb});
    }
}

void compare(const State& state, const BuildRecordStep& prev, BuildRecordStep& now, fs::HashCache* cache) {
    const KeyInputs &a = prev.inputs, &b = now.inputs;
    auto& out = now.changes;
    // The text as keyed (a RUN's "/bin/sh -c echo $V"), not as printed ("RUN echo 2"): a build
    // argument's new value changes the printed name but not the instruction.
    const std::string& ta = a.command.empty() ? prev.instruction : a.command;
    const std::string& tb = b.command.empty() ? now.instruction : b.command;
    if (ta != tb) out.push_back({InputChange::Kind::Instruction, "", ta, tb});
    if (a.parentKey != b.parentKey) out.push_back({InputChange::Kind::Parent, "", a.parentKey, b.parentKey});
    if (a.baseImageId != b.baseImageId)
        out.push_back({InputChange::Kind::BaseImage, b.baseImage.empty() ? a.baseImage : b.baseImage, a.baseImageId,
                       b.baseImageId});
    comparePairs(a.buildArgs, b.buildArgs, InputChange::Kind::BuildArg, out);
    comparePairs(a.env, b.env, InputChange::Kind::Env, out);
    if (a.workdir != b.workdir) out.push_back({InputChange::Kind::Workdir, "", a.workdir, b.workdir});
    if (a.user != b.user) out.push_back({InputChange::Kind::User, "", a.user, b.user});
    for (const auto& l : b.config)
        if (std::find(a.config.begin(), a.config.end(), l) == a.config.end())
            out.push_back({InputChange::Kind::Config, "", "", l});
    for (const auto& l : a.config)
        if (std::find(b.config.begin(), b.config.end(), l) == b.config.end())
            out.push_back({InputChange::Kind::Config, "", l, ""});
    if (isCopy(a) && isCopy(b) && prev.layerDiffId != now.layerDiffId && !prev.layerDiffId.empty() &&
        !now.layerDiffId.empty()) {
        auto la = state.layers.find(prev.layerDiffId), lb = state.layers.find(now.layerDiffId);
        if (la == state.layers.end() || lb == state.layers.end()) return;
        size_t files = 0;
        auto add = [&](InputChange c) {
            if (files++ < kMaxRecordedChanges) out.push_back(std::move(c));
            else ++now.changesOmitted;
        };
        const fs::FileTree &ta = la->second.changes, &tb = lb->second.changes;
        std::string da = destDir(a.destination), db = destDir(b.destination);
        const fs::FileEntry* fa = da.empty() ? nullptr : ta.find(da);
        const fs::FileEntry* fb = db.empty() ? nullptr : tb.find(db);
        if (da == db && !(fa && !fa->isDir()) && !(fb && !fb->isDir())) {
            diffFiles(ta, tb, da, da, cache, add);
        } else if (fa && fb && !fa->isDir() && !fb->isDir()) {   // one file copied to a file path
            std::string sa = fs::pathChecksum(ta, da, cache), sb = fs::pathChecksum(tb, db, cache);
            std::string name = db.substr(db.rfind('/') == std::string::npos ? 0 : db.rfind('/') + 1);
            if (sa != sb) add({InputChange::Kind::FileChanged, name, sa, sb});
        }
    }
}

KeyInputs inputsOf(const CacheRecord& r, bool legacy) {
    KeyInputs in;
    in.op = r.op;
    in.command = r.command;
    in.parentKey = r.parentKey;
    for (const auto& line : r.inputs) {
        auto colon = line.find(':');
        std::string kind = line.substr(0, colon), rest = colon == std::string::npos ? "" : line.substr(colon + 1);
        if (kind == "arg") in.buildArgs.push_back(rest);
        else if (legacy) in.config.push_back(line);
        else if (kind == "env") in.env.push_back(rest);
        else if (kind == "workdir") in.workdir = rest;
        else if (kind == "user") in.user = rest;
        else if (kind == "dest") in.destination = "/" + rest;
        else if (kind == "image") in.baseImageId = rest;
    }
    if (legacy)
        for (const auto& line : r.inputs)
            if (line.rfind("dest:", 0) == 0) in.destination = "/" + line.substr(5);
    return in;
}

// The step record built from trace step `t`.
BuildRecordStep stepEntry(const Session& s, int t, const dockerfile::Command& cmd) {
    const BuildStepRecord& r = s.trace.steps[t];
    const std::string& key = s.trace.stepKeys[t];
    BuildRecordStep e;
    e.stage = r.stage;
    e.stageName = s.df.stages[r.stage].name;
    e.step = r.step;
    e.stepTotal = s.opt.legacy ? s.legacyStepTotal : s.stages[r.stage].stepTotal;
    e.instruction = r.instruction;
    e.keyword = cmd.keyword;
    e.sourceLine = cmd.range.startLine;
    e.sourceEndLine = std::max(cmd.range.endLine, cmd.range.startLine);
    const bool failed = key.empty();   // finishStep never ran for it
    e.outcome = failed ? BuildStepOutcome::Failed : r.cached ? BuildStepOutcome::Cached : BuildStepOutcome::New;
    if (failed) {   // the step's own words, as BuildKit prints them under the step
        e.error = s.trace.error;
        if (e.error.rfind("failed to solve: ", 0) == 0) e.error = e.error.substr(17);
    }
    e.reason = r.reason;
    e.reasonKo = r.reasonKo;
    e.layerDiffId = r.layerDiffId;
    e.layerSize = r.layerSize;
    e.durationMs = r.durationMs;
    e.recordedMs = r.durationMs;
    e.startMs = s.buildStartMs + s.notes.stepStartMs[t];
    e.endMs = s.buildStartMs + s.notes.stepEndMs[t];
    e.cacheKey = key;
    const CacheRecord* rec = nullptr;
    if (auto it = s.state.buildCache.find(key); !key.empty() && it != s.state.buildCache.end()) rec = &it->second;
    else if (auto f = s.notes.failedCandidates.find(t); f != s.notes.failedCandidates.end()) rec = &f->second;
    if (rec) {
        e.inputs = inputsOf(*rec, s.opt.legacy);
        if (r.cached) e.recordedMs = rec->durationMs;
    }
    if (e.inputs.op.empty()) {
        e.inputs.op = cmd.keyword;
        e.inputs.command = r.instruction;
    }
    if (cmd.keyword == "FROM") {
        for (const auto& b : s.notes.bases)
            if (b.stage == r.stage) {
                e.inputs.baseImage = b.ref;
                e.inputs.baseImageId = b.imageId;
                e.inputs.platform = b.platform;
            }
    } else if (failed) {
        // no layer: it never finished
    } else if (e.layerDiffId.empty()) {
        e.configOnly = true;
    } else if (auto l = s.state.layers.find(e.layerDiffId);
               l != s.state.layers.end() && l->second.changes.list("").empty() && l->second.deleted.empty()) {
        e.configOnly = true;   // an empty diff (WORKDIR of a directory that exists): no files, 0 B
    }
    // The step below in the key chain (FROM of another stage carries that stage's key).
    if (!e.inputs.parentKey.empty())
        for (int p = t - 1; p >= 0; --p)
            if (s.trace.stepKeys[p] == e.inputs.parentKey) {
                e.inputs.parentStep = s.trace.steps[p].step;
                break;
            }
    return e;
}

BuildRecordStep configEntry(const Session& s, int stage, const dockerfile::Command& cmd) {
    BuildRecordStep e;
    e.stage = stage;
    e.stageName = s.df.stages[stage].name;
    e.stepTotal = s.stages[stage].stepTotal;
    std::string text = cmd.original;
    while (!text.empty() && (text.back() == '\n' || text.back() == '\r' || text.back() == ' ')) text.pop_back();
    e.instruction = text;
    e.keyword = cmd.keyword;
    e.sourceLine = cmd.range.startLine;
    e.sourceEndLine = std::max(cmd.range.endLine, cmd.range.startLine);
    e.outcome = BuildStepOutcome::Config;
    e.configOnly = true;
    e.inputs.op = cmd.keyword;
    e.inputs.command = text;
    return e;
}

// Bottom to top: each built stage, its FROM, then its instructions.
std::vector<BuildRecordStep> entries(const Session& s, std::vector<int>& traceIndex) {
    std::vector<BuildRecordStep> out;
    for (int i : s.order) {
        const dockerfile::Stage& stage = s.df.stages[i];
        std::map<int, int> byLine;   // source line -> trace step
        int lastLine = 0;
        for (size_t t = 0; t < s.trace.steps.size(); ++t)
            if (s.trace.steps[t].stage == i) {
                byLine[s.trace.steps[t].sourceLine] = static_cast<int>(t);
                lastLine = std::max(lastLine, s.trace.steps[t].sourceLine);
            }
        const bool built = s.stages[i].built;
        if (byLine.empty() && !built) continue;
        auto add = [&](const dockerfile::Command& cmd) {
            auto it = byLine.find(cmd.range.startLine);
            if (it != byLine.end()) {
                out.push_back(stepEntry(s, it->second, cmd));
                traceIndex.push_back(it->second);
            } else if (!s.opt.legacy && cmd.keyword != "FROM" && (built || cmd.range.startLine < lastLine)) {
                out.push_back(configEntry(s, i, cmd));
                traceIndex.push_back(-1);
            }
        };
        add(stage.from);
        for (const auto& cmd : stage.commands) add(cmd);
    }
    return out;
}

// The first step below `index` in its chain that ran, following parents
// while they ran: the one cause of a cascade.
int rootCause(const std::vector<BuildRecordStep>& steps, const std::vector<int>& byKeyParent, int index) {
    int cur = index;
    while (byKeyParent[cur] >= 0 && steps[byKeyParent[cur]].outcome != BuildStepOutcome::Cached) cur = byKeyParent[cur];
    return cur;
}

const BuildRecord* previousOf(const std::vector<BuildRecord>& hist) {
    for (auto it = hist.rbegin(); it != hist.rend(); ++it)
        if (it->ok) return &*it;
    return hist.empty() ? nullptr : &hist.back();
}

int alignedIndex(const BuildRecord& prev, const std::vector<BuildRecordStep>& steps, size_t i) {
    const BuildRecordStep& e = steps[i];
    if (e.outcome != BuildStepOutcome::Config && e.step > 0) {
        for (size_t k = 0; k < prev.steps.size(); ++k)
            if (prev.steps[k].stage == e.stage && prev.steps[k].step == e.step) return static_cast<int>(k);
        return -1;
    }
    int nth = 0;
    for (size_t k = 0; k < i; ++k)
        if (steps[k].stage == e.stage && steps[k].keyword == e.keyword && steps[k].step == 0) ++nth;
    for (size_t k = 0; k < prev.steps.size(); ++k) {
        const auto& p = prev.steps[k];
        if (p.stage == e.stage && p.keyword == e.keyword && p.step == 0 && nth-- == 0) return static_cast<int>(k);
    }
    return -1;
}

}   // namespace

void noteCandidate(Session& s, int step, const CacheRecord& candidate) { s.notes.failedCandidates[step] = candidate; }

void noteBase(Session& s, int stage, const BaseImage& base) {
    BaseImageRecord b;
    b.stage = stage;
    auto parsed = format::parseNormalizedNamed(base.fullRef);
    b.ref = parsed.ref ? parsed.ref->familiarString() : base.fullRef;
    if (parsed.ref && parsed.ref->tag.empty() && parsed.ref->digest.empty()) b.ref += ":latest";
    b.imageId = base.image.id;
    b.platform = base.image.os + "/" + base.image.architecture;
    b.pulled = base.pulled;
    std::vector<const HistoryEntry*> made;
    for (const auto& h : base.image.history)
        if (!h.emptyLayer) made.push_back(&h);
    for (size_t i = 0; i < base.image.layers.size(); ++i) {
        BaseLayerRecord l;
        l.diffId = base.image.layers[i];
        if (auto it = s.state.layers.find(l.diffId); it != s.state.layers.end()) {
            l.size = it->second.size;
            const std::string blob = it->second.blobDigest;
            const std::string shortBlob = blob.empty() ? "" : format::shortId(blob);
            for (const auto& sub : base.pullSubs)
                if (!blob.empty() && sub.text.rfind(blob + " ", 0) == 0) l.pulled = true;
            for (const auto& line : base.pullLines)
                if (!shortBlob.empty() && line == shortBlob + ": Pull complete") l.pulled = true;
        }
        if (i < made.size()) l.createdBy = made[i]->createdBy;
        b.totalSize += l.size;
        b.layers.push_back(std::move(l));
    }
    s.notes.bases.erase(std::remove_if(s.notes.bases.begin(), s.notes.bases.end(),
                                       [&](const BaseImageRecord& r) { return r.stage == stage; }),
                        s.notes.bases.end());
    s.notes.bases.push_back(std::move(b));
}

void recordBuild(Session& s, bool ok, const Digest& imageId, const std::vector<std::string>& tags) {
    BuildRecord rec;
    rec.tags = tags;
    rec.ok = ok;
    rec.legacy = s.opt.legacy;
    rec.noCache = s.opt.noCache;
    rec.imageId = imageId;
    rec.startedMs = s.buildStartMs;
    rec.finishedMs = s.buildStartMs + s.elapsedMs;
    rec.totalMs = s.elapsedMs;
    rec.savedMs = s.trace.savedMs;
    if (!ok) rec.error = s.trace.error;
    rec.bases = s.notes.bases;
    std::vector<int> traceIndex;
    if (!s.df.stages.empty()) rec.steps = entries(s, traceIndex);

    // Parents by key within this record, for the cascade.
    std::vector<int> parent(rec.steps.size(), -1);
    for (size_t i = 0; i < rec.steps.size(); ++i) {
        const std::string& pk = rec.steps[i].inputs.parentKey;
        if (pk.empty() || rec.steps[i].outcome == BuildStepOutcome::Config) continue;
        for (int k = static_cast<int>(i) - 1; k >= 0; --k)
            if (rec.steps[k].outcome != BuildStepOutcome::Config && rec.steps[k].cacheKey == pk) {
                parent[i] = k;
                break;
            }
    }
    for (const auto& b : rec.bases)
        for (const auto& l : b.layers) (l.pulled ? rec.bytesPulled : rec.bytesReused) += l.size;
    for (auto& e : rec.steps) {
        if (e.outcome == BuildStepOutcome::Cached) rec.bytesReused += e.layerSize;
        else if (e.outcome == BuildStepOutcome::New) rec.bytesWritten += e.layerSize;
        if (e.outcome == BuildStepOutcome::Failed && !rec.failedStep) rec.failedStep = e.step;
        if (!rec.firstMissStep && (e.outcome == BuildStepOutcome::New || e.outcome == BuildStepOutcome::Failed))
            rec.firstMissStep = e.step;
    }

    std::vector<std::string> keys = tags.empty() ? std::vector<std::string>{""} : tags;
    for (const auto& tag : keys) {
        BuildRecord r = rec;
        r.tag = tag;
        auto& hist = s.state.buildHistory[tag];
        const BuildRecord* prev = previousOf(hist);
        r.number = hist.empty() ? 1 : hist.back().number + 1;
        r.previousNumber = prev ? prev->number : 0;
        for (size_t i = 0; i < r.steps.size(); ++i) {
            BuildRecordStep& e = r.steps[i];
            if (prev) e.previousIndex = alignedIndex(*prev, r.steps, i);
            if (e.previousIndex >= 0) {
                const BuildRecordStep& p = prev->steps[e.previousIndex];
                e.previousLayerDiffId = p.layerDiffId;
                if (e.outcome != BuildStepOutcome::Config) compare(s.state, p, e, &s.hashes);
                if (e.outcome == BuildStepOutcome::New) e.outcome = BuildStepOutcome::Rebuilt;
            }
            if (e.outcome == BuildStepOutcome::Cached || e.outcome == BuildStepOutcome::Config) continue;
            // A first build (NEW) has nothing to compare with: no step "changed".
            const bool first =
                e.outcome == BuildStepOutcome::New || (e.outcome == BuildStepOutcome::Failed && e.previousIndex < 0);
            if (r.noCache) e.cause = MissCause::NoCache;
            else if (first) e.cause = MissCause::NotInCache;
            else if (parent[i] >= 0 && r.steps[parent[i]].outcome != BuildStepOutcome::Cached) {
                e.cause = MissCause::Cascade;
                e.causeStep = r.steps[rootCause(r.steps, parent, static_cast<int>(i))].step;
            } else e.cause = MissCause::Own;
        }
        hist.push_back(std::move(r));
        if (hist.size() > kBuildsKeptPerTag) hist.erase(hist.begin(), hist.end() - kBuildsKeptPerTag);
    }
}

}   // namespace layerlab::engine::bk
