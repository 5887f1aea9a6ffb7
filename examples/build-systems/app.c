/* app: the program that the build-system examples (examples/make,
   examples/cmake, examples/meson) build from lookups they generate at
   build time, from any spec. The build names the spec's name (the prefix
   of the generated files and symbols) as STATUS_LIST:

     cc -DSTATUS_LIST=app_errors -Igen -c app.c

   app CODE prints the status's reason and description, and exits 1 for
   a code the spec lacks:

     app 404    404 Not Found: The requested resource was not found ... */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>

#ifndef STATUS_LIST
#define STATUS_LIST http_status
#endif
#define PASTE(a, b) a##b
#define JOIN(a, b) PASTE(a, b)
#define QUOTE(x) #x
#define STRING(x) QUOTE(x)
/* "app_errors.h": the macro is expanded before it is quoted. */
#include STRING(STATUS_LIST.h)
#define LOOKUP(suffix) JOIN(STATUS_LIST, suffix)

int main(int argc, char **argv)
{
  const char *arg = argc > 1 ? argv[1] : "";
  char *end;
  long code = strtol(arg, &end, 10);

  if (argc != 2 || *arg == '\0' || *end != '\0' || code < INT_MIN ||
      code > INT_MAX || !LOOKUP(_is_known)((int)code)) {
    fprintf(stderr, "usage: app CODE, a code the spec holds (not '%s')\n", arg);
    return 1;
  }
  printf("%ld %s: %s\n", code, LOOKUP(_reason)((int)code),
         LOOKUP(_description)((int)code));
  return 0;
}
