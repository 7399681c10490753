#include "render/strings.hpp"

#include <fstream>
#include <nlohmann/json.hpp>

namespace layerlab::render {
namespace {

// Nested objects and flat dotted keys both end up as "a.b.c" -> text, so a
// helper adding a block of nested keys and one adding flat keys agree.
void flatten(const nlohmann::json& node, const std::string& prefix, std::map<std::string, std::string>& out) {
    if (node.is_string()) {
        out[prefix] = node.get<std::string>();
        return;
    }
    if (!node.is_object()) return;
    for (auto it = node.begin(); it != node.end(); ++it)
        flatten(it.value(), prefix.empty() ? it.key() : prefix + "." + it.key(), out);
}

}   // namespace

bool StringTable::load(const std::string& dir, std::string* error) {
    m_tables.clear();
    bool ok = true;
    for (const char* lang : {"en", "ko"}) {
        std::string path = dir + "/" + lang + ".json";
        std::ifstream in(path);
        if (!in) {
            if (error) *error = "cannot read " + path;
            ok = false;
            continue;
        }
        nlohmann::json doc = nlohmann::json::parse(in, nullptr, /*allow_exceptions=*/false);
        if (doc.is_discarded() || !doc.is_object()) {
            if (error) *error = path + ": not a JSON object";
            ok = false;
            continue;
        }
        flatten(doc, "", m_tables[lang]);
    }
    return ok;
}

const char* StringTable::tr(const char* key) const { return trIn(m_lang, key); }

const char* StringTable::trIn(const std::string& wanted, const char* key) const {
    for (const std::string& lang : {wanted, std::string("en")}) {
        auto table = m_tables.find(lang);
        if (table == m_tables.end()) continue;
        auto it = table->second.find(key);
        if (it != table->second.end()) return it->second.c_str();
    }
    return key;
}

std::string StringTable::format(const char* key, std::initializer_list<std::string> args) const {
    return formatPattern(tr(key), args);
}

void StringTable::forEachText(const std::function<void(const std::string&)>& fn) const {
    for (const auto& [lang, table] : m_tables)
        for (const auto& [key, text] : table) fn(text);
}

std::string formatPattern(const std::string& pattern, std::initializer_list<std::string> args) {
    std::string out;
    out.reserve(pattern.size());
    for (size_t i = 0; i < pattern.size(); ++i) {
        if (pattern[i] == '{' && i + 2 < pattern.size() && pattern[i + 2] == '}' && pattern[i + 1] >= '0' &&
            pattern[i + 1] <= '9') {
            size_t index = static_cast<size_t>(pattern[i + 1] - '0');
            if (index < args.size()) {
                out += *(args.begin() + index);
                i += 2;
                continue;
            }
        }
        out += pattern[i];
    }
    return out;
}

}   // namespace layerlab::render
