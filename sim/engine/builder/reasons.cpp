// Why a step ran: the first thing that differs between this step and what
// the build cache held in its place, in English and Korean.
//
// "In its place" is the most recently used record that followed the same
// parent key (the same previous step): the cache had a result there, and this
// step's key differs from it. So the answer names the real cause: a file the
// COPY takes changed (with both checksums), the command text, an ENV or a
// build argument the RUN sees, the working directory or user. With no record
// after the same parent, the previous step ran again ("parent layer was
// rebuilt"), or the step was never built ("not in the build cache yet").
#include <cstdio>
#include <map>
#include <tuple>

#include "sim/engine/builder/internal.hpp"
#include "sim/engine/builder/tree_names.hpp"
#include "sim/fs/file_checksum.hpp"

namespace layerlab::engine::bk {
namespace {

std::string shortSum(const std::string& digest) {
    return digest.size() > 19 ? digest.substr(0, 19) + "\u2026" : digest;
}

std::string octal(uint32_t mode) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%o", mode);
    return buf;
}

// inputs "env:A=1" -> {"env:A" -> "1"}, keeping the order of first appearance.
std::vector<std::pair<std::string, std::string>> split(const std::vector<std::string>& inputs) {
    std::vector<std::pair<std::string, std::string>> out;
    for (const auto& in : inputs) {
        auto colon = in.find(':');
        std::string kind = in.substr(0, colon);
        std::string rest = colon == std::string::npos ? "" : in.substr(colon + 1);
        if (kind == "env" || kind == "arg") {
            auto eq = rest.find('=');
            out.push_back({kind + ":" + rest.substr(0, eq), eq == std::string::npos ? "" : rest.substr(eq + 1)});
        } else {
            out.push_back({kind, rest});
        }
    }
    return out;
}

std::optional<Reason> inputDifference(const std::vector<std::string>& before, const std::vector<std::string>& now) {
    auto a = split(before), b = split(now);
    std::map<std::string, std::string> am(a.begin(), a.end()), bm(b.begin(), b.end());
    auto nameOf = [](const std::string& key) { return key.substr(key.find(':') + 1); };
    // Added or changed, in the order the step sees them; then removed.
    for (const auto& [k, v] : b) {
        auto it = am.find(k);
        bool isArg = k.rfind("arg:", 0) == 0, isEnv = k.rfind("env:", 0) == 0;
        std::string other = isArg ? "env:" + nameOf(k) : isEnv ? "arg:" + nameOf(k) : "";
        if (it != am.end() && it->second == v) continue;
        if (isArg) return Reason{"build argument " + nameOf(k) + " changed", "빌드 인자 " + nameOf(k) + " 값이 바뀜"};
        if (isEnv) {
            if (it == am.end() && !am.count(other))
                return Reason{"ENV " + nameOf(k) + "=" + v + " added before this step",
                              "이 단계 앞에 ENV " + nameOf(k) + "=" + v + " 추가됨"};
            std::string old = it != am.end() ? it->second : am[other];
            return Reason{"ENV " + nameOf(k) + " changed (" + old + " \u2192 " + v + ")",
                          "ENV " + nameOf(k) + " 값이 바뀜 (" + old + " \u2192 " + v + ")"};
        }
        std::string old = it == am.end() ? "" : it->second;
        if (k == "workdir")
            return Reason{"working directory changed (" + old + " \u2192 " + v + ")",
                          "작업 디렉터리가 바뀜 (" + old + " \u2192 " + v + ")"};
        if (k == "user") {
            std::string o = old.empty() ? "root" : old, n = v.empty() ? "root" : v;
            return Reason{"USER changed (" + o + " \u2192 " + n + ")", "USER가 바뀜 (" + o + " \u2192 " + n + ")"};
        }
        std::string what = k;
        for (auto& ch : what) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
        return Reason{"image config changed: " + what, "이미지 설정이 바뀜: " + what};
    }
    for (const auto& [k, v] : a) {
        if (bm.count(k)) continue;
        bool isArg = k.rfind("arg:", 0) == 0, isEnv = k.rfind("env:", 0) == 0;
        if (isArg) return Reason{"build argument " + nameOf(k) + " changed", "빌드 인자 " + nameOf(k) + " 값이 바뀜"};
        if (isEnv)
            return Reason{"ENV " + nameOf(k) + " removed before this step",
                          "이 단계 앞의 ENV " + nameOf(k) + " 삭제됨"};
    }
    return std::nullopt;
}

struct FileDiff {
    std::string path;
    const fs::FileEntry* before = nullptr;
    const fs::FileEntry* after = nullptr;
};

// The first path (in tree order) whose entry differs; identical subtrees are
// skipped by their memoized checksums.
bool firstDifference(const fs::FileTree& a, const fs::FileTree& b, const std::string& dir, FileDiff& out) {
    for (const auto& n : namesInEither(a, b, dir)) {
        std::string p = dir.empty() ? n : dir + "/" + n;
        const fs::FileEntry* ea = a.find(p);
        const fs::FileEntry* eb = b.find(p);
        if (!ea || !eb) {
            out = {p, ea, eb};
            return true;
        }
        if (fs::pathChecksum(a, p) == fs::pathChecksum(b, p)) continue;
        if (ea->isDir() && eb->isDir()) {
            if (firstDifference(a, b, p, out)) return true;
        }
        out = {p, ea, eb};
        return true;
    }
    return false;
}

Reason fileReason(const FileDiff& d, const std::string& destDir) {
    std::string p = d.path;
    if (!destDir.empty() && p.rfind(destDir + "/", 0) == 0) p = p.substr(destDir.size() + 1);
    if (!d.before) return {"new file " + p + " added", "새 파일 " + p + " 추가됨"};
    if (!d.after) return {p + " removed", p + " 삭제됨"};
    if (d.before->mode != d.after->mode && fs::fileChecksum(*d.before) != fs::fileChecksum(*d.after) &&
        d.before->kind == d.after->kind &&
        (!d.before->content || !d.after->content || *d.before->content == *d.after->content))
        return {p + " permissions changed (" + octal(d.before->mode) + " \u2192 " + octal(d.after->mode) + ")",
                p + " 권한이 바뀜 (" + octal(d.before->mode) + " \u2192 " + octal(d.after->mode) + ")"};
    if ((d.before->uid != d.after->uid || d.before->gid != d.after->gid) && d.before->mode == d.after->mode &&
        d.before->content && d.after->content && *d.before->content == *d.after->content) {
        std::string o = std::to_string(d.before->uid) + ":" + std::to_string(d.before->gid);
        std::string n = std::to_string(d.after->uid) + ":" + std::to_string(d.after->gid);
        return {p + " owner changed (" + o + " \u2192 " + n + ")", p + " 소유자가 바뀜 (" + o + " \u2192 " + n + ")"};
    }
    std::string a = shortSum(fs::fileChecksum(*d.before)), b = shortSum(fs::fileChecksum(*d.after));
    return {p + " changed (" + a + " \u2192 " + b + ")", p + " 파일이 바뀜 (" + a + " \u2192 " + b + ")"};
}

std::string inputValue(const CacheRecord& r, const std::string& kind) {
    for (const auto& in : r.inputs)
        if (in.rfind(kind + ":", 0) == 0) return in.substr(kind.size() + 1);
    return "";
}

// "Step 4/7 : RUN x" / "[4/5] RUN x" -> "RUN x".
std::string instructionOf(const CacheRecord& r) {
    const std::string& d = r.description;
    if (d.rfind("Step ", 0) == 0 && d.find(" : ") != std::string::npos) return d.substr(d.find(" : ") + 3);
    if (!d.empty() && d[0] == '[' && d.find("] ") != std::string::npos) return d.substr(d.find("] ") + 2);
    return d.empty() ? r.command : d;
}

}   // namespace

Reason noCacheReason() { return {"--no-cache", "--no-cache (캐시를 쓰지 않음)"}; }

Reason missReason(const Session& s, const CacheRecord& cand, bool parentRan, const Layer* newLayer) {
    const bool legacy = cand.legacy;
    // Candidates: records from earlier builds (a record this build wrote or
    // used belongs to another branch of this build, e.g. another stage) that
    // followed the same parent. The same instruction is preferred, then the
    // most recently used.
    const CacheRecord* sib = nullptr;
    bool seenElsewhere = false;
    auto rank = [&](const CacheRecord& r) {
        return std::make_tuple(r.op == cand.op && r.command == cand.command, r.lastUsedMs, r.key);
    };
    for (const auto& [key, r] : s.state.buildCache) {
        if (r.legacy != legacy) continue;
        // The same kind of instruction was built before: then a new parent,
        // not novelty, is why this one runs.
        if (r.op == cand.op && r.createdMs <= s.buildStartMs) seenElsewhere = true;
        bool sibling =
            cand.op == "FROM" ? (r.op == "FROM" && r.command == cand.command) : r.parentKey == cand.parentKey;
        if (!sibling || key == cand.key || r.lastUsedMs > s.buildStartMs) continue;
        if (!sib || rank(r) > rank(*sib)) sib = &r;
    }
    if (cand.op == "FROM") {
        if (sib) {
            std::string a = shortSum(inputValue(*sib, "image")), b = shortSum(inputValue(cand, "image"));
            return {"base image " + cand.command + " changed (" + a + " \u2192 " + b + ")",
                    "베이스 이미지가 바뀜: " + cand.command + " (" + a + " \u2192 " + b + ")"};
        }
        return {"not in the build cache yet", "아직 빌드 캐시에 없음"};
    }
    if (!sib) {
        if (parentRan && seenElsewhere) return {"parent layer was rebuilt", "이전 레이어가 다시 빌드됨"};
        return {"not in the build cache yet", "아직 빌드 캐시에 없음"};
    }
    if (sib->op != cand.op)
        return {"a different instruction was cached here (" + instructionOf(*sib) + ")",
                "캐시에는 이 자리에 다른 명령어가 있었음 (" + instructionOf(*sib) + ")"};
    if (sib->command != cand.command) return {"command text changed", "명령어 텍스트가 바뀜"};
    if (auto r = inputDifference(sib->inputs, cand.inputs)) return *r;
    if (newLayer && !sib->layer.empty()) {
        auto it = s.state.layers.find(sib->layer);
        FileDiff d;
        if (it != s.state.layers.end() && firstDifference(it->second.changes, newLayer->changes, "", d))
            return fileReason(d, inputValue(cand, "dest"));
    }
    return {"step options changed", "단계 옵션이 바뀜"};
}

}   // namespace layerlab::engine::bk
