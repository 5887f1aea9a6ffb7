/* lookup: the shapes of the generated lookups, worked out here so that the
   templates only spell them.

   Codes: when they lie close enough together, the generated tables are
   indexed by code - lo, one load after a bounds check, the shape of a
   hand-written dense array; otherwise a switch maps each code to its slot.
   (A switch that returns the texts is no table under gcc with PIE, and
   one that returns slots stops being a table under clang once its result
   is tested: both were measured, see bench/.)

   Texts: the length gives the position of the byte that tells the texts of
   that length apart, and a base; base + that byte is a row, and the row
   gives the slot of the one text that can match, which one compare of
   known length then checks. Texts that share their row are chained. */
#ifndef STATUSGEN_LOOKUP_H
#define STATUSGEN_LOOKUP_H

#include <stddef.h>

/* A text to find, and the code it gives. */
struct lookup_key {
  const char *text;  /* borrowed */
  size_t len;        /* strlen(text) */
  char *lower;       /* text with ASCII capitals in lower case */
  long code;
  unsigned byte;     /* the byte at its group's position (lower case when
                        folding) */
  size_t slot;       /* its place in keys, plus one */
  long row;          /* its group's base + byte */
  size_t next;       /* the slot of the next key with the same row, or 0 */
};

/* The keys of one length. */
struct lookup_group {
  size_t length;
  size_t pos;        /* the byte that tells most keys apart */
  long base;         /* row of a byte: base + byte */
  const struct lookup_key *keys;
  size_t nkeys;
};

struct lookup_index {
  struct lookup_key *keys; /* by length, then byte, then text */
  size_t nkeys;
  struct lookup_group *groups; /* by length, ascending */
  size_t ngroups;
  unsigned long rows;  /* rows used: 0 .. rows-1 */
  char *lowers;        /* the lower case copies, one block */
};

/* Indexes n texts (borrowed) with their codes. fold: the generated code
   ignores ASCII case, so bytes are those of the lower case text. Free with
   lookup_index_free(). */
void lookup_index_build(struct lookup_index *x, const char *const *texts,
                        const long *codes, size_t n, int fold);
void lookup_index_free(struct lookup_index *x);

/* How codes (sorted, n > 0) map to table entries: lo and hi bound them;
   dense when the range is small enough for tables indexed by code - lo,
   and then gaps lists the offsets (value - lo) of the values that are no
   code. */
struct lookup_slots {
  long lo, hi;
  int dense;
  unsigned long *gaps;
  size_t ngaps;
};

void lookup_slots_build(struct lookup_slots *s, const long *codes, size_t n);
void lookup_slots_free(struct lookup_slots *s);

#endif
