#!/bin/sh
# Builds the build-system examples (examples/make, examples/cmake with each
# of its generators, examples/meson) with every tool installed, each in a
# scratch folder with its own copy of the spec and templates, and checks:
# the app prints the spec's text; a second build does nothing; touching the
# spec reruns the generator and compiles nothing; a new description of 404
# reruns it, recompiles http_status.c only and the app prints the new text;
# an edited partial (known from the depfile only) likewise. Writes nothing
# outside its scratch folder. Ends with "build-systems: N passed, N failed".
#
# usage: examples/build-systems.sh STATUSGEN
set -u
sg=${1:?usage: build-systems.sh STATUSGEN}
case $sg in /*) ;; *) sg=$(pwd)/$sg ;; esac
if [ ! -x "$sg" ]; then
  echo "build-systems: $sg: no such program" >&2; exit 2
fi
here=$(cd "$(dirname "$0")" && pwd)
top=$(dirname "$here")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
trap 'exit 1' INT TERM
# Builds started from make check must not inherit its flags (-n, -k, -j,
# variable settings).
unset MAKEFLAGS MFLAGS MAKELEVEL
passed=0 failed=0 tool=
new_text="Edited by build-systems.sh."

ok() { passed=$((passed + 1)); }
bad() { failed=$((failed + 1)); echo "build-systems: $tool: FAILED: $*"; }
show() { sed -n 's/^/  | /;1,40p' "$1"; }
has() { command -v "$1" >/dev/null 2>&1; }

# The file names of the sources a build log shows compiled, sorted.
compiled() {
  awk '/ -c / { n = split($NF, p, "/"); print p[n] }' "$1" | sort |
    tr '\n' ' ' | sed 's/ $//'
}

# Waits until a file changed now is newer than every file under $1, also
# on a file system with a coarse clock.
settle() {
  newest=$(find "$1" -type f -printf '%T@\n' | sort -n | tail -n 1)
  while :; do
    touch "$tmp/clock"
    now=$(find "$tmp/clock" -printf '%T@')
    awk -v a="$now" -v b="$newest" 'BEGIN { exit !(a + 0 > b + 0) }' &&
      return
    sleep 0.01
  done
}

# Gives 404 the description $2 in the spec $1.
describe_404() {
  awk -v text="$2" '/^  - code: 404$/ { f = 1 }
    f && /^    description:/ { print "    description: " text; f = 0; next }
    { print }' "$1" >"$tmp/spec.new" && cat "$tmp/spec.new" >"$1"
}

# build LOG STEP WANT_GENERATED WANT_COMPILED: runs $build, then checks
# that the generator ran (yes or no) and what was compiled.
build() {
  if ! $build "$w/$1" 2>&1; then
    bad "$2: the build failed"; show "$w/$1"; return 1
  fi
  ran=no
  if grep -qF -- "$sg " "$w/$1"; then ran=yes; fi
  got=$(compiled "$w/$1")
  if [ "$ran" = "$3" ] && [ "$got" = "$4" ]; then ok; else
    bad "$2: generator ran: $ran (want $3), compiled: '$got' (want '$4')"
    show "$w/$1"
  fi
}

# idle LOG STEP: a build now does nothing, and the tool says so.
idle() {
  build "$1" "$2" no "" || return
  if $idle "$w/$1"; then ok; else bad "$2: $idle_says"; fi
}

# run STEP WANT: the app prints WANT for 404.
run() {
  got=$("$w/build/app" 2>&1)
  if [ "$got" = "$2" ]; then ok; else bad "$1: app printed '$got', want '$2'"; fi
}

# steps: the scenario, once $w holds spec.yaml and tpl/ and $build, $idle
# and $configure are set.
steps() {
  desc=$(awk '/^  - code: 404$/ { f = 1 }
    f && /^    description:/ { sub(/^    description: */, ""); print; exit }
    ' "$w/spec.yaml")
  $configure "$w/configure.log" ||
    { bad "configuring failed"; show "$w/configure.log"; return; }
  build 1.log "first build" yes "app.c http_status.c" || return
  run "first build" "404 Not Found: $desc"
  idle 2.log "second build"

  settle "$w/build"
  touch "$w/spec.yaml"
  build 3.log "spec touched" yes "" || return
  idle 4.log "build after touching the spec"

  settle "$w/build"
  describe_404 "$w/spec.yaml" "$new_text"
  build 5.log "404 described anew" yes "http_status.c" || return
  run "404 described anew" "404 Not Found: $new_text"

  settle "$w/build"
  printf '/* edited partial */\n' >>"$w/tpl/_impl.mustache"
  build 6.log "partial edited" yes "http_status.c" || return
  if grep -q 'edited partial' "$w/build/http_status.c"; then ok
  else bad "partial edited: http_status.c lacks the partial's new line"; fi
  idle 7.log "build after the edits"
}

# scenario TOOL: a fresh scratch folder for TOOL, then the steps.
scenario() {
  tool=$1
  w=$tmp/$(echo "$tool" | tr -c 'a-zA-Z0-9\n' '_')
  mkdir -p "$w"
  cp "$top/spec/http_status.yaml" "$w/spec.yaml"
  cp -R "$top/templates" "$w/tpl"
  steps
}

# make: the stamp is an included makefile, so make -q must agree too.
make_build() {
  (cd "$w" && make -f "$here/make/Makefile" STATUSGEN="$sg" SPEC=spec.yaml \
    TEMPLATES=tpl BUILD=build) >"$1" 2>&1
}
make_idle() {
  (cd "$w" && make -q -f "$here/make/Makefile" STATUSGEN="$sg" \
    SPEC=spec.yaml TEMPLATES=tpl BUILD=build) >/dev/null 2>&1
}
true_configure() { :; }
build=make_build idle=make_idle configure=true_configure
idle_says="make -q says there is work"
scenario make

# cmake: with Ninja when installed, and with Unix Makefiles.
cmake_configure() {
  cmake -S "$here/cmake" -B "$w/build" -G "$generator" \
    -DSTATUSGEN="$sg" -DSPEC="$w/spec.yaml" -DTEMPLATES="$w/tpl" \
    >"$1" 2>&1
}
cmake_build() { cmake --build "$w/build" -v -j 1 >"$1" 2>&1; }
says_no_work() { grep -q 'no work to do' "$1"; }
idle_says="ninja does not say 'no work to do'"
if has cmake; then
  build=cmake_build configure=cmake_configure
  if has ninja; then
    generator=Ninja idle=says_no_work
    scenario "cmake (Ninja)"
  else
    echo "build-systems: skipped: cmake with Ninja: ninja not installed"
  fi
  generator="Unix Makefiles" idle=true
  scenario "cmake (Unix Makefiles)"
else
  echo "build-systems: skipped: cmake not installed"
fi

# meson, which builds with ninja.
meson_configure() {
  meson setup "$w/build" "$here/meson" -Dstatusgen="$sg" \
    -Dspec="$w/spec.yaml" -Dtemplates="$w/tpl" >"$1" 2>&1
}
meson_build() { ninja -C "$w/build" -v -j 1 >"$1" 2>&1; }
if ! has meson; then
  echo "build-systems: skipped: meson not installed"
elif ! has ninja; then
  echo "build-systems: skipped: meson: ninja not installed"
else
  build=meson_build idle=says_no_work configure=meson_configure
  scenario meson
fi

echo "build-systems: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
