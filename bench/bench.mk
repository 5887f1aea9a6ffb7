# bench.mk: builds the benchmarks under build/bench/ and runs them. The
# top Makefile's `make bench` builds statusgen, then runs, from the top of
# the project:
#   make -f bench/bench.mk STATUSGEN=build/statusgen
# Each benchmark prints one line, `bench NAME MEDIAN UNIT ratio=R vs
# BASELINE` (a count in place of MEDIAN for size/* and relocs/*); see
# bench/bench.h. Never part of make check.

STATUSGEN  ?= build/statusgen
B          := build/bench
# The spec of the lookups and of generate/http (out/ is generated from it).
SPEC       ?= spec/http_status.yaml
PKG_CONFIG ?= pkg-config
GPERF      ?= gperf
# binutils: an object's text + data, a shared library's relocations.
SIZE       ?= size
READELF    ?= readelf
# The compilers of the lookup benchmark (one line each), and the one that
# builds the other programs.
LOOKUP_CCS ?= gcc clang
BENCH_CC   ?= gcc
# The shapes of the generated lookups: table is out/ as it is (the spec's
# default shape); switch is generated into $(B)/switch with --shape
# switch, when this statusgen knows the option (else its lines say
# skipped).
ALL_SHAPES := table switch
SHAPES     := table $(if $(shell $(STATUSGEN) --shape switch --help \
                >/dev/null 2>&1 && echo y),switch)
SHAPE_DIR_table  := out
SHAPE_DIR_switch := $(B)/switch
# Benchmarks measure optimized code without sanitizers. Functions and loops
# start on 64-byte lines, so that where the compiler and the linker happen
# to put code does not decide a ratio: at the default alignments, a copy
# of the dense-array baseline placed where http_status_reason sits
# measured 1.21 times the baseline itself (the timing loop of one was
# 32-byte aligned, the other's not).
BENCH_CFLAGS ?= -O2 -falign-functions=64 -falign-loops=64
# make -f bench/bench.mk V=1 shows the commands.
V ?=

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

# A compiler's and a shape's folder: $(B)/CC/SHAPE.
LOOKUP_OBJS = $(addprefix $(B)/$(1)/,lookups.o bench.o dense.o \
                http_status.o http_status_names.o http_status_reasons.o)
CC_SHAPES   := $(foreach cc,$(LOOKUP_CCS),$(SHAPES:%=$(cc)/%))
LOOKUPS     := $(CC_SHAPES:%=$(B)/%/lookups)
# The footprint lines: per compiler and shape, the object as a user
# builds it (-O2 -fPIC) and a shared library of it; per compiler, an empty
# shared library (the start files' own relocations).
FOOTPRINTS  := $(CC_SHAPES:%=$(B)/%/pic/http_status.o) \
               $(CC_SHAPES:%=$(B)/%/pic/libhttp_status.so) \
               $(LOOKUP_CCS:%=$(B)/%/empty.so)
PROGRAMS    := $(LOOKUPS) $(B)/procs $(B)/render $(B)/parse \
               $(B)/yaml_events $(B)/yaml_load $(B)/synth $(B)/footprint

.PHONY: run build
.SUFFIXES:
.SECONDARY:

# The text + data bytes of object $(1), from size's Berkeley format.
object_bytes = $(SIZE) $(1) | awk 'NR == 2 { print $$1 + $$2 }'
# The entries of shared library $(1)'s .rela.dyn (.rel.dyn where a target
# uses REL), 0 when it has none: readelf's "... contains N entries:".
dyn_relocs = $(READELF) -rW $(1) | \
  awk '/^Relocation section .\.rela?\.dyn./ { n = $$(NF - 1) } \
       END { print n + 0 }'

run: build $(SYNTH_SPECS)
	@echo "statusgen bench: NAME MEDIAN UNIT ratio=R vs BASELINE" \
	  "(medians of interleaved rounds; R: figure / baseline's, per round)"
	@for cc in $(LOOKUP_CCS); do for shape in $(ALL_SHAPES); do \
	  case " $(SHAPES) " in \
	  *" $$shape "*) $(B)/$$cc/$$shape/lookups $$cc/$$shape || exit 1;; \
	  *) for l in code-\>reason name-\>code reason-\>code; do \
	       echo "bench $$l/$$cc/$$shape skipped (no --shape)"; done;; \
	  esac; done; done
	@for cc in $(LOOKUP_CCS); do for shape in $(ALL_SHAPES); do \
	  name=http; \
	  [ $$cc = $(BENCH_CC) ] || name=$$name/$$cc; \
	  [ $$shape = table ] || name=$$name/$$shape; \
	  case " $(SHAPES) " in *" $$shape "*) ;; *) \
	    echo "bench size/$$name skipped (no --shape)"; \
	    echo "bench relocs/$$name skipped (no --shape)"; continue;; esac; \
	  d=$(B)/$$cc/$$shape/pic; \
	  bytes=$$($(call object_bytes,$$d/http_status.o)) && \
	  relocs=$$($(call dyn_relocs,$$d/libhttp_status.so)) && \
	  base=$$($(call dyn_relocs,$(B)/$$cc/empty.so)) && \
	  $(B)/footprint size size/$$name "$$bytes" && \
	  $(B)/footprint relocs relocs/$$name "$$relocs" "$$base" || exit 1; \
	done; done
	@mkdir -p $(B)/scratch
	@$(B)/procs $(STATUSGEN) $(B)/yaml_events $(B)/yaml_load $(B)/scratch \
	  $(SPEC) $(SYNTH_SPECS)
	@$(B)/render $(B)/synth_100000.yaml bench/render.mustache
	@$(B)/parse templates/*.mustache

build: $(PROGRAMS) $(FOOTPRINTS)

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

$(GPERF_DIR)/http_status_texts.h: $(GPERF_STAMP)

# The switch shape of the spec, by the default templates (statusgen
# rewrites only what changed: a stamp again).
$(B)/switch.stamp: $(STATUSGEN) $(SPEC) $(wildcard templates/*.mustache)
	@mkdir -p $(B)/switch
	$(Q)$(STATUSGEN) -q --shape switch -o $(B)/switch $(SPEC)
	@touch $@
$(B)/switch/http_status.c $(B)/switch/http_status.h: $(B)/switch.stamp

$(GPERF_DIR)/%.c: $(GPERF_STAMP) bench/bench.mk
	$(Q)$(GPERF) $(GPERF_FLAGS) --output-file=$@ $(GPERF_DIR)/$*.gperf

# The lookup benchmark, once per compiler ($(1)) and shape ($(2), whose
# http_status.c and .h are in $(3)): every piece in its own translation
# unit, the generated .c as it is, default PIE. Then the footprint: the
# .c as a user builds it, -O2 -fPIC, and linked alone into a shared
# library.
define LOOKUP_RULES
$(B)/$(1)/$(2)/%.o: bench/%.c $(3)/http_status.h
	@mkdir -p $$(@D)
	$(Q)$(1) $(STD) $(OWN_WARNINGS) $(BENCH_CFLAGS) -MMD -MP -Ibench -I$(3) \
	  -I$(GPERF_DIR) -c -o $$@ $$<
$(B)/$(1)/$(2)/lookups.o: $(GPERF_STAMP)
$(B)/$(1)/$(2)/http_status.o: $(3)/http_status.c
	@mkdir -p $$(@D)
	$(Q)$(1) $(STD) $(OWN_WARNINGS) $(BENCH_CFLAGS) -MMD -MP -I$(3) \
	  -c -o $$@ $$<
$(B)/$(1)/$(2)/%.o: $(GPERF_DIR)/%.c
	@mkdir -p $$(@D)
	$(Q)$(1) $(STD) $(WARNINGS) $(BENCH_CFLAGS) -MMD -MP -Ibench \
	  -c -o $$@ $$<
$(B)/$(1)/$(2)/lookups: $(call LOOKUP_OBJS,$(1)/$(2))
	$(Q)$(1) $(BENCH_CFLAGS) -o $$@ $$^
$(B)/$(1)/$(2)/pic/http_status.o: $(3)/http_status.c
	@mkdir -p $$(@D)
	$(Q)$(1) $(OWN_WARNINGS) -O2 -fPIC -MMD -MP -I$(3) -c -o $$@ $$<
$(B)/$(1)/$(2)/pic/libhttp_status.so: $(B)/$(1)/$(2)/pic/http_status.o
	$(Q)$(1) -shared -o $$@ $$<
endef
$(foreach cc,$(LOOKUP_CCS),$(foreach shape,$(SHAPES),\
  $(eval $(call LOOKUP_RULES,$(cc),$(shape),$(SHAPE_DIR_$(shape))))))

# An empty shared library per compiler: the relocations that its start
# files bring to any library, the baseline of relocs/*.
$(LOOKUP_CCS:%=$(B)/%/empty.so): $(B)/%/empty.so:
	@mkdir -p $(@D)
	$(Q)$* -O2 -fPIC -shared -o $@ -x c /dev/null

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

$(B)/obj/footprint.o: bench/footprint.c $(GPERF_DIR)/http_status_texts.h
	@mkdir -p $(@D)
	$(Q)$(BENCH_CC) $(STD) $(OWN_WARNINGS) $(BENCH_CFLAGS) -MMD -MP \
	  -I$(GPERF_DIR) -c -o $@ $<

$(B)/footprint: $(B)/obj/footprint.o $(B)/obj/bench.o
	$(Q)$(BENCH_CC) $(BENCH_CFLAGS) -o $@ $^

$(B)/synth: $(B)/obj/synth.o
	$(Q)$(BENCH_CC) $(BENCH_CFLAGS) -o $@ $^

$(B)/synth_%.yaml: $(B)/synth
	$(Q)$(B)/synth $* > $@.tmp && mv $@.tmp $@

-include $(wildcard $(B)/*/*.d $(B)/*/*/*.d $(B)/*/*/pic/*.d)
