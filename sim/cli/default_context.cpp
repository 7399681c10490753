// default_context: the embedded copy of assets/context/node-app/ (see the
// header). Keep it equal to those files: tests/test_cli_default_context.cpp
// compares them byte for byte.
#include "sim/cli/default_context.hpp"

namespace layerlab::cli {

const std::vector<std::pair<std::string, std::string>>& defaultContextFiles() {
    static const std::vector<std::pair<std::string, std::string>> files = {
        {".dockerignore", R"EOF(node_modules
*.log
)EOF"},
        {"Dockerfile", R"EOF(# 베이스 이미지 파일 설정
FROM node

# working directory 설정
WORKDIR /app

# workdir의 모든 파일을 /app 로 복사한다.
COPY . /app

# 이미지 생성시 실행
RUN npm install

# 컨테이너 내부에서 수신 대기중인 포트를 외부로 알린다.
EXPOSE 80

# 이미지를 기반으로 컨테이너 시작시 실행
CMD ["node", "server.js"]
)EOF"},
        {"Dockerfile.notes", R"EOF(FROM node # 베이스 이미지 파일 설정 

WORKDIR /app # working directory 설정 

COPY . /app # workdir의 모든 파일을 /app 로 복사한다.

RUN npm install # 이미지 생성시 실행

EXPOSE 80 # 컨테이너 내부에서 수신 대기중인 포트를 외부로 알린다.

CMD ["node", "server.js"] # 이미지를 기반으로 컨테이너 시작시 실행
)EOF"},
        {"package.json", R"EOF({
  "name": "layerlab-node-app",
  "version": "1.0.0",
  "description": "The course notes' small web server",
  "main": "server.js",
  "scripts": {
    "start": "node server.js"
  },
  "dependencies": {
    "express": "^4.18.2"
  }
}
)EOF"},
        {"server.js", R"EOF(const express = require('express');

const app = express();

app.get('/', (req, res) => {
  res.send('<h1>Hello from LayerLab!</h1>');
});

app.listen(80, () => {
  console.log('Server listening on port 80');
});
)EOF"},
    };
    return files;
}

fs::FileTree defaultContextTree(int64_t mtimeMs) {
    fs::FileTree tree;
    for (const auto& [name, content] : defaultContextFiles())
        tree = tree.withFile(name, content, 0644, 1000, 1000, mtimeMs);
    return tree;
}

}   // namespace layerlab::cli
