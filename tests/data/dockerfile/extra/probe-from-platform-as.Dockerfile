frOm --platform=linux/amd64 alpine AS build
