// external_editor: see external_editor.hpp.
#include "frontend/external_editor.hpp"

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "sim/shell/syntax.hpp"

namespace layerlab::frontend {
namespace {

bool onPath(const std::string& program) {
    const char* path = std::getenv("PATH");
    if (!path) return false;
    std::stringstream dirs(path);
    for (std::string dir; std::getline(dirs, dir, ':');)
        if (!dir.empty() && ::access((dir + "/" + program).c_str(), X_OK) == 0) return true;
    return false;
}

std::string chooseEditor() {
    for (const char* var : {"VISUAL", "EDITOR"}) {
        const char* v = std::getenv(var);
        if (v && *v) return v;
    }
    for (const char* fallback : {"nano", "vi"})
        if (onPath(fallback)) return fallback;
    return "";
}

}   // namespace

std::optional<std::string> editInExternalEditor(const std::string& name, const std::string& text) {
    std::string editor = chooseEditor();
    if (editor.empty()) {
        std::fprintf(stderr, "layerlab: no editor found (set $EDITOR, or install nano or vi)\n");
        return std::nullopt;
    }
    std::string base = name.substr(name.rfind('/') == std::string::npos ? 0 : name.rfind('/') + 1);
    std::string pattern = (std::filesystem::temp_directory_path() / ("layerlab-XXXXXX-" + base)).string();
    int fd = ::mkstemps(pattern.data(), static_cast<int>(base.size() + 1));
    if (fd < 0) return std::nullopt;
    ::close(fd);
    {
        std::ofstream out(pattern, std::ios::binary);
        out << text;
    }
    // $EDITOR may hold arguments ("code --wait"): the shell splits it, the path is quoted.
    int status = std::system((editor + " " + shell::shellQuote(pattern)).c_str());
    std::optional<std::string> result;
    if (status == 0) {
        std::ifstream in(pattern, std::ios::binary);
        std::stringstream ss;
        ss << in.rdbuf();
        result = ss.str();
    }
    std::error_code ec;
    std::filesystem::remove(pattern, ec);
    return result;
}

}   // namespace layerlab::frontend
