/* replay: runs a fuzz target on files, without libFuzzer: each argument is
   a file, or a folder whose files are each run. Prints "replay: N inputs"
   and exits 0; a bug shows as a crash or a sanitizer report, and an input
   that runs longer than REPLAY_SECONDS (a hang libFuzzer reported as a
   timeout) as "replay: input timed out: FILE" and exit status 3. */
#include <dirent.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fuzz.h"

/* Each input's time limit: far above what a sound input needs, even under
   the sanitizers, and far below what would stall make check. */
#define REPLAY_SECONDS 30

static unsigned long runs;
static const char *current; /* the input being run */

/* Writes s to stderr from a signal handler (no stdio there). */
static void say(const char *s)
{
  if (write(2, s, strlen(s)) < 0)
    return; /* nothing better to do */
}

static void timed_out(int sig)
{
  (void)sig;
  say("replay: input timed out: ");
  say(current);
  say("\n");
  _exit(3);
}

static int run_file(const char *path)
{
  FILE *f = fopen(path, "rb");
  unsigned char *data = NULL;
  size_t n = 0, cap = 0, k;

  if (!f) {
    perror(path);
    return -1;
  }
  do {
    if (n == cap) {
      cap = cap ? cap * 2 : 4096;
      data = realloc(data, cap);
      if (!data)
        abort();
    }
    k = fread(data + n, 1, cap - n, f);
    n += k;
  } while (k);
  fclose(f);
  current = path;
  alarm(REPLAY_SECONDS);
  LLVMFuzzerTestOneInput(data, n);
  alarm(0);
  free(data);
  runs++;
  return 0;
}

static int run_path(const char *path)
{
  struct stat st;
  struct dirent *e;
  DIR *d;
  int r = 0;

  if (stat(path, &st) < 0) {
    perror(path);
    return -1;
  }
  if (!S_ISDIR(st.st_mode))
    return run_file(path);
  if (!(d = opendir(path)))
    return -1;
  while ((e = readdir(d))) {
    char sub[4096];

    if (e->d_name[0] == '.')
      continue;
    snprintf(sub, sizeof sub, "%s/%s", path, e->d_name);
    r |= run_path(sub);
  }
  closedir(d);
  return r;
}

int main(int argc, char **argv)
{
  int i, r = 0;

  signal(SIGALRM, timed_out);
  for (i = 1; i < argc; i++)
    r |= run_path(argv[i]);
  printf("replay: %lu inputs\n", runs);
  return r ? 2 : 0;
}
