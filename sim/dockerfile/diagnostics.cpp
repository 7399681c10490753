// Named factories for every diagnostic the front end emits. The message
// texts are BuildKit's own (parser/, instructions/parse.go, bflag.go,
// linter/ruleset.go); formatted() adds the location the way Docker prints it.
#include <algorithm>

#include "sim/dockerfile/dockerfile.hpp"
#include "sim/dockerfile/internal.hpp"

namespace layerlab::dockerfile {

namespace {
SourceRange lineRange(int line) { return {line, 0, line, 0}; }

Diagnostic make(Diagnostic::Origin origin, std::string code, std::string message, SourceRange range) {
    Diagnostic d;
    d.severity = Diagnostic::Severity::Error;
    d.origin = origin;
    d.code = std::move(code);
    d.message = std::move(message);
    d.range = range;
    return d;
}
Diagnostic parser(std::string code, std::string message, SourceRange range) {
    return make(Diagnostic::Origin::Parser, std::move(code), std::move(message), range);
}
Diagnostic instruction(std::string code, std::string message, SourceRange range) {
    return make(Diagnostic::Origin::Instruction, std::move(code), std::move(message), range);
}
}   // namespace

std::string Diagnostic::formatted() const {
    const std::string line = std::to_string(range.startLine);
    if (severity != Severity::Error) {
        return code + ": " + message + (range.startLine > 0 ? " (line " + line + ")" : "");
    }
    if (range.startLine <= 0) return message;
    if (origin == Origin::Dispatch) return "Dockerfile:" + line + ": " + message;
    return "dockerfile parse error on line " + line + ": " + message;
}

Diagnostic Diagnostic::fileWithNoInstructions(int line) {
    return parser("file-with-no-instructions", "file with no instructions", lineRange(line));
}
Diagnostic Diagnostic::lineTooLong(int line) {
    return parser("line-too-long", "dockerfile line greater than max allowed size of 65535", lineRange(line));
}
Diagnostic Diagnostic::duplicateDirective(const std::string& name, int line) {
    return parser("duplicate-directive", "only one " + name + " parser directive can be used", lineRange(line));
}
Diagnostic Diagnostic::invalidEscapeToken(const std::string& value, int line) {
    return parser("invalid-escape-token", "invalid escape token '" + value + "' does not match ` or \\",
                  lineRange(line));
}
Diagnostic Diagnostic::unterminatedHeredoc(SourceRange range) {
    return parser("unterminated-heredoc", "unterminated heredoc", range);
}
Diagnostic Diagnostic::jsonNotStringArray(SourceRange range) {
    return parser("json-not-strings", "when using JSON array syntax, arrays must be comprised of strings only", range);
}
Diagnostic Diagnostic::mustHaveTwoArguments(const std::string& command, SourceRange range) {
    return parser("must-have-two-arguments", command + " must have two arguments", range);
}
Diagnostic Diagnostic::missingEquals(const std::string& word, SourceRange range) {
    return parser("missing-equals",
                  "Syntax error - can't find = in " + goQuote(word) + ". Must be of the form: name=value", range);
}

Diagnostic Diagnostic::unknownInstruction(const std::string& word, const std::string& suggestion, SourceRange range) {
    std::string message = "unknown instruction: " + word;
    if (!suggestion.empty()) message += " (did you mean " + suggestion + "?)";
    return instruction("unknown-instruction", message, range);
}
Diagnostic Diagnostic::fromArguments(SourceRange range) {
    return instruction("from-arguments", "FROM requires either one or three arguments", range);
}
Diagnostic Diagnostic::invalidStageName(const std::string& name, SourceRange range) {
    return instruction(
        "invalid-stage-name",
        "invalid name for build stage: " + goQuote(name) + ", name can't start with a number or contain symbols",
        range);
}
Diagnostic Diagnostic::atLeastOneArgument(const std::string& command, SourceRange range) {
    return instruction("at-least-one-argument", command + " requires at least one argument", range);
}
Diagnostic Diagnostic::exactlyOneArgument(const std::string& command, SourceRange range) {
    return instruction("exactly-one-argument", command + " requires exactly one argument", range);
}
Diagnostic Diagnostic::noDestination(const std::string& command, SourceRange range) {
    return instruction(
        "no-destination",
        command + " requires at least two arguments, but only one was provided. Destination could not be determined",
        range);
}
Diagnostic Diagnostic::heredocNotAllowed(const std::string& command, const std::string& option, SourceRange range) {
    return instruction("bad-heredoc", command + " cannot accept a heredoc as " + option, range);
}
Diagnostic Diagnostic::blankNames(const std::string& command, SourceRange range) {
    return instruction("blank-names", command + " names can not be blank", range);
}
Diagnostic Diagnostic::unknownFlag(const std::string& flagName, const std::string& suggestion, SourceRange range) {
    std::string message = "unknown flag: " + flagName;
    if (!suggestion.empty()) message += " (did you mean " + suggestion + "?)";
    return instruction("unknown-flag", message, range);
}
Diagnostic Diagnostic::duplicateFlag(const std::string& flagName, SourceRange range) {
    return instruction("duplicate-flag", "duplicate flag specified: " + flagName, range);
}
Diagnostic Diagnostic::missingFlagValue(const std::string& flagName, SourceRange range) {
    return instruction("missing-flag-value", "missing a value on flag: " + flagName, range);
}
Diagnostic Diagnostic::expectingBoolean(const std::string& flagName, const std::string& value, SourceRange range) {
    return instruction("expecting-boolean", "expecting boolean value for flag " + flagName + ", not: " + value, range);
}
Diagnostic Diagnostic::onbuildChaining(SourceRange range) {
    return instruction("onbuild-chaining", "Chaining ONBUILD via `ONBUILD ONBUILD` isn't allowed", range);
}
Diagnostic Diagnostic::onbuildTrigger(const std::string& instructionName, SourceRange range) {
    return instruction("onbuild-trigger", instructionName + " isn't allowed as an ONBUILD trigger", range);
}
Diagnostic Diagnostic::volumeEmpty(SourceRange range) {
    return instruction("volume-empty", "VOLUME specified can not be an empty string", range);
}
Diagnostic Diagnostic::notJson(const std::string& command, SourceRange range) {
    return instruction("not-json", command + " requires the arguments to be in JSON form", range);
}
Diagnostic Diagnostic::noBuildStage(SourceRange range) {
    return parser("no-build-stage", "no build stage in current context", range);
}
Diagnostic Diagnostic::instructionError(const std::string& code, const std::string& message, SourceRange range) {
    return instruction(code, message, range);
}
Diagnostic Diagnostic::invalidPort(const std::string& message, SourceRange range) {
    return make(Origin::Dispatch, "invalid-port", message, range);
}
Diagnostic Diagnostic::check(std::string rule, std::string message, SourceRange range) {
    Diagnostic d = make(Origin::Check, std::move(rule), std::move(message), range);
    d.severity = Severity::Warning;
    return d;
}
Diagnostic Diagnostic::teaching(const std::string& code, const std::string& message, SourceRange range,
                                const std::string& en, const std::string& ko) {
    Diagnostic d = make(Origin::Teaching, code, message, range);
    d.severity = Severity::Hint;
    d.explainEn = en;
    d.explainKo = ko;
    return d;
}

void detail::sortByLine(std::vector<Diagnostic>& diagnostics) {
    const auto byLine = [](const Diagnostic& a, const Diagnostic& b) { return a.range.startLine < b.range.startLine; };
    if (std::is_sorted(diagnostics.begin(), diagnostics.end(), byLine)) return;
    std::stable_sort(diagnostics.begin(), diagnostics.end(), byLine);
}

}   // namespace layerlab::dockerfile
