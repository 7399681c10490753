// hub_account: `docker login` / `docker logout` against the simulated hub.
// Texts from docker/cli 28: cli/command/registry/login.go, logout.go,
// cli/command/registry.go (PromptUserForCredentials) and the file
// credential store's warning (cli/config/credentials/file_store.go).
#include "sim/engine/registry/hub_commands.hpp"

#include "sim/korean.hpp"

namespace layerlab::engine {
namespace {

const char* const kIndexServer = "https://index.docker.io/v1/";

bool isHubServer(const std::string& server) {
    return server.empty() || server == "docker.io" || server == "index.docker.io" || server == kIndexServer ||
           server == "registry-1.docker.io" || server == "https://registry-1.docker.io";
}

// Docker IDs: 4 to 30 lower-case letters and digits.
bool isDockerId(const std::string& user) {
    if (user.size() < 4 || user.size() > 30) return false;
    for (char c : user)
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))) return false;
    return true;
}

ContainerOutcome fail(ContainerOutcome o, const std::string& err) {
    o.err += err + "\n";
    o.exitCode = 1;
    return o;
}

std::string passwordFrom(const LoginOptions& o) {
    if (o.password) return *o.password;
    if (o.answer) return *o.answer;
    return "";
}

}   // namespace

bool loginAsksPassword(const State& state, const LoginOptions& o) {
    (void)state;
    return o.terminal && isHubServer(o.server) && !o.user.empty() && !o.password && !o.passwordStdin && !o.answer;
}

ContainerOutcome login(State& state, const LoginOptions& o) {
    ContainerOutcome out;
    LoginOptions opt = o;
    // docker/cli 28.2's order and words (observed): the conflicts first, then the -p warning.
    if (opt.password && opt.passwordStdin)
        return fail(out, "conflicting options: cannot specify both --password and --password-stdin");
    if (opt.passwordStdin && opt.user.empty())
        return fail(out, "the --password-stdin option requires --username to be set");
    if (opt.password) out.err += "WARNING! Using --password via the CLI is insecure. Use --password-stdin.\n";
    if (opt.passwordStdin) {
        if (!opt.stdinData) {
            out = fail(out,
                       "layerlab: docker login --password-stdin reads the password from a pipe here: echo "
                       "\"$PASSWORD\" | docker login -u " +
                           opt.user + " --password-stdin");
            return out;
        }
        std::string pw = *opt.stdinData;
        if (!pw.empty() && pw.back() == '\n') pw.pop_back();
        if (!pw.empty() && pw.back() == '\r') pw.pop_back();
        opt.password = pw;
    }
    if (!isHubServer(opt.server)) {
        // Only Docker Hub exists in the simulation; other hosts do not answer.
        std::string host = opt.server;
        if (host.rfind("https://", 0) == 0) host = host.substr(8);
        if (host.rfind("http://", 0) == 0) host = host.substr(7);
        host = host.substr(0, host.find('/'));
        return fail(out, "Error response from daemon: Get \"https://" + host + "/v2/\": dial tcp: lookup " +
                             host.substr(0, host.find(':')) + ": no such host");
    }
    if (opt.user.empty() && !opt.password && !state.hub.loginUser.empty()) {
        // Stored credentials: the daemon checks them again.
        out.out += "Authenticating with existing credentials... [Username: " + state.hub.loginUser +
                   "]\nTo login with a different account, run 'docker logout' followed by 'docker login'\n\n"
                   "Login Succeeded\n";
        return out;
    }
    if (loginAsksPassword(state, opt)) {
        // PromptUserForCredentials on Docker Hub; the shell asks and runs the command again with the answer.
        out.out +=
            "\ni Info \u2192 A Personal Access Token (PAT) can be used instead.\n"
            "         To create a PAT, visit https://app.docker.com/settings\n         \n         \n"
            "Password: ";
        return out;
    }
    if ((opt.user.empty() || passwordFrom(opt).empty()) && !opt.terminal && !opt.answer)
        return fail(out, "Error: Cannot perform an interactive login from a non TTY device");
    if (opt.user.empty()) {
        out = fail(out,
                   "layerlab: docker login without --username: Docker 28 starts a web-based login here (a "
                   "one-time code to confirm in a browser), and the simulated hub has no website. Log in with "
                   "your Docker ID: docker login -u NAME (it asks for the password).");
        return out;
    }
    if (passwordFrom(opt).empty()) return fail(out, "Error: Password Required");
    if (!isDockerId(opt.user)) {
        out = fail(out,
                   "Error response from daemon: Get \"https://registry-1.docker.io/v2/\": unauthorized: incorrect "
                   "username or password");
        out.hints.push_back(
            {"A Docker ID is 4 to 30 lower-case letters and digits. The simulated hub accepts any such "
             "name with any password.",
             "Docker ID는 영어 소문자와 숫자 4~30자입니다. 시뮬레이션 허브는 그런 이름이면 어떤 "
             "비밀번호로도 로그인됩니다."});
        return out;
    }
    state.hub.loginUser = opt.user;
    out.err += "\nWARNING! Your credentials are stored unencrypted in '" + opt.configPath +
               "'.\nConfigure a credential helper to remove this warning. See\n"
               "https://docs.docker.com/go/credential-store/\n\n";
    out.out += "Login Succeeded\n";
    out.hints.push_back(
        {"Logged in as " + opt.user + ": you may now push images named " + opt.user +
             "/NAME. LayerLab's hub has no accounts: it accepts any password, keeps only the username, and forgets the "
             "password at once (a real Docker stores it base64-encoded in config.json, hence the warning).",
         ko::with(opt.user, ko::Particle::EuroRo) + " 로그인했습니다: 이제 " + opt.user +
             "/이름 형태의 이미지를 push할 수 있습니다. LayerLab의 허브에는 계정이 없습니다: 어떤 비밀번호든 받고, "
             "사용자 이름만 기억하며 비밀번호는 바로 잊습니다 (실제 Docker는 config.json에 base64로 저장하므로 경고가 "
             "나옵니다)."});
    return out;
}

ContainerOutcome logout(State& state, const std::string& server) {
    ContainerOutcome out;
    if (server.empty() || isHubServer(server)) {
        state.hub.loginUser.clear();
        out.out += std::string("Removing login credentials for ") + (server.empty() ? kIndexServer : server) + "\n";
        return out;
    }
    std::string host = server;   // credentials.ConvertToHostname
    if (host.rfind("https://", 0) == 0) host = host.substr(8);
    if (host.rfind("http://", 0) == 0) host = host.substr(7);
    host = host.substr(0, host.find('/'));
    out.out += "Removing login credentials for " + host + "\n";
    return out;
}

}   // namespace layerlab::engine
