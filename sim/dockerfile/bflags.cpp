// Instruction flag checking with BuildKit's messages and suggestions.
#include "sim/dockerfile/bflags.hpp"

#include <new>

#include "sim/dockerfile/internal.hpp"

namespace layerlab::dockerfile::detail {

int BFlags::add(const char* name, Type type, const char* def) {
    Flag& f = *new (&m_slots[m_count].flag) Flag;
    f.name = name;
    f.type = type;
    if (*def != '\0') f.value = def;   // (it starts empty: most defaults are "")
    return m_count++;
}
int BFlags::addBool(const char* name) { return add(name, Type::Bool, "false"); }
int BFlags::addString(const char* name) { return add(name, Type::String, ""); }
int BFlags::addStrings(const char* name) { return add(name, Type::Strings, ""); }

std::optional<Diagnostic> BFlags::parse(SourceRange range) {
    // Views into the argument: strings are made only for a value kept or an error.
    for (const std::string& arg : m_args) {
        const std::string_view a = arg;
        if (a == "--") return std::nullopt;
        if (a.substr(0, 2) != "--") {
            return Diagnostic::instructionError("bad-flag", "arg should start with -- : " + arg, range);
        }
        const std::size_t eq = a.find('=');
        const bool hasValue = eq != std::string_view::npos;
        const std::string_view flagName = a.substr(0, eq);
        const std::string_view value = hasValue ? a.substr(eq + 1) : std::string_view();
        const std::string_view name = flagName.substr(2);
        Flag* flag = nullptr;
        for (int i = 0; i < m_count && !flag; ++i) flag = name == m_slots[i].flag.name ? &m_slots[i].flag : nullptr;
        if (!flag) {
            std::vector<std::string_view> names;
            for (int i = 0; i < m_count; ++i) names.emplace_back(m_slots[i].flag.name);
            return Diagnostic::unknownFlag(std::string(flagName), suggest(name, names, true), range);
        }
        if (flag->used && flag->type != Type::Strings) return Diagnostic::duplicateFlag(std::string(flagName), range);
        flag->used = true;
        switch (flag->type) {
            case Type::Bool: {
                if (hasValue && value.empty()) return Diagnostic::missingFlagValue(std::string(flagName), range);
                std::string lower(value);
                for (char& c : lower) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
                if (lower == "true" || lower.empty()) flag->value = "true";
                else if (lower == "false") flag->value = "false";
                else return Diagnostic::expectingBoolean(std::string(flagName), std::string(value), range);
                break;
            }
            case Type::String:
                if (!hasValue) return Diagnostic::missingFlagValue(std::string(flagName), range);
                flag->value = value;
                break;
            case Type::Strings:
                if (!hasValue) return Diagnostic::missingFlagValue(std::string(flagName), range);
                flag->values.emplace_back(value);
                break;
        }
    }
    return std::nullopt;
}

}   // namespace layerlab::dockerfile::detail
