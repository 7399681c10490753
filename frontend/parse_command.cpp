// The `parse` subcommand: reads a Dockerfile (or stdin) and prints what
// BuildKit makes of it.
#include "frontend/parse_command.hpp"

#include <algorithm>
#include <cstdio>
#include <istream>
#include <ostream>
#include <sstream>

#include "sim/dockerfile/dockerfile.hpp"
#include "sim/dockerfile/dump.hpp"

namespace layerlab::frontend {

namespace {

using dockerfile::Diagnostic;

const char* const kUsage = "Usage: layerlab parse [--dump] FILE|-\n";

std::string lineRange(const dockerfile::SourceRange& r) {
    if (r.endLine > r.startLine) return "lines " + std::to_string(r.startLine) + "-" + std::to_string(r.endLine);
    return "line " + std::to_string(r.startLine);
}

// buildx prints the failing lines between two rulers, marking them with >>>.
void printExcerpt(std::ostream& err, const std::string& source, const dockerfile::SourceRange& range) {
    if (range.startLine <= 0) return;
    std::vector<std::string> lines;
    std::istringstream in(source);
    for (std::string l; std::getline(in, l);) {
        if (!l.empty() && l.back() == '\r') l.pop_back();
        lines.push_back(l);
    }
    const int first = std::max(1, range.startLine - 2);
    const int last = std::min(static_cast<int>(lines.size()), std::max(range.endLine, range.startLine) + 2);
    err << "Dockerfile:" << range.startLine << "\n--------------------\n";
    for (int n = first; n <= last; ++n) {
        std::string num = std::to_string(n);
        while (num.size() < 4) num.insert(num.begin(), ' ');
        const bool marked = n >= range.startLine && n <= std::max(range.endLine, range.startLine);
        err << num << " | " << (marked ? ">>> " : "    ") << lines[static_cast<std::size_t>(n - 1)] << "\n";
    }
    err << "--------------------\n";
}

void printExplanation(std::ostream& out, const Diagnostic& d, const char* indent) {
    if (!d.explainEn.empty()) out << indent << "why: " << d.explainEn << "\n";
    if (!d.explainKo.empty()) out << indent << "설명: " << d.explainKo << "\n";
}

void printError(std::ostream& err, const std::string& source, const Diagnostic& d) {
    printExcerpt(err, source, d.range);
    const std::string text = d.origin == Diagnostic::Origin::Dispatch ? d.message : d.formatted();
    err << "ERROR: failed to solve: " << text << "\n";
    printExplanation(err, d, "  ");
}

void printWarning(std::ostream& out, const Diagnostic& d) {
    const char* kind = d.severity == Diagnostic::Severity::Hint ? "hint" : "warning";
    out << kind << ": " << lineRange(d.range) << ": " << d.code << ": " << d.message << "\n";
    printExplanation(out, d, "  ");
}

std::string describe(const dockerfile::Command& c) { return c.original; }

// The whole file in one allocation and a few read calls (its size first),
// not a character-by-character istreambuf_iterator copy, which was a sizeable
// part of `parse --dump` on a big file. False when it cannot be opened; a
// directory opens and reads as empty, as the ifstream did.
bool readWholeFile(const std::string& path, std::string& out) {
    std::FILE* f = std::fopen(path.c_str(), "rb");
    if (!f) return false;
    if (std::fseek(f, 0, SEEK_END) == 0) {
        const long size = std::ftell(f);
        if (size > 0) out.reserve(static_cast<std::size_t>(size));
        std::rewind(f);
    }
    char chunk[1 << 16];
    for (std::size_t n; (n = std::fread(chunk, 1, sizeof chunk, f)) > 0;) out.append(chunk, n);
    std::fclose(f);
    return true;
}

}   // namespace

int runParse(const std::vector<std::string>& args, Io& io) {
    bool dumpAst = false;
    std::string path;
    for (const std::string& a : args) {
        if (a == "--dump") {
            dumpAst = true;
        } else if (a == "-h" || a == "--help") {
            io.out << kUsage;
            return 0;
        } else if (path.empty() && (a == "-" || a.rfind("-", 0) != 0)) {
            path = a;
        } else {
            io.err << "layerlab parse: unexpected argument '" << a << "'\n" << kUsage;
            return 2;
        }
    }
    if (path.empty()) {
        io.err << kUsage;
        return 2;
    }
    std::string source;
    if (path == "-") {
        char chunk[1 << 16];   // block reads, not a character at a time
        while (io.in.read(chunk, sizeof chunk) || io.in.gcount() > 0)
            source.append(chunk, static_cast<std::size_t>(io.in.gcount()));
    } else {
        if (!readWholeFile(path, source)) {
            io.err << "ERROR: failed to read dockerfile: open " << path << ": no such file or directory\n";
            return 1;
        }
    }

    if (dumpAst) {
        // Parsed and dumped in one pass without an AST (dockerfile::dumpAst).
        std::string text;
        if (const auto error = dockerfile::dumpAst(source, text)) {
            printError(io.err, source, *error);
            return 1;
        }
        text.push_back('\n');
        io.out.write(text.data(), static_cast<std::streamsize>(text.size()));
        return 0;
    }

    const dockerfile::ParseResult result = dockerfile::parseDockerfile(source);
    if (result.dockerfile) {
        const dockerfile::Dockerfile& df = *result.dockerfile;
        if (!df.syntax.empty()) io.out << "syntax: " << df.syntax << "\n";
        if (df.escapeToken != '\\') io.out << "escape: " << df.escapeToken << "\n";
        for (const auto& arg : df.metaArgs) {
            io.out << "global ARG " << arg.name << (arg.defaultValue ? "=" + *arg.defaultValue : "") << "\n";
        }
        for (const dockerfile::Stage& stage : df.stages) {
            io.out << "stage " << stage.index;
            if (!stage.name.empty()) io.out << " \"" << stage.name << "\"";
            io.out << ": " << describe(stage.from) << "  (" << lineRange(stage.from.range) << ")\n";
            for (const dockerfile::Command& c : stage.commands) {
                io.out << "  " << c.keyword << "  " << describe(c) << "  (" << lineRange(c.range) << ")\n";
            }
        }
    }
    for (const Diagnostic& w : result.warnings) printWarning(io.out, w);
    if (result.error) {
        printError(io.err, source, *result.error);
        return 1;
    }
    return 0;
}

}   // namespace layerlab::frontend
