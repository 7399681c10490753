// parseDockerfile: AST -> typed instructions -> stages (BuildKit
// instructions.Parse), then BuildKit's checks, dispatch-time EXPOSE port
// validation and LayerLab's teaching hints, each added on top of the result.
#include <algorithm>
#include <iterator>

#include "sim/dockerfile/checks.hpp"
#include "sim/dockerfile/instructions.hpp"
#include "sim/dockerfile/internal.hpp"
#include "sim/limits.hpp"
#include "sim/dockerfile/shell_lex.hpp"
#include "sim/dockerfile/teaching.hpp"

namespace layerlab::dockerfile {

namespace {

// Letters, digits, '/' and '-' only ("80", "53/udp", "8000-8010"): nothing the
// shell lexer would change, so processWords would return just this word.
bool plainWord(std::string_view s) {
    if (s.empty()) return false;
    for (const char c : s) {
        const bool plain =
            (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '/' || c == '-';
        if (!plain) return false;
    }
    return true;
}

// EXPOSE ports are checked by BuildKit before anything runs; literal ports
// (no $VAR) can be checked now with the same words the builder would get.
std::optional<Diagnostic> checkExposePorts(const Dockerfile& df) {
    for (const Stage& stage : df.stages) {
        for (const Command& c : stage.commands) {
            const auto* expose = std::get_if<ExposeInstruction>(&c.instruction);
            if (!expose) continue;
            // BuildKit reports the first bad port in source order after sorting.
            for (const std::string& raw : expose->ports) {
                if (raw.find('$') != std::string::npos) continue;
                if (plainWord(raw)) {   // the lexer would give back the word as it is
                    if (auto err = validatePortSpec(raw)) return Diagnostic::invalidPort(*err, c.range);
                    continue;
                }
                const shell::Expansion words = shell::processWords(raw, shell::Env{}, df.escapeToken);
                if (!words.ok) continue;
                for (const std::string& w : words.words) {
                    if (auto err = validatePortSpec(w)) return Diagnostic::invalidPort(*err, c.range);
                }
            }
        }
    }
    return std::nullopt;
}

}   // namespace

namespace {

// LayerLab's own limits (sim/limits.hpp): size, instructions, stages. No
// "dockerfile parse error on line N" prefix: this is not Docker's error, and
// the message says so; the Korean text is in explainKo.
Diagnostic overLimit(const std::string& whatEn, const std::string& whatKo, const std::string& limit) {
    Diagnostic d;
    d.severity = Diagnostic::Severity::Error;
    d.origin = Diagnostic::Origin::Parser;
    d.code = "layerlab-limit";
    d.message = limits::reached("en", whatEn, limit);
    d.explainKo = limits::reached("ko", whatKo, limit);
    return d;
}

// How many commands follow each FROM (the instructions before the first are not counted).
std::vector<std::size_t> commandsPerStage(const Node& root) {
    std::vector<std::size_t> perStage;
    for (const Node& node : root.children) {
        const std::string& v = node.value;
        const bool isFrom = v.size() == 4 && (v[0] | 0x20) == 'f' && (v[1] | 0x20) == 'r' && (v[2] | 0x20) == 'o' &&
                            (v[3] | 0x20) == 'm';
        if (isFrom) perStage.push_back(0);
        else if (!perStage.empty()) ++perStage.back();
    }
    return perStage;
}

// The stage a FROM opens, with room for the commands counted for it. FROM lives
// inside CMD, so CMD is taken by reference and moved only after FROM is read.
Stage newStage(const FromInstruction& from, Command&& cmd, std::size_t index,
               const std::vector<std::size_t>& perStage) {
    Stage stage;
    stage.name = from.stageName;
    stage.baseImage = from.image;
    stage.platform = from.platform;
    stage.index = static_cast<int>(index);
    if (index < perStage.size()) stage.commands.reserve(perStage[index]);
    stage.from = std::move(cmd);
    return stage;
}

}   // namespace

ParseResult parseDockerfile(std::string_view bytes) {
    ParseResult result;
    if (bytes.size() > limits::kDockerfileBytes) {
        result.error = overLimit("Dockerfile of " + std::to_string(bytes.size()) + " bytes",
                                 "Dockerfile " + std::to_string(bytes.size()) + "바이트",
                                 limits::sizeText(limits::kDockerfileBytes));
        return result;
    }
    detail::AstParse ast = detail::parseAstDetailed(bytes);
    result.warnings = std::move(ast.warnings);   // moved, not copied: the AST parse is done with them
    if (ast.error) {
        result.error = ast.error;
        if (!ast.errorLine.empty()) detail::explainParserError(ast.errorLine, ast.escapeToken, *result.error);
        return result;
    }
    Dockerfile df;
    df.escapeToken = ast.escapeToken;
    df.syntax = ast.syntax;

    if (ast.root->children.size() > limits::kDockerfileInstructions) {
        result.error = overLimit(std::to_string(ast.root->children.size()) + " instructions",
                                 "명령어 " + std::to_string(ast.root->children.size()) + "개",
                                 std::to_string(limits::kDockerfileInstructions) + " instructions");
        return result;
    }
    // Commands per stage, counted up front so big Commands are not moved while vectors grow.
    const std::vector<std::size_t> perStage = commandsPerStage(*ast.root);
    df.stages.reserve(perStage.size());
    std::vector<std::string_view> argBuffer;
    argBuffer.reserve(32);   // most instructions have fewer arguments: one allocation per parse
    for (const Node& node : ast.root->children) {
        // An instruction of the current stage is parsed where it stays.
        const detail::Keyword keyword = detail::keywordOf(node.value);
        if (!df.stages.empty() && keyword != detail::Keyword::From) {
            std::vector<Command>& commands = df.stages.back().commands;
            if (auto error = detail::parseInstruction(node, keyword, argBuffer, commands.emplace_back())) {
                commands.pop_back();
                result.error = std::move(error);
                break;
            }
            continue;
        }
        // A FROM, or what comes before the first FROM.
        Command cmd;
        if (auto error = detail::parseInstruction(node, keyword, argBuffer, cmd)) {
            result.error = std::move(error);
            break;
        }
        if (df.stages.empty()) {
            if (auto* arg = std::get_if<ArgInstruction>(&cmd.instruction)) {
                df.metaArgs.insert(df.metaArgs.end(), std::make_move_iterator(arg->args.begin()),
                                   std::make_move_iterator(arg->args.end()));
                continue;
            }
        }
        if (const auto* from = std::get_if<FromInstruction>(&cmd.instruction)) {
            if (df.stages.size() == limits::kDockerfileStages) {
                result.error = overLimit("more than " + std::to_string(limits::kDockerfileStages) + " stages",
                                         "스테이지 " + std::to_string(limits::kDockerfileStages) + "개 초과",
                                         std::to_string(limits::kDockerfileStages) + " stages");
                break;
            }
            df.stages.push_back(newStage(*from, std::move(cmd), df.stages.size(), perStage));
            continue;
        }
        result.error = Diagnostic::noBuildStage(node.range);   // not FROM, not ARG, and no stage yet
        break;
    }

    if (!result.error) {
        detail::addChecks(*ast.root, df, ast.check, result.warnings);
        if (auto err = checkExposePorts(df)) result.error = err;
    }
    detail::addTeaching(*ast.root, ast.escapeToken, result);
    detail::sortByLine(result.warnings);
    df.ast = std::move(*ast.root);
    if (!result.error) result.dockerfile = std::move(df);
    return result;
}

}   // namespace layerlab::dockerfile
