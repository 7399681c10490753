#include "sim/scenario/build_record_json.hpp"

#include "sim/engine/builder/build_totals.hpp"
#include "sim/engine/builder/key_input_labels.hpp"
#include "sim/scenario/json_reader.hpp"

namespace layerlab::scenario {

using nlohmann::json;
using namespace layerlab::engine;
using detail::eachItem;
using detail::eachMember;
using detail::eachObject;
using detail::JsonReader;

namespace {

json inputsToJson(const KeyInputs& k) {
    return {{"op", k.op},
            {"command", k.command},
            {"parentKey", k.parentKey},
            {"parentStep", k.parentStep},
            {"destination", k.destination},
            {"buildArgs", k.buildArgs},
            {"env", k.env},
            {"workdir", k.workdir},
            {"user", k.user},
            {"config", k.config},
            {"baseImage", k.baseImage},
            {"baseImageId", k.baseImageId},
            {"platform", k.platform}};
}

json stepToJson(const BuildRecordStep& s) {
    json changes = json::array();
    for (const auto& c : s.changes)
        changes.push_back(
            {{"kind", changeKindName(c.kind)}, {"name", c.name}, {"before", c.before}, {"after", c.after}});
    return {{"stage", s.stage},
            {"stageName", s.stageName},
            {"step", s.step},
            {"stepTotal", s.stepTotal},
            {"instruction", s.instruction},
            {"keyword", s.keyword},
            {"sourceLine", s.sourceLine},
            {"sourceEndLine", s.sourceEndLine},
            {"outcome", outcomeName(s.outcome)},
            {"error", s.error},
            {"reason", s.reason},
            {"reasonKo", s.reasonKo},
            {"configOnly", s.configOnly},
            {"layerDiffId", s.layerDiffId},
            {"layerSize", s.layerSize},
            {"durationMs", s.durationMs},
            {"recordedMs", s.recordedMs},
            {"startMs", s.startMs},
            {"endMs", s.endMs},
            {"cacheKey", s.cacheKey},
            {"inputs", inputsToJson(s.inputs)},
            {"previousIndex", s.previousIndex},
            {"previousLayerDiffId", s.previousLayerDiffId},
            {"changes", changes},
            {"changesOmitted", s.changesOmitted},
            {"cause", causeName(s.cause)},
            {"causeStep", s.causeStep}};
}

json baseToJson(const BaseImageRecord& b) {
    json layers = json::array();
    for (const auto& l : b.layers)
        layers.push_back({{"diffId", l.diffId}, {"size", l.size}, {"createdBy", l.createdBy}, {"pulled", l.pulled}});
    return {{"stage", b.stage},   {"ref", b.ref},     {"imageId", b.imageId},    {"platform", b.platform},
            {"pulled", b.pulled}, {"layers", layers}, {"totalSize", b.totalSize}};
}

template <class E>
void enumField(JsonReader& in, const char* key, E& out, bool (*parse)(const std::string&, E&)) {
    std::string name;
    if (!in.get(key)) return;
    in.str(key, name);
    if (in.get(key)->is_string() && !parse(name, out)) in.fail(in.at(key), "unknown value \"" + name + "\"");
}

// The readers below and state_json_import.cpp's share JsonReader and eachObject;
// what looks alike between them is one field list per record type (BuildRecordStep
// and LastBuild's steps have fields of the same names), not a second reader.
KeyInputs readInputs(const json& j, const std::string& ptr, std::vector<std::string>& errors) {
    KeyInputs k;
    JsonReader in(j, ptr, errors);
    if (!in.isObject()) return k;
    in.str("op", k.op);
    in.str("command", k.command);
    in.str("parentKey", k.parentKey);
    in.integer("parentStep", k.parentStep);
    in.str("destination", k.destination);
    in.strings("buildArgs", k.buildArgs);
    in.strings("env", k.env);
    in.str("workdir", k.workdir);
    in.str("user", k.user);
    in.strings("config", k.config);
    in.str("baseImage", k.baseImage);
    in.str("baseImageId", k.baseImageId);
    in.str("platform", k.platform);
    return k;
}

BuildRecordStep readStep(const json& j, const std::string& ptr, std::vector<std::string>& errors) {
    BuildRecordStep s;
    JsonReader in(j, ptr, errors);
    if (!in.isObject()) return s;
    in.integer("stage", s.stage);
    in.str("stageName", s.stageName);
    in.integer("step", s.step);
    in.integer("stepTotal", s.stepTotal);
    in.str("instruction", s.instruction);
    in.str("keyword", s.keyword);
    in.integer("sourceLine", s.sourceLine);
    in.integer("sourceEndLine", s.sourceEndLine);
    enumField(in, "outcome", s.outcome, &outcomeFromName);
    in.str("error", s.error);
    in.str("reason", s.reason);
    in.str("reasonKo", s.reasonKo);
    in.boolean("configOnly", s.configOnly);
    in.str("layerDiffId", s.layerDiffId);
    in.integer("layerSize", s.layerSize);
    in.integer("durationMs", s.durationMs);
    in.integer("recordedMs", s.recordedMs);
    in.integer("startMs", s.startMs);
    in.integer("endMs", s.endMs);
    in.str("cacheKey", s.cacheKey);
    if (auto v = in.get("inputs")) s.inputs = readInputs(*v, in.at("inputs"), errors);
    in.integer("previousIndex", s.previousIndex);
    in.str("previousLayerDiffId", s.previousLayerDiffId);
    eachObject(in, "changes", s.changes, [&](JsonReader& cin, InputChange& c) {
        enumField(cin, "kind", c.kind, &changeKindFromName);
        cin.str("name", c.name);
        cin.str("before", c.before);
        cin.str("after", c.after);
    });
    in.integer("changesOmitted", s.changesOmitted);
    enumField(in, "cause", s.cause, &causeFromName);
    in.integer("causeStep", s.causeStep);
    return s;
}

BaseImageRecord readBase(const json& j, const std::string& ptr, std::vector<std::string>& errors) {
    BaseImageRecord b;
    JsonReader in(j, ptr, errors);
    if (!in.isObject()) return b;
    in.integer("stage", b.stage);
    in.str("ref", b.ref);
    in.str("imageId", b.imageId);
    in.str("platform", b.platform);
    in.boolean("pulled", b.pulled);
    eachObject(in, "layers", b.layers, [&](JsonReader& lin, BaseLayerRecord& l) {
        lin.str("diffId", l.diffId);
        lin.integer("size", l.size);
        lin.str("createdBy", l.createdBy);
        lin.boolean("pulled", l.pulled);
    });
    in.integer("totalSize", b.totalSize);
    return b;
}

}   // namespace

json buildRecordToJson(const BuildRecord& r) {
    json bases = json::array();
    for (const auto& b : r.bases) bases.push_back(baseToJson(b));
    json steps = json::array();
    for (const auto& s : r.steps) steps.push_back(stepToJson(s));
    return {{"number", r.number},
            {"tag", r.tag},
            {"tags", r.tags},
            {"ok", r.ok},
            {"legacy", r.legacy},
            {"noCache", r.noCache},
            {"imageId", r.imageId},
            {"startedMs", r.startedMs},
            {"finishedMs", r.finishedMs},
            {"totalMs", r.totalMs},
            {"savedMs", r.savedMs},
            {"bytesReused", r.bytesReused},
            {"bytesWritten", r.bytesWritten},
            {"bytesPulled", r.bytesPulled},
            {"firstMissStep", r.firstMissStep},
            {"failedStep", r.failedStep},
            {"error", r.error},
            {"previousNumber", r.previousNumber},
            {"bases", bases},
            {"steps", steps}};
}

json buildFactsToJson(const State& state, const BuildRecord& record) {
    json j = buildRecordToJson(record);
    const BuildTotals t = buildTotals(record);
    j["totals"] = {{"buildMs", t.buildMs},         {"savedMs", t.savedMs},
                   {"baseLocal", t.baseLocal},     {"basePulled", t.basePulled},
                   {"cacheReused", t.cacheReused}, {"written", t.written},
                   {"cached", t.cached},           {"ran", t.ran},
                   {"sameResult", t.sameResult}};
    for (size_t i = 0; i < record.steps.size(); ++i) {
        const BuildRecordStep& step = record.steps[i];
        json& s = j["steps"][i];
        s["verdict"] = {{"en", stepVerdict(step, false)}, {"ko", stepVerdict(step, true)}};
        s["sameResult"] = ranWithSameResult(step);
        json texts = json::array();
        for (const auto& c : step.changes) texts.push_back({{"en", changeText(c, false)}, {"ko", changeText(c, true)}});
        s["changesText"] = texts;
        json rows = json::array();
        auto keyRows = keyInputRows(state, record, i);
        auto kinds = keyInputRowKinds(state, record, i);
        for (size_t k = 0; k < keyRows.size(); ++k) {
            const auto& r = keyRows[k];
            rows.push_back({{"label", r.label},
                            {"labelKo", keyInputLabel(r, kinds[k], true)},
                            {"kind", kinds[k].kind},
                            {"name", kinds[k].name},
                            {"before", r.before},
                            {"now", r.now},
                            {"same", r.same}});
        }
        s["keyInputs"] = rows;
        LayerContents contents = stepLayerContents(state, record, i);
        json files = json::array();
        for (size_t k = 0; k < contents.files.size() && k < kMaxReportedFiles; ++k) {
            const auto& f = contents.files[k];
            const char* kind = f.kind == LayerFileChange::Kind::Added     ? "added"
                               : f.kind == LayerFileChange::Kind::Changed ? "changed"
                                                                          : "removed";
            files.push_back({{"path", f.path},
                             {"kind", kind},
                             {"directory", f.directory},
                             {"size", f.size},
                             {"wasted", f.wastedBytes}});
        }
        s["layer"] = {
            {"known", contents.known},
            {"files", files},
            {"filesOmitted", contents.files.size() > kMaxReportedFiles ? contents.files.size() - kMaxReportedFiles : 0},
            {"added", contents.added},
            {"changed", contents.changed},
            {"removed", contents.removed},
            {"wastedBytes", contents.wastedBytes}};
    }
    return j;
}

json buildHistoryToJson(const std::map<std::string, std::vector<BuildRecord>>& history) {
    json out = json::object();
    for (const auto& [tag, records] : history) {
        json list = json::array();
        for (const auto& r : records) list.push_back(buildRecordToJson(r));
        out[tag] = list;
    }
    return out;
}

BuildRecord buildRecordFromJson(const json& j, const std::string& ptr, std::vector<std::string>& errors) {
    BuildRecord r;
    JsonReader in(j, ptr, errors);
    if (!in.isObject()) return r;
    in.integer("number", r.number);
    in.str("tag", r.tag);
    in.strings("tags", r.tags);
    in.boolean("ok", r.ok);
    in.boolean("legacy", r.legacy);
    in.boolean("noCache", r.noCache);
    in.str("imageId", r.imageId);
    in.integer("startedMs", r.startedMs);
    in.integer("finishedMs", r.finishedMs);
    in.integer("totalMs", r.totalMs);
    in.integer("savedMs", r.savedMs);
    in.integer("bytesReused", r.bytesReused);
    in.integer("bytesWritten", r.bytesWritten);
    in.integer("bytesPulled", r.bytesPulled);
    in.integer("firstMissStep", r.firstMissStep);
    in.integer("failedStep", r.failedStep);
    in.str("error", r.error);
    in.integer("previousNumber", r.previousNumber);
    eachItem(in, "bases", [&](const json& v, const std::string& p) { r.bases.push_back(readBase(v, p, errors)); });
    eachItem(in, "steps", [&](const json& v, const std::string& p) { r.steps.push_back(readStep(v, p, errors)); });
    return r;
}

std::map<std::string, std::vector<BuildRecord>> buildHistoryFromJson(const json& j, const std::string& ptr,
                                                                     std::vector<std::string>& errors) {
    std::map<std::string, std::vector<BuildRecord>> out;
    if (!j.is_object()) {
        errors.push_back((ptr.empty() ? "/" : ptr) + ": expected an object");
        return out;
    }
    for (const auto& [tag, list] : j.items()) {
        std::string p = appendPointer(ptr, tag);
        if (!list.is_array()) {
            errors.push_back(p + ": expected an array");
            continue;
        }
        auto& records = out[tag];
        for (size_t i = 0; i < list.size(); ++i)
            records.push_back(buildRecordFromJson(list[i], appendPointer(p, i), errors));
    }
    return out;
}

}   // namespace layerlab::scenario
