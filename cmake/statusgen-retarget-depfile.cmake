# cmake -D DEPFILE=FILE -D STAMP=FILE -P statusgen-retarget-depfile.cmake
# Gives the rule of statusgen's depfile FILE ("OUTPUTS: SPEC TEMPLATE...")
# to STAMP instead, and touches STAMP; statusgen_generate runs it after
# each generation (see statusgen-config.cmake).
file(READ "${DEPFILE}" rule)
string(REGEX REPLACE "^[^:]*:" "${STAMP}:" rule "${rule}")
file(WRITE "${DEPFILE}" "${rule}")
file(TOUCH "${STAMP}")
