// COPY/ADD --chmod as BuildKit reads it (dockerfile2llb's dispatchCopy):
// an octal mode up to 07777 sets every copied entry to that mode; anything
// else is a symbolic mode as chmod(1) writes it ("u+x", "go-w", "=rw,+X"),
// parsed and applied as tonistiigi/dchapes-mode (a Go port of BSD setmode)
// does, relative to each entry's own mode. The legacy builder refuses the
// flag altogether.
//
// Simplified: a symbolic clause without u/g/o/a ("+x") applies to all three
// classes (no umask is modelled), and the few strings on which the Go parser
// panics ("u", "u+x,") are reported as "invalid syntax".
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace layerlab::engine::bk {

class ChmodSpec {
public:
    // "" when `text` is valid, else BuildKit's message:
    //   "invalid chmod parameter: '9999'. it should be octal string and between 0 and 07777"
    //   "invalid syntax"   (a symbolic mode it cannot read)
    static ChmodSpec parse(const std::string& text);

    bool ok() const { return m_error.empty(); }
    const std::string& error() const { return m_error; }
    // The mode an entry gets, from its current permission bits.
    uint32_t apply(uint32_t mode, bool isDir) const;

private:
    struct Command {
        char op = '+';   // '+' set, '-' clear, 'X' set if executable/dir, 'u'/'g'/'o' copy a class
        uint8_t copy = 0;   // for 'u'/'g'/'o': which classes receive, and set/clear
        uint32_t bits = 0;
    };
    void add(char op, uint32_t who, uint32_t arg);
    std::string m_error;
    std::optional<uint32_t> m_octal;
    std::vector<Command> m_commands;
};

// The legacy builder's refusal (moby's dispatchCopy/dispatchAdd).
inline const char* kChmodNeedsBuildkit =
    "the --chmod option requires BuildKit. Refer to https://docs.docker.com/go/buildkit/ to learn how to build "
    "images with BuildKit enabled";

}   // namespace layerlab::engine::bk
