/* cli: options, the stages in order, exit statuses; and what a process
   must do on the way out, whatever the way: remove its temporaries. */
#include "cli.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <getopt.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sys/stat.h>
#include <unistd.h>

#include "buf.h"
#include "diag.h"
#include "generate.h"
#include "kind.h"
#include "layers.h"
#include "loader.h"
#include "output.h"
#include "spec.h"
#include "starter.h"
#include "sysio.h"
#include "tmpldir.h"
#include "version.h"
#include "view.h"
#include "xmem.h"

#define EXIT_ERROR 2

/* Where make install puts the default templates (the Makefile sets it from
   PREFIX). */
#ifndef STATUSGEN_DATADIR
#define STATUSGEN_DATADIR "/usr/local/share/statusgen"
#endif

struct options {
  const char *spec;         /* the first of specs */
  const char *const *specs; /* SPEC...: later ones are layers on the first */
  size_t nspecs;
  const char *spec_names; /* their names as the outputs say them */
  const char *templates;
  const char *lang; /* NULL: the default set */
  const char *out;
  const char *prefix;
  const char *shape; /* NULL: the spec's */
  const char *depfile;
  const char *init; /* --init NAME: write NAME.yaml, generate nothing */
  int list_outputs; /* print the outputs' paths, write nothing */
  int check, quiet, verbose, no_sync;
  int caret;      /* -1: on a terminal; 0 or 1: as --no-caret, --caret say */
  int dump_model; /* 1: the stable part; 2: all, the internal part too */
  struct generate_options render;
};

static const char usage[] =
    "usage: statusgen [OPTIONS] SPEC [LAYER...]\n"
    "Generates lookups and docs for the status list in SPEC (YAML): C and\n"
    "Markdown by default, or another language's stock template set.\n"
    "SPEC '-' reads standard input. Each LAYER, a spec too, may add\n"
    "statuses, classes and flags, and flags and aliases to a status, but\n"
    "change nothing SPEC or an earlier layer said.\n"
    "\n"
    "  -t, --templates DIR  templates folder (default: the first of\n"
    "                       ./templates and the installed ones that holds\n"
    "                       a template)\n"
    "      --lang NAME      the stock template set NAME in the templates\n"
    "                       folder (c: the default set; go, json, python,\n"
    "                       rust, typescript)\n"
    "  -o, --out DIR        output folder, made when missing (default: out)\n"
    "      --prefix NAME    symbol and file prefix (default: the spec's name)\n"
    "      --shape SHAPE    the C lookups: table or switch (default: the\n"
    "                       spec's shape, else table)\n"
    "      --check          write nothing; exit 1 listing stale outputs\n"
    "      --list-outputs   print the path of each output, one a line, and\n"
    "                       write nothing (for build systems)\n"
    "      --init NAME      write NAME.yaml, a commented starter spec, and\n"
    "                       exit\n"
    "  -M, --depfile FILE   write make-style dependencies of the outputs\n"
    "      --no-sync        do not fsync outputs before the commit (faster,\n"
    "                       not safe across a power loss)\n"
    "      --max-steps N    steps one render may take (default 64000000)\n"
    "      --max-output N   bytes one output may have (default 64M; K, M,\n"
    "                       G: times 1024)\n"
    "      --dump-model[=all]  print the data templates may rely on, as\n"
    "                       JSON (all: the default templates' internal\n"
    "                       part too)\n"
    "      --caret, --no-caret  show (or not) the source line and a caret\n"
    "                       under each error (default: on a terminal)\n"
    "  -q, --quiet          print errors only\n"
    "  -v, --verbose        say what is read and written\n"
    "      --version        print the version and exit\n"
    "  -h, --help           print this help and exit\n"
    "\n"
    "Output kinds, chosen by extension: how spec text is escaped in an\n"
    "output, and which names it reserves. A templates folder may map\n"
    "other extensions in its " KIND_FILE " (for example '.gperf: text').\n";

static const char usage_end[] =
    "\n"
    "Exit status: 0 success, 1 --check found stale outputs, 2 error.\n";

/* The help: the options, then each kind with its extensions. */
static void print_help(void)
{
  size_t n, i, k;
  const struct kind *kinds = kind_table(&n);

  fputs(usage, stdout);
  for (i = 0; i < n; i++) {
    printf("  %-11s", kinds[i].id);
    for (k = 0; kinds[i].extensions[k]; k++)
      printf(" %s", kinds[i].extensions[k]);
    puts(kinds[i].escape ? "" : " (written raw)");
  }
  fputs(usage_end, stdout);
}

static int usage_error(const char *fmt, const char *arg)
{
  fputs("statusgen: error: ", stderr);
  fprintf(stderr, fmt, arg);
  fputs("\nTry 'statusgen --help'.\n", stderr);
  return EXIT_ERROR;
}

/* A positive count written in decimal, with a K, M or G suffix (times
   1024) when units; 0 when s is anything else or does not fit. */
static unsigned long count_of(const char *s, int units)
{
  static const char suffixes[] = "KMG";
  const char *unit;
  unsigned long n = 0;
  int shift = 0;

  if (*s < '0' || *s > '9')
    return 0;
  for (; *s >= '0' && *s <= '9'; s++) {
    if (n > (ULONG_MAX - 9) / 10)
      return 0;
    n = n * 10 + (unsigned long)(*s - '0');
  }
  if (*s && units && !s[1] && (unit = strchr(suffixes, *s)) != NULL)
    shift = 10 * (int)(unit - suffixes + 1), s++;
  if (*s || n > (ULONG_MAX >> shift))
    return 0;
  return n << shift;
}

/* 1 when s can name a stock template set: a folder's plain name. */
static int is_set_name(const char *s)
{
  const char *p;

  for (p = s; *p; p++)
    if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
          (*p >= '0' && *p <= '9') || *p == '_' || *p == '-'))
      return 0;
  return p > s;
}

/* Whether every output kind takes the names of the starter spec s (a
   name like 'int' is a keyword somewhere): 1, or 0 after errors in d. */
static int starter_fits_kinds(const struct spec *s, const char *name,
                              struct diag *d)
{
  size_t n, i;
  const struct kind *kinds = kind_table(&n);
  struct buf output = BUF_INIT;
  int ok = 1;

  for (i = 0; i < n; i++) {
    buf_clear(&output);
    buf_printf(&output, "%s%s", name, kinds[i].extensions[0]);
    if (kind_check_names(&kinds[i], s, NULL, output.data, d) < 0)
      ok = 0;
  }
  buf_free(&output);
  return ok;
}

/* --init NAME: writes the starter spec NAME.yaml into the current folder,
   never over a file that is there; the exit status. The starter is
   checked as any spec is first: it must generate as it is. */
static int write_starter(const struct options *o)
{
  struct buf text = BUF_INIT, path = BUF_INIT;
  struct diag *d = diag_new();
  struct value_tree *tree;
  struct spec *s = NULL;
  struct mark m = {0, 0, 0};
  int fd = -1, status = EXIT_ERROR;

  starter_spec(&text, o->init);
  buf_printf(&path, "%s.yaml", o->init);
  m.file = path.data;
  tree = loader_load_bytes(path.data, text.data, text.len, NULL, d);
  if (tree)
    s = spec_build(tree, d);
  if (s && !starter_fits_kinds(s, o->init, d)) {
    spec_free(s);
    s = NULL;
  }
  if (s && (fd = sysio_open(path.data, O_WRONLY | O_CREAT | O_EXCL, 0666)) < 0)
    diag_error(d, &m, "cannot write the starter spec: %s%s", strerror(errno),
               errno == EEXIST ? " (it is kept as it is)" : "");
  if (fd >= 0) {
    int w = sysio_write_all(fd, text.data, text.len), e = errno;

    if (sysio_close(fd) < 0 && w == 0)
      w = -1, e = errno;
    if (w < 0) {
      diag_error(d, &m, "cannot write the starter spec: %s", strerror(e));
      sysio_unlink(path.data);
    } else {
      status = 0;
      if (!o->quiet)
        fprintf(stderr, "statusgen: wrote %s: run 'statusgen %s'\n", path.data,
                path.data);
    }
  }
  diag_print(d, stderr);
  spec_free(s);
  value_tree_free(tree);
  diag_free(d);
  buf_free(&text);
  buf_free(&path);
  return status;
}

/* Returns -1 to go on, or the exit status to leave with. */
/* The option getopt_long just refused, as the user wrote it: a long one
   from the argument before optind, else from optopt (a short option's
   letter, or a long option's value). Where optind is left after an error
   differs between C libraries: it is trusted for long options only. */
static const char *option_shown(int argc, char **argv,
                                const struct option *longs, char *out)
{
  const char *arg = optind > 0 && optind <= argc ? argv[optind - 1] : NULL;

  if (arg && strncmp(arg, "--", 2) == 0 && arg[2]) {
    snprintf(out, 80, "%.*s", (int)strcspn(arg, "="), arg);
    return out;
  }
  for (; optopt >= 256 && longs->name; longs++)
    if (longs->val == optopt) {
      snprintf(out, 80, "--%.60s", longs->name);
      return out;
    }
  if (optopt > 0 && optopt < 256) {
    snprintf(out, 80, "-%c", optopt);
    return out;
  }
  return "?";
}

static int parse_options(int argc, char **argv, struct options *o)
{
  enum {
    OPT_PREFIX = 256,
    OPT_CHECK,
    OPT_DUMP,
    OPT_VERSION,
    OPT_NO_SYNC,
    OPT_MAX_STEPS,
    OPT_MAX_OUTPUT,
    OPT_LANG,
    OPT_SHAPE,
    OPT_CARET,
    OPT_NO_CARET,
    OPT_INIT,
    OPT_LIST_OUTPUTS
  };
  static const struct option longs[] = {
      {"templates", required_argument, NULL, 't'},
      {"lang", required_argument, NULL, OPT_LANG},
      {"out", required_argument, NULL, 'o'},
      {"prefix", required_argument, NULL, OPT_PREFIX},
      {"shape", required_argument, NULL, OPT_SHAPE},
      {"check", no_argument, NULL, OPT_CHECK},
      {"depfile", required_argument, NULL, 'M'},
      {"no-sync", no_argument, NULL, OPT_NO_SYNC},
      {"caret", no_argument, NULL, OPT_CARET},
      {"init", required_argument, NULL, OPT_INIT},
      {"list-outputs", no_argument, NULL, OPT_LIST_OUTPUTS},
      {"no-caret", no_argument, NULL, OPT_NO_CARET},
      {"max-steps", required_argument, NULL, OPT_MAX_STEPS},
      {"max-output", required_argument, NULL, OPT_MAX_OUTPUT},
      {"dump-model", optional_argument, NULL, OPT_DUMP},
      {"quiet", no_argument, NULL, 'q'},
      {"verbose", no_argument, NULL, 'v'},
      {"version", no_argument, NULL, OPT_VERSION},
      {"help", no_argument, NULL, 'h'},
      {NULL, 0, NULL, 0}};
  int c, dashes;
  char shown[80];

  memset(o, 0, sizeof *o);
  o->caret = -1;
  o->templates = NULL; /* found by find_templates() */
  o->out = "out";
  opterr = 0;
  while ((c = getopt_long(argc, argv, ":t:o:M:qvh", longs, NULL)) != -1) {
    switch (c) {
    case 't': o->templates = optarg; break;
    case OPT_LANG: o->lang = optarg; break;
    case 'o': o->out = optarg; break;
    case 'M': o->depfile = optarg; break;
    case 'q': o->quiet = 1, o->verbose = 0; break;
    case 'v': o->verbose = 1, o->quiet = 0; break;
    case OPT_PREFIX: o->prefix = optarg; break;
    case OPT_SHAPE:
      if (strcmp(optarg, "table") != 0 && strcmp(optarg, "switch") != 0)
        return usage_error("--shape '%s' is not table or switch", optarg);
      o->shape = optarg;
      break;
    case OPT_CHECK: o->check = 1; break;
    case OPT_NO_SYNC: o->no_sync = 1; break;
    case OPT_CARET: o->caret = 1; break;
    case OPT_INIT: o->init = optarg; break;
    case OPT_LIST_OUTPUTS: o->list_outputs = 1; break;
    case OPT_NO_CARET: o->caret = 0; break;
    case OPT_MAX_STEPS:
      if (!(o->render.max_steps = count_of(optarg, 0)))
        return usage_error("--max-steps '%s' is not a count from 1", optarg);
      break;
    case OPT_MAX_OUTPUT:
      if (!(o->render.max_bytes = count_of(optarg, 1)))
        return usage_error("--max-output '%s' is not a size from 1 (K, M, "
                           "G: times 1024)",
                           optarg);
      break;
    case OPT_DUMP:
      if (optarg && strcmp(optarg, "all") != 0)
        return usage_error("--dump-model='%s': the only value is 'all'",
                           optarg);
      o->dump_model = optarg ? 2 : 1;
      break;
    case OPT_VERSION: printf("statusgen %s\n", STATUSGEN_VERSION); return 0;
    case 'h': print_help(); return 0;
    case ':':
      return usage_error("option '%s' needs an argument",
                         option_shown(argc, argv, longs, shown));
    default:
      return usage_error("unknown option '%s'",
                         option_shown(argc, argv, longs, shown));
    }
  }
  if (o->init && optind != argc)
    return usage_error("%s", "--init NAME writes a spec: give no SPEC");
  if (o->init && !spec_is_lower_ident(o->init))
    return usage_error("--init '%s' is not a lower snake case C identifier "
                       "(such as app_errors)",
                       o->init);
  if (o->init)
    return write_starter(o);
  if (optind == argc)
    return usage_error("%s", "no SPEC given");
  o->spec = argv[optind];
  o->specs = (const char *const *)argv + optind;
  o->nspecs = (size_t)(argc - optind);
  for (c = optind, dashes = 0; c < argc; c++)
    if (strcmp(argv[c], "-") == 0 && dashes++)
      return usage_error("%s", "standard input ('-') given twice");
  /* Its shape only: what an output reserves (C keywords) is checked by
     the output's kind, when the outputs are known. */
  if (o->prefix && !spec_is_lower_ident(o->prefix))
    return usage_error("--prefix '%s' is not a lower snake case C "
                       "identifier",
                       o->prefix);
  if (o->lang && !is_set_name(o->lang))
    return usage_error("--lang '%s' is not the name of a template set "
                       "(letters, digits, '_', '-')",
                       o->lang);
  if (o->lang && strcmp(o->lang, "c") == 0)
    o->lang = NULL; /* the default set */
  return -1;
}

/* Spec i comes from standard input ("-"). */
static int from_stdin(const struct options *o, size_t i)
{
  return strcmp(o->specs[i], "-") == 0;
}

/* Spec i's name in diagnostics. */
static const char *spec_name(const struct options *o, size_t i)
{
  return from_stdin(o, i) ? LOADER_STDIN : o->specs[i];
}

/* The specs' names as the outputs give them: "a.yaml", or "a.yaml,
   b.yaml" for layers. */
static const char *spec_names(struct options *o, struct buf *b)
{
  size_t i;

  for (i = 0; i < o->nspecs; i++)
    buf_printf(b, "%s%s", i ? ", " : "", spec_name(o, i));
  return o->spec_names = b->data;
}

static int dump_model(const struct spec *s, const struct options *o)
{
  struct view *v = view_new(s, o->prefix, o->spec_names);
  struct buf b = BUF_INIT;
  int ok;

  view_dump_json(v, view_root(v), o->dump_model == 2, &b);
  ok = fwrite(b.data, 1, b.len, stdout) == b.len && fflush(stdout) == 0;
  buf_free(&b);
  view_free(v);
  if (!ok) {
    fputs("statusgen: error: cannot write the model to standard output\n",
          stderr);
    return EXIT_ERROR;
  }
  return 0;
}

static void report(void *closure, const char *path, enum output_state state)
{
  const struct options *o = closure;
  int depfile = o->depfile && strcmp(path, o->depfile) == 0;

  if (depfile && !o->verbose)
    return;
  if (state == OUTPUT_STALE && !o->quiet)
    printf("%s: stale\n", path);
  else if (state == OUTPUT_WRITTEN && !o->quiet)
    fprintf(stderr, "statusgen: wrote %s\n", path);
  else if (state == OUTPUT_UNCHANGED && o->verbose)
    fprintf(stderr, "statusgen: %s is up to date\n", path);
}

/* The make rule "outputs: spec templates partials", added to out. */
static void add_depfile(const struct options *o, struct output *out,
                        const struct tmpldir *dir, const char *const *targets,
                        size_t nt, struct diag *d)
{
  size_t nfiles, i;
  const char *const *files = tmpldir_files(dir, &nfiles);
  const char **deps = xcalloc(nfiles + o->nspecs, sizeof *deps);
  struct buf rule = BUF_INIT;

  const char *bad;
  struct mark m = {0, 0, 0};

  size_t k = 0;

  for (i = 0; i < o->nspecs; i++)
    if (!from_stdin(o, i)) /* standard input is no file make can look at */
      deps[k++] = o->specs[i];
  for (i = 0; i < nfiles; i++)
    deps[k++] = files[i];
  m.file = o->depfile;
  if (output_make_rule(&rule, targets, nt, deps, k, &bad) < 0)
    diag_error(d, &m,
               "cannot name '%s' in a depfile: make cannot read a "
               "file name holding ';', '=', '\\', '(', ')', '|' or a "
               "control character",
               bad);
  else
    output_add(out, o->depfile, rule.data, rule.len, d);
  buf_free(&rule);
  free(deps);
}

/* Prints "statusgen: WHAT PATH[: WHY]" with the path made visible. */
static void say_folder(const char *what, const char *path, const char *why)
{
  struct buf line = BUF_INIT;

  buf_printf(&line, "statusgen: %s ", what);
  diag_put_visible(&line, path, strlen(path));
  if (why && *why)
    buf_printf(&line, ": %s", why);
  fprintf(stderr, "%s\n", line.data);
  buf_free(&line);
}

/* The folders this run made for its outputs, in the order made: removed
   again (rmdir, which leaves a folder that is not empty) when the run
   ends without writing, also from a signal handler. Past the first 64,
   folders made are kept. */
static char *made[64];
static volatile sig_atomic_t nmade;

static void unmake_folders(void)
{
  while (nmade > 0)
    rmdir(made[--nmade]);
}

static void forget_folders(void)
{
  sig_atomic_t n = nmade;

  nmade = 0;
  while (n > 0)
    free(made[--n]);
}

/* Makes the folder path, with its missing parents, as mkdir -p does;
   0, or -1 after an error in d. */
static int make_folders(const char *path, int verbose, struct diag *d)
{
  struct mark m = {0, 0, 0};
  char *p = xstrndup(path, strlen(path)), *end = p;
  int r = 0;

  m.file = path;
  for (;;) {
    char *slash = strchr(end + 1, '/');

    if (slash)
      *slash = '\0';
    if (mkdir(p, 0777) == 0) {
      if (verbose)
        say_folder("made the folder", p, NULL);
      if ((size_t)nmade < sizeof made / sizeof *made) {
        made[nmade] = xstrndup(p, strlen(p));
        nmade = nmade + 1;
      }
    } else if (errno != EEXIST) {
      r = diag_error(d, &m, "cannot make the output folder: %s: %s", p,
                     strerror(errno));
      break;
    }
    if (!slash)
      break;
    *slash = '/';
    end = slash;
  }
  free(p);
  return r;
}

/* The output folder, made (with its parents) when it is missing and the
   run writes; 0, or -1 after an error in d. */
static int prepare_out_dir(const struct options *o, struct diag *d)
{
  struct mark m = {0, 0, 0};
  struct stat st;

  m.file = o->out;
  if (stat(o->out, &st) < 0 && errno == ENOENT && !o->check &&
      make_folders(o->out, o->verbose, d) < 0)
    return -1;
  if (stat(o->out, &st) < 0)
    return diag_error(d, &m, "cannot use the output folder: %s",
                      strerror(errno));
  if (!S_ISDIR(st.st_mode))
    return diag_error(d, &m, "the output folder is not a folder");
  return 0;
}

static int is_dir(const char *path)
{
  struct stat st;

  return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* argv[0] as the shell gave it, for finding the binary without
   /proc/self/exe. */
static const char *program = "statusgen";

/* The running binary's canonical path into exe (empty when it cannot be
   told): /proc/self/exe where the system has it, else found from argv[0]
   (sysio_find_program). */
static void binary_path(struct buf *exe)
{
  char *real = sysio_realpath("/proc/self/exe");

  if (!real)
    real = sysio_find_program(program, getenv("PATH"));
  if (real)
    buf_puts(exe, real);
  free(real);
}

/* A place templates may be taken from, and why it was not. */
struct root {
  struct buf path;          /* -t's folder, ./templates or an installed one */
  struct buf tried;         /* the folder looked at: path, or path/NAME */
  enum tmpldir_probe probe; /* what tried is (without -t) */
};

/* Where templates are looked for, in order, into roots (each empty on
   entry): the folder -t gave (given); else ./templates, the installed
   ones beside the binary (BIN/../share/statusgen/templates, so a staged
   or moved install works) and those under the compiled-in PREFIX, each
   once. Returns how many (at most 3). */
static size_t template_roots(const char *given, struct root roots[3])
{
  struct buf exe = BUF_INIT;
  char *slash;
  size_t k = 0;

  if (given) {
    buf_puts(&roots[k++].path, given);
    return k;
  }
  buf_puts(&roots[k++].path, "templates");
  binary_path(&exe);
  /* exe is canonical: /PREFIX/bin/statusgen */
  if ((slash = strrchr(exe.data, '/')) != NULL) {
    *slash = '\0';
    if ((slash = strrchr(exe.data, '/')) != NULL) {
      *slash = '\0';
      buf_printf(&roots[k++].path, "%s/share/statusgen/templates", exe.data);
    }
  }
  buf_free(&exe);
  if (k < 2 || strcmp(roots[k - 1].path.data, STATUSGEN_DATADIR "/templates"))
    buf_puts(&roots[k++].path, STATUSGEN_DATADIR "/templates");
  return k;
}

static int by_name(const void *a, const void *b)
{
  return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The usage error of a --lang that no root holds, listing the sets they
   hold: "c" (the default set) and their subfolders. */
static int unknown_set(const char *lang, const struct root *roots, size_t n)
{
  struct buf list = BUF_INIT, path = BUF_INIT;
  char **names = xcalloc(1, sizeof *names);
  size_t i, k, count = 0;
  struct dirent *e;
  DIR *dh;
  int r;

  names[count++] = xstrndup("c", 1);
  for (i = 0; i < n; i++) {
    if (!(dh = opendir(roots[i].path.data)))
      continue;
    while ((e = readdir(dh))) {
      buf_clear(&path);
      buf_printf(&path, "%s/%s", roots[i].path.data, e->d_name);
      if (e->d_name[0] == '.' || e->d_name[0] == '_' || !is_dir(path.data))
        continue;
      names = xrealloc(names, (count + 1) * sizeof *names);
      names[count++] = xstrndup(e->d_name, strlen(e->d_name));
    }
    closedir(dh);
  }
  qsort(names, count, sizeof *names, by_name);
  for (k = 0; k < count; k++)
    if (!k || strcmp(names[k], names[k - 1]) != 0)
      buf_printf(&list, "%s%s", k ? ", " : "", names[k]);
  for (k = 0; k < count; k++)
    free(names[k]);
  free(names);
  buf_clear(&path);
  buf_printf(&path, "--lang '%s' is no template set (sets: %s)", lang,
             list.data);
  r = usage_error("%s", path.data);
  buf_free(&path);
  buf_free(&list);
  return r;
}

/* The templates folder of the run, into where (empty on entry): the
   folder -t gave; else the first root (template_roots) that holds
   statusgen templates, or with --lang NAME its folder NAME that does.
   A root without them (a web app's own ./templates) is passed over, with
   a note under -v; when none has them, the error lists every folder
   tried, in order. The outputs do not depend on which: templates know
   nothing of their folder. Returns -1 to go on, or the exit status of a
   usage error. */
static int find_templates(const struct options *o, struct buf *where)
{
  struct root roots[3];
  size_t n, i, k;
  int r = -1;

  for (i = 0; i < 3; i++) {
    buf_init(&roots[i].path);
    buf_init(&roots[i].tried);
  }
  n = template_roots(o->templates, roots);
  for (i = 0; i < n && !where->len; i++) {
    struct root *t = &roots[i];

    if (o->lang)
      buf_printf(&t->tried, "%s/%s", t->path.data, o->lang);
    else
      buf_puts(&t->tried, t->path.data);
    /* -t is taken as it is (tmpldir_open says what is wrong with it), and
       its set NAME when it has such a folder */
    if (o->templates ? !o->lang || is_dir(t->tried.data)
                     : (t->probe = tmpldir_probe(t->tried.data)) ==
                           TMPLDIR_HAS_TEMPLATES)
      buf_puts(where, t->tried.data);
  }
  if (!where->len && o->lang) {
    r = unknown_set(o->lang, roots, n);
  } else if (!where->len) {
    fputs("statusgen: error: no templates folder found: give one with -t "
          "DIR\n",
          stderr);
    for (k = 0; k < n; k++)
      say_folder("note: tried", roots[k].tried.data,
                 tmpldir_probe_text(roots[k].probe));
    r = EXIT_ERROR;
  } else if (o->verbose) {
    for (k = 0; k + 1 < i; k++) /* those before the one taken */
      say_folder("passed over", roots[k].tried.data,
                 tmpldir_probe_text(roots[k].probe));
    say_folder("templates from", where->data, NULL);
  }
  for (i = 0; i < 3; i++) {
    buf_free(&roots[i].path);
    buf_free(&roots[i].tried);
  }
  return r;
}

/* Colour only for a terminal, never with NO_COLOR set (no-color.org). */
static int use_color(void)
{
  const char *no = getenv("NO_COLOR"), *term = getenv("TERM");

  return isatty(fileno(stderr)) && !(no && *no) &&
         !(term && strcmp(term, "dumb") == 0);
}

/* What the out-of-memory exit names as the place: the input or folder
   being worked on. */
static const char *working_on = "statusgen";

/* A catchable termination: remove the temporaries, then die of the same
   signal, so the caller sees how the run ended. */
static void on_signal(int sig)
{
  output_remove_temporaries();
  unmake_folders();
  signal(sig, SIG_DFL);
  raise(sig);
}

static void on_exhaustion(void)
{
  static const char msg[] = ": error: out of memory\n";

  output_remove_temporaries();
  unmake_folders();
  fflush(stdout);
  if (write(2, working_on, strlen(working_on)) < 0 ||
      write(2, msg, sizeof msg - 1) < 0)
    _exit(EXIT_ERROR);
  _exit(EXIT_ERROR);
}

/* Handlers for the signals that end a run, except those the caller set to
   be ignored (nohup). */
static void catch_signals(void)
{
  static const int sigs[] = {SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGPIPE};
  struct sigaction sa, was;
  size_t i;

  memset(&sa, 0, sizeof sa);
  sa.sa_handler = on_signal;
  sigfillset(&sa.sa_mask);
  for (i = 0; i < sizeof sigs / sizeof *sigs; i++)
    if (sigaction(sigs[i], NULL, &was) == 0 && was.sa_handler != SIG_IGN)
      sigaction(sigs[i], &sa, NULL);
  /* Past a file size limit (ulimit -f), let write fail with EFBIG and be
     reported, instead of being killed with a temporary left behind. */
  signal(SIGXFSZ, SIG_IGN);
  xmem_on_exhaustion(on_exhaustion);
}

/* The depfile's rule for every output, then the check that no output or
   depfile is an input: 0, or -1 after errors in d. */
static int finish_set(const struct options *o, struct output *out,
                      const struct tmpldir *dir, struct diag *d)
{
  size_t n = output_count(out), i, nfiles;
  const char *const *files = tmpldir_files(dir, &nfiles);
  const char **inputs = xcalloc(nfiles + o->nspecs, sizeof *inputs);
  size_t before = diag_count(d), k = 0;

  if (o->depfile && !o->check) {
    const char **targets = xcalloc(n + 1, sizeof *targets);

    for (i = 0; i < n; i++)
      targets[i] = output_path(out, i);
    add_depfile(o, out, dir, targets, n, d);
    free(targets);
  }
  for (i = 0; i < o->nspecs; i++)
    if (!from_stdin(o, i))
      inputs[k++] = o->specs[i];
  for (i = 0; i < nfiles; i++)
    inputs[k++] = files[i];
  output_refuse_inputs(out, inputs, k, d);
  free(inputs);
  return diag_count(d) == before ? 0 : -1;
}

/* 1 when the file at path begins (in its first 4 KiB) with a banner
   that says it was made by statusgen from these specs. */
static int made_from(const char *path, const char *specs)
{
  char head[4097], mark[600];
  FILE *f = fopen(path, "rb");
  size_t n;

  if (!f)
    return 0;
  n = fread(head, 1, sizeof head - 1, f);
  fclose(f);
  head[n] = '\0';
  if (memchr(head, '\0', n)) /* binary: nothing of ours */
    return 0;
  snprintf(mark, sizeof mark, "Generated by statusgen from %.500s.", specs);
  return strstr(head, mark) != NULL;
}

/* --check: the files of the output folder that say they were made from
   these specs but that no template makes now (left by a template since
   renamed or removed), each as a line "PATH: orphan" of lines. How many. */
static int find_orphans(const struct options *o, const struct output *out,
                        struct buf *lines)
{
  struct buf path = BUF_INIT;
  struct dirent *e;
  struct stat st;
  size_t i, n = output_count(out);
  int count = 0;
  DIR *dh = opendir(o->out);

  while (dh && (e = readdir(dh)) != NULL) {
    if (e->d_name[0] == '.')
      continue;
    buf_clear(&path);
    buf_printf(&path, "%s/%s", o->out, e->d_name);
    for (i = 0; i < n && strcmp(output_path(out, i), path.data) != 0; i++)
      ;
    if (i < n || lstat(path.data, &st) < 0 || !S_ISREG(st.st_mode) ||
        !made_from(path.data, o->spec_names))
      continue;
    buf_printf(lines, "%s: orphan\n", path.data);
    count++;
  }
  if (dh)
    closedir(dh);
  buf_free(&path);
  return count;
}

/* --list-outputs: one path a line, as the run would write it. */
static void print_path(void *closure, const char *path)
{
  (void)closure;
  printf("%s\n", path);
}

/* Renders every template of the folder where, then checks or writes; the
   exit status. */
static int run_templates(const struct spec *s, const struct options *o,
                         const char *where, struct diag *d)
{
  struct view *v = view_new(s, o->prefix, o->spec_names);
  struct output *out = output_new(o->check, o->no_sync);
  struct tmpldir *dir = tmpldir_open(where, d);
  struct buf orphans = BUF_INIT;
  int status = EXIT_ERROR, r, norphans = 0;

  working_on = where;
  if (o->list_outputs) {
    struct generate_options g = o->render;

    g.list = print_path;
    if (dir && generate(v, s, o->prefix, dir, o->out, &g, out, d) == 0)
      status = fflush(stdout) == 0 && !ferror(stdout) ? 0 : EXIT_ERROR;
    goto done;
  }
  if (!dir || prepare_out_dir(o, d) < 0 || output_lock(out, o->out, d) < 0 ||
      generate(v, s, o->prefix, dir, o->out, &o->render, out, d) < 0 ||
      finish_set(o, out, dir, d) < 0)
    goto done;
  working_on = o->out;
  if (o->check) /* found first: a failure later must print nothing */
    norphans = find_orphans(o, out, &orphans);
  r = output_commit(out, report, (void *)o, d);
  if (r >= 0 && norphans) {
    if (!o->quiet)
      fputs(orphans.data, stdout);
    r += norphans;
  }
  if (r >= 0)
    status = o->check && r > 0;
done:
  working_on = "statusgen";
  if (status == EXIT_ERROR && nmade) {
    output_remove_temporaries(); /* nothing was written but them */
    unmake_folders();            /* under the lock still */
  }
  forget_folders();
  buf_free(&orphans);
  tmpldir_free(dir);
  output_free(out);
  view_free(v);
  return status;
}

int cli_main(int argc, char **argv)
{
  struct options o;
  struct diag *d;
  struct spec *s = NULL;
  struct buf where = BUF_INIT, names = BUF_INIT;
  struct value_tree **trees;
  size_t i;
  int status, loaded;

  if (argc > 0 && argv[0] && *argv[0])
    program = argv[0];
  status = parse_options(argc, argv, &o);

  if (status < 0)
    status = find_templates(&o, &where);
  if (status >= 0) {
    buf_free(&where);
    return status;
  }
  catch_signals();
  d = diag_new();
  diag_set_color(d, use_color());
  diag_set_caret(d, o.caret >= 0 ? o.caret : isatty(fileno(stderr)));
  spec_names(&o, &names);
  trees = xcalloc(o.nspecs, sizeof *trees);
  for (i = 0, loaded = 1; i < o.nspecs; i++) {
    working_on = spec_name(&o, i);
    if (!(trees[i] = loader_load_file(o.specs[i], NULL, d)))
      loaded = 0;
  }
  working_on = o.spec_names;
  if (loaded && layers_merge(trees, o.nspecs, d) == 0)
    s = spec_build(trees[0], d);
  for (i = 0; s && i < o.nspecs; i++)
    value_tree_drop_nodes(trees[i]); /* the model keeps only the text */
  if (s && o.shape)
    s->shape = o.shape; /* the option wins over the spec */
  if (!s) {
    diag_print(d, stderr);
    status = EXIT_ERROR;
  } else if (o.dump_model) {
    status = dump_model(s, &o);
  } else {
    if (o.verbose)
      fprintf(stderr, "statusgen: %s: %lu statuses\n", o.spec_names,
              (unsigned long)s->nstatuses);
    status = run_templates(s, &o, where.data, d);
    diag_print(d, stderr);
  }
  spec_free(s);
  for (i = 0; i < o.nspecs; i++)
    value_tree_free(trees[i]);
  free(trees);
  diag_free(d);
  buf_free(&where);
  buf_free(&names);
  return status;
}
