// machine_help: `help` and command-not-found notes. See machine_help.hpp.
#include "sim/cli/machine_help.hpp"

#include <algorithm>

#include "sim/korean.hpp"

namespace layerlab::cli {

std::string machineHelp(const std::string& lang) {
    if (lang == "ko")
        return "LayerLab 터미널: Docker가 설치된 가상 호스트입니다. 파일은 빌드 컨텍스트 폴더 ~/app에 있습니다.\n"
               "\n"
               "호스트 명령:\n"
               "  ls [-l] [-a] [경로]      cat 파일...            echo 텍스트 [> 파일 | >> 파일]\n"
               "  cat > 파일 <<'EOF'       (EOF 줄까지 입력한 내용을 파일에 씁니다)\n"
               "  rm [-r] [-f] 경로        mkdir [-p] 폴더        touch 파일     chmod +x|755 파일\n"
               "  cp  mv  grep  head  tail  wc  sort  uniq  cut  tee  xargs  printf  test  sleep  env  which\n"
               "  nano|vi|edit 파일        (터미널에서 내 편집기로 엽니다)\n"
               "  cd 폴더   pwd            curl http://localhost:포트/경로\n"
               "  why [단계]               마지막 빌드의 각 단계가 캐시를 썼는지, 왜 다시 실행됐는지 (LayerLab 명령)\n"
               "  export 변수=값           clear   history   help   exit\n"
               "  bash 문법도 실제 호스트처럼 동작합니다: && || ; | $(...) $변수 * if/for/while 2>&1 < > >>\n"
               "\n"
               "Docker 명령 (Docker 28처럼 동작; 각 명령에 --help):\n"
               "  docker run | create | start | stop | restart | kill | pause | unpause | rm\n"
               "  docker ps | logs | attach | exec | inspect | container ls | container prune\n"
               "  docker images | image ls | image inspect | history | tag | rmi | image rm | image prune\n"
               "  docker pull | build (BuildKit; DOCKER_BUILDKIT=0이면 레거시 빌더) | version | info | system df\n"
               "  docker diff | commit | cp | export | import | save | load (이미지를 tar 파일로; tar -tf로 보기)\n"
               "  docker rename | port | top | wait | stats --no-stream\n"
               "  docker volume create | ls | inspect | rm | prune,  docker run -v 이름:/경로 | --mount\n"
               "  docker network create | ls | inspect | rm | connect | disconnect | prune,  docker run --network 이름\n"
               "  docker login | logout | push | search (시뮬레이션 Docker Hub),  docker update | events,\n"
               "  docker run --restart no|always|unless-stopped|on-failure[:N]\n"
               "  docker container ... / docker image ... / docker volume ... 형태도 됩니다.\n"
               "\n"
               "컨테이너에 연결(attach)되어 있을 때:\n"
               "  Ctrl-C        컨테이너 프로그램에 SIGINT를 보냅니다 (스크립트에서는 ^C라고 씁니다). -it 없이 세 번\n"
               "                누르면 docker 클라이언트가 포기하고 프롬프트로 돌아옵니다: 컨테이너는 계속 실행됩니다\n"
               "  Ctrl-P Ctrl-Q -it로 시작한 컨테이너에서 분리(detach)합니다 (스크립트에서는 ^P^Q)\n"
               "  Ctrl-\\        LayerLab 전용: 실제 터미널 창을 닫듯이 이 터미널을 닫고 새로 엽니다.\n"
               "                컨테이너는 계속 실행됩니다 (스크립트에서는 ^\\)\n"
               "\n"
               "모델링하지 않는 Docker 명령(swarm, plugin, context, compose, buildx bake ...)은 실행하면\n"
               "그렇다고, 그리고 이유를 알려 줍니다.\n";
    return "LayerLab terminal: a simulated host with Docker. Your files are in the build-context folder ~/app.\n"
           "\n"
           "Host commands:\n"
           "  ls [-l] [-a] [PATH]      cat FILE...            echo TEXT [> FILE | >> FILE]\n"
           "  cat > FILE <<'EOF'       (writes the lines you type up to the EOF line)\n"
           "  rm [-r] [-f] PATH        mkdir [-p] DIR         touch FILE     chmod +x|755 FILE\n"
           "  cp  mv  grep  head  tail  wc  sort  uniq  cut  tee  xargs  printf  test  sleep  env  which\n"
           "  nano|vi|edit FILE        (in a terminal: opens your own editor)\n"
           "  cd DIR   pwd             curl http://localhost:PORT/PATH\n"
           "  why [STEP]               which steps of the last build were cached, and why the others ran (LayerLab's own)\n"
           "  export VAR=value         clear   history   help   exit\n"
           "  bash syntax: && || ; | $(...) $VAR * if/for/while 2>&1 < > >> work as on a real host.\n"
           "\n"
           "Docker commands (they behave like Docker 28; each has --help):\n"
           "  docker run | create | start | stop | restart | kill | pause | unpause | rm\n"
           "  docker ps | logs | attach | exec | inspect | container ls | container prune\n"
           "  docker images | image ls | image inspect | history | tag | rmi | image rm | image prune\n"
           "  docker pull | build (BuildKit; the legacy builder with DOCKER_BUILDKIT=0) | version | info | system df\n"
           "  docker diff | commit | cp | export | import | save | load (images as tar files; look with tar -tf)\n"
           "  docker rename | port | top | wait | stats --no-stream\n"
           "  docker volume create | ls | inspect | rm | prune,  docker run -v NAME:/PATH | --mount\n"
           "  docker network create | ls | inspect | rm | connect | disconnect | prune,  docker run --network NAME\n"
           "  docker login | logout | push | search (a simulated Docker Hub),  docker update | events,\n"
           "  docker run --restart no|always|unless-stopped|on-failure[:N]\n"
           "  The docker container ... / docker image ... / docker volume ... forms work as well.\n"
           "\n"
           "While attached to a container:\n"
           "  Ctrl-C        sends SIGINT to the container's program (write ^C in a script); without -it, the third\n"
           "                in a row makes the docker client give up and return the prompt; the container runs on\n"
           "  Ctrl-P Ctrl-Q detaches from a container started with -it (write ^P^Q in a script)\n"
           "  Ctrl-\\        LayerLab only: closes this terminal window and opens a new one, as closing a real\n"
           "                window would; the container keeps running (^\\)\n"
           "\n"
           "Docker commands left out (swarm, plugin, context, compose, buildx bake, ...) say so, and why,\n"
           "when you run them.\n";
}

std::optional<engine::Hint> commandNotFoundHint(const std::string& name) {
    static const char* const programs[] = {"node", "npm", "npx", "python", "python3", "pip", "nginx", "redis-server"};
    for (const char* p : programs)
        if (name == p)
            return engine::Hint{
                name +
                    " is not installed on this host, and that is the point: it lives inside images. Try "
                    "docker run node, or build the app's image with docker build.",
                ko::with(name, ko::Particle::EunNeun) +
                    " 호스트에 설치되어 있지 않습니다. 바로 그게 핵심입니다: 프로그램은 "
                    "이미지 안에 있습니다. docker run node를 실행하거나 docker build로 앱 이미지를 만들어 보세요."};
    // `sed -i` edits a file in place; this shell rewrites files with a heredoc instead.
    if (name == "sed")
        return engine::Hint{
            "This shell has no sed. To change a file, write it again with a heredoc: cat > server.js <<'EOF', "
            "the new lines, then EOF (or append a line: echo \"...\" >> server.js).",
            "이 셸에는 sed가 없습니다. 파일을 바꾸려면 heredoc으로 다시 쓰세요: cat > server.js <<'EOF', 새 "
            "내용, 그리고 EOF (줄을 덧붙이려면 echo \"...\" >> server.js)."};
    // a near miss of "docker" (one edit or a swap)
    const std::string d = "docker";
    if (name.size() >= 5 && name.size() <= 7 && name != d) {
        size_t same = 0;
        for (size_t i = 0; i < std::min(name.size(), d.size()); ++i) same += name[i] == d[i];
        std::string a = name, b = d;
        std::sort(a.begin(), a.end());
        std::sort(b.begin(), b.end());
        if (a == b || same + 1 >= d.size())
            return engine::Hint{"Did you mean docker?", "docker를 입력하려던 것인가요?"};
    }
    return std::nullopt;
}

}   // namespace layerlab::cli
