/* test_faults: a whole generation failing at each fallible call in turn
   (every allocation and every call on files, fault.h), and killed at each
   in turn. Each run is a child forked from this test that calls
   cli_main(); the parent judges what it left: an exit status of 0 or 2
   (never a signal), diagnostics that are each one "FILE[:LINE:COL]:
   error: ..." line, outputs all of the old bytes or all of the new ones,
   and no ".statusgen-*" file, unless the failed call was an unlink whose
   leftover the next run removes. The same for --check (exit 1 or 2,
   nothing ever written) and over outputs already current (nothing
   moves); a run killed at each call must leave what the next run turns
   back into a whole set; and a commit a killed run left half done must
   be rolled back whatever call of the next run fails.

   The fault.h functions are defined here, so gen/fault.c is left out of
   this program by the linker: the same countdown, plus what only a test
   needs: the kind of each call (an allocation, an open, a rename...),
   kept in memory shared with the parent, and a mode that kills the
   process at the armed call instead of failing it. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "buf.h"
#include "cli.h"
#include "fault.h"
#include "proc.h"
#include "sysio.h"
#include "xmem.h"

/* Under AddressSanitizer, every fork copies the page tables of what the
   parent touched, freed memory held in quarantine included: a small
   quarantine keeps thousands of forks cheap. */
#if defined(__SANITIZE_ADDRESS__)
#define UNDER_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define UNDER_ASAN 1
#endif
#endif
#ifdef UNDER_ASAN
const char *__asan_default_options(void);
const char *__asan_default_options(void)
{
  return "quarantine_size_mb=4";
}
#endif

/* The specs: the old outputs are those of the small one under the HTTP
   spec's file names, so every output differs. */
#define NEW_SPEC "spec/http_status.yaml"
#define OLD_SPEC "tests/specs/valid/smtp.yaml"
#define SMALL_SPEC "tests/specs/valid/minimal.yaml"
/* A child taking longer than this has hung: it is killed and fails. */
#define CHILD_SECONDS 60
/* Runs past this many calls mean the countdown never ends. */
#define MAX_RUNS 100000UL
/* Calls whose kind a run keeps for the parent. */
#define MAX_TRACE 100000UL
/* Files an output folder holds at most in these tests. */
#define MAX_ENTRIES 32
/* The start of every name the generator makes for itself. */
#define OURS ".statusgen-"

enum kind {
  K_ALLOC,
  K_OPEN,
  K_READ,
  K_WRITE,
  K_FSYNC,
  K_CLOSE,
  K_RENAME,
  K_LINK,
  K_UNLINK,
  K_FLOCK,
  K_OTHER,
  NKINDS
};

static const char *const kind_names[NKINDS] = {
    "allocation", "open", "read",   "write", "fsync", "close",
    "rename",     "link", "unlink", "flock", "other"};

/* What a child tells its parent. */
struct shared {
  int hit;                        /* the armed call was reached */
  int hit_kind;                   /* its kind */
  unsigned long ncalls;           /* calls made since the child began */
  unsigned char trace[MAX_TRACE]; /* the kind of each */
};

/* ---- fault.h, with kinds ---- */

static unsigned long calls, fail_at, trace_from, seen_allocs;
/* What the armed call does: fail, kill the process, or freeze it. */
enum at_fault { FAIL, KILL, FREEZE };
static enum at_fault at_fault;
static struct shared *shared;

/* Call sites of fault_next() in sysio, learnt by calibrate(). */
static const void *sites[32];
static enum kind site_kinds[32];
static size_t nsites;
/* While calibrating: the sites of the calls made, allocations left out. */
static const void *recorded[32];
static size_t nrecorded;
static int recording;

void fault_arm(unsigned long n)
{
  fail_at = n ? calls + n : 0;
}

unsigned long fault_calls(void)
{
  return calls;
}

static enum kind kind_of_site(const void *site)
{
  size_t i;

  for (i = 0; i < nsites; i++)
    if (sites[i] == site)
      return site_kinds[i];
  return K_OTHER;
}

/* Stops as if dead, the pid still in use: every descriptor closed (the
   folder's lock with them), then nothing more, until killed. */
static void freeze(void)
{
  int fd;

  for (fd = 3; fd < 1024; fd++)
    close(fd);
  for (;;)
    pause();
}

int fault_next(void)
{
  const void *site = __builtin_return_address(0);
  unsigned long allocs = xmem_calls(); /* xmem counts before it asks */
  enum kind k = allocs != seen_allocs ? K_ALLOC : kind_of_site(site);
  int hit = ++calls == fail_at;

  seen_allocs = allocs;
  if (recording && k != K_ALLOC && nrecorded < 32)
    recorded[nrecorded++] = site;
  if (shared && calls > trace_from) {
    shared->ncalls = calls - trace_from;
    if (shared->ncalls <= MAX_TRACE)
      shared->trace[shared->ncalls - 1] = (unsigned char)k;
  }
  if (hit && shared) {
    shared->hit = 1;
    shared->hit_kind = (int)k;
  }
  if (hit && at_fault == KILL)
    raise(SIGKILL);
  if (hit && at_fault == FREEZE)
    freeze();
  return hit;
}

/* The recorded sites are of kind k (the first of kind first, when
   given, then k). */
static void learn(enum kind first, enum kind k)
{
  size_t i, j;

  for (i = 0; i < nrecorded; i++) {
    for (j = 0; j < nsites && sites[j] != recorded[i]; j++)
      ;
    if (j == nsites && nsites < 32) {
      sites[nsites] = recorded[i];
      site_kinds[nsites++] = i == 0 && first != NKINDS ? first : k;
    }
  }
  nrecorded = 0;
}

/* Calls each sysio function once, harmlessly, to learn where it asks
   fault_next(); sysio_read_file too, in case its calls were inlined. */
static void calibrate(void)
{
  struct buf b = BUF_INIT, why = BUF_INIT;
  char c = 0;

  recording = 1;
  sysio_open("/nonexistent/statusgen", O_RDONLY, 0);
  learn(NKINDS, K_OPEN);
  if (sysio_read(-1, &c, 1) < 0)
    learn(NKINDS, K_READ);
  sysio_write_all(-1, &c, 1);
  learn(NKINDS, K_WRITE);
  sysio_fsync(-1);
  learn(NKINDS, K_FSYNC);
  sysio_close(-1);
  learn(NKINDS, K_CLOSE);
  sysio_rename("/nonexistent/statusgen", "/nonexistent/statusgen2");
  learn(NKINDS, K_RENAME);
  sysio_link("/nonexistent/statusgen", "/nonexistent/statusgen2");
  learn(NKINDS, K_LINK);
  sysio_unlink("/nonexistent/statusgen");
  learn(NKINDS, K_UNLINK);
  sysio_flock(-1, LOCK_SH);
  learn(NKINDS, K_FLOCK);
  sysio_read_file(SMALL_SPEC, 1 << 20, &b, &why);
  learn(K_OPEN, K_READ);
  recording = 0;
  buf_free(&b);
  buf_free(&why);
}

/* ---- the scratch folder ---- */

static char root[256], outdir[300], tbad[300], depfile[320];

static void path_in(char *out, size_t size, const char *dir, const char *name)
{
  snprintf(out, size, "%s/%s", dir, name);
}

static void put_bytes(const char *path, const char *bytes, size_t len)
{
  FILE *f = fopen(path, "wb");

  assert_non_null(f);
  assert_int_equal(fwrite(bytes, 1, len, f), len);
  assert_int_equal(fclose(f), 0);
}

static void empty_dir(const char *dir)
{
  DIR *d = opendir(dir);
  struct dirent *e;
  char path[600];

  while (d && (e = readdir(d))) {
    if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
      continue;
    path_in(path, sizeof path, dir, e->d_name);
    if (unlink(path) < 0)
      rmdir(path);
  }
  if (d)
    closedir(d);
}

/* The templates, plus one that cannot parse: a run with them fails after
   it took the folder's lock (and so after it swept the folder). */
static void make_broken_templates(void)
{
  static const char broken[] = "{{#unclosed}}\n";
  DIR *d = opendir("templates");
  struct dirent *e;
  char from[600], to[600];

  assert_non_null(d);
  assert_int_equal(mkdir(tbad, 0777), 0);
  while ((e = readdir(d))) {
    struct buf b = BUF_INIT;

    if (e->d_name[0] == '.')
      continue;
    path_in(from, sizeof from, "templates", e->d_name);
    path_in(to, sizeof to, tbad, e->d_name);
    assert_int_equal(proc_slurp(from, &b), 0);
    put_bytes(to, b.data, b.len);
    buf_free(&b);
  }
  closedir(d);
  path_in(to, sizeof to, tbad, "broken.h.mustache");
  put_bytes(to, broken, sizeof broken - 1);
}

/* Where the scratch folder goes: $TMPDIR, else a memory file system
   when there is one (fsync costs nothing there, and runs that sync are
   many), else /tmp. */
static const char *scratch_parent(void)
{
  const char *tmp = getenv("TMPDIR");

  if (tmp && *tmp)
    return tmp;
  return access("/dev/shm", W_OK | X_OK) == 0 ? "/dev/shm" : "/tmp";
}

static int setup(void **state)
{
  FILE *f = tmpfile();

  (void)state;
  snprintf(root, sizeof root, "%s/statusgen-faults-XXXXXX", scratch_parent());
  if (!mkdtemp(root) || !f || ftruncate(fileno(f), sizeof *shared) < 0)
    return -1;
  shared = mmap(NULL, sizeof *shared, PROT_READ | PROT_WRITE, MAP_SHARED,
                fileno(f), 0);
  fclose(f); /* the mapping stays */
  if (shared == MAP_FAILED)
    return -1;
  path_in(outdir, sizeof outdir, root, "out");
  path_in(tbad, sizeof tbad, root, "templates");
  path_in(depfile, sizeof depfile, outdir, "http_status.d");
  if (mkdir(outdir, 0777) < 0)
    return -1;
  make_broken_templates();
  calibrate();
  return 0;
}

static int teardown(void **state)
{
  (void)state;
  empty_dir(outdir);
  empty_dir(tbad);
  rmdir(outdir);
  rmdir(tbad);
  munmap(shared, sizeof *shared);
  shared = NULL;
  return rmdir(root);
}

/* ---- a folder's files ---- */

struct entry {
  char *name;
  struct buf bytes;
  ino_t ino;
  struct timespec mtime;
};

struct snap {
  struct entry e[MAX_ENTRIES];
  size_t n;
};

static int by_entry_name(const void *a, const void *b)
{
  return strcmp(((const struct entry *)a)->name,
                ((const struct entry *)b)->name);
}

static int ours(const char *name)
{
  return strncmp(name, OURS, strlen(OURS)) == 0;
}

static void snap_free(struct snap *s)
{
  size_t i;

  for (i = 0; i < s->n; i++) {
    free(s->e[i].name);
    buf_free(&s->e[i].bytes);
  }
  s->n = 0;
}

/* Every file of outdir, sorted by name, with its bytes. */
static void snap_take(struct snap *s)
{
  DIR *d = opendir(outdir);
  struct dirent *e;
  char path[600];

  s->n = 0;
  assert_non_null(d);
  while ((e = readdir(d))) {
    struct entry *x = &s->e[s->n];
    struct stat st;

    if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
      continue;
    assert_true(s->n < MAX_ENTRIES);
    path_in(path, sizeof path, outdir, e->d_name);
    assert_int_equal(lstat(path, &st), 0);
    x->name = strdup(e->d_name);
    buf_init(&x->bytes);
    x->ino = st.st_ino;
    x->mtime = st.st_mtim;
    if (S_ISREG(st.st_mode))
      assert_int_equal(proc_slurp(path, &x->bytes), 0);
    s->n++;
  }
  closedir(d);
  qsort(s->e, s->n, sizeof *s->e, by_entry_name);
}

/* 1 when a and b hold the same names and bytes; with_ours 0 leaves out
   the generator's own files. */
static int same_files(const struct snap *a, const struct snap *b, int with_ours)
{
  size_t i = 0, j = 0;

  for (;;) {
    while (!with_ours && i < a->n && ours(a->e[i].name))
      i++;
    while (!with_ours && j < b->n && ours(b->e[j].name))
      j++;
    if (i == a->n || j == b->n)
      return i == a->n && j == b->n;
    if (strcmp(a->e[i].name, b->e[j].name) != 0 ||
        a->e[i].bytes.len != b->e[j].bytes.len ||
        memcmp(a->e[i].bytes.data, b->e[j].bytes.data, a->e[i].bytes.len))
      return 0;
    i++, j++;
  }
}

/* 1 when nothing in the folder moved: names, bytes, inodes, mtimes. */
static int untouched(const struct snap *now, const struct snap *before)
{
  size_t i;

  if (!same_files(now, before, 1))
    return 0;
  for (i = 0; i < now->n; i++)
    if (now->e[i].ino != before->e[i].ino ||
        now->e[i].mtime.tv_sec != before->e[i].mtime.tv_sec ||
        now->e[i].mtime.tv_nsec != before->e[i].mtime.tv_nsec)
      return 0;
  return 1;
}

static size_t count_ours(const struct snap *s)
{
  size_t i, n = 0;

  for (i = 0; i < s->n; i++)
    n += ours(s->e[i].name) != 0;
  return n;
}

/* Makes outdir hold exactly the files of s (same names and bytes). */
static void restore(const struct snap *s)
{
  char path[600];
  size_t i;

  empty_dir(outdir);
  for (i = 0; i < s->n; i++) {
    path_in(path, sizeof path, outdir, s->e[i].name);
    put_bytes(path, s->e[i].bytes.data, s->e[i].bytes.len);
  }
}

/* ---- running the generator in a child ---- */

struct run {
  pid_t pid;
  int status;     /* the exit status, or 128 + the signal */
  int hit;        /* the armed call was reached */
  enum kind kind; /* and was of this kind */
  unsigned long calls;
  struct buf out, err;
};

static void read_back(FILE *f, struct buf *b)
{
  char chunk[4096];
  size_t n;

  rewind(f);
  while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
    buf_put(b, chunk, n);
  fclose(f);
}

/* The child: default crash signals (not cmocka's handlers, which would
   carry on with the parent's tests), then the program itself. */
static void child(char **argv, unsigned long n, enum at_fault what, FILE *fo,
                  FILE *fe)
{
  static const int crash[] = {SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT};
  size_t i;
  int argc = 0, status;

  for (i = 0; i < sizeof crash / sizeof *crash; i++)
    signal(crash[i], SIG_DFL);
  if (dup2(fileno(fo), 1) < 0 || dup2(fileno(fe), 2) < 0)
    _exit(126);
  while (argv[argc])
    argc++;
  alarm(CHILD_SECONDS);
  at_fault = what;
  trace_from = calls;
  fault_arm(n);
  status = cli_main(argc, argv);
  fflush(stdout);
  fflush(stderr);
  _exit(status);
}

/* Forks a child running argv whose nth fallible call does what mode
   says; its standard output and error go to *fo and *fe (temporary
   files, read back by the caller). */
static pid_t spawn(char **argv, unsigned long n, enum at_fault mode, FILE **fo,
                   FILE **fe)
{
  pid_t pid;

  *fo = tmpfile();
  *fe = tmpfile();
  assert_non_null(*fo);
  assert_non_null(*fe);
  memset(shared, 0, offsetof(struct shared, trace));
  fflush(NULL);
  pid = fork();
  assert_true(pid >= 0);
  if (pid == 0)
    child(argv, n, mode, *fo, *fe);
  return pid;
}

/* Runs statusgen with argv (NULL-terminated, argv[0] the program name)
   in a child, the nth fallible call failing (killing the child when
   kill), n 0 for none. */
static void run_cli(struct run *r, char **argv, unsigned long n, int kill)
{
  FILE *fo, *fe;
  int ws;
  pid_t pid = spawn(argv, n, kill ? KILL : FAIL, &fo, &fe);

  assert_int_equal(waitpid(pid, &ws, 0), pid);
  r->pid = pid;
  r->status = WIFEXITED(ws) ? WEXITSTATUS(ws) : 128 + WTERMSIG(ws);
  r->hit = shared->hit;
  r->kind = (enum kind)shared->hit_kind;
  r->calls = shared->ncalls;
  buf_init(&r->out);
  buf_init(&r->err);
  read_back(fo, &r->out);
  read_back(fe, &r->err);
}

static void run_free(struct run *r)
{
  buf_free(&r->out);
  buf_free(&r->err);
}

/* 1 when err is one or more lines "FILE[:LINE:COL]: error: MESSAGE". */
static int diagnostics_only(const struct buf *err)
{
  const char *p = err->data, *end = err->data + err->len;

  if (!err->len || end[-1] != '\n')
    return 0;
  while (p < end) {
    const char *nl = memchr(p, '\n', (size_t)(end - p));
    const char *e = strstr(p, ": error: ");
    const char *colon = memchr(p, ':', (size_t)(nl - p));

    if (!e || e > nl || e == p || e + 9 == nl)
      return 0;
    if (colon < e) { /* FILE:LINE:COL: digits, a colon, digits */
      const char *q = colon + 1;

      while (q < e && *q >= '0' && *q <= '9')
        q++;
      if (q == colon + 1 || *q != ':')
        return 0;
      for (colon = ++q; q < e && *q >= '0' && *q <= '9'; q++)
        ;
      if (q == colon || q != e)
        return 0;
    }
    p = nl + 1;
  }
  return 1;
}

/* ---- what a scenario counts ---- */

struct tally {
  const char *name, *verb; /* "failed at", "killed at" */
  unsigned long runs, kinds[NKINDS];
  unsigned long ended_old, ended_new, left_for_next, recovered, failed;
  struct buf failures; /* the first few, for the report */
};

static void tally_init(struct tally *t, const char *name)
{
  memset(t, 0, sizeof *t);
  t->name = name;
  t->verb = strstr(name, "kill") ? "killed at" : "failed at";
  buf_init(&t->failures);
}

/* Notes a run that broke a promise; the folder now holds now. */
static void failure(struct tally *t, unsigned long n, const struct run *r,
                    const struct snap *now, const char *why)
{
  size_t i;

  if (t->failed++ >= 8)
    return;
  buf_printf(&t->failures, "  call %lu (%s), exit %d: %s\n", n,
             r->hit ? kind_names[r->kind] : "none", r->status, why);
  for (i = 0; now && i < now->n; i++)
    buf_printf(&t->failures, "%s%s%s", i ? " " : "    files: ", now->e[i].name,
               i + 1 < now->n ? "" : "\n");
  buf_printf(&t->failures, "    stderr: %.300s\n", r->err.data);
}

/* Prints the summary line and the failures; returns how many failed. */
static unsigned long tally_end(struct tally *t)
{
  unsigned long failed = t->failed;
  size_t k;

  printf("faults %s: %lu runs, %s", t->name, t->runs, t->verb);
  for (k = 0; k < NKINDS; k++)
    if (t->kinds[k])
      printf(" %s %lu,", kind_names[k], t->kinds[k]);
  printf(" ended old %lu, new %lu, left for the next run %lu, recovered "
         "by the next run %lu; %lu failed\n",
         t->ended_old, t->ended_new, t->left_for_next, t->recovered, t->failed);
  if (failed)
    printf("%s", t->failures.data);
  buf_free(&t->failures);
  return failed;
}

/* ---- the runs ---- */

static char prog[] = "statusgen";
static char opt_q[] = "-q", opt_o[] = "-o", opt_m[] = "-M", opt_t[] = "-t";
static char opt_check[] = "--check", opt_nosync[] = "--no-sync";
static char opt_prefix[] = "--prefix", prefix[] = "http_status";
static char new_spec[] = NEW_SPEC, old_spec[] = OLD_SPEC;
static char small_spec[] = SMALL_SPEC;

/* The new writer: the HTTP spec with a depfile (without fsync when
   no_sync). */
static void new_writer(char **argv, int no_sync)
{
  char **a = argv;

  *a++ = prog, *a++ = opt_q;
  if (no_sync)
    *a++ = opt_nosync;
  *a++ = opt_o, *a++ = outdir, *a++ = opt_m, *a++ = depfile;
  *a++ = new_spec, *a = NULL;
}

static void checker(char **argv)
{
  char **a = argv;

  *a++ = prog, *a++ = opt_check, *a++ = opt_o, *a++ = outdir;
  *a++ = new_spec, *a = NULL;
}

/* A writer that takes the lock, sweeps, then fails on a template. */
static void broken_writer(char **argv)
{
  char **a = argv;

  *a++ = prog, *a++ = opt_q, *a++ = opt_nosync, *a++ = opt_t, *a++ = tbad;
  *a++ = opt_o, *a++ = outdir, *a++ = opt_prefix, *a++ = prefix;
  *a++ = small_spec, *a = NULL;
}

/* Runs argv with no fault; fails the test unless it exits with status. */
static void run_plain(char **argv, int status)
{
  struct run r;

  run_cli(&r, argv, 0, 0);
  if (r.status != status)
    fail_msg("a run without faults: exit %d, want %d: %s", r.status, status,
             r.err.data);
  run_free(&r);
}

/* The old and the new outputs. */
static struct snap old_set, new_set;

/* The old outputs: the small spec under the HTTP spec's file names, with
   a depfile, and one file missing, so that the new run also makes one. */
static void make_sets(void)
{
  char *argv[16] = {prog,    opt_q,      opt_nosync, opt_o,    outdir, opt_m,
                    depfile, opt_prefix, prefix,     old_spec, NULL};
  char path[600];

  empty_dir(outdir);
  new_writer(argv, 1);
  run_plain(argv, 0);
  snap_take(&new_set);
  empty_dir(outdir);
  argv[0] = prog, argv[1] = opt_q, argv[2] = opt_nosync, argv[3] = opt_o;
  argv[4] = outdir, argv[5] = opt_m, argv[6] = depfile, argv[7] = opt_prefix;
  argv[8] = prefix, argv[9] = old_spec, argv[10] = NULL;
  run_plain(argv, 0);
  path_in(path, sizeof path, outdir, "http_status.md");
  assert_int_equal(unlink(path), 0);
  snap_take(&old_set);
  assert_int_equal(old_set.n, 4);
  assert_int_equal(new_set.n, 5);
  assert_false(same_files(&old_set, &new_set, 0));
}

static int group_setup(void **state)
{
  if (setup(state) < 0)
    return -1;
  make_sets();
  return 0;
}

static int group_teardown(void **state)
{
  snap_free(&old_set);
  snap_free(&new_set);
  return teardown(state);
}

/* Counts the kinds of the calls a run made. */
static void print_calls(const char *what, unsigned long ncalls)
{
  unsigned long k[NKINDS] = {0}, i;
  size_t j;

  for (i = 0; i < ncalls && i < MAX_TRACE; i++)
    k[shared->trace[i]]++;
  printf("faults: %s makes %lu fallible calls:", what, ncalls);
  for (j = 0; j < NKINDS; j++)
    if (k[j])
      printf(" %s %lu%s", kind_names[j], k[j], j + 1 < K_OTHER ? "," : "");
  printf("\n");
}

/* The nth call of the last run's trace of kind k (1 = the first); 0
   when there is none. */
static unsigned long nth_call_of(enum kind k, unsigned long nth,
                                 unsigned long ncalls)
{
  unsigned long i;

  for (i = 0; i < ncalls && i < MAX_TRACE; i++)
    if (shared->trace[i] == k && --nth == 0)
      return i + 1;
  return 0;
}

/* After a leftover of ours: a run without faults must remove it and
   leave the new set. NULL, or what went wrong. */
static const char *next_run_cleans_up(void)
{
  char *argv[16];
  struct snap now;
  struct run r;
  const char *why = NULL;

  new_writer(argv, 1);
  run_cli(&r, argv, 0, 0);
  snap_take(&now);
  if (r.status != 0)
    why = "the next run failed";
  else if (count_ours(&now))
    why = "the next run left a file of ours";
  else if (!same_files(&now, &new_set, 0))
    why = "the next run did not write the new set";
  snap_free(&now);
  run_free(&r);
  return why;
}

/* Judges a writer's run that failed its nth call. */
static void judge_write(struct tally *t, unsigned long n, const struct run *r,
                        const struct snap *now)
{
  const char *why = NULL;
  int old = same_files(now, &old_set, 0), new = same_files(now, &new_set, 0);

  t->kinds[r->kind]++;
  if (r->status == 0 && r->err.len)
    why = "exit 0 with messages";
  else if (r->status == 0 && !new)
    why = old ? "exit 0 but the old set" : "exit 0 but a mixed set";
  else if (r->status == 2 && !diagnostics_only(&r->err))
    why = "stderr holds more than FILE:LINE:COL: error: lines";
  else if (r->status == 2 && !old)
    why = new ? "exit 2 but the new set was written" : "a mixed set";
  else if (r->status != 0 && r->status != 2)
    why = "exit status neither 0 nor 2";
  else if (count_ours(now) && r->kind != K_UNLINK)
    why = "a .statusgen- file was left";
  else if (count_ours(now) && !(why = next_run_cleans_up()))
    t->left_for_next++;
  if (why)
    failure(t, n, r, now, why);
  else if (r->status == 0)
    t->ended_new++;
  else
    t->ended_old++;
}

static void
test_write_failing_at_each_call_leaves_all_old_or_all_new(void **state)
{
  char *argv[16];
  struct tally t;
  struct run r;
  unsigned long n, total;
  int dirty = 1;

  (void)state;
  new_writer(argv, 0);
  restore(&old_set);
  run_cli(&r, argv, 0, 0);
  total = r.calls;
  print_calls("a generation of " NEW_SPEC " over other outputs", total);
  assert_int_equal(nth_call_of(K_OTHER, 1, total), 0); /* all calibrated */
  run_free(&r);
  tally_init(&t, "write");
  for (n = 1; n < MAX_RUNS; n++) {
    struct snap now;

    if (dirty)
      restore(&old_set);
    run_cli(&r, argv, n, 0);
    snap_take(&now);
    dirty = !same_files(&now, &old_set, 1);
    if (!r.hit) {
      if (r.status != 0 || !same_files(&now, &new_set, 1))
        failure(&t, n, &r, &now, "a run past the last call wrote no set");
      snap_free(&now);
      run_free(&r);
      break;
    }
    t.runs++;
    judge_write(&t, n, &r, &now);
    snap_free(&now);
    run_free(&r);
  }
  assert_int_equal(t.runs, total);
  assert_int_equal(tally_end(&t), 0);
}

/* Runs argv failing at each call in turn over a folder holding the files
   of start; the folder must never change. statuses lists the exit
   statuses allowed; ref, when not NULL, is what stdout must be on exit
   1 (every stale output). */
static void never_changes(struct tally *t, char **argv,
                          const struct snap *start, const char *statuses,
                          const char *ref)
{
  unsigned long n;
  int dirty = 1;

  for (n = 1; n < MAX_RUNS; n++) {
    struct snap before, now;
    struct run r;
    const char *why = NULL;

    if (dirty)
      restore(start);
    snap_take(&before);
    run_cli(&r, argv, n, 0);
    snap_take(&now);
    dirty = !untouched(&now, &before);
    if (r.status < 0 || r.status > 9 || !strchr(statuses, '0' + r.status))
      why = "an exit status not allowed";
    else if (dirty)
      why = "the folder changed";
    else if (r.status == 2 && !diagnostics_only(&r.err))
      why = "stderr holds more than FILE:LINE:COL: error: lines";
    else if (r.status == 2 && r.out.len)
      why = "exit 2 with output";
    else if (r.status != 2 && r.err.len)
      why = "messages without an error";
    else if (r.status == 1 && ref && strcmp(r.out.data, ref) != 0)
      why = "not every stale output listed";
    if (r.hit) {
      t->runs++;
      t->kinds[r.kind]++;
      if (why)
        failure(t, n, &r, &now, why);
      else
        t->ended_old++;
    } else if (why) {
      failure(t, n, &r, &now, why);
    }
    snap_free(&before);
    snap_free(&now);
    run_free(&r);
    if (!r.hit)
      break;
  }
}

static void test_check_failing_at_each_call_writes_nothing(void **state)
{
  char *argv[16];
  struct tally t;
  struct run r;

  (void)state;
  checker(argv);
  restore(&old_set);
  run_cli(&r, argv, 0, 0);
  assert_int_equal(r.status, 1);
  print_calls("a --check of stale outputs", r.calls);
  tally_init(&t, "check");
  never_changes(&t, argv, &old_set, "12", r.out.data);
  run_free(&r);
  assert_int_equal(tally_end(&t), 0);
}

static void
test_current_outputs_failing_at_each_call_change_nothing(void **state)
{
  char *argv[16];
  struct tally t;
  struct run r;

  (void)state;
  new_writer(argv, 0);
  restore(&new_set);
  run_cli(&r, argv, 0, 0);
  assert_int_equal(r.status, 0);
  print_calls("a generation over current outputs", r.calls);
  run_free(&r);
  tally_init(&t, "current");
  never_changes(&t, argv, &new_set, "02", NULL);
  checker(argv);
  never_changes(&t, argv, &new_set, "02", NULL);
  assert_int_equal(tally_end(&t), 0);
}

/* After a killed run: a set and nothing of ours, as it is or once the
   next run (one that fails after it swept the folder) has been. */
static void judge_kill(struct tally *t, unsigned long n, const struct run *r,
                       struct snap *now)
{
  char *argv[16];
  const char *why = NULL;

  t->kinds[r->kind]++;
  if (r->status != 128 + SIGKILL)
    why = "not killed";
  else if (!count_ours(now) && same_files(now, &old_set, 0))
    t->ended_old++;
  else if (!count_ours(now) && same_files(now, &new_set, 0))
    t->ended_new++;
  else {
    broken_writer(argv);
    run_plain(argv, 2);
    snap_free(now);
    snap_take(now);
    if (count_ours(now))
      why = "the next run left a file of ours";
    else if (!same_files(now, &old_set, 0) && !same_files(now, &new_set, 0))
      why = "the next run did not put a whole set back";
    else if (!(why = next_run_cleans_up()))
      t->recovered++;
  }
  if (why)
    failure(t, n, r, now, why);
}

static void
test_killed_at_each_call_leaves_a_set_the_next_run_restores(void **state)
{
  char *argv[16];
  struct tally t;
  unsigned long n;
  int dirty = 1;

  (void)state;
  new_writer(argv, 1);
  tally_init(&t, "kill");
  for (n = 1; n < MAX_RUNS; n++) {
    struct snap now;
    struct run r;

    if (dirty)
      restore(&old_set);
    run_cli(&r, argv, n, 1);
    snap_take(&now);
    dirty = !same_files(&now, &old_set, 1);
    if (r.hit) {
      t.runs++;
      judge_kill(&t, n, &r, &now);
      dirty = 1;
    } else if (r.status != 0 || !same_files(&now, &new_set, 1)) {
      failure(&t, n, &r, &now, "a run past the last call wrote no set");
    }
    snap_free(&now);
    run_free(&r);
    if (!r.hit)
      break;
  }
  assert_int_equal(tally_end(&t), 0);
}

/* outdir as a writer killed in its commit leaves it: the old files
   linked aside, the journal complete, the first two outputs renamed and
   the others not. Returns the dead writer's pid. */
static pid_t make_half_commit(struct snap *half)
{
  char *argv[16];
  struct run r;
  unsigned long n;
  pid_t dead;
  size_t i, journals = 0;

  new_writer(argv, 1);
  restore(&old_set);
  run_cli(&r, argv, 0, 0);
  n = nth_call_of(K_RENAME, 3, r.calls);
  run_free(&r);
  assert_true(n > 0);
  restore(&old_set);
  run_cli(&r, argv, n, 1);
  assert_int_equal(r.status, 128 + SIGKILL);
  dead = r.pid;
  run_free(&r);
  snap_take(half);
  for (i = 0; i < half->n; i++)
    journals += strstr(half->e[i].name, ".journal") != NULL;
  assert_int_equal(journals, 1);
  assert_false(same_files(half, &old_set, 0));
  assert_false(same_files(half, &new_set, 0));
  return dead;
}

/* After a run over a killed commit, allowed to end with one of statuses
   ('k' for killed): old or new and nothing of ours, else the old set
   once the next run rolled the commit back. */
static void judge_from_half(struct tally *t, unsigned long n,
                            const struct run *r, struct snap *now,
                            const char *statuses)
{
  char *argv[16];
  const char *why = NULL;

  t->kinds[r->kind]++;
  if (!strchr(statuses,
              r->status == 128 + SIGKILL ? 'k' : '0' + (r->status & 7)) ||
      (r->status > 2 && r->status != 128 + SIGKILL))
    why = "an exit status not allowed";
  else if (r->status == 2 && !diagnostics_only(&r->err))
    why = "stderr holds more than FILE:LINE:COL: error: lines";
  else if (r->status == 0 && (!same_files(now, &new_set, 0) || r->err.len))
    why = "exit 0 without the new set";
  else if (r->status == 0 && count_ours(now) && r->kind != K_UNLINK)
    why = "a .statusgen- file was left";
  else if (r->status == 0 && count_ours(now))
    why = next_run_cleans_up(), t->left_for_next += !why;
  else if (r->status == 0)
    t->ended_new++;
  else if (!count_ours(now) && same_files(now, &old_set, 0))
    t->ended_old++;
  else {
    broken_writer(argv);
    run_plain(argv, 2);
    snap_free(now);
    snap_take(now);
    if (count_ours(now))
      why = "the next run left a file of ours";
    else if (!same_files(now, &old_set, 0))
      why = "the killed commit was not rolled back: after this run and the "
            "next, the folder holds a mixed set";
    else
      t->recovered++;
  }
  if (why)
    failure(t, n, r, now, why);
}

/* Runs argv failing (killed, when statuses is "k") at each call over
   the killed commit half. */
static void over_half_commit(struct tally *t, char **argv,
                             const struct snap *half, pid_t dead,
                             const char *statuses)
{
  int kill_it = strcmp(statuses, "k") == 0;
  unsigned long n;
  int dirty = 1;

  for (n = 1; n < MAX_RUNS; n++) {
    struct snap now;
    struct run r;

    if (kill(dead, 0) == 0 || errno != ESRCH)
      fail_msg("the killed writer's pid %ld is in use again", (long)dead);
    if (dirty)
      restore(half);
    run_cli(&r, argv, n, kill_it);
    snap_take(&now);
    dirty = !same_files(&now, half, 1);
    if (r.hit) {
      t->runs++;
      judge_from_half(t, n, &r, &now, statuses);
      dirty = 1;
    } else if (count_ours(&now) ||
               !same_files(&now, r.status ? &old_set : &new_set, 0)) {
      failure(t, n, &r, &now, "a run past the last call did not roll back");
    }
    snap_free(&now);
    run_free(&r);
    if (!r.hit)
      break;
  }
}

/* Starts argv in a child that freezes at its nth call; returns once it
   has. */
static pid_t start_frozen(char **argv, unsigned long n)
{
  const struct timespec tick = {0, 10000000};
  FILE *fo, *fe;
  int waited;
  pid_t pid = spawn(argv, n, FREEZE, &fo, &fe);

  for (waited = 0; !shared->hit && waited < CHILD_SECONDS * 100; waited++)
    nanosleep(&tick, NULL);
  assert_true(shared->hit);
  fclose(fo);
  fclose(fe);
  return pid;
}

/* A killed writer's pid may be given to another process (pids wrap at
   32768 on many systems) before the next run. The lock, not the pid,
   says a commit is over: the next run must still roll it back and keep
   neither its journal nor its old files' links, and no later run may
   roll it back over newer outputs. */
static void
test_commit_killed_while_its_pid_lives_on_is_rolled_back(void **state)
{
  char *argv[16], *broken[16];
  struct buf notes = BUF_INIT;
  struct snap now;
  struct run r;
  unsigned long n;
  pid_t pid;
  size_t i;

  (void)state;
  new_writer(argv, 1);
  broken_writer(broken);
  restore(&old_set);
  run_cli(&r, argv, 0, 0);
  n = nth_call_of(K_RENAME, 3, r.calls);
  run_free(&r);
  restore(&old_set);
  pid = start_frozen(argv, n); /* its commit half done, its pid alive */
  run_cli(&r, argv, 0, 0);
  snap_take(&now);
  if (r.status != 0 || !same_files(&now, &new_set, 0))
    buf_printf(&notes, "the next writer: exit %d, %s set; ", r.status,
               same_files(&now, &new_set, 0) ? "the new" : "not the new");
  for (i = 0; i < now.n; i++) /* its temporaries may wait for the pid */
    if (ours(now.e[i].name) && !strstr(now.e[i].name, ".tmp"))
      buf_printf(&notes, "the next writer kept %s; ", now.e[i].name);
  snap_free(&now);
  run_free(&r);
  kill(pid, SIGKILL);
  waitpid(pid, NULL, 0);
  run_cli(&r, broken, 0, 0); /* fails after its sweep */
  snap_take(&now);
  if (!same_files(&now, &new_set, 0))
    buf_printf(&notes, "a later run that failed changed the new set: a "
                       "stale journal was rolled back over it (files now:");
  for (i = 0; !same_files(&now, &new_set, 0) && i < now.n; i++)
    buf_printf(&notes, " %s", now.e[i].name);
  if (!same_files(&now, &new_set, 0))
    buf_puts(&notes, ")");
  snap_free(&now);
  run_free(&r);
  if (notes.len)
    fail_msg("%s", notes.data);
  buf_free(&notes);
}

static void test_killed_commit_is_rolled_back_whatever_call_fails(void **state)
{
  char *argv[16];
  struct snap half;
  struct tally t;
  unsigned long failed;
  pid_t dead;

  (void)state;
  dead = make_half_commit(&half);
  tally_init(&t, "rollback, then a template error");
  broken_writer(argv);
  over_half_commit(&t, argv, &half, dead, "2");
  failed = tally_end(&t);
  tally_init(&t, "rollback, then a generation");
  new_writer(argv, 1);
  over_half_commit(&t, argv, &half, dead, "02");
  failed += tally_end(&t);
  tally_init(&t, "rollback, killed");
  broken_writer(argv);
  over_half_commit(&t, argv, &half, dead, "k");
  failed += tally_end(&t);
  snap_free(&half);
  assert_int_equal(failed, 0);
}

int main(void)
{
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(
          test_write_failing_at_each_call_leaves_all_old_or_all_new),
      cmocka_unit_test(test_check_failing_at_each_call_writes_nothing),
      cmocka_unit_test(
          test_current_outputs_failing_at_each_call_change_nothing),
      cmocka_unit_test(
          test_killed_at_each_call_leaves_a_set_the_next_run_restores),
      cmocka_unit_test(test_killed_commit_is_rolled_back_whatever_call_fails),
      cmocka_unit_test(
          test_commit_killed_while_its_pid_lives_on_is_rolled_back),
  };

  if (proc_under_valgrind()) {
    puts("test_faults: skipped under valgrind");
    return 0;
  }
  return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
