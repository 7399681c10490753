// The checks BuildKit runs while converting a Dockerfile, with its rule
// names and messages (linter/ruleset.go). Warnings are returned as data.
#include "sim/dockerfile/checks.hpp"

#include <algorithm>

#include "sim/dockerfile/internal.hpp"
#include "sim/dockerfile/shell_lex.hpp"
#include "sim/dockerfile/unicode.hpp"

namespace layerlab::dockerfile::detail {

namespace {

bool isLower(std::string_view s) {
    for (char c : s)
        if (c >= 'A' && c <= 'Z') return false;
    return true;
}
bool isUpper(std::string_view s) {
    for (char c : s)
        if (c >= 'a' && c <= 'z') return false;
    return true;
}
bool isBlank(char c) { return c == ' ' || c == '\t' || c == '\v' || c == '\f' || c == '\r'; }

// The keyword as written: the first word of the (trimmed) original line.
// (A loop, not find_first_of: that searches the set once per character.)
std::string_view writtenKeyword(const Command& c) {
    const std::string_view o = c.original;
    std::size_t end = 0;
    while (end < o.size() && !isBlank(o[end])) ++end;
    return o.substr(0, end);
}

std::vector<std::string> skippedRules(const std::string& directive) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start <= directive.size()) {
        std::size_t semi = directive.find(';', start);
        if (semi == std::string::npos) semi = directive.size();
        const std::string part(unicode::trimSpace(std::string_view(directive).substr(start, semi - start)));
        if (part.rfind("skip=", 0) == 0) {
            std::size_t s = 5;
            while (s <= part.size()) {
                std::size_t comma = part.find(',', s);
                if (comma == std::string::npos) comma = part.size();
                out.emplace_back(unicode::trimSpace(std::string_view(part).substr(s, comma - s)));
                s = comma + 1;
            }
        }
        start = semi + 1;
    }
    return out;
}

const char* const kBuiltinArgs[] = {
    "BUILDPLATFORM", "BUILDOS",    "BUILDARCH",     "BUILDVARIANT", "TARGETPLATFORM",
    "TARGETOS",      "TARGETARCH", "TARGETVARIANT", "TARGETSTAGE",  "BUILDKIT_SBOM_SCAN_STAGE"};

// The words of a FROM line as written (split at blanks), as views into it.
std::vector<std::string_view> blankSeparatedWords(std::string_view rest) {
    std::vector<std::string_view> w;
    while (!rest.empty()) {
        const std::size_t b = rest.find_first_not_of(" \t\v\f\r");
        if (b == std::string_view::npos) break;
        rest.remove_prefix(b);
        const std::size_t e = std::min(rest.find_first_of(" \t\v\f\r"), rest.size());
        w.emplace_back(rest.substr(0, e));
        rest.remove_prefix(e);
    }
    return w;
}

// BuildKit's lint rules over one Dockerfile; each rule's warnings into `found`.
struct Checker {
    const Dockerfile& df;
    std::vector<Diagnostic> found;
    bool majorityLower = false;
    std::vector<int> legacyLines;   // lines of ENV/LABEL nodes in the legacy "KEY value" form
    std::vector<std::string_view> declaredMeta;   // views into df (it outlives the checker)
    std::vector<std::string_view> stageNames;
    shell::Env fromEnv;   // the meta ARGs and built-in ARGs; made for the first FROM with a $
    bool haveFromEnv = false;

    // RULE and MESSAGE by value: each warning's strings are made once and moved
    // into it (two copies per warning were most of the checks' allocations).
    void warn(std::string rule, std::string message, SourceRange range) {
        found.push_back(Diagnostic::check(std::move(rule), std::move(message), range));
    }

    // ConsistentInstructionCasing: compare each keyword with the file's majority.
    void countCasing() {
        int lower = 0, upper = 0;
        const auto count = [&](std::string_view keyword) {
            if (isLower(keyword)) ++lower;
            else if (isUpper(keyword)) ++upper;
        };
        for (const Stage& s : df.stages) {
            count(writtenKeyword(s.from));
            for (const Command& c : s.commands) count(writtenKeyword(c));
        }
        majorityLower = lower > upper;
    }

    void casing(const Command& c, std::string_view keyword) {   // keyword: writtenKeyword(c)
        const bool consistent = majorityLower ? isLower(keyword) : isUpper(keyword);
        if (!consistent) {
            warn("ConsistentInstructionCasing",
                 "Command '" + std::string(keyword) + "' should match the case of the command majority (" +
                     (majorityLower ? "lowercase" : "uppercase") + ")",
                 c.range);
        }
    }

    // StageNameCasing / FromAsCasing / DuplicateStageName / ReservedStageName
    void stageName(const Stage& stage) {
        const Command& from = stage.from;
        const std::string fromKeyword(writtenKeyword(from));
        const std::vector<std::string_view> words = blankSeparatedWords(from.original);
        const std::string asWord(words.size() >= 2 ? words[words.size() - 2] : std::string_view());
        const std::string written(words.empty() ? std::string_view() : words.back());
        if (written != unicode::toLower(written))
            warn("StageNameCasing", "Stage name '" + written + "' should be lowercase", from.range);
        const bool fromLower = isLower(fromKeyword), fromUpper = isUpper(fromKeyword);
        if ((fromLower && !isLower(asWord)) || (!fromLower && fromUpper && !isUpper(asWord))) {
            warn("FromAsCasing", "'" + asWord + "' and '" + fromKeyword + "' keywords' casing do not match",
                 from.range);
        }
        if (std::find(stageNames.begin(), stageNames.end(), stage.name) != stageNames.end()) {
            warn("DuplicateStageName", "Duplicate stage name " + goQuote(stage.name) + ", stage names should be unique",
                 from.range);
        }
        if (stage.name == "scratch" || stage.name == "context") {
            warn("ReservedStageName",
                 "Stage name should not use the same name as reserved stage " + goQuote(stage.name), from.range);
        }
        stageNames.push_back(stage.name);
    }

    // UndefinedArgInFrom
    void undefinedArgInFrom(const FromInstruction& fi, const Command& from) {
        // Only a $ can name an argument; most FROMs have none, and the Env is ~20 strings.
        if (fi.image.find('$') == std::string::npos && fi.platform.find('$') == std::string::npos) return;
        if (!haveFromEnv) {
            for (const auto& a : df.metaArgs) fromEnv.vars.push_back({a.name, a.defaultValue.value_or("")});
            for (const char* b : kBuiltinArgs) fromEnv.vars.push_back({b, ""});
            haveFromEnv = true;
        }
        const shell::Env& env = fromEnv;
        for (const std::string* word : {&fi.image, &fi.platform}) {
            if (word->find('$') == std::string::npos) continue;
            const shell::LexResult r = shell::lex(*word, env, shell::LexOptions{df.escapeToken});
            for (const std::string& name : r.unmatched) {
                const std::string s = suggest(name, declaredMeta, true);
                warn("UndefinedArgInFrom",
                     "FROM argument '" + name + "' is not declared" + (s.empty() ? "" : " (did you mean " + s + "?)"),
                     from.range);
            }
        }
    }

    // The rules on a stage's instructions: one CMD/ENTRYPOINT/HEALTHCHECK, JSON
    // arguments, MAINTAINER, relative WORKDIR, legacy ENV/LABEL form.
    void commands(const Stage& stage) {
        const Command* lastCmd = nullptr;
        const Command* lastEntrypoint = nullptr;
        const Command* lastHealthcheck = nullptr;
        bool hasShell = false;
        bool absoluteWorkdir = false;
        for (const Command& c : stage.commands) {
            const std::string_view written = writtenKeyword(c);
            casing(c, written);
            const std::string keyword(written);
            const auto usedOnce = [&](const Command*& last) {
                if (last) {
                    warn(
                        "MultipleInstructionsDisallowed",
                        "Multiple " + keyword +
                            " instructions should not be used in the same stage because only the last one will be used",
                        last->range);
                }
                last = &c;
            };
            const auto jsonArgs = [&](bool shellForm) {
                if (shellForm && !hasShell) {
                    warn("JSONArgsRecommended",
                         "JSON arguments recommended for " + keyword +
                             " to prevent unintended behavior related to OS signals",
                         c.range);
                }
            };
            if (std::holds_alternative<ShellInstruction>(c.instruction)) hasShell = true;
            if (const auto* cmd = std::get_if<CmdInstruction>(&c.instruction)) {
                usedOnce(lastCmd);
                jsonArgs(cmd->shellForm);
            } else if (const auto* ep = std::get_if<EntrypointInstruction>(&c.instruction)) {
                usedOnce(lastEntrypoint);
                jsonArgs(ep->shellForm);
            } else if (std::holds_alternative<HealthcheckInstruction>(c.instruction)) {
                usedOnce(lastHealthcheck);
            } else if (std::holds_alternative<MaintainerInstruction>(c.instruction)) {
                warn("MaintainerDeprecated", "Maintainer instruction is deprecated in favor of using label", c.range);
            } else if (const auto* w = std::get_if<WorkdirInstruction>(&c.instruction)) {
                if (!w->path.empty() && w->path[0] == '/') absoluteWorkdir = true;
                else if (!absoluteWorkdir && w->path.find('$') == std::string::npos) {
                    warn("WorkdirRelativePath",
                         "Relative workdir " + goQuote(w->path) +
                             " can have unexpected results if the base image changes",
                         c.range);
                }
            }
            if (std::holds_alternative<EnvInstruction>(c.instruction) ||
                std::holds_alternative<LabelInstruction>(c.instruction)) {
                // Legacy "ENV key value" keeps an empty separator in the AST.
                if (std::binary_search(legacyLines.begin(), legacyLines.end(), c.range.startLine)) {
                    warn("LegacyKeyValueFormat",
                         "\"" + keyword + " key=value\" should be used instead of legacy \"" + keyword +
                             " key value\" format",
                         c.range);
                }
            }
        }
    }
};

}   // namespace

void addChecks(const Node& root, const Dockerfile& df, const std::string& checkDirective,
               std::vector<Diagnostic>& warnings) {
    const std::vector<std::string> skip = skippedRules(checkDirective);
    const bool skipAll = std::find(skip.begin(), skip.end(), "all") != skip.end();
    Checker checker{df, {}, false, {}, {}, {}, {}, false};
    checker.countCasing();
    for (const Node& n : root.children) {
        if (n.next.size() == 3 && n.next[2].value.empty() && n.next[2].children.empty())
            checker.legacyLines.push_back(n.range.startLine);
    }
    checker.declaredMeta.reserve(df.metaArgs.size());
    for (const auto& a : df.metaArgs) checker.declaredMeta.emplace_back(a.name);

    for (const Stage& stage : df.stages) {
        checker.casing(stage.from, writtenKeyword(stage.from));
        if (!stage.name.empty()) checker.stageName(stage);
        if (const auto* fi = std::get_if<FromInstruction>(&stage.from.instruction))
            checker.undefinedArgInFrom(*fi, stage.from);
        checker.commands(stage);
    }

    std::vector<Diagnostic>& found = checker.found;
    sortByLine(found);
    warnings.reserve(warnings.size() + found.size());
    for (Diagnostic& d : found) {
        if (skipAll || std::find(skip.begin(), skip.end(), d.code) != skip.end()) continue;
        warnings.push_back(std::move(d));
    }
}

}   // namespace layerlab::dockerfile::detail
