/* fuzz_lookups: the generated lookups of out/http_status.c on any bytes of
   any length, as properties checked against the registry tables of
   tests/support: no byte past len is read (the input sits in a block of
   exactly its size, for ASan), every hit round-trips to a key the registry
   has for that code, and a code read from the input has a reason exactly
   when the registry knows it. */
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "http_registry.h"
#include "http_status.h"

static int same_folded(const char *a, const char *b, size_t n)
{
  size_t i;

  for (i = 0; i < n; i++) {
    int x = (unsigned char)a[i], y = (unsigned char)b[i];

    x += x >= 'A' && x <= 'Z' ? 32 : 0;
    y += y >= 'A' && y <= 'Z' ? 32 : 0;
    if (x != y)
      return 0;
  }
  return 1;
}

/* 1 when s is the name (by_reason: the reason, any ASCII case) of code or
   of one of its aliases in the registry. */
static int registry_has(int code, const char *s, size_t n, int by_reason)
{
  const struct http_code *c = http_registry_find(code);
  const char *key = c ? (by_reason ? c->reason : c->name) : NULL;
  size_t i;

  if (key && strlen(key) == n &&
      (by_reason ? same_folded(key, s, n) : memcmp(key, s, n) == 0))
    return 1;
  for (i = 0; i < http_aliases_count; i++) {
    const struct http_alias *a = &http_aliases[i];

    key = by_reason ? a->reason : a->name;
    if (a->code == code && strlen(key) == n &&
        (by_reason ? same_folded(key, s, n) : memcmp(key, s, n) == 0))
      return 1;
  }
  return 0;
}

/* 1 when some code of the registry has s as a name (or reason): then a
   lookup that found nothing is wrong. */
static int any_has(const char *s, size_t n, int by_reason)
{
  size_t i;

  for (i = 0; i < http_registry_count; i++)
    if (registry_has(http_registry[i].code, s, n, by_reason))
      return 1;
  return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
  char *s = malloc(size ? size : 1);
  int code;

  if (!s)
    abort();
  if (size)
    memcpy(s, data, size);
  code = http_status_from_name(s, size);
  if (code != -1 ? !registry_has(code, s, size, 0) : any_has(s, size, 0))
    abort();
  code = http_status_from_reason(s, size);
  if (code != -1 ? !registry_has(code, s, size, 1) : any_has(s, size, 1))
    abort();
  if (size >= 2) {
    code = (int)(data[0] | data[1] << 8) - 1000; /* -1000 .. 64535 */
    if ((http_status_reason(code) != NULL) !=
        (http_registry_find(code) != NULL))
      abort();
  }
  free(s);
  return 0;
}
