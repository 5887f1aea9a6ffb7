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
   known length then checks. Texts that share their row are chained.

   Texts: every one the generated lookups return or compare is stored
   once in a pool, and the tables hold offsets into it in the narrowest
   types that fit, so the generated source has no pointer table.

   This module owns the whole design: it also lays the shapes out as the
   tables of the generated source (entries, holes, and how many go on a
   line), which the view hands to the default templates as they are. */
#ifndef STATUSGEN_LOOKUP_H
#define STATUSGEN_LOOKUP_H

#include <stddef.h>

#include "arena.h"

/* A text to find, and the code it gives. */
struct lookup_key {
  const char *text; /* borrowed */
  size_t len;       /* strlen(text) */
  char *lower;      /* text with ASCII capitals in lower case */
  long code;
  unsigned byte; /* the byte at its group's position (lower case when
                    folding) */
  size_t slot;   /* its status's slot, or after every status's for a former
                    name's (see lookup_index) */
  long row;      /* its group's base + byte */
  size_t next;   /* the slot of the next key with the same row, or 0 */
  size_t origin; /* its place in the texts it was built from */
  const struct lookup_text *stored; /* its text in the pool (lookup_pool) */
  const char *label; /* its slot's name: S404 (its status's), A413_1 for
                        a former name's; in the design's arena */
};

/* A text of the pool: the bytes of one or more texts of the generated
   source, stored once. label names it (r404: the reason of 404, n404 its
   name, d404 its description, f404 its reference; a former name's adds
   _1, _2...; m for a minus sign). */
struct lookup_text {
  const char *text; /* borrowed, or in the design's arena */
  size_t len;
  char label[48];
  unsigned long offset; /* in the pool, past its first byte (none) */
};

/* One text lookup's key, status or former name, and its texts. */
struct lookup_texts {
  const struct lookup_text *reason, *name, *description, *reference;
  char label[24]; /* its code: 404, or m5 for -5 */
};

/* Every text the generated lookups return or compare, each once, in order
   of first use: the generated source stores them as one array of bytes
   and everything else refers to them by offsets into it, so the tables
   hold no pointer. Offset 0 is a lone NUL that stands for no text. */
struct lookup_pool {
  struct lookup_text *texts; /* stored, by offset */
  size_t ntexts;
  unsigned long size; /* bytes, NULs included */
  const char *type;   /* the narrowest unsigned C type an offset fits */
};

/* The narrowest C integer type that holds every value from lo to hi
   (lo <= hi), by the ranges C guarantees: unsigned char, signed char,
   unsigned short, short, then unsigned long or long. */
const char *lookup_ctype(long lo, long hi);

/* The keys of one length. */
struct lookup_group {
  size_t length;
  size_t pos; /* the byte that tells most keys apart */
  long base;  /* row of a byte: base + byte */
  const struct lookup_key *keys;
  size_t nkeys;
  unsigned long start, span;       /* its rows */
  const struct lookup_group *prev; /* the group before, or NULL */
};

struct lookup_index {
  struct lookup_key *keys; /* by length, then byte, then text */
  /* by slot - 1: the statuses' texts (whose code is not the text's before)
     in order, then the former names' in order, so that a new text adds
     one slot and moves none */
  struct lookup_key **by_slot;
  size_t nkeys;
  size_t nstatuses; /* the statuses' keys: by_slot[0 .. nstatuses - 1] */
  struct lookup_group *groups; /* by length, ascending */
  size_t ngroups;
  unsigned long rows; /* rows used: 0 .. rows-1 */
};

/* Indexes n texts (borrowed) with their codes, in memory from a. fold: the
   generated code ignores ASCII case, so bytes are those of the lower case
   text. */
void lookup_index_build(struct lookup_index *x, struct arena *a,
                        const char *const *texts, const long *codes, size_t n,
                        int fold);

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

void lookup_slots_build(struct lookup_slots *s, struct arena *a,
                        const long *codes, size_t n);

/* Holes come in runs of at most this many per entry of a code table, and
   a table of numbers has this many per line of the generated source. */
#define LOOKUP_GAPS_PER_ROW 8
#define LOOKUP_NUMBERS_PER_LINE 12

/* The first step of a text lookup, by length: the byte to read and the
   base of the rows (rows, past the last, for a length no text has). */
struct lookup_length {
  unsigned long at;
  long base;
  const struct lookup_group *group; /* NULL for a length no key has */
};

/* One line of a table of numbers: n entries, of lengths or of slots. */
struct lookup_line {
  const struct lookup_length *lengths; /* NULL for a line of slots */
  const unsigned long *slots;
  size_t n;
  const struct lookup_group *group; /* slots: the first line of a group's */
};

/* A text index as the generated tables: by length, and by row the slot
   to try first; each cut into lines. */
struct lookup_table {
  struct lookup_index index;
  struct lookup_length *by_length; /* 0 .. max_length */
  size_t max_length;
  unsigned long *by_row; /* index.rows slots; 0 where no key */
  struct lookup_line *length_lines, *row_lines;
  size_t nlength_lines, nrow_lines;
  /* the narrowest C types of its tables: lengths, codes, slots,
     positions, bases */
  const char *len_type, *code_type, *slot_type, *at_type, *base_type;
};

/* An entry of the tables indexed by code: a status (status > 0, its
   place, 1-based, among the sorted codes) or a run of ngaps holes. */
struct lookup_row {
  size_t status;
  const unsigned long *gaps;
  size_t ngaps;
};

/* Every shape the generated lookups need. */
struct lookup_design {
  struct lookup_slots slots; /* codes to table entries */
  struct lookup_row *rows;   /* the code tables' entries, in order */
  size_t nrows;
  struct lookup_table names, reasons; /* reasons fold ASCII case */
  const char *slot_type; /* the narrowest C type a status's slot fits */
  int use_switch;        /* the switch shape */
  int holes; /* the switch lists the codes in lo .. hi that are none, so
                that clang too makes a table of it (rows holds them) */
  struct lookup_pool pool;      /* after lookup_design_pool */
  struct lookup_texts *by_slot; /* each status's texts, 1-based */
  /* the inputs, borrowed */
  const long *status_codes, *codes;
  const char *const *in_names, *const *in_reasons;
  size_t nstatuses, n;
};

/* Works out the design, in memory from a, for nstatuses sorted codes
   (nstatuses > 0) and n enumerators: each with its name, its reason and
   its code (a status's, or the one an alias stands for). Borrows the
   texts. */
void lookup_design_build(struct lookup_design *d, struct arena *a,
                         const long *status_codes, size_t nstatuses,
                         const char *const *names, const char *const *reasons,
                         const long *codes, size_t n);

/* Makes d's code tables the switch shape: a switch from code to slot,
   whatever the codes' spread; when they are dense enough for tables, one
   that has a case for every value from lo to hi, the holes included
   (clang makes a table of a switch whose cases fill 40% of its range,
   jumps otherwise). Before lookup_design_pool. */
void lookup_design_use_switch(struct lookup_design *d, struct arena *a);

/* Makes the text tables' code types hold unknown too, the value their
   lookups answer for a text that is no key (-1 until this is called). */
void lookup_design_unknown(struct lookup_design *d, long unknown);

/* Lays out the pool of d (built by lookup_design_build) from its texts
   and each status's description and reference (NULL when it has none;
   both arrays may be NULL), in status order; borrows the texts. */
void lookup_design_pool(struct lookup_design *d, struct arena *a,
                        const char *const *descriptions,
                        const char *const *references);

#endif
