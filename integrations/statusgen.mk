# statusgen.mk: generating with statusgen as part of a GNU make build.
# Include it, then call statusgen_rules once for each spec:
#
#   include /usr/local/share/statusgen/statusgen.mk
#   $(eval $(call statusgen_rules,errors,errors.yaml,build/gen))
#   app: app.o $(errors_SOURCES:build/gen/%.c=build/%.o)
#
# statusgen_rules,NAME,SPEC,OUTDIR[,OPTIONS] generates from SPEC into
# OUTDIR with the statusgen OPTIONS (-t DIR, --lang NAME, --prefix NAME;
# without -t, statusgen's installed templates), and defines
#
#   NAME_OUTPUTS  every file the run writes, as statusgen --list-outputs
#                 says (asked again each time make reads the makefiles,
#                 so a new template or spec name is noticed)
#   NAME_SOURCES  the C sources among them (.c)
#   NAME_HEADERS  the C headers among them (.h)
#   NAME_STAMP    the rule's target, a makefile included here
#
# Make what compiles a generated source or includes a generated header
# depend on it, as usual; the rules below keep those files up to date.
# STATUSGEN is the program (default: statusgen, looked up in PATH); the
# goals in STATUSGEN_NO_GENERATE (default: clean distclean) do not
# generate when they are the only ones asked for.
#
# statusgen rewrites an output only when its bytes change, so after a run
# that changed nothing (the spec touched, a comment edited) the outputs
# stay older than the spec, and a rule "outputs: spec" would run the
# generator again at every make. So the rule's target is a stamp that
# every run rewrites: statusgen's depfile (-M) with its targets (the
# outputs) replaced by the stamp, so that it depends on the spec and on
# every template and partial that run read, and on statusgen itself when
# STATUSGEN is a path.
#
# The stamp is an included makefile. GNU make brings included makefiles
# up to date before anything else and, when it remade one, starts over
# and reads every timestamp afresh. So the objects meet the outputs as the
# generator left them: a rewritten output rebuilds its users, an untouched
# one nothing, and a second make (or make -q) finds nothing to do. (The
# usual "outputs: stamp ;" rebuilds just as little, but keeps the outputs
# older than the stamp: make -q never says up to date.) The outputs are
# also prerequisites of the stamp, with empty rules as -MP writes them,
# so deleting one regenerates it. Like any included makefile, a stale
# stamp is remade even by make -n or make -q.

STATUSGEN ?= statusgen
STATUSGEN_NO_GENERATE ?= clean distclean
statusgen_generating = $(filter-out $(STATUSGEN_NO_GENERATE),$(or \
                         $(MAKECMDGOALS),all))

# The rules leave the default goal as it was (the first target after them
# when there was none).
define statusgen_rules
statusgen_goal := $$(.DEFAULT_GOAL)
$(1)_OUTPUTS := $$(shell $$(STATUSGEN) --list-outputs $(4) -o $(3) $(2) || \
                  echo statusgen-failed)
ifneq ($$(statusgen_generating),)
ifneq ($$(filter statusgen-failed,$$($(1)_OUTPUTS)),)
$$(error statusgen_rules,$(1): statusgen cannot generate from $(2), see above)
endif
endif
$(1)_SOURCES := $$(filter %.c,$$($(1)_OUTPUTS))
$(1)_HEADERS := $$(filter %.h,$$($(1)_OUTPUTS))
$(1)_STAMP   := $(3)/$(1).statusgen.mk

$$($(1)_STAMP): $(2) $$(wildcard $$(STATUSGEN)) $$($(1)_OUTPUTS)
	@mkdir -p $(3)
	$$(STATUSGEN) $(4) -o $(3) -M $(3)/$(1).statusgen.d $(2)
	sed '1s|^[^:]*:|$$@:|' $(3)/$(1).statusgen.d >$$@.tmp && mv $$@.tmp $$@

$$($(1)_OUTPUTS):

ifneq ($$(statusgen_generating),)
include $$($(1)_STAMP)
endif
.DEFAULT_GOAL := $$(statusgen_goal)
endef
