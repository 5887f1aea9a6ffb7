/* fortify_shim: for a build of statusgen with musl (make check-musl),
   which links Debian's libyaml.a. That archive was built with glibc's
   _FORTIFY_SOURCE and calls __sprintf_chk, which musl lacks: here it is,
   without the check (libyaml's buffers are sized for what it prints). */
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>

int __sprintf_chk(char *s, int flag, size_t size, const char *fmt, ...);

int __sprintf_chk(char *s, int flag, size_t size, const char *fmt, ...)
{
  va_list ap;
  int n;

  (void)flag;
  va_start(ap, fmt);
  n = vsnprintf(s, size, fmt, ap);
  va_end(ap);
  return n;
}
