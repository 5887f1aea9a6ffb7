/* Holds the C generated from tests/specs/valid/errno.yaml (negative codes,
   'unknown: -4096') to a table of its own, written here from the generic
   Linux errno lists and the C library's texts, not read from the spec:
   every lookup for every integer of the declared range (-4095 to -1) and
   a margin around it, the extremes of int, every name and reason (and the
   reason in another case), and texts that are no key. Prints each
   mismatch; exits 1 when there is one.

   usage: cc -I DIR errno_check.c DIR/kernel_errno.c && ./a.out */
#include <limits.h>
#include <stdio.h>
#include <string.h>

#include "kernel_errno.h"

struct known {
  int code;
  const char *name, *reason;
  int transient;
};

static const struct known table[] = {
    {-1, "EPERM", "Operation not permitted", 0},
    {-2, "ENOENT", "No such file or directory", 0},
    {-3, "ESRCH", "No such process", 0},
    {-4, "EINTR", "Interrupted system call", 1},
    {-5, "EIO", "Input/output error", 0},
    {-6, "ENXIO", "No such device or address", 0},
    {-7, "E2BIG", "Argument list too long", 0},
    {-8, "ENOEXEC", "Exec format error", 0},
    {-9, "EBADF", "Bad file descriptor", 0},
    {-10, "ECHILD", "No child processes", 0},
    {-11, "EAGAIN", "Resource temporarily unavailable", 1},
    {-12, "ENOMEM", "Cannot allocate memory", 0},
    {-13, "EACCES", "Permission denied", 0},
    {-14, "EFAULT", "Bad address", 0},
    {-16, "EBUSY", "Device or resource busy", 1},
    {-17, "EEXIST", "File exists", 0},
    {-18, "EXDEV", "Invalid cross-device link", 0},
    {-20, "ENOTDIR", "Not a directory", 0},
    {-21, "EISDIR", "Is a directory", 0},
    {-22, "EINVAL", "Invalid argument", 0},
    {-24, "EMFILE", "Too many open files", 0},
    {-28, "ENOSPC", "No space left on device", 0},
    {-32, "EPIPE", "Broken pipe", 0},
    {-34, "ERANGE", "Numerical result out of range", 0},
    {-98, "EADDRINUSE", "Address already in use", 0},
    {-104, "ECONNRESET", "Connection reset by peer", 1},
    {-110, "ETIMEDOUT", "Connection timed out", 1},
    {-111, "ECONNREFUSED", "Connection refused", 1},
    {-113, "EHOSTUNREACH", "No route to host", 1},
};

#define N (sizeof table / sizeof *table)

static int failures;

static void fail(int code, const char *what)
{
  if (failures++ < 20)
    printf("errno_check: %d: %s\n", code, what);
}

static const struct known *find(int code)
{
  size_t i;

  for (i = 0; i < N; i++)
    if (table[i].code == code)
      return &table[i];
  return NULL;
}

static int same(const char *got, const char *want)
{
  return want ? got != NULL && strcmp(got, want) == 0 : got == NULL;
}

static void check_code(int code)
{
  const struct known *k = find(code);
  enum kernel_errno_class want = KERNEL_ERRNO_CLASS_NONE;

  if (code >= -34 && code <= -1)
    want = KERNEL_ERRNO_CLASS_BASE;
  else if (code >= -4095 && code <= -35)
    want = KERNEL_ERRNO_CLASS_EXTENDED;
  if (kernel_errno_is_known(code) != (k != NULL))
    fail(code, "is_known");
  if (!same(kernel_errno_reason(code), k ? k->reason : NULL))
    fail(code, "reason");
  if (!same(kernel_errno_name(code), k ? k->name : NULL))
    fail(code, "name");
  if ((kernel_errno_description(code) != NULL) != (k != NULL))
    fail(code, "description");
  if (kernel_errno_reference(code) != NULL)
    fail(code, "reference");
  if (kernel_errno_class_of(code) != want)
    fail(code, "class_of");
  if (kernel_errno_is_base(code) != (want == KERNEL_ERRNO_CLASS_BASE))
    fail(code, "is_base");
  if (kernel_errno_is_extended(code) != (want == KERNEL_ERRNO_CLASS_EXTENDED))
    fail(code, "is_extended");
  if (kernel_errno_is_transient(code) != (k != NULL && k->transient))
    fail(code, "is_transient");
}

/* s with the case of every ASCII letter swapped, into out. */
static const char *swapped(const char *s, char *out)
{
  size_t i;

  for (i = 0; s[i]; i++)
    if (s[i] >= 'a' && s[i] <= 'z')
      out[i] = (char)(s[i] - 'a' + 'A');
    else if (s[i] >= 'A' && s[i] <= 'Z')
      out[i] = (char)(s[i] - 'A' + 'a');
    else
      out[i] = s[i];
  out[i] = '\0';
  return out;
}

static void check_texts(void)
{
  static const char *const not_keys[] = {"",
                                         "E",
                                         "EPERM ",
                                         "eperm",
                                         "ENOENTS",
                                         "UNKNOWN",
                                         "I/O errors",
                                         "Operation not",
                                         "No such file or directory!",
                                         "EWOULDBLOCK"};
  char buf[64];
  size_t i;

  for (i = 0; i < N; i++) {
    const struct known *k = &table[i];

    if (kernel_errno_from_name(k->name, strlen(k->name)) != k->code)
      fail(k->code, "from_name");
    if (kernel_errno_from_reason(k->reason, strlen(k->reason)) != k->code)
      fail(k->code, "from_reason");
    if (kernel_errno_from_reason(swapped(k->reason, buf), strlen(k->reason)) !=
        k->code)
      fail(k->code, "from_reason, case swapped");
  }
  /* the kernel header's text for EIO, a former phrase in the spec */
  if (kernel_errno_from_reason("I/O error", 9) != -5)
    fail(-5, "from_reason of the alias");
  if (kernel_errno_from_name("I_O_ERROR", 9) != -5)
    fail(-5, "from_name of the alias");
  for (i = 0; i < sizeof not_keys / sizeof *not_keys; i++) {
    size_t len = strlen(not_keys[i]);

    if (kernel_errno_from_name(not_keys[i], len) != -4096)
      fail((int)i, "from_name of no name is not -4096");
    if (kernel_errno_from_reason(not_keys[i], len) != -4096)
      fail((int)i, "from_reason of no reason is not -4096");
  }
  if (kernel_errno_from_name(NULL, 0) != -4096)
    fail(0, "from_name(NULL)");
}

int main(void)
{
  static const int extremes[] = {INT_MIN, INT_MIN + 1, INT_MAX, INT_MAX - 1,
                                 -4096,   0,           1,       4095};
  long code;
  size_t i;

  if (KERNEL_ERRNO_UNKNOWN != -4096)
    fail(KERNEL_ERRNO_UNKNOWN, "KERNEL_ERRNO_UNKNOWN is not -4096");
  if (KERNEL_ERRNO_COUNT != N)
    fail(KERNEL_ERRNO_COUNT, "KERNEL_ERRNO_COUNT");
  if (KERNEL_ERRNO_ENOENT != -2 || KERNEL_ERRNO_EHOSTUNREACH != -113 ||
      KERNEL_ERRNO_I_O_ERROR != KERNEL_ERRNO_EIO)
    fail(0, "enum constants");
  for (code = -4095 - 1000; code <= -1 + 1000; code++)
    check_code((int)code);
  for (i = 0; i < sizeof extremes / sizeof *extremes; i++)
    check_code(extremes[i]);
  check_texts();
  printf("errno_check: %s\n", failures ? "FAILED" : "passed");
  return failures != 0;
}
