// host_paths: terminal paths -> State.host tree paths. See host_paths.hpp.
#include "sim/cli/host_paths.hpp"
#include "sim/fs/path_segments.hpp"

#include <vector>

namespace layerlab::cli {

HostPath resolveHostPath(const engine::State& state, std::string_view arg) {
    std::string full;
    if (!arg.empty() && arg[0] == '/') {
        full = std::string(arg);
    } else {
        full = absoluteHostPath(state.cwd);
        if (!arg.empty()) full += "/" + std::string(arg);
    }
    // normalise . and .. over the absolute path
    std::vector<std::string> parts = fs::pathSegments(full);
    HostPath r;
    if (parts.size() < 3 || parts[0] != "home" || parts[1] != "learner" || parts[2] != "app") {
        r.outside = true;
        return r;
    }
    for (size_t i = 3; i < parts.size(); ++i) r.tree += (r.tree.empty() ? "" : "/") + parts[i];
    return r;
}

std::string absoluteHostPath(std::string_view treePath) {
    std::string out = kAppDir;
    if (!treePath.empty()) out += "/" + std::string(treePath);
    return out;
}

std::string promptDir(const engine::State& state) {
    return state.cwd.empty() ? std::string("~/app") : "~/app/" + state.cwd;
}

std::string outsideMessage(const engine::State& state, std::string_view command, std::string_view arg) {
    std::string head = std::string(command) + ": " + std::string(arg) + ": ";
    if (state.lang == "ko")
        return head + "~/app 밖의 경로입니다 (LayerLab의 가상 호스트에는 빌드 컨텍스트 폴더 ~/app만 있습니다)\n";
    return head + "outside ~/app (LayerLab's simulated host has only the build-context folder ~/app)\n";
}

}   // namespace layerlab::cli
