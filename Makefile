# statusgen: builds the generator, regenerates out/, runs the tests.
# The settings below may be overridden: make CC=clang SANITIZE=1

CC         ?= cc
CFLAGS     ?= -O2 -g
LDFLAGS    ?=
PREFIX     ?= /usr/local
DESTDIR    ?=
SANITIZE   ?=
PKG_CONFIG ?= pkg-config
# The spec that out/ is generated from.
SPEC       ?= spec/http_status.yaml
# The official Mustache test suite, when it sits beside the project.
MUSTACHE_SPEC ?= ../shared/mustache-spec

# The version, said once in gen/version.h.
VERSION := $(shell sed -n 's/^\#define STATUSGEN_VERSION "\(.*\)"/\1/p' \
             gen/version.h)
BINDIR     = $(PREFIX)/bin
MANDIR     = $(PREFIX)/share/man/man1
MAN5DIR    = $(PREFIX)/share/man/man5
DATADIR    = $(PREFIX)/share/statusgen
INCLUDEDIR = $(PREFIX)/include
LIBDIR     = $(PREFIX)/lib
CMAKEDIR   = $(LIBDIR)/cmake/statusgen

# Warnings are listed once and enforced on everything we compile.
WARNINGS = -Wall -Wextra -Wpedantic -Wconversion -Wshadow -Werror
STD      = -std=c99 -D_XOPEN_SOURCE=700

# Debian packages that building and testing need (make deps).
# g++ and clang: the generated C is compiled by both in make check;
# cmark-gfm: the docs guide renders the markdown; cmake, meson and
# ninja-build: the build-system examples; gperf: the baseline of make bench;
# musl-tools: the generator built with musl (check-musl).
DEB_PACKAGES = libyaml-dev libcmocka-dev pkg-config g++ clang cmark-gfm \
               cmake meson ninja-build gperf \
               python3 mypy nodejs node-typescript rustc golang-go \
               musl-tools

ifeq ($(SANITIZE),1)
B        := build/san
SANFLAGS := -fsanitize=address,undefined -fno-sanitize-recover=all \
            -fno-omit-frame-pointer
else
B        := build
SANFLAGS :=
endif

# Library flags come from pkg-config; a missing library is a clear error,
# except for the targets that do not compile anything.
NOBUILD_GOALS = deps clean help uninstall uninstall-lib format
ifneq ($(filter-out $(NOBUILD_GOALS),$(or $(MAKECMDGOALS),all)),)
YAML_CFLAGS   := $(shell $(PKG_CONFIG) --cflags yaml-0.1 2>/dev/null)
YAML_LIBS     := $(shell $(PKG_CONFIG) --libs yaml-0.1 2>/dev/null || echo missing)
CMOCKA_CFLAGS := $(shell $(PKG_CONFIG) --cflags cmocka 2>/dev/null)
CMOCKA_LIBS   := $(shell $(PKG_CONFIG) --libs cmocka 2>/dev/null || echo missing)
ifeq ($(YAML_LIBS),missing)
$(error libyaml not found by $(PKG_CONFIG): run 'make deps' (Debian: libyaml-dev))
endif
endif

ALL_CFLAGS  = $(STD) $(WARNINGS) $(CFLAGS) $(SANFLAGS) -MMD -MP
# The tests walk folders (nftw) and make scratch ones (mkdtemp): XSI, even
# when the generator itself is built with STD='-std=c99 -pedantic
# -D_POSIX_C_SOURCE=200809L' (make check-posix).
TEST_FEATURES = -U_XOPEN_SOURCE -D_XOPEN_SOURCE=700
ALL_LDFLAGS = $(LDFLAGS) $(SANFLAGS)

LIB_SRCS  := $(filter-out gen/main.c,$(wildcard gen/*.c))
LIB_OBJS  := $(LIB_SRCS:gen/%.c=$(B)/obj/%.o)
LIB       := $(B)/libstatusgen.a
TEST_SRCS := $(wildcard tests/test_*.c)
TESTS     := $(TEST_SRCS:tests/%.c=$(B)/tests/%)
# Code shared by tests and the conformance runner (test data builders).
SUPPORT_SRCS := $(wildcard tests/support/*.c)
SUPPORT_OBJS := $(SUPPORT_SRCS:tests/support/%.c=$(B)/tobj/support/%.o)
SUPPORT      := $(B)/libtestsupport.a
STATUSGEN := $(B)/statusgen
# Regenerating out/: the stamp's prerequisites come from the generator's
# own depfile (every template and partial it read), plus any new template.
GEN_STAMP := $(B)/generated.stamp
EXAMPLE   := $(B)/examples/http_lookup
# Fuzz targets (fuzz/fuzz_NAME.c), built by clang for make fuzz, and as
# replay drivers for make check.
FUZZ_CC      ?= clang
FUZZ_SECONDS ?= 60
# An input that runs longer (seconds) is a finding: renders are bounded.
FUZZ_TIMEOUT ?= 10
FUZZ_TARGETS := spec template lookups
FUZZ_FLAGS   := -g -O1 -fsanitize=fuzzer,address,undefined
FUZZ_SOURCES := $(LIB_SRCS) $(SUPPORT_SRCS) out/http_status.c
FUZZERS      := $(FUZZ_TARGETS:%=build/fuzz/fuzz_%)
REPLAYS      := $(FUZZ_TARGETS:%=$(B)/fuzz/replay_%)
# Where each target's seeds come from, besides its own corpus.
FUZZ_SEEDS_spec     := tests/specs/invalid tests/specs/valid tests/specs/reserved \
                       spec
FUZZ_SEEDS_template :=
FUZZ_SEEDS_lookups  :=

RUNNER    := $(if $(wildcard tests/conformance.c),$(B)/mustache-spec)
# The engine's differential test: a committed corpus of random templates
# that an independent implementation rendered (tests/differential).
DIFF_DIR     := tests/differential
DIFFERENTIAL := $(B)/differential

.PHONY: all deps check check-posix check-musl memcheck conformance bench fuzz clean help install \
        uninstall install-lib uninstall-lib format differential-corpus

all: $(STATUSGEN) $(GEN_STAMP)

$(GEN_STAMP): $(STATUSGEN) $(SPEC) $(wildcard templates/*.mustache)
	$(STATUSGEN) -M $(B)/outputs.d $(SPEC)
	@{ sed '1s|^[^:]*:|$(GEN_STAMP):|' $(B)/outputs.d; \
	   sed -n -e 's|^  \(.*\) \\$$|\1:|p' -e 's|^  \(.*\)$$|\1:|p' \
	     $(B)/outputs.d; } > $(B)/generated.d
	@touch $@

help:
	@echo 'make deps      install the Debian packages needed to build and test'
	@echo 'make           build $(STATUSGEN) and regenerate out/ when needed'
	@echo 'make check     build and run every test (SANITIZE=1: under ASan/UBSan)'
	@echo 'make memcheck  run the tests and the generator under valgrind'
	@echo 'make conformance  run the official Mustache suite when present'
	@echo 'make bench     measure lookups and the generator against baselines'
	@echo 'make fuzz      run each libFuzzer target FUZZ_SECONDS (default 60)'
	@echo 'make format    format the sources by .clang-format'
	@echo 'make install   install statusgen (PREFIX, DESTDIR); install-lib too'
	@echo 'make clean     remove build/'

deps:
	@missing=; \
	for p in $(DEB_PACKAGES); do \
	  dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | \
	    grep -q 'ok installed' || missing="$$missing $$p"; \
	done; \
	if [ -z "$$missing" ]; then echo "deps: all present"; exit 0; fi; \
	if [ "$$(id -u)" -eq 0 ]; then sudo=; else sudo=sudo; fi; \
	echo "deps: installing$$missing"; \
	$$sudo apt-get update && \
	DEBIAN_FRONTEND=noninteractive $$sudo apt-get install -y $$missing

$(B)/obj/%.o: gen/%.c
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) $(YAML_CFLAGS) -c -o $@ $<

$(B)/tobj/%.o: tests/%.c
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) $(TEST_FEATURES) $(CMOCKA_CFLAGS) $(YAML_CFLAGS) -Igen -Itests/support \
	  -Iout -c -o $@ $<

# The installed binary also looks for templates under the prefix; the
# file $(B)/prefix changes when PREFIX does, so that what holds it is made
# again (the binary, the pkg-config file).
$(B)/obj/cli.o $(B)/tobj/test_cli.o: ALL_CFLAGS += \
  -DSTATUSGEN_DATADIR='"$(DATADIR)"'
$(B)/obj/cli.o $(B)/tobj/test_cli.o $(B)/lib/http_status.pc: $(B)/prefix
# Written while the makefile is read, and only when PREFIX changed, so
# that make -q still finds nothing to do when it did not.
ifneq ($(filter-out $(NOBUILD_GOALS),$(or $(MAKECMDGOALS),all)),)
PREFIX_SAID := $(shell mkdir -p $(B) && \
  { printf '%s\n' '$(PREFIX)' | cmp -s - $(B)/prefix || \
    printf '%s\n' '$(PREFIX)' >$(B)/prefix; })
endif

$(B)/tobj/support/%.o: tests/support/%.c
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) $(TEST_FEATURES) $(YAML_CFLAGS) -Igen -c -o $@ $<

$(SUPPORT): $(SUPPORT_OBJS)
	@rm -f $@
	$(AR) rcs $@ $^

$(LIB): $(LIB_OBJS)
	@rm -f $@
	$(AR) rcs $@ $^

$(STATUSGEN): $(B)/obj/main.o $(LIB)
	$(CC) $(ALL_LDFLAGS) -o $@ $^ $(YAML_LIBS)

$(B)/tests/%: $(B)/tobj/%.o $(SUPPORT) $(LIB)
	@mkdir -p $(@D)
	$(CC) $(ALL_LDFLAGS) -o $@ $^ $(CMOCKA_LIBS) $(YAML_LIBS)

# The generated C, compiled as a project that vendors out/ would.
$(B)/outobj/%.o: out/%.c
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -Wswitch-enum -Iout -c -o $@ $<

$(B)/tests/test_http_lookups: $(B)/tobj/test_http_lookups.o \
                              $(B)/outobj/http_status.o $(SUPPORT) $(LIB)
	$(CC) $(ALL_LDFLAGS) -o $@ $^ $(CMOCKA_LIBS) $(YAML_LIBS)

# The independent HTTP registry as tab-separated lines, for the tests of
# the stock template sets of other languages.
REGISTRY_TSV := $(B)/registry.tsv
$(B)/registry_tsv: $(B)/tobj/registry_tsv.o $(SUPPORT)
	$(CC) $(ALL_LDFLAGS) -o $@ $^
$(REGISTRY_TSV): $(B)/registry_tsv
	$< > $@.tmp && mv $@.tmp $@

# A view with one more status field (tests/support/view_extra.h): linked
# before the library, so the test reads this view, not the library's.
$(B)/tobj/view_extra.o: gen/view.c tests/support/view_extra.h
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -Igen -Itests/support \
	  -DVIEW_EXTRA_FIELDS_FILE='"view_extra.h"' -c -o $@ gen/view.c

$(B)/tests/test_view_extra: $(B)/tobj/test_view_extra.o \
                            $(B)/tobj/view_extra.o $(SUPPORT) $(LIB)
	$(CC) $(ALL_LDFLAGS) -o $@ $^ $(CMOCKA_LIBS) $(YAML_LIBS)

# The engine's thread test, and the same under ThreadSanitizer: clang
# builds it with the library's sources, and make check runs it when clang
# is there (it says it skipped otherwise).
TSAN_CC   ?= clang
TSAN_TEST := $(B)/tsan/test_mustache_threads
$(B)/tobj/test_mustache_threads.o: ALL_CFLAGS += -pthread
$(B)/tests/test_mustache_threads: ALL_LDFLAGS += -pthread
$(TSAN_TEST): tests/test_mustache_threads.c tests/support/value_data.c \
              $(LIB_SRCS) $(wildcard gen/*.h tests/support/*.h)
	@mkdir -p $(@D)
	$(TSAN_CC) $(STD) $(WARNINGS) -g -O1 -fsanitize=thread -pthread \
	  $(CMOCKA_CFLAGS) $(YAML_CFLAGS) -Igen -Itests/support -o $@ \
	  $(filter %.c,$^) $(CMOCKA_LIBS) $(YAML_LIBS)

$(B)/mustache-spec: $(B)/tobj/conformance.o $(SUPPORT) $(LIB)
	$(CC) $(ALL_LDFLAGS) -o $@ $^ $(YAML_LIBS)

$(DIFFERENTIAL): $(B)/tobj/differential/run.o $(SUPPORT) $(LIB)
	$(CC) $(ALL_LDFLAGS) -o $@ $^ $(YAML_LIBS)

# Writes the corpus anew (needs node and the npm registry; check does not).
differential-corpus:
	cd $(DIFF_DIR) && npm install --no-audit --no-fund && \
	  node gen.mjs > corpus.json.tmp && mv corpus.json.tmp corpus.json

# The example vendors out/ as a user would: its own flags, no library.
$(EXAMPLE): examples/http_lookup.c out/http_status.c out/http_status.h
	@mkdir -p $(@D)
	$(CC) $(STD) $(WARNINGS) -Wswitch-enum $(CFLAGS) $(SANFLAGS) -Iout \
	  -o $@ examples/http_lookup.c out/http_status.c

check: $(STATUSGEN) $(TESTS) $(RUNNER) $(EXAMPLE) $(REPLAYS) $(DIFFERENTIAL) \
       $(REGISTRY_TSV)
	@if [ "$(CMOCKA_LIBS)" = missing ]; then \
	  echo "cmocka not found by $(PKG_CONFIG): run 'make deps'" >&2; exit 2; fi
	@STATUSGEN=$(STATUSGEN) sh tests/run-tests.sh $(TESTS)
	@if command -v $(TSAN_CC) >/dev/null 2>&1; then \
	  $(MAKE) --no-print-directory $(TSAN_TEST) && \
	  sh tests/run-tests.sh $(TSAN_TEST); \
	else echo "tsan: skipped, no $(TSAN_CC) for ThreadSanitizer"; fi
	@sh tests/generated/check.sh $(STATUSGEN)
	@sh tests/generated/rebuild.sh $(if $(SANITIZE),SANITIZE=$(SANITIZE))
	@sh examples/check.sh $(EXAMPLE)
	@sh examples/build-systems.sh $(STATUSGEN) \
	  $(if $(SANITIZE),SANITIZE=$(SANITIZE))
	@sh tests/bad/run.sh $(STATUSGEN)
	@sh tests/mistakes/run.sh $(STATUSGEN)
	@sh tests/lang/run.sh $(STATUSGEN) $(REGISTRY_TSV)
	@sh tests/stress.sh $(STATUSGEN)
	@sh tests/guides.sh
	@sh tests/docs.sh $(STATUSGEN)
	@APP_FLAGS='$(SANFLAGS)' sh tests/install.sh \
	  $(if $(SANITIZE),SANITIZE=$(SANITIZE))
	@for t in $(FUZZ_TARGETS); do \
	  printf 'fuzz replay %s: ' $$t; \
	  $(B)/fuzz/replay_$$t $$(ls -d fuzz/corpus/$$t 2>/dev/null) \
	    $$(case $$t in spec) echo $(FUZZ_SEEDS_spec);; esac) || exit 1; \
	done
	@$(STATUSGEN) --check $(SPEC) || \
	  { echo "check: out/ is stale: run make and commit out/" >&2; exit 1; }
	@$(MAKE) --no-print-directory check-posix
	@$(MAKE) --no-print-directory check-musl
	@$(MAKE) --no-print-directory conformance
	@$(DIFFERENTIAL) $(DIFF_DIR)/corpus.json $(DIFF_DIR)/deviations

# valgrind is not needed for check; memcheck says so when it is missing.
VALGRIND = valgrind -q --leak-check=full --errors-for-leak-kinds=all \
           --error-exitcode=99
memcheck: $(STATUSGEN) $(TESTS) $(RUNNER)
	@command -v valgrind >/dev/null || \
	  { echo "memcheck: valgrind not found (Debian: valgrind)" >&2; exit 2; }
	@for t in $(TESTS); do \
	  STATUSGEN=$(STATUSGEN) $(VALGRIND) $$t >/dev/null || \
	    { echo "memcheck: $$t failed" >&2; exit 1; }; \
	done
	@for f in spec/*.yaml tests/specs/*/*.yaml; do \
	  $(VALGRIND) $(STATUSGEN) --dump-model $$f >/dev/null 2>&1; \
	  [ $$? -ne 99 ] || { echo "memcheck: $$f" >&2; exit 1; }; \
	done
	@$(VALGRIND) $(STATUSGEN) --check $(SPEC) >/dev/null || \
	  { echo "memcheck: generating from $(SPEC)" >&2; exit 1; }
	@if [ -n "$(RUNNER)" ] && [ -d "$(MUSTACHE_SPEC)" ]; then \
	  $(VALGRIND) $(RUNNER) $$(ls $(MUSTACHE_SPEC)/*.yml | \
	    grep -v '/~lambdas\.yml$$') >/dev/null || \
	  { echo "memcheck: conformance" >&2; exit 1; }; fi
	@STATUSGEN_REAL=$(STATUSGEN) BAD_TIMEOUT=600 \
	  sh tests/bad/run.sh tests/bad/valgrind.sh >$(B)/memcheck-bad.log || \
	  { cat $(B)/memcheck-bad.log; exit 1; }
	@tail -n 1 $(B)/memcheck-bad.log
	@echo "memcheck: clean"

# The generator built as strict POSIX C99 (what it asks beyond, realpath and
# flock, it asks for in gen/sysio.c alone), and its unit tests run on it.
POSIX_STD = -std=c99 -pedantic -D_POSIX_C_SOURCE=200809L
check-posix:
	@$(MAKE) -s --no-print-directory B=build/posix STD='$(POSIX_STD)' \
	  build/posix/statusgen $(TEST_SRCS:tests/%.c=build/posix/tests/%)
	@STATUSGEN=build/posix/statusgen sh tests/run-tests.sh \
	  $(TEST_SRCS:tests/%.c=build/posix/tests/%) >build/posix/tests.log 2>&1; \
	  s=$$?; tail -1 build/posix/tests.log | sed 's/^tests:/posix:/'; \
	  [ $$s -eq 0 ] || { cat build/posix/tests.log; exit 1; }

# The generator built with musl (Debian's musl-tools), static, against
# libyaml's archive (its one glibc call, __sprintf_chk, comes from
# tests/support/fortify_shim.c), then tried: out/ regenerates the same,
# the bad-input catalog, and the tests that run the binary pointed at it.
# (cmocka has no musl build in Debian: test_cli, glibc's, runs the musl
# binary; the tests that compare strerror texts across the two are left.)
MUSL_CC  ?= musl-gcc
MUSL_DIR  = build/musl
check-musl: $(TESTS)
	@if ! command -v $(MUSL_CC) >/dev/null 2>&1; then \
	  echo "musl: skipped, no $(MUSL_CC) (make deps installs musl-tools)"; \
	  exit 0; fi; \
	rm -rf $(MUSL_DIR) && mkdir -p $(MUSL_DIR)/include && \
	cp "$$($(PKG_CONFIG) --variable=includedir yaml-0.1)/yaml.h" \
	  $(MUSL_DIR)/include/ && \
	$(MUSL_CC) $(POSIX_STD) $(WARNINGS) -O2 -isystem $(MUSL_DIR)/include \
	  -static -o $(MUSL_DIR)/statusgen gen/*.c tests/support/fortify_shim.c \
	  "$$($(PKG_CONFIG) --variable=libdir yaml-0.1)/libyaml.a" && \
	$(MUSL_DIR)/statusgen --check $(SPEC) && \
	sh tests/bad/run.sh $(MUSL_DIR)/statusgen | tail -1 | sed 's/^/musl: /' && \
	STATUSGEN=$(MUSL_DIR)/statusgen sh tests/run-tests.sh \
	  $(B)/tests/test_cli >$(MUSL_DIR)/tests.log \
	  2>&1 && tail -1 $(MUSL_DIR)/tests.log | sed 's/^tests:/musl:/' || \
	  { cat $(MUSL_DIR)/tests.log 2>/dev/null; exit 1; }

conformance: $(RUNNER)
	@if [ -z "$(RUNNER)" ]; then \
	  echo "conformance: skipped, no runner (tests/conformance.c)"; \
	elif [ -d "$(MUSTACHE_SPEC)" ]; then \
	  $(RUNNER) $$(ls $(MUSTACHE_SPEC)/*.yml | grep -v '/~lambdas\.yml$$'); \
	else \
	  echo "conformance: skipped, no Mustache suite at $(MUSTACHE_SPEC)"; \
	fi

# Fuzzing: each fuzz/fuzz_NAME.c is a libFuzzer target (clang) and, with
# fuzz/replay.c, a plain driver that make check runs over the committed
# corpus fuzz/corpus/NAME (crashers once found) and over the test fixtures.

build/fuzz/fuzz_%: fuzz/fuzz_%.c fuzz/fuzz.h $(FUZZ_SOURCES)
	@mkdir -p $(@D)
	$(FUZZ_CC) $(STD) $(WARNINGS) $(FUZZ_FLAGS) -Igen -Itests/support -Iout \
	  -Ifuzz $(YAML_CFLAGS) -o $@ $< $(FUZZ_SOURCES) $(YAML_LIBS)

$(B)/fobj/%.o: fuzz/%.c
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) $(YAML_CFLAGS) -Igen -Itests/support -Iout -Ifuzz \
	  -c -o $@ $<

$(B)/fuzz/replay_%: $(B)/fobj/fuzz_%.o $(B)/fobj/replay.o \
                    $(B)/outobj/http_status.o $(SUPPORT) $(LIB)
	@mkdir -p $(@D)
	$(CC) $(ALL_LDFLAGS) -o $@ $^ $(YAML_LIBS)

fuzz: $(FUZZERS)
	@for t in $(FUZZ_TARGETS); do \
	  mkdir -p build/fuzz/corpus-$$t build/fuzz/crashes; \
	  echo "fuzz: $$t for $(FUZZ_SECONDS) s"; \
	  build/fuzz/fuzz_$$t -max_total_time=$(FUZZ_SECONDS) -print_final_stats=1 \
	    -timeout=$(FUZZ_TIMEOUT) \
	    -artifact_prefix=build/fuzz/crashes/$$t- \
	    $$([ -f fuzz/$$t.dict ] && echo -dict=fuzz/$$t.dict) \
	    build/fuzz/corpus-$$t $$(ls -d fuzz/corpus/$$t 2>/dev/null) \
	    $$(case $$t in spec) echo $(FUZZ_SEEDS_spec);; esac) \
	    2>build/fuzz/$$t.log || { tail -30 build/fuzz/$$t.log; exit 1; }; \
	  grep -E '^stat::|Done' build/fuzz/$$t.log | tr '\n' ' '; echo; \
	done

# Formatting by .clang-format, on demand (never part of check).
format:
	clang-format -i --style=file gen/*.c gen/*.h tests/*.c tests/support/*.c \
	  tests/support/*.h fuzz/*.c fuzz/*.h bench/*.c bench/*.h

# Installing: the generator, its man page and the default templates; and
# (install-lib) the generated HTTP library with a pkg-config file.
# The build-system integrations too: the CMake package under
# LIBDIR/cmake/statusgen, statusgen.mk and the Meson fragment under DATADIR.
install: $(STATUSGEN) $(B)/examples/app_errors.yaml \
         $(B)/cmake/statusgen-config-version.cmake
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR) $(DESTDIR)$(MAN5DIR) \
	  $(DESTDIR)$(DATADIR)/templates $(DESTDIR)$(DATADIR)/examples \
	  $(DESTDIR)$(DATADIR)/meson $(DESTDIR)$(CMAKEDIR)
	install -m 755 $(STATUSGEN) $(DESTDIR)$(BINDIR)/statusgen
	install -m 644 doc/statusgen.1 $(DESTDIR)$(MANDIR)/statusgen.1
	install -m 644 doc/statusgen-spec.5 $(DESTDIR)$(MAN5DIR)/statusgen-spec.5
	cp -R templates/. $(DESTDIR)$(DATADIR)/templates/
	install -m 644 spec/http_status.yaml $(B)/examples/app_errors.yaml \
	  $(DESTDIR)$(DATADIR)/examples/
	install -m 644 cmake/statusgen-config.cmake \
	  cmake/statusgen-retarget-depfile.cmake \
	  $(B)/cmake/statusgen-config-version.cmake $(DESTDIR)$(CMAKEDIR)/
	install -m 644 integrations/statusgen.mk $(DESTDIR)$(DATADIR)/
	install -m 644 integrations/meson/meson.build $(DESTDIR)$(DATADIR)/meson/

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/statusgen $(DESTDIR)$(MANDIR)/statusgen.1 \
	  $(DESTDIR)$(MAN5DIR)/statusgen-spec.5
	rm -rf $(DESTDIR)$(DATADIR) $(DESTDIR)$(CMAKEDIR)

# The starter spec, as statusgen --init writes it: an installed example.
$(B)/examples/app_errors.yaml: $(STATUSGEN)
	@rm -rf $(@D) && mkdir -p $(@D)
	cd $(@D) && $(abspath $(STATUSGEN)) -q --init app_errors

$(B)/cmake/statusgen-config-version.cmake: cmake/statusgen-config-version.cmake.in \
                                           gen/version.h
	@mkdir -p $(@D)
	sed 's/@VERSION@/$(VERSION)/g' cmake/statusgen-config-version.cmake.in >$@

$(B)/lib/libhttp_status.a: $(B)/outobj/http_status.o
	@mkdir -p $(@D)
	@rm -f $@
	$(AR) rcs $@ $^

$(B)/lib/http_status.pc: Makefile gen/version.h
	@mkdir -p $(@D)
	printf '%s\n' 'prefix=$(PREFIX)' 'includedir=$${prefix}/include' \
	  'libdir=$${prefix}/lib' '' 'Name: http_status' \
	  'Description: HTTP status codes: enum and lookups made by statusgen' \
	  'Version: $(VERSION)' 'Cflags: -I$${includedir}' \
	  'Libs: -L$${libdir} -lhttp_status' >$@

install-lib: $(B)/lib/libhttp_status.a $(B)/lib/http_status.pc
	install -d $(DESTDIR)$(INCLUDEDIR) $(DESTDIR)$(LIBDIR)/pkgconfig
	install -m 644 out/http_status.h $(DESTDIR)$(INCLUDEDIR)/http_status.h
	install -m 644 $(B)/lib/libhttp_status.a \
	  $(DESTDIR)$(LIBDIR)/libhttp_status.a
	install -m 644 $(B)/lib/http_status.pc \
	  $(DESTDIR)$(LIBDIR)/pkgconfig/http_status.pc

uninstall-lib:
	rm -f $(DESTDIR)$(INCLUDEDIR)/http_status.h \
	  $(DESTDIR)$(LIBDIR)/libhttp_status.a \
	  $(DESTDIR)$(LIBDIR)/pkgconfig/http_status.pc

# Benchmarks: built with their own flags (gcc and clang at -O2) by
# bench/bench.mk; never part of check.
bench: $(STATUSGEN)
	@$(MAKE) --no-print-directory -f bench/bench.mk STATUSGEN=$(STATUSGEN)

clean:
	rm -rf build

.SECONDARY:

-include $(wildcard $(B)/obj/*.d $(B)/tobj/*.d $(B)/tobj/support/*.d \
                    $(B)/tobj/differential/*.d \
                    $(B)/fobj/*.d \
                    $(B)/outobj/*.d \
                    $(B)/generated.d)

