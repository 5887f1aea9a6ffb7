#!/bin/sh
# Installs statusgen into a staging folder, then builds the build-system
# examples (examples/make with the installed statusgen.mk, examples/cmake
# with find_package(statusgen) and each of its generators, examples/meson
# with the installed Meson fragment) with every tool installed, each
# copied to a scratch folder outside the project, against the staged
# install (its bin folder first in PATH), for two specs:
#
# - the HTTP spec, with a copy of the templates: the app prints the spec's
#   text; a second build does nothing; touching the spec reruns the
#   generator and compiles nothing; a new description of 404 reruns it,
#   recompiles http_status.c only and the app prints the new text; an
#   edited partial (known from the depfile only) likewise;
# - the installed starter spec app_errors.yaml (statusgen --init), with
#   the installed templates: the app prints the spec's text, and a second
#   build does nothing.
#
# Writes nothing outside its scratch folder but the project's build
# folder (make install). Ends with "build-systems: N passed, N failed".
#
# usage: examples/build-systems.sh STATUSGEN [MAKE VARIABLES...]
# (STATUSGEN: the built program, which make install installs; the make
# variables are given to make install, as SANITIZE=1.)
set -u
built=${1:?usage: build-systems.sh STATUSGEN [MAKE VARIABLES...]}
shift
if [ ! -x "$built" ]; then
  echo "build-systems: $built: no such program" >&2; exit 2
fi
here=$(cd "$(dirname "$0")" && pwd)
top=$(dirname "$here")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
trap 'exit 1' INT TERM
passed=0 failed=0 tool=
new_text="Edited by build-systems.sh."

ok() { passed=$((passed + 1)); }
bad() { failed=$((failed + 1)); echo "build-systems: $tool: FAILED: $*"; }
show() { sed -n 's/^/  | /;1,40p' "$1"; }
has() { command -v "$1" >/dev/null 2>&1; }

prefix=/usr/local
stage=$tmp/stage
if ! (cd "$top" && make -s "$@" install DESTDIR="$stage" PREFIX=$prefix) \
  >"$tmp/install.log" 2>&1; then
  tool="make install" bad "staging an install"; show "$tmp/install.log"
  echo "build-systems: $passed passed, $failed failed"; exit 1
fi
sg=$stage$prefix/bin/statusgen
share=$stage$prefix/share/statusgen
PATH=$stage$prefix/bin:$PATH
export PATH
# Builds started from make check must not inherit its flags (-n, -k, -j,
# variable settings).
unset MAKEFLAGS MFLAGS MAKELEVEL

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

# The description of the status $2 in the spec $1, when on one line.
description() {
  awk -v code="$2" '$0 == "  - code: " code { f = 1 }
    f && /^    description:/ { sub(/^    description: */, ""); print; exit }
    ' "$1"
}

# build LOG STEP WANT_GENERATED WANT_COMPILED: runs $build, then checks
# that the generator ran (yes or no) and what was compiled.
build() {
  if ! $build "$w/$1" 2>&1; then
    bad "$2: the build failed"; show "$w/$1"; return 1
  fi
  ran=no
  if grep -qE -- '(^|[ /"])statusgen"? (.* )?-M ' "$w/$1"; then ran=yes; fi
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

# run STEP CODE WANT: the app prints WANT for CODE.
run() {
  got=$("$w/build/app" "$2" 2>&1)
  if [ "$got" = "$3" ]; then ok; else bad "$1: app printed '$got', want '$3'"; fi
}

# configure: $configure, once $w holds the example and its inputs.
configure() {
  $configure "$w/configure.log" && return
  bad "configuring failed"; show "$w/configure.log"; return 1
}

# http_steps: the whole scenario with the HTTP spec and its own templates.
http_steps() {
  desc=$(description "$w/spec.yaml" 404)
  configure || return
  build 1.log "first build" yes "app.c http_status.c" || return
  run "first build" 404 "404 Not Found: $desc"
  idle 2.log "second build"

  settle "$w/build"
  touch "$w/spec.yaml"
  build 3.log "spec touched" yes "" || return
  idle 4.log "build after touching the spec"

  settle "$w/build"
  describe_404 "$w/spec.yaml" "$new_text"
  build 5.log "404 described anew" yes "http_status.c" || return
  run "404 described anew" 404 "404 Not Found: $new_text"

  settle "$w/build"
  printf '/* edited partial */\n' >>"$w/tpl/_impl.mustache"
  build 6.log "partial edited" yes "http_status.c" || return
  if find "$w/build" -name http_status.c -exec grep -q 'edited partial' {} +
  then ok; else bad "partial edited: http_status.c lacks the partial's new line"; fi
  idle 7.log "build after the edits"
}

# errors_steps: the starter spec with the installed templates.
errors_steps() {
  configure || return
  build 1.log "first build" yes "app.c app_errors.c" || return
  run "first build" 101 "101 Busy: $(description "$w/spec.yaml" 101)"
  idle 2.log "second build"
}

# scenario TOOL SPEC: a fresh scratch folder for TOOL and SPEC (http or
# errors) holding a copy of the example, then the steps.
scenario() {
  tool="$1, $2"
  w=$tmp/$(echo "$1-$2" | tr -c 'a-zA-Z0-9\n-' '_')
  mkdir -p "$w/src"
  cp -R "$here/$example" "$here/build-systems" "$w/src/"
  if [ "$example" = meson ]; then cp -R "$share/meson" "$w/src/meson/statusgen"; fi
  templates=
  case $2 in
  http)
    cp "$top/spec/http_status.yaml" "$w/spec.yaml"
    cp -R "$share/templates" "$w/tpl"
    templates=$w/tpl
    http_steps ;;
  errors)
    cp "$share/examples/app_errors.yaml" "$w/spec.yaml"
    errors_steps ;;
  esac
}

# both TOOL: the scenario for each spec.
both() {
  scenario "$1" http
  scenario "$1" errors
}

# make: the stamp is an included makefile, so make -q must agree too.
make_build() {
  (cd "$w" && make -f src/make/Makefile SPEC=spec.yaml TEMPLATES="$templates" \
    BUILD=build) >"$1" 2>&1
}
make_idle() {
  (cd "$w" && make -q -f src/make/Makefile SPEC=spec.yaml \
    TEMPLATES="$templates" BUILD=build) >/dev/null 2>&1
}
true_configure() { :; }
example=make build=make_build idle=make_idle configure=true_configure
idle_says="make -q says there is work"
both make

# cmake: with Ninja when installed, and with Unix Makefiles.
cmake_configure() {
  cmake -S "$w/src/cmake" -B "$w/build" -G "$generator" \
    -DCMAKE_PREFIX_PATH="$stage$prefix" -DSPEC="$w/spec.yaml" \
    -DTEMPLATES="$templates" >"$1" 2>&1
}
cmake_build() { cmake --build "$w/build" -v -j 1 >"$1" 2>&1; }
says_no_work() { grep -q 'no work to do' "$1"; }
idle_says="ninja does not say 'no work to do'"
if has cmake; then
  example=cmake build=cmake_build configure=cmake_configure
  if has ninja; then
    generator=Ninja idle=says_no_work
    both "cmake (Ninja)"
  else
    echo "build-systems: skipped: cmake with Ninja: ninja not installed"
  fi
  generator="Unix Makefiles" idle=true
  both "cmake (Unix Makefiles)"
else
  echo "build-systems: skipped: cmake not installed"
fi

# meson, which builds with ninja.
meson_configure() {
  log=$1
  set -- -Dspec="$w/spec.yaml"
  if [ -n "$templates" ]; then set -- "$@" -Dtemplates="$templates"; fi
  meson setup "$w/build" "$w/src/meson" "$@" >"$log" 2>&1
}
meson_build() { ninja -C "$w/build" -v -j 1 >"$1" 2>&1; }
if ! has meson; then
  echo "build-systems: skipped: meson not installed"
elif ! has ninja; then
  echo "build-systems: skipped: meson: ninja not installed"
else
  example=meson build=meson_build idle=says_no_work configure=meson_configure
  both meson
fi

echo "build-systems: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
