// compound: running the Node tree above simple commands: lists, && / ||,
// pipelines, if/for/while with LayerLab's loop limit, case, groups,
// subshells, functions, and compound commands with redirections.
#include "sim/shell/shell.hpp"

namespace layerlab::shell {

namespace {

std::string loopLimitMessage(const Shell& sh, bool total) {
    std::string n = std::to_string(total ? Shell::kTurnBudget : sh.config.loopLimit);
    if (sh.config.lang == "ko")
        return total ? "layerlab: 반복문들이 모두 합쳐 " + n +
                           "번 돌아서 이 명령을 멈췄습니다 (LayerLab이 시뮬레이션하는 반복의 한도입니다)\n"
                     : "layerlab: 반복문을 " + n + "번 돌고 멈췄습니다 (LayerLab이 시뮬레이션하는 반복의 한도입니다)\n";
    return total ? "layerlab: loops stopped after " + n + " iterations in all (LayerLab's limit for simulated loops)\n"
                 : "layerlab: loop stopped after " + n + " iterations (LayerLab's limit for a simulated loop)\n";
}

}   // namespace

int Shell::loopLimitReached(Io& io, int turns) {
    bool total = turns <= config.loopLimit;
    write(io, "", loopLimitMessage(*this, total));
    if (total) stopped = true;   // nested loops: the whole command line ends here
    lastStatus = 1;
    return 1;
}

// cmd1; cmd2; ...: stops at exit, a stopped line, or a failure under set -e.
int Shell::executeList(const Node& node, Io& io) {
    int status = 0;
    for (const auto& kid : node.kids) {
        m_shielded = false;
        status = execute(kid, io);
        lastStatus = status;
        if (exited || stopped) break;
        if (errexit && status != 0 && m_condDepth == 0 && !m_shielded) {
            exited = true;
            break;
        }
    }
    return status;
}

// cmd1 && cmd2 || cmd3: each runs or not by the status before it.
int Shell::executeAndOr(const Node& node, Io& io) {
    size_t ran = 0;
    int status = execute(node.kids[0], io);
    for (size_t i = 1; i < node.kids.size() && !exited && !stopped; ++i) {
        lastStatus = status;
        if ((node.ops[i - 1] == "&&") != (status == 0)) continue;
        status = execute(node.kids[i], io);
        ran = i;
    }
    m_shielded = ran + 1 != node.kids.size();
    return status;
}

// for NAME in WORDS, and while/until, each within LayerLab's loop limit.
int Shell::executeLoop(const Node& node, Io& io) {
    int status = 0, turns = 0;
    if (node.kind == Node::Kind::For) {
        std::vector<std::string> items;
        for (const auto& w : node.items) {
            auto f = expandWord(w);
            items.insert(items.end(), f.begin(), f.end());
        }
        for (const auto& item : items) {
            if (++turns > config.loopLimit || ++m_turns > kTurnBudget) return loopLimitReached(io, turns);
            vars[node.name] = item;
            status = execute(node.kids[0], io);
            if (exited || stopped) break;
        }
        return status;
    }
    while (!exited && !stopped) {
        ++m_condDepth;
        int cond = execute(node.kids[0], io);
        --m_condDepth;
        if ((cond == 0) == node.until || exited || stopped) break;
        if (++turns > config.loopLimit || ++m_turns > kTurnBudget) return loopLimitReached(io, turns);
        status = execute(node.kids[1], io);
    }
    return status;
}

int Shell::execute(const Node& node, Io& io) {
    if (exited || stopped) return lastStatus;
    if (node.kind != Node::Kind::Simple && node.kind != Node::Kind::Function && !node.redirects.empty())
        return executeRedirected(node, io);
    switch (node.kind) {
        case Node::Kind::List:
            return executeList(node, io);
        case Node::Kind::AndOr:
            return executeAndOr(node, io);
        case Node::Kind::Pipeline:
            return executePipeline(node, io);
        case Node::Kind::If: {
            size_t i = 0;
            for (; i + 1 < node.kids.size(); i += 2) {
                ++m_condDepth;
                int cond = execute(node.kids[i], io);
                --m_condDepth;
                if (exited || stopped) return lastStatus;
                if (cond == 0) return execute(node.kids[i + 1], io);
            }
            return i < node.kids.size() ? execute(node.kids[i], io) : 0;
        }
        case Node::Kind::For:
        case Node::Kind::While:
            return executeLoop(node, io);
        case Node::Kind::Group:
        case Node::Kind::Subshell: {
            if (node.kind == Node::Kind::Group) return execute(node.kids[0], io);
            auto savedVars = vars;
            std::string savedCwd = cwd;
            int status = execute(node.kids[0], io);
            vars = std::move(savedVars);
            cwd = savedCwd;
            exited = false;
            return status;
        }
        case Node::Kind::Case: {
            std::string subject;
            for (const auto& f : expandWord(node.items[0], false)) subject += f;
            for (size_t arm = 0; arm < node.patterns.size(); ++arm)
                for (const RawWord& p : node.patterns[arm])
                    if (globMatch(expandPattern(p), subject)) return execute(node.kids[arm], io);
            return 0;
        }
        case Node::Kind::Function:
            functions[node.name] = node.kids[0];
            return 0;
        case Node::Kind::Simple:
            break;
    }
    return executeSimple(node, io);
}

// cmd1 | cmd2 | ...: each command's stdout is the next one's stdin.
int Shell::executePipeline(const Node& node, Io& io) {
    std::string pipe;
    bool hasPipe = false;
    int status = 0;
    for (size_t i = 0; i < node.kids.size(); ++i) {
        Io step;
        step.in = hasPipe ? pipe : io.in;
        step.hasIn = hasPipe || io.hasIn;
        std::string captured;
        std::string* savedOut = m_outCapture;
        bool last = i + 1 == node.kids.size();
        if (!last) m_outCapture = &captured;
        if (node.kids.size() > 1) {
            // Each command of a pipeline runs in a subshell, as in bash,
            // dash and ash: `echo web | read NAME` leaves NAME unset.
            auto savedVars = vars;
            auto savedExported = exported;
            auto savedFunctions = functions;
            std::string savedCwd = cwd;
            const bool savedExited = exited;
            status = execute(node.kids[i], step);
            vars = std::move(savedVars);
            exported = std::move(savedExported);
            functions = std::move(savedFunctions);
            cwd = std::move(savedCwd);
            exited = savedExited;
        } else {
            status = execute(node.kids[i], step);
        }
        m_outCapture = savedOut;
        pipe = std::move(captured);
        hasPipe = true;
        if (exited || stopped) break;
    }
    if (node.negate) m_shielded = true;
    return node.negate ? (status == 0 ? 1 : 0) : status;
}

int Shell::callFunction(const Node& body, const std::vector<std::string>& argv, Io& io) {
    if (m_functionDepth >= kMaxFunctionDepth) {
        // Real shells recurse until they run out of stack; LayerLab stops here.
        io.err +=
            (config.lang == "ko" ? "layerlab: 함수가 " + std::to_string(kMaxFunctionDepth) +
                                       "단계까지 자기를 불러서 멈췄습니다 (LayerLab의 한도입니다)\n"
                                 : "layerlab: " + argv[0] + ": functions nested " + std::to_string(kMaxFunctionDepth) +
                                       " deep; stopped (LayerLab's limit for simulated functions)\n");
        stopped = true;
        return 1;
    }
    // The body's output is the call's output, so `f > file` and `f | grep x` work.
    std::string out, err;
    std::string* savedOut = m_outCapture;
    std::string* savedErr = m_errCapture;
    m_outCapture = &out;
    m_errCapture = &err;
    auto savedPositional = std::move(positional);
    positional.assign(argv.begin() + 1, argv.end());
    ++m_functionDepth;
    int status = execute(body, io);
    --m_functionDepth;
    if (m_returning) {
        m_returning = false;
        exited = false;
        status = lastStatus;
    }
    positional = std::move(savedPositional);
    m_outCapture = savedOut;
    m_errCapture = savedErr;
    io.out += out;
    io.err += err;
    return status;
}

int Shell::executeRedirected(const Node& node, Io& io) {
    Node bare = node;
    bare.redirects.clear();
    Io inner = io;
    std::vector<Redirect> outputs;
    for (const Redirect& r : node.redirects) {
        if (r.op == "<<") {
            inner.in = r.heredocExpand ? expandHeredoc(r.heredoc) : r.heredoc;
            inner.hasIn = true;
        } else if (r.op == "<") {
            // Read the file as `cat < file` would, with the same errors when it cannot be opened.
            Node open;
            open.kind = Node::Kind::Simple;
            open.line = node.line;
            open.words = {{{":", 0}}};
            open.redirects = {r};
            Io probe;
            if (int status = execute(open, probe); status != 0) return status;
            auto target = expandWord(r.target, false);
            const fs::FileEntry* e = target.empty() ? nullptr : fs.find(treePath(target[0]));
            inner.in = e && e->content ? *e->content : "";
            inner.hasIn = true;
        } else {
            outputs.push_back(r);
        }
    }
    if (outputs.empty()) return execute(bare, inner);
    // `{ ...; } > file`: the compound's stdout goes where the redirections say.
    std::string captured;
    std::string* savedOut = m_outCapture;
    m_outCapture = &captured;
    int status = execute(bare, inner);
    m_outCapture = savedOut;
    Node write;
    write.kind = Node::Kind::Simple;
    write.line = node.line;
    write.redirects = outputs;
    write.words = {{{"printf", 0}}, {{"%s", '\''}}, {{captured, '\''}}};
    execute(write, io);
    return status;
}

}   // namespace layerlab::shell
