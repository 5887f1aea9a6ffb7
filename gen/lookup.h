/* lookup: the shapes of the generated lookups, worked out here so that the
   templates only spell them. Codes map to slots through one dense switch
   when the codes are close enough together (every value in the range gets
   a case: gcc and clang then both compile it to a single table), and texts
   map to codes through a switch on the length, then on the one byte that
   tells the keys of that length apart, then one compare of known length. */
#ifndef STATUSGEN_LOOKUP_H
#define STATUSGEN_LOOKUP_H

#include <stddef.h>

/* A text to find, and the code it gives. */
struct lookup_key {
  const char *text;  /* borrowed */
  size_t len;        /* strlen(text) */
  char *lower;       /* text with ASCII capitals in lower case */
  long code;
  unsigned byte;     /* the byte at its group's position (folded) */
};

/* The keys of one group whose byte at the group's position is byte. */
struct lookup_case {
  unsigned byte;     /* the byte, or, when folding, the byte | 0x20 */
  char label[8];     /* byte as a C case label: 'A' when printable, else
                        its number */
  const struct lookup_key *keys;
  size_t nkeys;
};

/* The keys of one length. */
struct lookup_group {
  size_t length;
  size_t pos;        /* the byte that tells most keys apart */
  const struct lookup_key *keys;
  size_t nkeys;
  struct lookup_case *cases; /* by byte, ascending */
  size_t ncases;
};

struct lookup_index {
  struct lookup_key *keys; /* by length, then text */
  size_t nkeys;
  struct lookup_group *groups; /* by length, ascending */
  size_t ngroups;
};

/* Indexes n texts (borrowed) with their codes. fold: the generated code
   ignores ASCII case, so bytes are compared as (byte | 0x20) of the lower
   case text. Free with lookup_index_free(). */
void lookup_index_build(struct lookup_index *x, const char *const *texts,
                        const long *codes, size_t n, int fold);
void lookup_index_free(struct lookup_index *x);

/* How codes (sorted, n > 0) map to slots: lo and hi bound them; dense when
   the range is small enough to give every value a case, and then gaps
   lists the offsets (value - lo) of the values that are no code. */
struct lookup_slots {
  long lo, hi;
  int dense;
  unsigned long *gaps;
  size_t ngaps;
};

void lookup_slots_build(struct lookup_slots *s, const long *codes, size_t n);
void lookup_slots_free(struct lookup_slots *s);

#endif
