#!/bin/sh
# Stress: many runs on one output folder at once, and runs killed at
# random moments. Each part stops after STRESS_SECONDS (default 4) or its
# number of rounds, whichever comes first.
#
# Concurrency: writers of two specs A and B (every output differs between
# them) and --check runs of both start together, round after round. After
# each round the folder must hold all of A's set or all of B's and no
# temporary; every writer must exit 0 and every check 0 or 1, having seen
# a whole set (with -v it says of each output whether it is stale: all or
# none must be).
#
# Kill: a generation of several MB is killed at a random moment while it
# replaces another set. After SIGKILL the folder must hold the old set, the
# new set, or what the next run turns back into one; after SIGINT, SIGTERM
# or SIGHUP it must hold the old or the new set at once, and no temporary.
# Then a normal run must write the new set and leave nothing of its own.
#
# Ends with "stress: N passed, N failed"; exits 1 when any round failed.
#
# usage: tests/stress.sh STATUSGEN
set -u
statusgen=${1:?usage: stress.sh STATUSGEN}
seconds=${STRESS_SECONDS:-4}
# A memory file system when there is one: fsync costs nothing there.
parent=${TMPDIR:-/tmp}
[ -n "${TMPDIR:-}" ] || [ ! -w /dev/shm ] || parent=/dev/shm
tmp=$(mktemp -d "$parent/statusgen-stress.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT
trap 'exit 2' INT TERM HUP
passed=0 failed=0

fail() {
  failed=$((failed + 1))
  echo "stress: FAILED: $*"
}

now_ms() { echo $(($(date +%s%N) / 1000000)); }

# random N: a number from 0 to N - 1.
random() {
  echo $(($(od -An -N4 -tu4 /dev/urandom | tr -d ' ') % $1))
}

# sum DIR: one checksum of the outputs of DIR (not our own files).
sum() { cat "$1"/* | cksum; }

# same_set DIR REF: DIR holds exactly the files of REF, byte for byte, and
# nothing else (no temporary, whatever its name).
same_set() {
  [ "$(ls -A "$1")" = "$(ls -A "$2")" ] &&
    [ "$(sum "$1")" = "$(cat "$2.sum")" ]
}

# reference NAME SPEC [OPTIONS]: the set SPEC gives, in $tmp/NAME.
reference() {
  name=$1 spec=$2
  shift 2
  mkdir "$tmp/$name" &&
    "$statusgen" -q "$@" -o "$tmp/$name" "$spec" &&
    sum "$tmp/$name" >"$tmp/$name.sum" ||
    { echo "stress: cannot generate $name" >&2; exit 2; }
}

# ---- concurrency ----

a=spec/http_status.yaml
b=$tmp/b.yaml
sed 's/^\(    description: The client\) should continue with/\1 goes on with/' \
  "$a" >"$b"
cmp -s "$a" "$b" && { echo "stress: spec B equals spec A" >&2; exit 2; }
reference refA "$a"
reference refB "$b"
for f in "$tmp"/refA/*; do
  cmp -s "$f" "$tmp/refB/${f##*/}" &&
    { echo "stress: ${f##*/} is the same for A and B" >&2; exit 2; }
done

# check_seen LOG: the check's verdicts were all "stale" or all current.
check_seen() {
  stale=$(grep -c ': stale$' "$1")
  current=$(grep -c ' is up to date$' "$1")
  [ $((stale + current)) -gt 0 ] && { [ "$stale" = 0 ] || [ "$current" = 0 ]; }
}

out=$tmp/out
mkdir "$out"
cp "$tmp"/refA/* "$out/"
rounds=0 checks0=0 checks1=0
deadline=$(($(now_ms) + seconds * 1000))
while [ $rounds -lt 300 ] && [ "$(now_ms)" -lt $deadline ]; do
  rounds=$((rounds + 1))
  first=$a second=$b
  [ $((rounds % 2)) = 0 ] || first=$b second=$a
  "$statusgen" -q -o "$out" "$first" 2>"$tmp/w1" & w1=$!
  "$statusgen" -v --check -o "$out" "$a" >"$tmp/c1" 2>&1 & c1=$!
  "$statusgen" -q -o "$out" "$second" 2>"$tmp/w2" & w2=$!
  "$statusgen" -v --check -o "$out" "$b" >"$tmp/c2" 2>&1 & c2=$!
  "$statusgen" -q -o "$out" "$first" 2>"$tmp/w3" & w3=$!
  why=
  for w in "$w1:w1" "$w2:w2" "$w3:w3"; do
    wait "${w%%:*}" || why="$why writer exited $?: $(cat "$tmp/${w#*:}")"
  done
  for c in "$c1:c1" "$c2:c2"; do
    wait "${c%%:*}"
    rc=$?
    case $rc in
      0) checks0=$((checks0 + 1)) ;;
      1) checks1=$((checks1 + 1)) ;;
      *) why="$why check exited $rc: $(cat "$tmp/${c#*:}")" ;;
    esac
    check_seen "$tmp/${c#*:}" || why="$why a check saw a mixed set:
$(cat "$tmp/${c#*:}")"
  done
  same_set "$out" "$tmp/refA" || same_set "$out" "$tmp/refB" ||
    why="$why not one whole set: $(ls -A "$out" | tr '\n' ' ')"
  if [ -z "$why" ]; then passed=$((passed + 1)); else
    fail "concurrency round $rounds:$why"
    cp "$tmp"/refA/* "$out/"
  fi
done
echo "stress: concurrency: $rounds rounds of 3 writers and 2 checks" \
  "(checks: $checks0 current, $checks1 stale)"

# ---- kill ----

# A templates folder whose outputs are several MB: each template's text
# repeated. And one more, broken, for a run that fails after it has
# taken the folder's lock (and so put back what a killed run left).
big=$tmp/big
mkdir "$big" "$tmp/broken"
cp templates/_*.mustache "$big/"
for t in templates/*.mustache; do
  case ${t##*/} in _*) continue ;; esac
  i=0
  while [ $i -lt 60 ]; do cat "$t"; i=$((i + 1)); done >"$big/${t##*/}"
done
cp "$big"/*.mustache "$tmp/broken/"
printf '{{#unclosed}}\n' >"$tmp/broken/broken.h.mustache"
reference bigA "$a" -t "$big"
reference bigB "$b" -t "$big"
kout=$tmp/kout
mkdir "$kout"

start=$(now_ms)
"$statusgen" -q -t "$big" -o "$kout" "$b" || exit 2
duration=$(($(now_ms) - start + 1))

# killed SIG: one round, the new set replacing the old, killed by SIG.
killed() {
  sig=$1
  rm -rf "$kout" && mkdir "$kout" && cp "$tmp"/bigA/* "$kout/"
  delay=$(random "$duration")
  $default_signals "$statusgen" -q -t "$big" -o "$kout" "$b" 2>"$tmp/kerr" &
  pid=$!
  sleep "$(printf '%d.%03d' $((delay / 1000)) $((delay % 1000)))"
  kill -s "$sig" "$pid" 2>/dev/null
  { wait "$pid"; } 2>/dev/null # no "Killed" from the shell
  rc=$?
  why=
  case $sig:$rc in
    *:0|KILL:137|INT:130|TERM:143|HUP:129) ;;
    *) why="exit $rc: $(cat "$tmp/kerr")" ;;
  esac
  if ! same_set "$kout" "$tmp/bigA" && ! same_set "$kout" "$tmp/bigB"; then
    if [ "$sig" != KILL ]; then
      why="$why not one whole set at once: $(ls -A "$kout" | tr '\n' ' ')"
    else # what a killed run left, the next run puts back
      recovered=$((recovered + 1))
      "$statusgen" -q -t "$tmp/broken" -o "$kout" "$b" 2>/dev/null
      same_set "$kout" "$tmp/bigA" || same_set "$kout" "$tmp/bigB" ||
        why="$why the next run left: $(ls -A "$kout" | tr '\n' ' ')"
    fi
  fi
  "$statusgen" -q -t "$big" -o "$kout" "$b" 2>"$tmp/kerr" ||
    why="$why the next run failed: $(cat "$tmp/kerr")"
  same_set "$kout" "$tmp/bigB" ||
    why="$why then a normal run left: $(ls -A "$kout" | tr '\n' ' ')"
  if [ -z "$why" ]; then passed=$((passed + 1)); else
    fail "killed by SIG$sig after $delay ms:$why"
  fi
}

# A job started with & ignores SIGINT: give it back its default first
# (coreutils env), else leave SIGINT out.
default_signals="env --default-signal=INT,QUIT"
signals="KILL KILL INT TERM HUP"
$default_signals true 2>/dev/null ||
  default_signals= signals="KILL KILL TERM HUP"
kills=0 recovered=0
deadline=$(($(now_ms) + seconds * 1000))
while [ $kills -lt 60 ] && [ "$(now_ms)" -lt $deadline ]; do
  for sig in $signals; do
    killed $sig
    kills=$((kills + 1))
  done
done
echo "stress: kill: $kills rounds of a ${duration} ms run" \
  "($(du -sk "$tmp/bigB" | cut -f1) kB), $recovered put back by the next run"
echo "stress: $passed passed, $failed failed"
[ "$failed" = 0 ]
