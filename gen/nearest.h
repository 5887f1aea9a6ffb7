/* nearest: "did you mean", the name among candidates that a misspelt
   one most likely meant: one edit away ('reasn' for 'reason'; two for a
   name of six bytes or more), or the start of it ('retry' for
   'retryable'). */
#ifndef STATUSGEN_NEAREST_H
#define STATUSGEN_NEAREST_H

#include <stddef.h>

struct nearest {
  const char *key; /* the misspelt name, len bytes */
  size_t len;
  const char *best; /* NULL until a candidate is near enough */
  size_t score;     /* best's: lower is nearer */
};

/* Starts a search for what the len bytes at key meant. */
void nearest_init(struct nearest *n, const char *key, size_t len);

/* Offers a candidate (NUL-terminated, borrowed: it must outlive n's use);
   the nearest so far is kept, the first offered on a tie. */
void nearest_offer(struct nearest *n, const char *candidate);

/* Offers candidate, judged by how near match is (a part of it, say). */
void nearest_offer_as(struct nearest *n, const char *match,
                      const char *candidate);

/* The distance of two texts in edits (insert, delete or replace a byte,
   swap two neighbours), for texts of at most 32 bytes; 99 for longer
   ones. */
size_t nearest_distance(const char *a, size_t la, const char *b, size_t lb);

#endif
