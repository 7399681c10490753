// BuildKit's BFlags (instructions/bflag.go): the flags an instruction accepts,
// checked only when the instruction asks for them, with BuildKit's errors.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "sim/dockerfile/dockerfile.hpp"

namespace layerlab::dockerfile::detail {

class BFlags {
public:
    explicit BFlags(const std::vector<std::string>& args) : m_args(args) { m_flags.reserve(8); }

    int addBool(const std::string& name);
    int addString(const std::string& name);
    int addStrings(const std::string& name);

    // Returns the first error, with BuildKit's wording, or nullopt.
    std::optional<Diagnostic> parse(SourceRange range);

    bool isTrue(int flag) const { return m_flags[static_cast<std::size_t>(flag)].value == "true"; }
    const std::string& value(int flag) const { return m_flags[static_cast<std::size_t>(flag)].value; }
    const std::vector<std::string>& values(int flag) const { return m_flags[static_cast<std::size_t>(flag)].values; }
    bool used(int flag) const { return m_flags[static_cast<std::size_t>(flag)].used; }

private:
    enum class Type { Bool, String, Strings };
    struct Flag {
        std::string name;
        Type type;
        std::string value;
        std::vector<std::string> values;
        bool used = false;
    };
    int add(const std::string& name, Type type, std::string def);

    const std::vector<std::string>& m_args;
    std::vector<Flag> m_flags;
};

}  // namespace layerlab::dockerfile::detail
