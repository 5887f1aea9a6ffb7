/* proc: fork, exec and capture through two unnamed temporary files (no
   pipes, so a chatty child can never block on a full one). */
#include "proc.h"

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

int proc_slurp(const char *path, struct buf *b)
{
  FILE *f = fopen(path, "rb");
  char chunk[4096];
  size_t n;

  if (!f)
    return -1;
  while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
    buf_put(b, chunk, n);
  fclose(f);
  return 0;
}

static void append_file(FILE *f, struct buf *b)
{
  char chunk[4096];
  size_t n;

  rewind(f);
  while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
    buf_put(b, chunk, n);
}

int proc_run(char *const argv[], struct buf *out, struct buf *err)
{
  FILE *fo = tmpfile(), *fe = tmpfile();
  int status = -1, wstatus;
  pid_t pid;

  if (!fo || !fe)
    goto done;
  fflush(NULL);
  pid = fork();
  if (pid == 0) {
    int null = open("/dev/null", O_RDONLY);

    if (null < 0 || dup2(null, 0) < 0 || dup2(fileno(fo), 1) < 0 ||
        dup2(fileno(fe), 2) < 0)
      _exit(127);
    execv(argv[0], argv);
    _exit(127);
  }
  if (pid < 0 || waitpid(pid, &wstatus, 0) < 0)
    goto done;
  append_file(fo, out);
  append_file(fe, err);
  if (WIFEXITED(wstatus))
    status = WEXITSTATUS(wstatus);
  else if (WIFSIGNALED(wstatus))
    status = 128 + WTERMSIG(wstatus);
done:
  if (fo)
    fclose(fo);
  if (fe)
    fclose(fe);
  return status;
}

void proc_result_run(struct proc_result *r, const char *const *argv)
{
  buf_init(&r->out);
  buf_init(&r->err);
  r->status = proc_run((char *const *)argv, &r->out, &r->err);
}

void proc_result_free(struct proc_result *r)
{
  buf_free(&r->out);
  buf_free(&r->err);
}

const char *proc_statusgen(void)
{
  const char *p = getenv("STATUSGEN");

  return p ? p : "build/statusgen";
}

int proc_under_valgrind(void)
{
  const char *preload = getenv("LD_PRELOAD");

  return preload && strstr(preload, "vgpreload") != NULL;
}
