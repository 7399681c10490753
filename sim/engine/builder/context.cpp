// The build's inputs: the Dockerfile (-f, or <context>/Dockerfile) and the
// build context, a directory of the host filtered by its .dockerignore.
// Errors are the CLI's / BuildKit's / the daemon's own words.
#include "sim/engine/builder/internal.hpp"
#include "sim/fs/dockerignore.hpp"

namespace layerlab::engine::bk {

std::string loadInputs(Session& s) {
    const State& st = s.state;
    const bool legacy = s.opt.legacy;
    std::string ctxDir = fs::normalizePath(s.opt.contextDir);
    if (!ctxDir.empty() && !st.host.isDirectory(ctxDir)) {
        return "unable to prepare context: path \"" + s.opt.contextDir + "\" not found";
    }
    std::string dfPath =
        s.opt.dockerfilePath.empty()
            ? (ctxDir.empty() ? "Dockerfile" : ctxDir + "/Dockerfile")
            : fs::normalizePath(st.cwd.empty() ? s.opt.dockerfilePath : st.cwd + "/" + s.opt.dockerfilePath);
    std::string shownName = s.opt.dockerfilePath.empty() ? "Dockerfile" : s.opt.dockerfilePath;
    auto slash = dfPath.rfind('/');
    s.trace.dockerfileName = slash == std::string::npos ? dfPath : dfPath.substr(slash + 1);
    const fs::FileEntry* df = st.host.find(dfPath);
    if (!df || df->isDir()) {
        if (legacy)
            return "unable to prepare context: unable to evaluate symlinks in Dockerfile path: lstat " + shownName +
                   ": no such file or directory";
        return "failed to solve: failed to read dockerfile: open " + shownName + ": no such file or directory";
    }
    s.dockerfileText = df->content ? *df->content : "";
    s.trace.dockerfileText = s.dockerfileText;

    fs::FileTree ctx = ctxDir.empty() ? st.host : st.host.subtree(ctxDir);
    // The Dockerfile's path as the context sees it (for "ignored Dockerfile").
    std::string dfInCtx = ctxDir.empty()                       ? dfPath
                          : dfPath.rfind(ctxDir + "/", 0) == 0 ? dfPath.substr(ctxDir.size() + 1)
                                                               : std::string("Dockerfile");
    const fs::FileEntry* ignoreFile = ctx.find(".dockerignore");
    s.hasDockerignore = ignoreFile && !ignoreFile->isDir();
    s.dockerignoreSize = s.hasDockerignore ? ignoreFile->size() : 0;
    fs::DockerIgnore ignore = s.hasDockerignore
                                  ? fs::DockerIgnore::parse(ignoreFile->content ? *ignoreFile->content : "")
                                  : fs::DockerIgnore();
    if (!ignore.error().empty()) {
        return legacy ? "error checking context: " + ignore.error()
                      : "failed to solve: failed to read .dockerignore: " + ignore.error();
    }
    s.context = fs::filterContext(ctx, ignore, dfInCtx).files;
    return "";
}

uint64_t contextTarSize(const fs::FileTree& context) {
    uint64_t total = 1024;   // two zero blocks end a tar stream
    context.forEach([&](const std::string&, const fs::FileEntry& e) {
        total += 512;
        if (e.kind == fs::FileEntry::Kind::File) total += (e.size() + 511) / 512 * 512;
    });
    return total;
}

}   // namespace layerlab::engine::bk
