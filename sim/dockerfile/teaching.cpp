// Inline-comment hints: what Docker really does with `INSTRUCTION args # text`.
#include "sim/dockerfile/teaching.hpp"

#include "sim/dockerfile/internal.hpp"
#include "sim/dockerfile/shell_lex.hpp"
#include "sim/dockerfile/unicode.hpp"
#include "sim/korean.hpp"

namespace layerlab::dockerfile::detail {

namespace {

const char* const kFixEn = " Fix: put the comment on its own line above the instruction (a line that starts with #).";
const char* const kFixKo = " 고치는 법: 주석을 명령 위의 별도 줄로 옮기세요 (#로 시작하는 줄).";
const char* const kWhyEn = "Dockerfiles have no inline comments: # starts a comment only at the start of a line.";
const char* const kWhyKo = "Dockerfile에는 줄 끝 주석이 없습니다. #은 줄의 맨 앞에 있을 때만 주석입니다.";

// Byte offset in rest of a '#' that starts a word outside quotes, or npos.
std::size_t inlineCommentAt(std::string_view rest, char escape) {
    char quote = 0;
    for (std::size_t i = 0; i < rest.size(); ++i) {
        const char c = rest[i];
        if (c == escape && quote != '\'') {
            ++i;
            continue;
        }
        if (quote) {
            if (c == quote) quote = 0;
            continue;
        }
        if (c == '\'' || c == '"') quote = c;
        else if (c == '#' && (i == 0 || rest[i - 1] == ' ' || rest[i - 1] == '\t')) return i;
    }
    return std::string_view::npos;
}

std::string quotedList(const std::vector<std::string>& words, std::size_t from, std::size_t to) {
    std::string out;
    for (std::size_t i = from; i < to && i < words.size(); ++i) {
        if (!out.empty()) out += ", ";
        out += goQuote(words[i]);
    }
    return out;
}

// The way a shell user would write the argument: '...' with ' as '\''.
std::string shellQuote(const std::string& s) {
    std::string out = "'";
    for (char c : s) {
        if (c == '\'') out += "'\\''";
        else out.push_back(c);
    }
    return out + "'";
}

void explain(Diagnostic& d, const std::string& en, const std::string& ko) {
    d.explainEn = std::string(kWhyEn) + " " + en + kFixEn;
    d.explainKo = std::string(kWhyKo) + " " + ko + kFixKo;
}

// What an inline comment does to one instruction: the warning's message and
// its explanation in English and Korean.
struct CommentEffect {
    std::string message, en, ko;
};

CommentEffect fromArguments(const std::vector<std::string>& args) {
    CommentEffect e;
    e.message = "FROM gets " + std::to_string(args.size()) + " arguments: " + quotedList(args, 0, args.size());
    e.en = "BuildKit reads # and every word after it as more arguments of FROM, so FROM gets " +
           std::to_string(args.size()) + " arguments instead of 1 (an image) or 3 (image AS name).";
    e.ko = "BuildKit은 #과 그 뒤의 단어들을 모두 FROM의 인자로 읽습니다. 그래서 FROM이 인자를 " +
           std::to_string(args.size()) + "개 받습니다. FROM은 인자가 1개(이미지) 또는 3개(이미지 AS 이름)여야 합니다.";
    return e;
}

// WORKDIR, USER, STOPSIGNAL, MAINTAINER: the comment is part of the one value.
CommentEffect inWholeValue(const std::string& cmd, const std::string& keyword, const std::vector<std::string>& args) {
    CommentEffect e;
    const std::string value = args.empty() ? std::string() : args[0];
    e.message = keyword + " is literally " + goQuote(value);
    e.en = keyword + " takes the rest of the line as one value, so the value is " + goQuote(value) +
           ", comment included" +
           (cmd == "workdir" ? ": Docker creates and enters a directory with that whole name." : ".");
    e.ko = keyword + "는 줄의 나머지 전체를 값 하나로 받습니다. 그래서 값은 주석까지 포함한 " + goQuote(value) +
           "입니다" + (cmd == "workdir" ? ". Docker는 그 이름 전체로 디렉터리를 만들고 그 안으로 이동합니다." : ".");
    return e;
}

CommentEffect asCopySources(const std::string& keyword, const std::vector<std::string>& args) {
    CommentEffect e;
    e.message = keyword + " copies the sources " + quotedList(args, 0, args.size() - 1) + " to the destination " +
                goQuote(args.back());
    e.en =
        keyword +
        " treats every word as a source and only the last word as the destination, so # and the words of the comment become sources (files that do not exist in the build context) and the last word of the comment becomes the destination.";
    e.ko =
        keyword +
        "는 마지막 단어만 목적지로, 나머지 단어는 모두 복사할 원본으로 봅니다. 그래서 #과 주석의 단어들이 원본 파일 이름이 되고(빌드 컨텍스트에 없는 파일), 주석의 마지막 단어가 목적지가 됩니다.";
    return e;
}

CommentEffect asPorts(const std::vector<std::string>& args) {
    CommentEffect e;
    std::string portError;
    for (const std::string& a : args) {
        if (auto err = validatePortSpec(a)) {
            portError = *err;
            break;
        }
    }
    e.message = "EXPOSE reads " + goQuote("#") + " as a port" + (portError.empty() ? "" : ": " + portError);
    e.en =
        "EXPOSE reads every word as a port, so # and the words of the comment are ports too, and the build fails with \"" +
        portError + "\".";
    e.ko = "EXPOSE는 모든 단어를 포트로 읽습니다. 그래서 #과 주석의 단어들도 포트가 되고, 빌드는 \"" + portError +
           "\" 오류로 실패합니다.";
    return e;
}

// CMD/ENTRYPOINT/RUN ["..."] # comment: no longer JSON, so the shell form runs.
CommentEffect breaksJsonForm(const std::string& keyword, const std::string& before,
                             const std::vector<std::string>& args, char escape) {
    CommentEffect e;
    const std::string text = args.empty() ? std::string() : args[0];
    // What /bin/sh makes of it: quote removal, then the first word is the program.
    const shell::Expansion words = shell::processWords(before, shell::Env{}, escape);
    const std::string program = words.ok && !words.words.empty() ? words.words[0] : before;
    e.message = keyword + " is not JSON (text after ']'), so it runs in shell form: /bin/sh -c " + shellQuote(text);
    e.en =
        "The JSON form must be only a JSON array. The comment after ']' makes the line invalid JSON, so Docker silently uses the shell form and runs /bin/sh -c " +
        shellQuote(text) + ". The shell looks for a program named " + goQuote(program) +
        " and the container fails to start (/bin/sh: 1: " + program + ": not found).";
    e.ko =
        "JSON 형식은 JSON 배열만 있어야 합니다. ']' 뒤의 주석 때문에 JSON이 아니게 되어, Docker는 조용히 셸 형식으로 바꾸어 /bin/sh -c " +
        ko::with(shellQuote(text), ko::Particle::EulReul) + " 실행합니다. 셸은 " + goQuote(program) +
        "라는 프로그램을 찾다가 실패하고, 컨테이너가 시작되지 않습니다 (/bin/sh: 1: " + program + ": not found).";
    return e;
}

// RUN/CMD/ENTRYPOINT in shell form: the shell ignores the comment; only a hint.
CommentEffect ignoredByShell(const std::string& cmd, const std::string& keyword, const std::string& comment) {
    CommentEffect e;
    e.message = "the shell ignores " + goQuote(comment) + ", but it is part of the " + keyword + " command";
    e.en =
        "This line works anyway: in the shell form Docker runs /bin/sh -c with the whole text, and the shell treats # as a comment. But the comment is part of the command text" +
        std::string(cmd == "run" ? ", so editing the comment changes the cache key and this step runs again." : ".");
    e.ko =
        "그래도 이 줄은 동작합니다. 셸 형식에서 Docker는 줄 전체를 /bin/sh -c로 실행하고, 셸은 #을 주석으로 처리합니다. 하지만 주석도 명령 텍스트의 일부" +
        std::string(cmd == "run" ? "라서, 주석만 고쳐도 캐시 키가 바뀌어 이 단계가 다시 실행됩니다." : "입니다.");
    return e;
}

CommentEffect asArguments(const std::string& keyword) {
    return {goQuote("#") + " and the words after it are arguments of " + keyword,
            keyword + " receives # and the words of the comment as part of its arguments.",
            keyword + "는 #과 주석의 단어들을 인자의 일부로 받습니다."};
}

}   // namespace

void addTeaching(const Node& root, char escape, ParseResult& result) {
    for (const Node& node : root.children) {
        if (node.original.find('#') == std::string::npos) continue;
        const std::string cmd = unicode::toLower(node.value);
        const SplitLine split = splitCommand(node.original);
        const std::size_t at = inlineCommentAt(split.rest, escape);
        if (at == std::string_view::npos) continue;
        const std::string comment(unicode::trimSpace(std::string_view(split.rest).substr(at)));
        const std::string before(unicode::trimSpace(std::string_view(split.rest).substr(0, at)));
        const std::vector<std::string> args = nodeArgs(node);
        std::string keyword = node.value;
        for (char& c : keyword) c = (c >= 'a' && c <= 'z') ? static_cast<char>(c - 32) : c;
        const bool errorHere = result.error && result.error->range.startLine == node.range.startLine;
        Diagnostic hint = Diagnostic::teaching("inline-comment", "", node.range, "", "");
        hint.severity = Diagnostic::Severity::Warning;
        CommentEffect effect;
        if (cmd == "from") {
            effect = fromArguments(args);
        } else if (cmd == "workdir" || cmd == "user" || cmd == "stopsignal" || cmd == "maintainer") {
            effect = inWholeValue(cmd, keyword, args);
        } else if (cmd == "copy" || cmd == "add") {
            if (args.size() < 2) continue;
            effect = asCopySources(keyword, args);
        } else if (cmd == "expose") {
            effect = asPorts(args);
        } else if ((cmd == "cmd" || cmd == "entrypoint" || cmd == "run") && !node.json && !before.empty() &&
                   before[0] == '[') {
            effect = breaksJsonForm(keyword, before, args, escape);
        } else if (cmd == "run" || cmd == "cmd" || cmd == "entrypoint") {
            effect = ignoredByShell(cmd, keyword, comment);
            hint.severity = Diagnostic::Severity::Hint;
            hint.message = effect.message;
            hint.explainEn = std::string(kWhyEn) + " " + effect.en;
            hint.explainKo = std::string(kWhyKo) + " " + effect.ko;
            result.warnings.push_back(std::move(hint));
            continue;
        } else {
            effect = asArguments(keyword);
        }
        if (errorHere) {
            explain(*result.error, effect.en, effect.ko);
            continue;
        }
        hint.message = effect.message;
        explain(hint, effect.en, effect.ko);
        result.warnings.push_back(std::move(hint));
    }
}

void explainParserError(const std::string& line, char escape, Diagnostic& error) {
    const SplitLine split = splitCommand(line);
    if (inlineCommentAt(split.rest, escape) == std::string_view::npos) return;
    std::string keyword(split.keyword);
    for (char& c : keyword) c = (c >= 'a' && c <= 'z') ? static_cast<char>(c - 32) : c;
    if (error.code == "missing-equals") {
        explain(
            error,
            keyword +
                " reads # and the words of the comment as more name=value pairs, and \"#\" has no \"=\", so BuildKit stops here.",
            keyword +
                "는 #과 주석의 단어들도 이름=값 쌍으로 읽는데, \"#\"에는 \"=\"가 없어서 BuildKit이 여기서 멈춥니다.");
        return;
    }
    explain(error, keyword + " receives # and the words of the comment as part of its arguments.",
            keyword + "는 #과 주석의 단어들을 인자의 일부로 받습니다.");
}

}   // namespace layerlab::dockerfile::detail
