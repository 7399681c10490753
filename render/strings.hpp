// UI string tables: assets/lang/en.json and ko.json, flattened to dotted keys
// ("ui.panel.layers"). Both languages stay loaded so switching is instant.
// A key missing in the current language falls back to English, then to the
// key itself, so a gap shows up on screen instead of crashing;
// tests/test_lang.cpp keeps the two tables in step.
#pragma once
#include <functional>
#include <initializer_list>
#include <map>
#include <string>

namespace layerlab::render {

class StringTable {
public:
    // Reads DIR/en.json and DIR/ko.json. Returns false with a message when a
    // file is missing or malformed; the table then answers with keys.
    bool load(const std::string& dir, std::string* error);

    void setLang(const std::string& lang) { m_lang = (lang == "ko") ? "ko" : "en"; }
    const std::string& lang() const { return m_lang; }

    // The text for KEY in the current language. The pointer stays valid
    // until the next load().
    const char* tr(const char* key) const;
    // The same in a given language ("en" or "ko"), with the same fallbacks.
    const char* trIn(const std::string& lang, const char* key) const;

    // tr(KEY) with {0}, {1}, ... replaced by ARGS.
    std::string format(const char* key, std::initializer_list<std::string> args) const;

    // Every value in every language: the font builder takes its glyphs from here.
    void forEachText(const std::function<void(const std::string&)>& fn) const;

private:
    std::map<std::string, std::map<std::string, std::string>> m_tables;   // lang -> key -> text
    std::string m_lang = "en";
};

// Replaces {0}, {1}, ... in PATTERN. Unknown indices are left as they are.
std::string formatPattern(const std::string& pattern, std::initializer_list<std::string> args);

}   // namespace layerlab::render
