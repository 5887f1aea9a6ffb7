/* footprint: prints the lines of what the generated C costs a program
   beside its speed, from figures that bench.mk measures with size(1) and
   readelf(1):
     footprint size NAME BYTES
       BYTES: text + data of an object; the baseline is the texts' own
       bytes: every distinct name, reason, description and reference of
       the spec's statuses and aliases, each with its NUL
     footprint relocs NAME COUNT BASE
       COUNT: dynamic relocations (.rela.dyn) of a shared library made
       of the object; BASE: those of an empty shared library, made by
       the same compiler (its start files' own) */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bench.h"
#include "http_status_texts.h"

#define TEXT_ENTRY(text) text,
static const char *const texts[] = {HTTP_STATUS_TEXTS(TEXT_ENTRY)};
#define NTEXTS (sizeof texts / sizeof texts[0])

/* The bytes of the distinct texts, NUL included; an empty text (a field
   the spec leaves out) is no text. */
static unsigned long texts_bytes(void)
{
  unsigned long bytes = 0;
  size_t i, j;

  for (i = 0; i < NTEXTS; i++) {
    if (texts[i][0] == '\0')
      continue;
    for (j = 0; j < i; j++)
      if (strcmp(texts[i], texts[j]) == 0)
        break;
    if (j == i)
      bytes += (unsigned long)strlen(texts[i]) + 1;
  }
  return bytes;
}

/* s as a count, or the program fails naming what it is. */
static unsigned long count_arg(const char *s, const char *what)
{
  char *end;
  unsigned long n;

  errno = 0;
  n = strtoul(s, &end, 10);
  if (s[0] < '0' || s[0] > '9' || *end != '\0' || errno != 0)
    bench_fail("footprint: %s '%s' is not a count", what, s);
  return n;
}

int main(int argc, char **argv)
{
  unsigned long n, base;

  if (argc == 4 && strcmp(argv[1], "size") == 0) {
    n = count_arg(argv[3], "BYTES");
    base = texts_bytes();
    if (base == 0)
      bench_fail("footprint: the spec has no texts");
    bench_report_count(argv[2], n, "bytes", (double)n / (double)base, "texts");
    return 0;
  }
  if (argc == 5 && strcmp(argv[1], "relocs") == 0) {
    n = count_arg(argv[3], "COUNT");
    base = count_arg(argv[4], "BASE");
    /* 0 of 0 is the goal met; some of 0 has no ratio. */
    if (base == 0 && n != 0)
      bench_fail("footprint: the empty library has no relocations");
    bench_report_count(argv[2], n, "relocs",
                       base ? (double)n / (double)base : 1.0, "empty-library");
    return 0;
  }
  bench_fail("usage: footprint size NAME BYTES | "
             "footprint relocs NAME COUNT BASE");
}
