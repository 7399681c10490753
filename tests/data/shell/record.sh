#!/bin/bash
# Records the expected columns of the shell table from REAL shells on this
# machine: bash 5 (interactive, as the learner's host terminal, LANG=C.UTF-8
# with GNU coreutils), dash and busybox sh (as /bin/sh in a RUN: LANG unset).
# Usage: tests/data/shell/record.sh   (rewrites bash.tsv, dash.tsv, ash.tsv)
# Never run by the tests: the tests only read the .tsv files.
#
# Each command runs in a fresh copy of the fixture folder (the same files
# tests/test_shell_table.cpp builds in memory). Columns: command, stdout,
# stderr, exit status; "\n", "\t" and "\\" are escaped.
set -u
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

fixture() {
    rm -rf "$work/app" && mkdir -p "$work/app/sub"
    printf 'hello\nworld\n' > "$work/app/a.txt"
    printf 'console.log(1)\n' > "$work/app/b.js"
    printf 'c\n' > "$work/app/sub/c.txt"
    printf 'pear\napple\npear\nfig\n' > "$work/app/fruits"
    printf 'root:x:0\nnode:x:1000\n' > "$work/app/passwd"
}

esc() { perl -0777 -pe 's/\\/\\\\/g; s/\t/\\t/g; s/\n/\\n/g'; }

record() {   # $1 = flavour, rest = how to run a command given as "$cmd"
    local flavour=$1 out="$here/$1.tsv"
    : > "$out"
    while IFS= read -r cmd || [ -n "$cmd" ]; do
        [ -z "$cmd" ] && continue
        case "$cmd" in \#*) continue ;; esac
        fixture
        local so se st
        so=$(cd "$work/app" && run_$flavour "$cmd" 2>"$work/err"; echo "~$?")
        st=${so##*~}
        so=${so%~*}
        se=$(grep -v -e '^bash: cannot set terminal process group' -e '^bash: no job control' "$work/err"; echo "~")
        se=${se%"~"}
        # $(...) drops trailing newlines: keep whether there was one.
        printf '%s\t%s\t%s\t%s\n' "$(printf '%s' "$cmd" | esc)" "$(printf '%s' "$so" | esc)" \
            "$(printf '%s' "$se" | esc)" "$st" >> "$out"
    done < "$here/commands-$flavour.txt"
}

run_bash() { env -i HOME=/home/learner PATH=/usr/bin:/bin LANG=C.UTF-8 bash --norc --noprofile -i -c "$1"; }
run_dash() { env -i HOME=/root PATH=/usr/bin:/bin bash -c 'exec -a /bin/sh dash -c "$1"' x "$1"; }
run_ash() { env -i HOME=/root PATH=/usr/bin:/bin busybox sh -c "$1" 2> >(sed 's#^sh: #/bin/sh: #' >&2); }

record bash
record dash
command -v busybox >/dev/null && record ash
