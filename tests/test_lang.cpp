// UI string tables (assets/lang/en.json, ko.json): every key exists in both
// languages, no text is empty, placeholders agree, and every key the window's
// code asks for (tr("..."), format("...")) is in the tables.
#include "layerlab_paths.hpp"
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>
#include <sstream>
#include <string>

namespace {

using Table = std::map<std::string, std::string>;

// Same rule as render/strings.cpp: nested objects and dotted keys both flatten to "a.b.c".
void flatten(const nlohmann::json& node, const std::string& prefix, Table& out, std::vector<std::string>& bad) {
    if (node.is_string()) {
        out[prefix] = node.get<std::string>();
    } else if (node.is_object()) {
        for (auto it = node.begin(); it != node.end(); ++it)
            flatten(it.value(), prefix.empty() ? it.key() : prefix + "." + it.key(), out, bad);
    } else {
        bad.push_back(prefix);
    }
}

Table loadTable(const std::string& lang) {
    const std::string path = std::string(LAYERLAB_SOURCE_DIR) + "/assets/lang/" + lang + ".json";
    std::ifstream in(path);
    REQUIRE_MESSAGE(in.good(), "cannot read " << path);
    nlohmann::json doc = nlohmann::json::parse(in, nullptr, false);
    REQUIRE_MESSAGE(!doc.is_discarded(), path << " is not valid JSON");
    REQUIRE_MESSAGE(doc.is_object(), path << " must be a JSON object");
    Table table;
    std::vector<std::string> bad;
    flatten(doc, "", table, bad);
    for (const auto& key : bad) FAIL_CHECK(path << ": '" << key << "' is neither a string nor an object");
    return table;
}

std::set<std::string> placeholders(const std::string& text) {
    std::set<std::string> found;
    static const std::regex pattern(R"(\{[0-9]\})");
    for (auto it = std::sregex_iterator(text.begin(), text.end(), pattern); it != std::sregex_iterator(); ++it)
        found.insert(it->str());
    return found;
}

// Keys passed as string literals to tr(...) / format(...) / trIn(lang, ...) in render/.
std::set<std::string> keysUsedByWindow() {
    std::set<std::string> keys;
    static const std::regex call(R"((?:\btr|\bformat|\btrIn\([^,()]*,)\s*\(?\s*"(ui\.[A-Za-z0-9_.]+)\")");
    const std::filesystem::path renderDir = std::filesystem::path(LAYERLAB_SOURCE_DIR) / "render";
    std::error_code ec;
    for (const auto& file : std::filesystem::recursive_directory_iterator(renderDir, ec)) {
        const auto ext = file.path().extension();
        if (ext != ".cpp" && ext != ".hpp") continue;
        std::ifstream in(file.path());
        std::stringstream text;
        text << in.rdbuf();
        const std::string source = text.str();
        for (auto it = std::sregex_iterator(source.begin(), source.end(), call); it != std::sregex_iterator(); ++it)
            keys.insert((*it)[1].str());
    }
    return keys;
}

}   // namespace

TEST_CASE("lang: string tables") {
    const Table en = loadTable("en");
    const Table ko = loadTable("ko");
    REQUIRE_FALSE(en.empty());

    SUBCASE("every English key exists in Korean") {
        for (const auto& entry : en) CHECK_MESSAGE(ko.count(entry.first) == 1, "ko.json lacks '" << entry.first << "'");
    }
    SUBCASE("every Korean key exists in English") {
        for (const auto& entry : ko) CHECK_MESSAGE(en.count(entry.first) == 1, "en.json lacks '" << entry.first << "'");
    }
    SUBCASE("no text is empty") {
        for (const auto& entry : en) CHECK_MESSAGE(!entry.second.empty(), "en.json: '" << entry.first << "' is empty");
        for (const auto& entry : ko) CHECK_MESSAGE(!entry.second.empty(), "ko.json: '" << entry.first << "' is empty");
    }
    SUBCASE("placeholders agree") {
        for (const auto& entry : en) {
            // Named, not a structured binding: clang 14 cannot capture bindings in CHECK_MESSAGE's lambda.
            const auto& key = entry.first;
            const auto& text = entry.second;
            auto other = ko.find(key);
            if (other == ko.end()) continue;
            CHECK_MESSAGE(placeholders(text) == placeholders(other->second),
                          "'" << key << "' has different {N} placeholders in en and ko");
        }
    }
    SUBCASE("every key the window asks for exists") {
        const auto used = keysUsedByWindow();
        for (const auto& key : used)
            CHECK_MESSAGE(en.count(key) == 1, "render/ uses '" << key << "', missing in en.json");
        // The lesson list falls back to the eleven concepts of the course notes.
        for (int i = 1; i <= 11; ++i) {
            char key[40];
            std::snprintf(key, sizeof key, "ui.concepts.%02d.title", i);
            CHECK_MESSAGE(en.count(key) == 1, "en.json lacks '" << key << "'");
        }
    }
}
