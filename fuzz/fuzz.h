/* fuzz: what every fuzz target provides. Built with clang's
   -fsanitize=fuzzer, libFuzzer calls it; built with fuzz/replay.c, make
   check calls it on every file of the target's corpus, so that an input
   that once crashed stays fixed. */
#ifndef STATUSGEN_FUZZ_H
#define STATUSGEN_FUZZ_H

#include <stddef.h>
#include <stdint.h>

/* Runs the whole stage on size bytes of data and frees everything.
   Returns 0; a bug shows as a crash or a sanitizer report. */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#endif
