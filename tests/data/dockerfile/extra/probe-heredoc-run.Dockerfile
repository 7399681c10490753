RUN <<EOF
echo hi
EOF
