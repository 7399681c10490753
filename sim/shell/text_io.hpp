// text_io: what the text coreutils share (text_commands.cpp, grep.cpp):
// splitting into lines, GNU's "Try 'X --help'" line, and reading a FILE
// operand (or stdin for "-") with the tool's own error words.
#pragma once
#include <string>
#include <vector>

#include "sim/shell/shell.hpp"

namespace layerlab::shell {

inline std::vector<std::string> lines(const std::string& text) {
    std::vector<std::string> out;
    size_t start = 0;
    while (start < text.size()) {
        size_t nl = text.find('\n', start);
        if (nl == std::string::npos) nl = text.size();
        out.push_back(text.substr(start, nl - start));
        start = nl + 1;
    }
    return out;
}

inline std::string tryHelp(const std::string& cmd) { return "Try '" + cmd + " --help' for more information.\n"; }

// The text of FILE operands (or stdin). false: an error was reported.
inline bool readInput(Shell& sh, Io& io, const std::string& cmd, const std::string& file, std::string& text,
                      const std::string& style = "") {
    if (file == "-") {
        text = io.in;
        return true;
    }
    Resolved r = sh.resolve(file);
    if (r.outside) {
        io.err += sh.outsideMessage ? sh.outsideMessage(cmd, file) : cmd + ": " + file + ": Permission denied\n";
        return false;
    }
    const fs::FileEntry* e = sh.fs.find(r.tree);
    std::string why = !e ? "No such file or directory" : e->isDir() ? "Is a directory" : "";
    if (!why.empty()) {
        if (style == "open") io.err += cmd + ": cannot open '" + file + "' for reading: " + why + "\n";
        else if (style == "sort")
            io.err += cmd + ": " + (e ? "read failed: " : "cannot read: ") + file + ": " + why + "\n";
        else io.err += cmd + ": " + file + ": " + why + "\n";
        return false;
    }
    text = e->content ? *e->content : "";
    return true;
}

// grep (grep.cpp).
int runGrep(Shell& sh, const std::vector<std::string>& argv, Io& io);

}   // namespace layerlab::shell
