#!/bin/sh
# make install and install-lib into a staging folder: the staged binary,
# run from an empty folder outside the project with only the spec, finds
# its templates beside itself, makes out/ and writes the same bytes as the
# project's out/; with --lang NAME, the same bytes as templates/NAME; the
# man page has no groff warning; the library builds a program through
# pkg-config, also after install-lib to two other prefixes in a row (each
# pkg-config file names its own); uninstall removes every file. Ends with
# "install: N passed, N failed".
#
# usage: tests/install.sh [MAKE VARIABLES...]
set -u
top=$(pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
stage=$tmp/stage
prefix=/usr/local
passed=0 failed=0
ok() { passed=$((passed + 1)); }
bad() { failed=$((failed + 1)); echo "install: FAILED: $*"; }

make -s "$@" install install-lib DESTDIR="$stage" PREFIX=$prefix \
  >"$tmp/log" 2>&1 && ok || { bad "make install"; cat "$tmp/log"; }

# First use: an empty folder, no option but the spec; out/ is made.
mkdir -p "$tmp/elsewhere/spec"
cp spec/http_status.yaml "$tmp/elsewhere/spec/"
(cd "$tmp/elsewhere" && "$stage$prefix/bin/statusgen" -q spec/http_status.yaml) \
  && ok || bad "the staged binary failed"
for f in out/*; do
  cmp -s "$f" "$tmp/elsewhere/$f" || bad "$f differs when made by the staged binary"
done
[ "$(ls "$tmp/elsewhere/out" | wc -l)" = "$(ls out | wc -l)" ] && ok ||
  bad "the staged binary made other files"

# Each stock set, installed with the default one.
for set in templates/*/; do
  [ -d "$set" ] || continue
  name=$(basename "$set")
  rm -rf "$tmp/lang" "$tmp/elsewhere/lang" && mkdir "$tmp/lang" "$tmp/elsewhere/lang"
  (cd "$tmp/elsewhere" && "$stage$prefix/bin/statusgen" -q -t "$top/$set" \
    -o "$tmp/lang" spec/http_status.yaml) || bad "statusgen -t $set"
  (cd "$tmp/elsewhere" &&
    "$stage$prefix/bin/statusgen" -q --lang "$name" -o lang spec/http_status.yaml) &&
    diff -r "$tmp/lang" "$tmp/elsewhere/lang" >/dev/null && ok ||
    bad "the staged binary's --lang $name differs from -t $set"
done

if command -v groff >/dev/null; then
  for page in man1/statusgen.1 man5/statusgen-spec.5; do
    warnings=$(groff -ww -man -z "$stage$prefix/share/man/$page" 2>&1)
    [ -z "$warnings" ] && ok || bad "groff warns on $page: $warnings"
  done
fi

# The installed examples generate as they are, from an empty folder.
for ex in "$stage$prefix"/share/statusgen/examples/*.yaml; do
  name=$(basename "$ex" .yaml)
  rm -rf "$tmp/ex" && mkdir "$tmp/ex"
  (cd "$tmp/ex" && "$stage$prefix/bin/statusgen" -q "$ex") &&
    [ -f "$tmp/ex/out/$name.h" ] && ok || bad "the example $name.yaml"
done
[ -f "$stage$prefix/share/statusgen/examples/app_errors.yaml" ] && ok ||
  bad "no starter example installed"

pc="$stage$prefix/lib/pkgconfig"
flags=$(PKG_CONFIG_PATH=$pc pkg-config --define-variable=prefix="$stage$prefix" \
  --cflags --libs http_status) && ok || bad "pkg-config http_status"
cc ${APP_FLAGS:-} -o "$tmp/app" "$top/examples/http_lookup.c" $flags && ok ||
  bad "cc with pkg-config"
[ "$("$tmp/app" 404)" = "404 Not Found [client_error] cacheable" ] && ok ||
  bad "the installed library answers wrong"

# Two installs in a row to other prefixes: each pkg-config file names
# its own prefix, and a program builds against each.
for p in "$tmp/pa" "$tmp/pb"; do
  make -s "$@" install-lib PREFIX="$p" >"$tmp/log" 2>&1 && ok ||
    { bad "make install-lib PREFIX=$p"; cat "$tmp/log"; }
  flags=$(PKG_CONFIG_PATH=$p/lib/pkgconfig pkg-config --cflags --libs \
    http_status) && ok || bad "pkg-config for $p"
  case "$flags" in *"-I$p/include"*) ok ;; *) bad "$p: pkg-config says $flags" ;; esac
  rm -f "$tmp/app"
  cc ${APP_FLAGS:-} -o "$tmp/app" "$top/examples/http_lookup.c" $flags && ok ||
    bad "cc with pkg-config for $p"
done

make -s "$@" uninstall uninstall-lib DESTDIR="$stage" PREFIX=$prefix \
  >"$tmp/log" 2>&1 && ok || bad "make uninstall"
left=$(find "$stage" -type f | head -3)
[ -z "$left" ] && ok || bad "uninstall left $left"

echo "install: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
