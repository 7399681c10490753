// The `parse` subcommand: reads a Dockerfile (or stdin) and prints what
// BuildKit makes of it.
#include "frontend/parse_command.hpp"

#include <algorithm>
#include <fstream>
#include <istream>
#include <iterator>
#include <ostream>
#include <sstream>

#include "sim/dockerfile/dockerfile.hpp"

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
        source.assign(std::istreambuf_iterator<char>(io.in), std::istreambuf_iterator<char>());
    } else {
        std::ifstream file(path, std::ios::binary);
        if (!file) {
            io.err << "ERROR: failed to read dockerfile: open " << path << ": no such file or directory\n";
            return 1;
        }
        source.assign(std::istreambuf_iterator<char>(file), std::istreambuf_iterator<char>());
    }

    if (dumpAst) {
        const dockerfile::AstResult ast = dockerfile::parseAst(source);
        if (!ast.root) {
            printError(io.err, source, *ast.error);
            return 1;
        }
        io.out << dockerfile::dump(*ast.root) << "\n";
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
