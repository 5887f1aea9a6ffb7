# bench.mk: builds the benchmarks under build/bench/ and runs them. The
# top Makefile's `make bench` builds statusgen, then runs, from the top of
# the project:
#   make -f bench/bench.mk STATUSGEN=build/statusgen
# Each benchmark prints one line, `bench NAME MEDIAN UNIT ratio=R vs
# BASELINE`; see bench/bench.h. Never part of make check.

STATUSGEN  ?= build/statusgen
# The spec of the lookups and of generate/http (out/ is generated from it).
SPEC       ?= spec/http_status.yaml
PKG_CONFIG ?= pkg-config
GPERF      ?= gperf
# The compilers of the lookup benchmark (one line each), and the one that
# builds the other programs.
LOOKUP_CCS ?= gcc clang
BENCH_CC   ?= gcc
# Benchmarks measure optimized code without sanitizers. Functions and loops
# start on 64-byte lines, so that where the compiler and the linker happen
# to put code does not decide a ratio: at the default alignments, a copy
# of the dense-array baseline placed where http_status_reason sits
# measured 1.21 times the baseline itself (the timing loop of one was
# 32-byte aligned, the other's not).
BENCH_CFLAGS ?= -O2 -falign-functions=64 -falign-loops=64
# make -f bench/bench.mk V=1 shows the commands.
V ?=

B   := build/bench
LIB := $(dir $(STATUSGEN))libstatusgen.a
Q   := $(if $(V),,@)

STD      := -std=c99 -D_DEFAULT_SOURCE
# On what others wrote (gperf's output): gperf narrows size_t on purpose.
WARNINGS := -Wall -Wextra -Wpedantic -Wshadow -Werror
# On our own code and on out/, which make check holds to -Wconversion too.
OWN_WARNINGS := $(WARNINGS) -Wconversion

YAML_CFLAGS := $(shell $(PKG_CONFIG) --cflags yaml-0.1 2>/dev/null)
YAML_LIBS   := $(shell $(PKG_CONFIG) --libs yaml-0.1 2>/dev/null || \
                 echo missing)
ifeq ($(YAML_LIBS),missing)
$(error libyaml not found by $(PKG_CONFIG): run 'make deps')
endif
ifeq ($(shell command -v $(GPERF)),)
$(error $(GPERF) not found: run 'make deps' (Debian: gperf))
endif

# gperf: a struct per key (-t) holding the code, ANSI C, const tables
# (-C), lengths compared first (-l), so that a key is matched by memcmp
# and never read past its length, like the generated lookups. (-G, the
# table outside the function, measured no different.) Each .gperf names
# its lookup function and says %ignore-case itself.
GPERF_FLAGS := -t -L ANSI-C -C -l

# Synthetic spec sizes (statuses): generate/1k, 10k, 100k.
SYNTH_SIZES := 1000 10000 100000
SYNTH_SPECS := $(SYNTH_SIZES:%=$(B)/synth_%.yaml)

GPERF_DIR      := $(B)/gperf
GPERF_STAMP    := $(B)/gperf.stamp
GPERF_SOURCES  := $(GPERF_DIR)/http_status_names.c \
                  $(GPERF_DIR)/http_status_reasons.c
GPERF_TEMPLATES := $(wildcard bench/gperf/*.mustache) bench/gperf/kinds.yaml

LOOKUP_OBJS = $(addprefix $(B)/$(1)/,lookups.o bench.o dense.o \
                http_status.o http_status_names.o http_status_reasons.o)
LOOKUPS     := $(LOOKUP_CCS:%=$(B)/%/lookups)
PROGRAMS    := $(LOOKUPS) $(B)/procs $(B)/render $(B)/parse \
               $(B)/yaml_events $(B)/yaml_load $(B)/synth

.PHONY: run build
.SUFFIXES:
.SECONDARY:

run: build $(SYNTH_SPECS)
	@echo "statusgen bench: NAME MEDIAN UNIT ratio=R vs BASELINE" \
	  "(medians of interleaved rounds; R: figure / baseline's, per round)"
	@for cc in $(LOOKUP_CCS); do $(B)/$$cc/lookups $$cc || exit 1; done
	@mkdir -p $(B)/scratch
	@$(B)/procs $(STATUSGEN) $(B)/yaml_events $(B)/yaml_load $(B)/scratch \
	  $(SPEC) $(SYNTH_SPECS)
	@$(B)/render $(B)/synth_100000.yaml bench/render.mustache
	@$(B)/parse templates/*.mustache

build: $(PROGRAMS)

# Built by the top Makefile (make bench builds them first).
$(STATUSGEN) $(LIB):
	@echo "bench: $@ is missing: run 'make bench' from the top" >&2; exit 2

# The gperf inputs (and the aliases X-macro) come from the spec through
# statusgen and the templates in bench/gperf; statusgen rewrites only what
# changed, so a stamp says when they were last made.
$(GPERF_STAMP): $(STATUSGEN) $(SPEC) $(GPERF_TEMPLATES)
	@mkdir -p $(GPERF_DIR)
	$(Q)$(STATUSGEN) -q -t bench/gperf -o $(GPERF_DIR) $(SPEC)
	@touch $@

$(GPERF_DIR)/%.c: $(GPERF_STAMP) bench/bench.mk
	$(Q)$(GPERF) $(GPERF_FLAGS) --output-file=$@ $(GPERF_DIR)/$*.gperf

# The lookup benchmark, once per compiler: every piece in its own
# translation unit, out/http_status.c as it is, default PIE.
define LOOKUP_RULES
$(B)/$(1)/%.o: bench/%.c
	@mkdir -p $$(@D)
	$(Q)$(1) $(STD) $(OWN_WARNINGS) $(BENCH_CFLAGS) -MMD -MP -Ibench -Iout \
	  -I$(GPERF_DIR) -c -o $$@ $$<
$(B)/$(1)/lookups.o: $(GPERF_STAMP)
$(B)/$(1)/http_status.o: out/http_status.c
	@mkdir -p $$(@D)
	$(Q)$(1) $(STD) $(OWN_WARNINGS) $(BENCH_CFLAGS) -MMD -MP -Iout \
	  -c -o $$@ $$<
$(B)/$(1)/%.o: $(GPERF_DIR)/%.c
	@mkdir -p $$(@D)
	$(Q)$(1) $(STD) $(WARNINGS) $(BENCH_CFLAGS) -MMD -MP -Ibench \
	  -c -o $$@ $$<
$(B)/$(1)/lookups: $(call LOOKUP_OBJS,$(1))
	$(Q)$(1) $(BENCH_CFLAGS) -o $$@ $$^
endef
$(foreach cc,$(LOOKUP_CCS),$(eval $(call LOOKUP_RULES,$(cc))))

$(B)/obj/%.o: bench/%.c
	@mkdir -p $(@D)
	$(Q)$(BENCH_CC) $(STD) $(OWN_WARNINGS) $(BENCH_CFLAGS) -MMD -MP -Igen \
	  $(YAML_CFLAGS) -c -o $@ $<

$(B)/procs: $(B)/obj/procs.o $(B)/obj/bench.o
	$(Q)$(BENCH_CC) $(BENCH_CFLAGS) -o $@ $^

$(B)/render $(B)/parse: $(B)/%: $(B)/obj/%.o $(B)/obj/bench.o $(LIB)
	$(Q)$(BENCH_CC) $(BENCH_CFLAGS) -o $@ $^ $(YAML_LIBS)

$(B)/yaml_events $(B)/yaml_load: $(B)/%: $(B)/obj/%.o
	$(Q)$(BENCH_CC) $(BENCH_CFLAGS) -o $@ $^ $(YAML_LIBS)

$(B)/synth: $(B)/obj/synth.o
	$(Q)$(BENCH_CC) $(BENCH_CFLAGS) -o $@ $^

$(B)/synth_%.yaml: $(B)/synth
	$(Q)$(B)/synth $* > $@.tmp && mv $@.tmp $@

-include $(wildcard $(B)/*/*.d)
