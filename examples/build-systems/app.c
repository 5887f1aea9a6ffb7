/* app: the program that the build-system examples (examples/make,
   examples/cmake, examples/meson) build from lookups they generate at
   build time. Prints a status code's reason and description:

     app        404 Not Found: The requested resource was not found on ...
     app 503    the same for 503; exit 1 for a code the spec lacks */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>

#include "http_status.h"

int main(int argc, char **argv)
{
  const char *arg = argc > 1 ? argv[1] : "404";
  char *end;
  long code = strtol(arg, &end, 10);

  if (*arg == '\0' || *end != '\0' || code < 0 || code > INT_MAX ||
      !http_status_is_known((int)code)) {
    fprintf(stderr, "app: '%s' is no known status\n", arg);
    return 1;
  }
  printf("%ld %s: %s\n", code, http_status_reason((int)code),
         http_status_description((int)code));
  return 0;
}
