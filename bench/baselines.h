/* baselines: what the lookup benchmark measures the generated lookups
   against, each in a translation unit of its own as the generated ones
   are, with the same call shape. */
#ifndef STATUSGEN_BASELINES_H
#define STATUSGEN_BASELINES_H

#include <stddef.h>

/* The reason of code from an array of pointers indexed by code (dense.c):
   the practical limit of a code->reason lookup. NULL when unknown. */
const char *bench_dense_reason(int code);

/* gperf perfect hashes over the names and the reasons (ASCII case
   ignored) of spec/http_status.yaml, statuses and aliases: built by
   bench.mk from the templates in bench/gperf. The code, or -1. */
int http_status_gperf_from_name(const char *s, size_t len);
int http_status_gperf_from_reason(const char *s, size_t len);

#endif
