/* nearest: edit distance and the rule for "near enough". */
#include "nearest.h"

#include <string.h>

#define LONGEST 32

void nearest_init(struct nearest *n, const char *key, size_t len)
{
  n->key = key;
  n->len = len;
  n->best = NULL;
  n->score = 0;
}

size_t nearest_distance(const char *a, size_t la, const char *b, size_t lb)
{
  /* optimal string alignment: a swap of two neighbours is one edit */
  size_t d[LONGEST + 1][LONGEST + 1], i, j;

  if (la > LONGEST || lb > LONGEST)
    return 99;
  for (i = 0; i <= la; i++)
    d[i][0] = i;
  for (j = 0; j <= lb; j++)
    d[0][j] = j;
  for (i = 1; i <= la; i++)
    for (j = 1; j <= lb; j++) {
      size_t best = d[i - 1][j - 1] + (a[i - 1] != b[j - 1]);

      if (d[i - 1][j] + 1 < best)
        best = d[i - 1][j] + 1;
      if (d[i][j - 1] + 1 < best)
        best = d[i][j - 1] + 1;
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] &&
          d[i - 2][j - 2] + 1 < best)
        best = d[i - 2][j - 2] + 1;
      d[i][j] = best;
    }
  return d[la][lb];
}

/* How near candidate is: its edit distance when at most one, or two for
   a key of six bytes or more (so that 'nope' does not mean 'code'); 3 when
   one starts the other, the shorter of three bytes or more; else 0, not
   near at all. Lower is nearer; 0 means no. */
static size_t score(const struct nearest *n, const char *candidate)
{
  size_t lc = strlen(candidate), d, shorter = lc < n->len ? lc : n->len;

  if (lc == n->len && memcmp(candidate, n->key, lc) == 0)
    return 0; /* the name itself is no suggestion */
  d = nearest_distance(n->key, n->len, candidate, lc);
  if (d <= (n->len < 6 ? 1 : 2))
    return d;
  if (shorter >= 3 && memcmp(candidate, n->key, shorter) == 0)
    return 3;
  return 0;
}

void nearest_offer_as(struct nearest *n, const char *match,
                      const char *candidate)
{
  size_t s = score(n, match);

  if (s && (!n->best || s < n->score)) {
    n->best = candidate;
    n->score = s;
  }
}

void nearest_offer(struct nearest *n, const char *candidate)
{
  nearest_offer_as(n, candidate, candidate);
}
