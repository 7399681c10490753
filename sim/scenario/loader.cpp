#include "sim/json_parse.hpp"
#include "sim/scenario/loader.hpp"

#include <algorithm>
#include <fstream>
#include <optional>
#include <set>
#include <sstream>

#include "sim/scenario/json_schema.hpp"
#include "sim/scenario/schema.hpp"
#include "sim/scenario/state_json.hpp"
#include "sim/limits.hpp"

namespace layerlab::scenario {

using nlohmann::json;

std::string goalKindName(GoalKind kind) {
    switch (kind) {
        case GoalKind::ImageTagged:
            return "imageTagged";
        case GoalKind::ImageAbsent:
            return "imageAbsent";
        case GoalKind::ImageConfig:
            return "imageConfig";
        case GoalKind::LayerDelta:
            return "layerDelta";
        case GoalKind::DanglingImages:
            return "danglingImages";
        case GoalKind::ContainersFromImage:
            return "containersFromImage";
        case GoalKind::ContainerPublishes:
            return "containerPublishes";
        case GoalKind::ContainerState:
            return "containerState";
        case GoalKind::ContainerAbsent:
            return "containerAbsent";
        case GoalKind::ContainerCount:
            return "containerCount";
        case GoalKind::ContainerAutoRemove:
            return "containerAutoRemove";
        case GoalKind::ContainerLogsContain:
            return "containerLogsContain";
        case GoalKind::LastBuildStep:
            return "lastBuildStep";
        case GoalKind::CacheKeepsStep:
            return "cacheKeepsStep";
        case GoalKind::FileContains:
            return "fileContains";
        case GoalKind::FileLacks:
            return "fileLacks";
        case GoalKind::ContainerLogsRead:
            return "containerLogsRead";
        case GoalKind::FileDiffersFromImage:
            return "fileDiffersFromImage";
        case GoalKind::HubPushed:
            return "hubPushed";
    }
    return "imageTagged";
}

std::vector<std::string> splitWords(std::string_view line) {
    std::vector<std::string> words;
    std::string cur;
    for (char c : line) {
        if (c == '\n') break;
        if (c == ' ' || c == '\t') {
            if (!cur.empty()) words.push_back(std::move(cur));
            cur.clear();
        } else {
            cur += c;
        }
    }
    if (!cur.empty()) words.push_back(std::move(cur));
    return words;
}

std::optional<std::string> disabledBy(std::string_view line, const std::vector<std::string>& disabled) {
    auto words = splitWords(line);
    for (const auto& entry : disabled) {
        auto want = splitWords(entry);
        if (want.empty() || want.size() > words.size()) continue;
        if (std::equal(want.begin(), want.end(), words.begin())) return entry;
    }
    return std::nullopt;
}

namespace {

// The schema has already checked every shape below: these readers only map.
LocalizedText text(const json& j) { return {j.at("en").get<std::string>(), j.at("ko").get<std::string>()}; }

LocalizedText optText(const json& j, const char* key) { return j.contains(key) ? text(j.at(key)) : LocalizedText{}; }

std::string joinLines(const json& j) {
    if (j.is_string()) return j.get<std::string>();
    std::string out;
    for (const auto& line : j) out += line.get<std::string>() + "\n";
    return out;
}

std::optional<int> optInt(const json& j, const char* key) {
    if (!j.contains(key)) return std::nullopt;
    return j.at(key).get<int>();
}

std::string optStr(const json& j, const char* key) {
    return j.contains(key) ? j.at(key).get<std::string>() : std::string();
}

std::optional<GoalKind> goalKindFromName(const std::string& name) {
    for (int k = 0; k <= static_cast<int>(GoalKind::HubPushed); ++k)
        if (goalKindName(static_cast<GoalKind>(k)) == name) return static_cast<GoalKind>(k);
    return std::nullopt;
}

Goal readGoal(const json& j) {
    Goal g;
    g.kind = *goalKindFromName(j.at("kind").get<std::string>());
    g.describe = optText(j, "describe");
    g.tag = optStr(j, "tag");
    g.base = optStr(j, "base");
    g.image = optStr(j, "image");
    g.name = optStr(j, "name");
    g.path = optStr(j, "path");
    g.text = optStr(j, "text");
    g.instruction = optStr(j, "instruction");
    g.edit = optStr(j, "edit");
    g.dockerfile = optStr(j, "dockerfile");
    g.curlText = optStr(j, "curlText");
    g.reasonContains = optStr(j, "reasonContains");
    g.status = optStr(j, "status");
    g.outcome = optStr(j, "outcome");
    g.sameAs = optStr(j, "sameAs");
    g.runMode = optStr(j, "runMode");
    g.copies = optStr(j, "copies");
    g.imagePath = optStr(j, "imagePath");
    if (j.contains("workingDir")) g.workingDir = j.at("workingDir").get<std::string>();
    if (j.contains("cmd")) g.cmd = j.at("cmd").get<std::vector<std::string>>();
    if (j.contains("exposedPorts")) g.exposedPorts = j.at("exposedPorts").get<std::vector<std::string>>();
    g.min = optInt(j, "min");
    g.max = optInt(j, "max");
    g.step = optInt(j, "step");
    g.delta = optInt(j, "delta");
    g.hostPort = optInt(j, "hostPort");
    g.containerPort = optInt(j, "containerPort");
    return g;
}

Step readStep(const json& j, const std::string& pointer) {
    Step s;
    s.pointer = pointer;
    if (j.contains("command")) {
        s.kind = Step::Kind::Command;
        s.command = j.at("command").get<std::string>();
        if (j.contains("expect")) {
            const json& e = j.at("expect");
            s.expectExitCode = optInt(e, "exitCode");
            s.expectContains = optStr(e, "contains");
        }
    } else if (j.contains("say")) {
        s.kind = Step::Kind::Say;
        s.say = text(j.at("say"));
    } else if (j.contains("write")) {
        s.kind = Step::Kind::Write;
        const json& w = j.at("write");
        s.path = w.at("path").get<std::string>();
        s.content = joinLines(w.at("content"));
        if (w.contains("mode")) s.mode = *modeFromText(w.at("mode").get<std::string>());
    } else if (j.contains("predict")) {
        s.kind = Step::Kind::Predict;
        s.answer = j.at("predict").at("answer").get<std::vector<int>>();
    } else {
        s.kind = Step::Kind::Check;
        for (const auto& g : j.at("check")) s.check.push_back(readGoal(g));
    }
    return s;
}

std::vector<Step> readSteps(const json& doc, const char* key) {
    std::vector<Step> steps;
    if (!doc.contains(key)) return steps;
    const json& arr = doc.at(key);
    for (size_t i = 0; i < arr.size(); ++i) steps.push_back(readStep(arr[i], appendPointer(std::string("/") + key, i)));
    return steps;
}

FileSpec readFile(const json& j) {
    FileSpec f;
    if (!j.is_object()) {
        f.content = joinLines(j);
        return f;
    }
    if (j.contains("base64")) f.content = base64Decode(j.at("base64").get<std::string>()).value_or("");
    else f.content = joinLines(j.at("content"));
    if (j.contains("mode")) f.mode = *modeFromText(j.at("mode").get<std::string>());
    return f;
}

// What the schema cannot express. Returns errors; fills the parts that need work.
std::vector<std::string> checkSemantics(const json& doc, Scenario& sc) {
    std::vector<std::string> errors;
    if (doc.contains("start")) {
        const json& start = doc.at("start");
        if (start.contains("files")) {
            for (const auto& [path, f] : start.at("files").items()) {
                if (f.is_object() && f.contains("base64") && !base64Decode(f.at("base64").get<std::string>()))
                    errors.push_back(appendPointer(appendPointer("/start/files", path), "base64") + ": invalid base64");
            }
        }
        if (start.contains("state")) {
            auto imported = stateFromJson(start.at("state"), "/start/state");
            errors.insert(errors.end(), imported.errors.begin(), imported.errors.end());
            sc.start.state = std::move(imported.state);
        }
    }
    if (doc.contains("finalState")) {
        auto imported = stateFromJson(doc.at("finalState"), "/finalState");
        errors.insert(errors.end(), imported.errors.begin(), imported.errors.end());
        sc.finalState = std::move(imported.state);
    }
    for (const Step& s : sc.solution) {
        if (s.kind != Step::Kind::Command) continue;
        if (auto d = disabledBy(s.command, sc.disabledCommands))
            errors.push_back(s.pointer + "/command: uses `" + *d + "`, which this lesson disables");
    }
    for (size_t i = 0; i < sc.predictions.size(); ++i)
        for (size_t k = 0; k < i; ++k)
            if (sc.predictions[i].atBuild == sc.predictions[k].atBuild)
                errors.push_back("/predictions/" + std::to_string(i) + "/atBuild: build " +
                                 std::to_string(sc.predictions[i].atBuild) +
                                 " already has a prediction (/predictions/" + std::to_string(k) + ")");
    return errors;
}

}   // namespace

LoadResult scenarioFromJson(const json& doc) {
    LoadResult result;
    if (doc.is_object() && doc.contains("version") && doc["version"].is_number_integer() &&
        doc["version"].get<long long>() > kFormatVersion) {
        result.errors.push_back("/version: format version " + std::to_string(doc["version"].get<long long>()) +
                                " is newer than this LayerLab supports (" + std::to_string(kFormatVersion) + ")");
        return result;
    }
    for (const auto& e : scenarioValidator().validate(doc)) result.errors.push_back(e.text());
    if (!result.errors.empty()) return result;

    Scenario sc;
    sc.version = doc.at("version").get<int>();
    sc.lesson = doc.value("kind", std::string("scenario")) == "lesson";
    sc.id = doc.at("id").get<std::string>();
    sc.title = optText(doc, "title");
    sc.summary = optText(doc, "summary");
    sc.objective = optText(doc, "objective");
    if (doc.contains("seed")) sc.seed = doc.at("seed").get<uint64_t>();
    sc.lang = optStr(doc, "lang");
    if (doc.contains("start")) {
        const json& start = doc.at("start");
        if (optStr(start, "context") == "empty") sc.start.context = StartSpec::Context::Empty;
        if (start.contains("files"))
            for (const auto& [path, f] : start.at("files").items()) sc.start.files[path] = readFile(f);
        if (start.contains("remove")) sc.start.remove = start.at("remove").get<std::vector<std::string>>();
        if (start.contains("setup")) sc.start.setup = start.at("setup").get<std::vector<std::string>>();
    }
    if (doc.contains("cards"))
        for (const auto& c : doc.at("cards")) sc.cards.push_back({optText(c, "title"), text(c.at("text"))});
    sc.steps = readSteps(doc, "steps");
    if (doc.contains("goals"))
        for (const auto& g : doc.at("goals")) sc.goals.push_back(readGoal(g));
    if (doc.contains("hints"))
        for (const auto& h : doc.at("hints")) sc.hints.push_back(text(h));
    sc.solution = readSteps(doc, "solution");
    if (doc.contains("disabledCommands"))
        sc.disabledCommands = doc.at("disabledCommands").get<std::vector<std::string>>();
    if (doc.contains("predictions"))
        for (const auto& p : doc.at("predictions")) {
            Prediction pr;
            pr.atBuild = p.contains("atBuild") ? p.at("atBuild").get<int>() : 1;
            if (p.contains("when"))
                for (const auto& g : p.at("when")) pr.when.push_back(readGoal(g));
            pr.question = text(p.at("question"));
            pr.explain = text(p.at("explain"));
            sc.predictions.push_back(std::move(pr));
        }

    result.errors = checkSemantics(doc, sc);
    if (result.errors.empty()) result.scenario = std::move(sc);
    return result;
}

namespace {

// How deep the JSON nests, counted on the bytes (brackets outside strings),
// so that a file of 100,000 '[' is refused before anything recurses on it.
std::size_t jsonDepth(std::string_view text) {
    std::size_t depth = 0, deepest = 0;
    bool inString = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (inString) {
            if (c == '\\') ++i;
            else if (c == '"') inString = false;
        } else if (c == '"') {
            inString = true;
        } else if (c == '[' || c == '{') {
            deepest = std::max(deepest, ++depth);
        } else if ((c == ']' || c == '}') && depth > 0) {
            --depth;
        }
    }
    return deepest;
}

// nlohmann keeps the last of two equal keys without a word; a file with a key
// twice is refused, with the JSON pointer of the second one.
class DuplicateKeys : public json::json_sax_t {
public:
    std::optional<std::string> found;

    bool null() override { return value(); }
    bool boolean(bool) override { return value(); }
    bool number_integer(number_integer_t) override { return value(); }
    bool number_unsigned(number_unsigned_t) override { return value(); }
    bool number_float(number_float_t, const string_t&) override { return value(); }
    bool string(string_t&) override { return value(); }
    bool binary(binary_t&) override { return value(); }
    bool start_object(std::size_t) override { return open(true); }
    bool start_array(std::size_t) override { return open(false); }
    bool end_object() override { return close(); }
    bool end_array() override { return close(); }
    bool key(string_t& k) override {
        Level& top = m_stack.back();
        if (!top.keys.insert(k).second) {
            found = top.pointer + "/" + escape(k);
            return false;
        }
        m_key = k;
        return true;
    }
    bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) override { return false; }

private:
    struct Level {
        bool object = false;
        std::set<std::string> keys;
        std::size_t index = 0;
        std::string pointer;
    };
    static std::string escape(const std::string& k) {
        std::string out;
        for (char c : k) out += c == '~' ? "~0" : c == '/' ? "~1" : std::string(1, c);
        return out;
    }
    // The pointer of the value that starts now.
    std::string here() {
        if (m_stack.empty()) return "";
        Level& top = m_stack.back();
        return top.pointer + "/" + (top.object ? escape(m_key) : std::to_string(top.index++));
    }
    bool value() {
        (void)here();
        return true;
    }
    bool open(bool object) {
        Level level;
        level.object = object;
        level.pointer = here();
        m_stack.push_back(std::move(level));
        return true;
    }
    bool close() {
        m_stack.pop_back();
        return true;
    }
    std::vector<Level> m_stack;
    std::string m_key;
};

}   // namespace

LoadResult parseScenario(std::string_view text) {
    if (text.size() > limits::kScenarioFileBytes) {
        LoadResult result;
        result.errors.push_back(limits::reached("en", "a scenario file of " + std::to_string(text.size()) + " bytes",
                                                limits::sizeText(limits::kScenarioFileBytes)));
        return result;
    }
    if (jsonDepth(text) > limits::kScenarioJsonDepth) {
        LoadResult result;
        result.errors.push_back(limits::reached(
            "en", "JSON nested more than " + std::to_string(limits::kScenarioJsonDepth) + " levels deep",
            std::to_string(limits::kScenarioJsonDepth) + " levels"));
        return result;
    }
    {
        DuplicateKeys sax;
        json::sax_parse(text.begin(), text.end(), &sax, json::input_format_t::json, false);
        if (sax.found) {
            LoadResult result;
            result.errors.push_back(*sax.found + ": duplicate key (a key may appear once in an object)");
            return result;
        }
    }
    JsonParseError e;
    std::optional<json> doc = parseJson(text, e);
    if (!doc) {
        // parse_error for bad syntax; out_of_range for a number no double holds (1e400).
        // "[json.exception.parse_error.101] parse error at line 3, column 5: ..." -> from "parse error".
        const std::string& what = e.what;
        auto pos = what.find("parse error");
        LoadResult result;
        if (pos == std::string::npos && what.find("] ") != std::string::npos) pos = what.find("] ") + 2;
        result.errors.push_back("invalid JSON: " + (pos == std::string::npos ? what : what.substr(pos)));
        return result;
    }
    return scenarioFromJson(*doc);
}

LoadResult loadScenarioFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        LoadResult result;
        result.errors.push_back("cannot read " + path);
        return result;
    }
    std::ostringstream buf;
    buf << in.rdbuf();
    LoadResult result = parseScenario(buf.str());
    if (result.scenario) result.scenario->sourcePath = path;
    return result;
}

}   // namespace layerlab::scenario
