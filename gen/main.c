/* main: the command line. Parses options, runs the stages in order (load,
   validate, view) and maps failures to exit statuses like diff(1): 0 done,
   1 stale outputs found by --check, 2 any error. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "diag.h"
#include "loader.h"
#include "spec.h"
#include "version.h"
#include "view.h"

#define EXIT_ERROR 2

struct options {
  const char *spec;
  const char *templates;
  const char *out;
  const char *prefix;
  const char *depfile;
  int check, dump_model, quiet, verbose;
};

static const char usage[] =
    "usage: statusgen [OPTIONS] SPEC\n"
    "Generates C lookups and docs for the status list in SPEC (YAML).\n"
    "\n"
    "  -t, --templates DIR  templates folder (default: templates)\n"
    "  -o, --out DIR        output folder (default: out)\n"
    "      --prefix NAME    symbol and file prefix (default: the spec's name)\n"
    "      --check          write nothing; exit 1 listing stale outputs\n"
    "  -M, --depfile FILE   write make-style dependencies of the outputs\n"
    "      --dump-model     print the data the templates see, as JSON\n"
    "  -q, --quiet          print errors only\n"
    "  -v, --verbose        say what is read and written\n"
    "      --version        print the version and exit\n"
    "  -h, --help           print this help and exit\n"
    "\n"
    "Exit status: 0 success, 1 --check found stale outputs, 2 error.\n";

static int usage_error(const char *fmt, const char *arg)
{
  fputs("statusgen: error: ", stderr);
  fprintf(stderr, fmt, arg);
  fputs("\nTry 'statusgen --help'.\n", stderr);
  return EXIT_ERROR;
}

/* Returns -1 to go on, or the exit status to leave with. */
static int parse_options(int argc, char **argv, struct options *o)
{
  enum { OPT_PREFIX = 256, OPT_CHECK, OPT_DUMP, OPT_VERSION };
  static const struct option longs[] = {
    {"templates", required_argument, NULL, 't'},
    {"out", required_argument, NULL, 'o'},
    {"prefix", required_argument, NULL, OPT_PREFIX},
    {"check", no_argument, NULL, OPT_CHECK},
    {"depfile", required_argument, NULL, 'M'},
    {"dump-model", no_argument, NULL, OPT_DUMP},
    {"quiet", no_argument, NULL, 'q'},
    {"verbose", no_argument, NULL, 'v'},
    {"version", no_argument, NULL, OPT_VERSION},
    {"help", no_argument, NULL, 'h'},
    {NULL, 0, NULL, 0}};
  int c;

  memset(o, 0, sizeof *o);
  o->templates = "templates";
  o->out = "out";
  opterr = 0;
  while ((c = getopt_long(argc, argv, ":t:o:M:qvh", longs, NULL)) != -1) {
    switch (c) {
    case 't': o->templates = optarg; break;
    case 'o': o->out = optarg; break;
    case 'M': o->depfile = optarg; break;
    case 'q': o->quiet = 1, o->verbose = 0; break;
    case 'v': o->verbose = 1, o->quiet = 0; break;
    case OPT_PREFIX: o->prefix = optarg; break;
    case OPT_CHECK: o->check = 1; break;
    case OPT_DUMP: o->dump_model = 1; break;
    case OPT_VERSION: printf("statusgen %s\n", STATUSGEN_VERSION); return 0;
    case 'h': fputs(usage, stdout); return 0;
    case ':': return usage_error("option '%s' needs an argument",
                                 argv[optind - 1]);
    default: return usage_error("unknown option '%s'", argv[optind - 1]);
    }
  }
  if (optind != argc - 1)
    return usage_error("%s", optind == argc ? "no SPEC given"
                                            : "more than one SPEC given");
  o->spec = argv[optind];
  if (o->prefix && !spec_is_lower_ident(o->prefix))
    return usage_error("--prefix '%s' is not a lower snake case C identifier"
                       " (or is a keyword)", o->prefix);
  return -1;
}

static int dump_model(const struct spec *s, const struct options *o)
{
  struct view *v = view_new(s, o->prefix, o->spec);
  struct buf b = BUF_INIT;
  int ok;

  view_dump_json(v, view_root(v), &b);
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

int main(int argc, char **argv)
{
  struct options o;
  struct diag *d;
  struct value_tree *tree;
  struct spec *s = NULL;
  int status = parse_options(argc, argv, &o);

  if (status >= 0)
    return status;
  d = diag_new();
  tree = loader_load_file(o.spec, NULL, d);
  if (tree)
    s = spec_build(tree, d);
  if (!s) {
    diag_print(d, stderr);
    status = EXIT_ERROR;
  } else if (o.dump_model) {
    status = dump_model(s, &o);
  } else {
    status = 0;
    if (o.verbose)
      fprintf(stderr, "statusgen: %s: %lu statuses\n", o.spec,
              (unsigned long)s->nstatuses);
  }
  spec_free(s);
  value_tree_free(tree);
  diag_free(d);
  return status;
}
