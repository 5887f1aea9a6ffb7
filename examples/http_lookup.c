/* http_lookup: a tiny program that vendors out/ (http_status.h and
   http_status.c, copied as they are) and uses its lookups.

     http_lookup 404          404 Not Found [client_error] cacheable
     http_lookup "not found"  the same, found by its reason phrase
     http_lookup NOT_FOUND    the same, found by its name

   Build: cc -Iout examples/http_lookup.c out/http_status.c */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "http_status.h"

static const char *class_id(int code)
{
  switch (http_status_class_of(code)) {
  case HTTP_STATUS_CLASS_INFORMATIONAL: return "informational";
  case HTTP_STATUS_CLASS_SUCCESS: return "success";
  case HTTP_STATUS_CLASS_REDIRECTION: return "redirection";
  case HTTP_STATUS_CLASS_CLIENT_ERROR: return "client_error";
  case HTTP_STATUS_CLASS_SERVER_ERROR: return "server_error";
  case HTTP_STATUS_CLASS_NONE: break;
  }
  return "none";
}

static int show(int code)
{
  if (!http_status_is_known(code)) {
    printf("%d unknown [%s]\n", code, class_id(code));
    return 1;
  }
  printf("%d %s [%s]%s%s\n", code, http_status_reason(code), class_id(code),
         http_status_is_cacheable(code) ? " cacheable" : "",
         http_status_is_retryable(code) ? " retryable" : "");
  return 0;
}

int main(int argc, char **argv)
{
  const char *arg;
  char *end;
  long n;
  int code;

  if (argc != 2) {
    fputs("usage: http_lookup CODE|REASON|NAME\n", stderr);
    return 2;
  }
  arg = argv[1];
  n = strtol(arg, &end, 10);
  if (*arg && !*end)
    return show(n < -1 || n > 9999 ? -1 : (int)n);
  code = http_status_from_reason(arg, strlen(arg));
  if (code < 0)
    code = http_status_from_name(arg, strlen(arg));
  if (code < 0) {
    printf("'%s' is no status\n", arg);
    return 1;
  }
  return show(code);
}
