# 베이스 이미지 파일 설정
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
