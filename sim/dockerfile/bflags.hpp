// BuildKit's BFlags (instructions/bflag.go): the flags an instruction accepts,
// checked only when the instruction asks for them, with BuildKit's errors.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sim/dockerfile/dockerfile.hpp"

namespace layerlab::dockerfile::detail {

class BFlags {
public:
    explicit BFlags(const std::vector<std::string>& args) : m_args(args) {}
    ~BFlags() {
        for (int i = 0; i < m_count; ++i) m_slots[i].flag.~Flag();
    }
    BFlags(const BFlags&) = delete;
    BFlags& operator=(const BFlags&) = delete;

    int addBool(const char* name);
    int addString(const char* name);
    int addStrings(const char* name);

    // Returns the first error, with BuildKit's wording, or nullopt.
    std::optional<Diagnostic> parse(SourceRange range);

    bool isTrue(int flag) const { return m_slots[flag].flag.value == "true"; }
    // A view into the instruction's flag argument (or "true"/"false"): it
    // lives as long as the node; a string per flag was a copy per instruction.
    std::string_view value(int flag) const { return m_slots[flag].flag.value; }
    const std::vector<std::string>& values(int flag) const { return m_slots[flag].flag.values; }
    bool used(int flag) const { return m_slots[flag].flag.used; }

private:
    enum class Type { Bool, String, Strings };
    struct Flag {
        const char* name = "";
        Type type = Type::Bool;
        std::string_view value;
        std::vector<std::string> values;
        bool used = false;
    };
    int add(const char* name, Type type, const char* def);

    // A flag is constructed only when add() declares it: an array of eight
    // Flags was zeroed (512 bytes) for every instruction, most of which have none.
    union Slot {
        Slot() {}
        ~Slot() {}
        Flag flag;
    };
    static constexpr int kMaxFlags = 8;   // no instruction has more
    const std::vector<std::string>& m_args;
    Slot m_slots[kMaxFlags];
    int m_count = 0;
};

}   // namespace layerlab::dockerfile::detail
