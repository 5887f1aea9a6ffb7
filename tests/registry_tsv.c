/* registry_tsv: prints the independent HTTP registry table
   (tests/support/http_registry.c) as tab-separated lines, so that tests
   written in other languages can hold their generated code to it:
     status CODE REASON NAME CLASS FLAGS REFERENCE
     alias  CODE REASON NAME
   FLAGS is a comma-separated list of flag ids, or "-"; so is a missing
   REFERENCE. */
#include <stdio.h>

#include "http_registry.h"

static const struct {
  unsigned bit;
  const char *id;
} flags[] = {{HTTP_CACHEABLE, "cacheable"},
             {HTTP_EMPTY, "empty"},
             {HTTP_RETRYABLE, "retryable"},
             {HTTP_DEPRECATED, "deprecated"},
             {HTTP_PROVISIONAL, "provisional"}};

int main(void)
{
  size_t i, k;

  for (i = 0; i < http_registry_count; i++) {
    const struct http_code *c = &http_registry[i];
    int any = 0;

    printf("status\t%d\t%s\t%s\t%s\t", c->code, c->reason, c->name,
           http_class_ids[c->code / 100 - 1]);
    for (k = 0; k < sizeof flags / sizeof *flags; k++)
      if (c->flags & flags[k].bit)
        printf("%s%s", any++ ? "," : "", flags[k].id);
    printf("%s\t%s\n", any ? "" : "-", c->reference ? c->reference : "-");
  }
  for (i = 0; i < http_aliases_count; i++)
    printf("alias\t%d\t%s\t%s\n", http_aliases[i].code,
           http_aliases[i].reason, http_aliases[i].name);
  return fflush(stdout) == 0 ? 0 : 1;
}
