#!/usr/bin/env bash
# The terminal's keyboard in a real pseudo-terminal: `layerlab shell` runs
# inside tmux, keys go in with `tmux send-keys` and the screen comes back
# with `tmux capture-pane`. Checks Ctrl-W, Ctrl-U, Ctrl-R, Ctrl-C, Tab and
# Tab Tab (from the simulated machine's state), Hangul editing, the attached
# container's keys (Ctrl-P Ctrl-Q, Ctrl-D) and history kept across runs.
#
# Usage: keys.sh PATH/TO/layerlab. Exit 77 (ctest: skipped) without tmux.
set -u
BIN=${1:?usage: keys.sh PATH/TO/layerlab}
command -v tmux > /dev/null || { echo "tmux is not installed: skipped"; exit 77; }

TMP=$(mktemp -d)
SOCK="layerlab-keys-$$"
cleanup() { tmux -L "$SOCK" kill-server 2> /dev/null; rm -rf "$TMP"; }
trap cleanup EXIT
FAILED=0

start() {
  tmux -L "$SOCK" -f /dev/null new-session -d -x 100 -y 50 \
    "env -i HOME=$TMP XDG_DATA_HOME=$TMP/data TERM=xterm LANG=C.UTF-8 $BIN shell --lang en; sleep 120"
}
keys() { tmux -L "$SOCK" send-keys "$@"; }
typed() { tmux -L "$SOCK" send-keys -l "$1"; }
screen() { tmux -L "$SOCK" capture-pane -p; }
clear_screen() { tmux -L "$SOCK" send-keys C-l; tmux -L "$SOCK" clear-history; sleep 0.2; }

# wait_for GREP-OPTION TEXT: until the screen shows TEXT (15 s at most: a cold first start under load is slow)
wait_for() {
  for _ in $(seq 150); do
    screen | grep -q "$1" -- "$2" && return 0
    sleep 0.1
  done
  return 1
}

check() {   # check NAME TEXT: some line of the screen contains TEXT
  if wait_for -F "$2"; then echo "ok   $1"; else
    echo "FAIL $1: the screen does not show: $2"; echo "---- screen:"; screen; echo "----"; FAILED=1
  fi
}

check_line() {   # check_line NAME LINE: a line of the screen is exactly LINE
  if wait_for -xF "$2"; then echo "ok   $1"; else
    echo "FAIL $1: no screen line is: $2"; echo "---- screen:"; screen; echo "----"; FAILED=1
  fi
}

check_absent() {   # check_absent NAME TEXT
  sleep 0.3
  if screen | grep -qF -- "$2"; then
    echo "FAIL $1: the screen shows: $2"; echo "---- screen:"; screen; echo "----"; FAILED=1
  else echo "ok   $1"; fi
}

PROMPT='learner@layerlab:~/app$'
start
check "prompt" "$PROMPT"
[ $FAILED = 0 ] || exit 1   # no shell: every other check would only time out

# Ctrl-W cuts the word before the cursor (up to a blank, like bash)
typed 'echo one two:2'; keys C-w; typed 'three'; keys Enter
check_line "Ctrl-W" "one three"
check_absent "Ctrl-W cut the whole word" "two"

# Ctrl-U cuts back to the start of the line; Ctrl-Y pastes it back
clear_screen
typed 'nonsense words'; keys C-u; typed 'echo cleared'; keys Enter
check_line "Ctrl-U" "cleared"
check_absent "Ctrl-U left nothing behind" "nonsense"
typed 'echo pasted'; keys C-u C-y C-y; keys Enter
check_line "Ctrl-Y" "pastedecho pasted"

# Ctrl-C abandons the line, "^C" where the cursor is
clear_screen
typed 'echo abandoned'; keys C-c
check_line "Ctrl-C" "$PROMPT echo abandoned^C"
keys Enter
sleep 0.3
if screen | grep -qxF abandoned; then echo "FAIL Ctrl-C ran the line"; FAILED=1; else echo "ok   Ctrl-C ran nothing"; fi

# Ctrl-R finds an earlier line; Enter runs it
clear_screen
keys C-r; typed 'clea'; sleep 0.2; keys Enter
check_line "Ctrl-R" "cleared"

# Tab: containers of the simulated machine, a shared prefix, the second Tab lists
clear_screen
typed 'docker run -d --name web-1 nginx'; keys Enter
check "a container" "Status: Downloaded newer image for nginx:latest"
typed 'docker run -d --name web-2 nginx'; keys Enter
sleep 0.3
clear_screen
# (capture-pane drops trailing blanks: the space Tab adds shows once more is typed)
typed 'docker sto'; keys Tab
check_line "Tab: a docker command" "$PROMPT docker stop"
typed 'we'; keys Tab
check "Tab: the common part of two names" "docker stop web-"
keys Tab Tab
check "Tab Tab: the choices" "web-1  web-2"
typed '2'; keys Enter
check_line "the completed command ran" "web-2"

# Tab: a flag after `docker run -`, and files with spaces escaped as bash does
clear_screen
typed 'docker run --rm --na'; keys Tab; typed 'x'
check_line "Tab: a flag" "$PROMPT docker run --rm --name x"
keys C-u
typed "echo hello > 'my file.txt'"; keys Enter
typed 'cat my'; keys Tab; keys Enter
check_line "Tab: a path with a space" "$PROMPT cat my\\ file.txt"
check_line "the file's text" "hello"

# Hangul: Backspace takes one syllable
clear_screen
typed 'echo 한글'; keys BSpace; typed '국'; keys Enter
check_line "Hangul" "한국"

# Attached: Ctrl-P Ctrl-Q detaches, Ctrl-D ends node's REPL
clear_screen
typed 'docker run -it --name repl node'; keys Enter
check "attached to node" "Welcome to Node.js"
typed "console.log('hi there')"; keys Enter
check_line "the container's REPL" "hi there"
keys C-p C-q
check "Ctrl-P Ctrl-Q" "read escape sequence"
typed 'docker attach repl'; keys Enter
sleep 0.3
keys C-d
sleep 0.3
typed 'docker ps -a'; keys Enter
check "Ctrl-D ended the container's program" "Exited (0)"

# History kept across runs: exit, start again, Up and `history`
typed 'echo last of run one'; keys Enter
check_line "before exit" "last of run one"
keys C-d
sleep 0.5
if test -s "$TMP/data/layerlab/history"; then echo "ok   the history file"; else
  echo "FAIL no history file in $TMP/data/layerlab"; FAILED=1; fi
tmux -L "$SOCK" kill-server 2> /dev/null
# A fresh server on a new socket: a new session on the old socket can land on
# the server that is still shutting down and vanish with it.
SOCK="layerlab-keys-$$-2"
start
check "second run" "$PROMPT"
keys Up; sleep 0.2; keys Enter
check_line "Up recalls the earlier run" "last of run one"
typed 'history'; keys Enter
check "history lists the earlier run" "echo one three"

exit $FAILED
