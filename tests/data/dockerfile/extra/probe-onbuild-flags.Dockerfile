ONBUILD --x RUN --mount=type=cache,target=/a echo hi
