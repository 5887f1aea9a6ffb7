/* kind: the table of output kinds, each with the extensions that select
   it, its escaper and what it reserves; a templates folder's map of
   extensions to kinds; and the checks of a spec against one kind. Adding
   a kind is adding rows here. */
#include "kind.h"

#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "escape.h"
#include "utf8.h"
#include "xmem.h"

/* ---- C and C++ ---- */

/* The C kind's prefix becomes `enum NAME` and `NAME_reason`: no keyword of
   C (C89 to C23) or of C++ (the outputs compile as C++ too). */
static const char *const c_keywords[] = {
    /* C */
    "auto", "break", "case", "char", "const", "continue", "default", "do",
    "double", "else", "enum", "extern", "float", "for", "goto", "if", "inline",
    "int", "long", "register", "restrict", "return", "short", "signed",
    "sizeof", "static", "struct", "switch", "typedef", "union", "unsigned",
    "void", "volatile", "while", "alignas", "alignof", "bool", "constexpr",
    "false", "nullptr", "static_assert", "thread_local", "true", "typeof",
    "typeof_unqual",
    /* C++ */
    "and", "and_eq", "asm", "bitand", "bitor", "catch", "char8_t", "char16_t",
    "char32_t", "class", "compl", "concept", "consteval", "constinit",
    "const_cast", "co_await", "co_return", "co_yield", "decltype", "delete",
    "dynamic_cast", "explicit", "export", "friend", "mutable", "namespace",
    "new", "noexcept", "not", "not_eq", "operator", "or", "or_eq", "private",
    "protected", "public", "reinterpret_cast", "requires", "static_cast",
    "template", "this", "throw", "try", "typeid", "typename", "using",
    "virtual", "wchar_t", "xor", "xor_eq", NULL};

/* The stock C templates' own names after PREFIX_, which a status or alias
   constant PREFIX_NAME would collide with: PREFIX_COUNT, PREFIX_UNKNOWN,
   PREFIX_MAP, the include guard PREFIX_H, PREFIX_IMPLEMENTATION and
   PREFIX_IMPLEMENTED (the single header's switches), and the class
   enumerators PREFIX_CLASS_ID. */
static const char *const c_api_names[] = {
    "COUNT", "UNKNOWN", "MAP", "H", "IMPLEMENTATION", "IMPLEMENTED", NULL};
static const char *const c_api_prefixes[] = {"CLASS_", NULL};

/* Class and flag ids the C API takes: PREFIX_CLASS_NONE (no class) and
   prefix_is_known, beside PREFIX_CLASS_ID and prefix_is_ID. */
static const char *const known_ids[] = {"none", "known", NULL};

static const struct kind_reservation c_reserved[] = {
    {KIND_PREFIX, KIND_LOWER_SNAKE, c_keywords, NULL, "a C or C++ keyword"},
    {KIND_STATUS | KIND_ALIAS, KIND_UPPER_SNAKE, c_api_names, c_api_prefixes,
     NULL},
    {KIND_CLASS | KIND_FLAG, KIND_LOWER_SNAKE, known_ids, NULL, NULL},
    {0, KIND_UPPER_SNAKE, NULL, NULL, NULL}};

/* ---- Python ---- */

/* The module is PREFIX.py: imported by that name, so no keyword. */
static const char *const python_keywords[] = {
    "False",  "None",     "True",  "and",    "as",       "assert",
    "async",  "await",    "break", "class",  "continue", "def",
    "del",    "elif",     "else",  "except", "finally",  "for",
    "from",   "global",   "if",    "import", "in",       "is",
    "lambda", "nonlocal", "not",   "or",     "pass",     "raise",
    "return", "try",      "while", "with",   "yield",    NULL};
/* Modules the stock set imports: a module of that name beside its users
   would be imported in their place, by itself too. */
static const char *const python_modules[] = {"enum", "typing", NULL};
/* Properties is_<class> and is_<flag> of an int subclass: none may hide
   one of int's own methods (int.is_integer, from Python 3.12). */
static const char *const python_int_methods[] = {"integer", NULL};

static const struct kind_reservation python_reserved[] = {
    {KIND_PREFIX, KIND_LOWER_SNAKE, python_keywords, NULL, "a Python keyword"},
    {KIND_PREFIX, KIND_LOWER_SNAKE, python_modules, NULL, NULL},
    /* the class: None, True and False are keywords too */
    {KIND_PREFIX, KIND_UPPER_CAMEL, python_keywords, NULL, "a Python keyword"},
    {KIND_CLASS | KIND_FLAG, KIND_LOWER_SNAKE, python_int_methods, NULL, NULL},
    {0, KIND_UPPER_SNAKE, NULL, NULL, NULL}};

/* ---- JavaScript and TypeScript ---- */

/* The enum (or frozen object) is the prefix's UpperCamel, in a module
   that may use the language's own objects and types: none of those. */
static const char *const javascript_builtins[] = {
    "Array",       "BigInt",     "Boolean",  "Date",          "Error",
    "Function",    "Infinity",   "JSON",     "Map",           "Math",
    "NaN",         "Number",     "Object",   "Partial",       "Promise",
    "Proxy",       "RangeError", "Readonly", "ReadonlyArray", "ReadonlyMap",
    "ReadonlySet", "Record",     "Reflect",  "RegExp",        "Required",
    "Set",         "String",     "Symbol",   "TypeError",     "WeakMap",
    "WeakSet",     NULL};
/* is<Class>() and is<Flag>() beside isKnown(). */
static const char *const known_camel[] = {"Known", NULL};

static const struct kind_reservation javascript_reserved[] = {
    {KIND_PREFIX, KIND_UPPER_CAMEL, javascript_builtins, NULL,
     "a JavaScript or TypeScript built-in"},
    {KIND_CLASS | KIND_FLAG, KIND_UPPER_CAMEL, known_camel, NULL, NULL},
    {0, KIND_UPPER_SNAKE, NULL, NULL, NULL}};

/* is<Class>() and is<Flag>() are functions of one module. */
static const struct kind_namespace predicates_camel[] = {
    {{{KIND_CLASS | KIND_FLAG, KIND_UPPER_CAMEL}, {0, KIND_UPPER_SNAKE}}},
    {{{0, KIND_UPPER_SNAKE}, {0, KIND_UPPER_SNAKE}}}};

/* ---- Rust ---- */

/* The module is PREFIX (PREFIX.rs): strict, reserved and edition 2018
   keywords. */
static const char *const rust_keywords[] = {
    "as",     "break",  "const",    "continue", "crate",  "else",    "enum",
    "extern", "false",  "fn",       "for",      "if",     "impl",    "in",
    "let",    "loop",   "match",    "mod",      "move",   "mut",     "pub",
    "ref",    "return", "self",     "Self",     "static", "struct",  "super",
    "trait",  "true",   "type",     "unsafe",   "use",    "where",   "while",
    "async",  "await",  "dyn",      "abstract", "become", "box",     "do",
    "final",  "macro",  "override", "priv",     "typeof", "unsized", "virtual",
    "yield",  "try",    NULL};
/* Crates every Rust module sees: a module of that name is ambiguous. */
static const char *const rust_crates[] = {"std", "core", "alloc", NULL};
/* The enum is the prefix's UpperCamel, in a module that uses the prelude
   (Option<Self>, TryFrom<u16>): none of its names. */
static const char *const rust_prelude[] = {
    /* types and values */
    "Box", "Err", "None", "Ok", "Option", "Result", "Self", "Some", "String",
    "Vec",
    /* traits */
    "AsMut", "AsRef", "Clone", "Copy", "Default", "DoubleEndedIterator", "Drop",
    "Eq", "ExactSizeIterator", "Extend", "Fn", "FnMut", "FnOnce", "From",
    "FromIterator", "Into", "IntoIterator", "Iterator", "Ord", "PartialEq",
    "PartialOrd", "Send", "Sized", "Sync", "ToOwned", "ToString", "TryFrom",
    "TryInto", "Unpin", NULL};
/* Variants are UpperCamel: Self is the only keyword they can spell. */
static const char *const rust_self[] = {"Self", NULL};
/* The module's own types beside the enum, and the associated constant
   that lists the statuses beside the aliases' constants. */
static const char *const rust_api_types[] = {"Class", "Flag", "UnknownCode",
                                             NULL};
static const char *const rust_api_consts[] = {"ALL", NULL};

static const struct kind_reservation rust_reserved[] = {
    {KIND_PREFIX, KIND_LOWER_SNAKE, rust_keywords, NULL, "a Rust keyword"},
    {KIND_PREFIX, KIND_LOWER_SNAKE, rust_crates, NULL, "a Rust crate"},
    {KIND_PREFIX, KIND_UPPER_CAMEL, rust_prelude, NULL,
     "a name of Rust's prelude"},
    {KIND_STATUS | KIND_ALIAS | KIND_CLASS | KIND_FLAG, KIND_UPPER_CAMEL,
     rust_self, NULL, "a Rust keyword"},
    {KIND_PREFIX, KIND_UPPER_CAMEL, rust_api_types, NULL, NULL},
    {KIND_ALIAS, KIND_UPPER_SNAKE, rust_api_consts, NULL, NULL},
    {0, KIND_UPPER_SNAKE, NULL, NULL, NULL}};

/* The enum's variants (UpperCamel of statuses) and associated constants
   (UPPER_SNAKE of aliases) are all Self::NAME. */
static const struct kind_namespace rust_namespaces[] = {
    {{{KIND_STATUS, KIND_UPPER_CAMEL}, {KIND_ALIAS, KIND_UPPER_SNAKE}}},
    /* the variants of the enums Class and Flag */
    {{{KIND_CLASS, KIND_UPPER_CAMEL}, {0, KIND_UPPER_SNAKE}}},
    {{{KIND_FLAG, KIND_UPPER_CAMEL}, {0, KIND_UPPER_SNAKE}}},
    {{{0, KIND_UPPER_SNAKE}, {0, KIND_UPPER_SNAKE}}}};

/* ---- Go ---- */

/* The package is PREFIX. */
static const char *const go_keywords[] = {
    "break",  "case",        "chan", "const",   "continue", "default", "defer",
    "else",   "fallthrough", "for",  "func",    "go",       "goto",    "if",
    "import", "interface",   "map",  "package", "range",    "return",  "select",
    "struct", "switch",      "type", "var",     NULL};
/* package main is a command, which no one imports. */
static const char *const go_commands[] = {"main", NULL};
/* The package's functions, beside the type (the prefix's UpperCamel) and
   a constant per status and alias (their UpperCamel). */
static const char *const go_api_names[] = {
    "FromName", "FromReason", "FlagMeaning", "Title", "Source", NULL};

static const struct kind_reservation go_reserved[] = {
    {KIND_PREFIX, KIND_LOWER_SNAKE, go_keywords, NULL, "a Go keyword"},
    {KIND_PREFIX, KIND_LOWER_SNAKE, go_commands, NULL, NULL},
    {KIND_PREFIX | KIND_STATUS | KIND_ALIAS, KIND_UPPER_CAMEL, go_api_names,
     NULL, NULL},
    {KIND_CLASS | KIND_FLAG, KIND_UPPER_CAMEL, known_camel, NULL, NULL},
    {0, KIND_UPPER_SNAKE, NULL, NULL, NULL}};

/* The type and the constants share the package's scope; the methods
   Is<Class>() and Is<Flag>() the type's. */
static const struct kind_namespace go_namespaces[] = {
    {{{KIND_PREFIX | KIND_STATUS | KIND_ALIAS, KIND_UPPER_CAMEL},
      {0, KIND_UPPER_SNAKE}}},
    {{{KIND_CLASS | KIND_FLAG, KIND_UPPER_CAMEL}, {0, KIND_UPPER_SNAKE}}},
    {{{0, KIND_UPPER_SNAKE}, {0, KIND_UPPER_SNAKE}}}};

/* ---- the table ---- */

/* Text that is escaped, and data, reserve no name. */
static const struct kind_reservation nothing[] = {
    {0, KIND_UPPER_SNAKE, NULL, NULL, NULL}};
static const struct kind_namespace no_namespaces[] = {
    {{{0, KIND_UPPER_SNAKE}, {0, KIND_UPPER_SNAKE}}}};

static const char *const c_extensions[] = {
    ".c", ".h", ".cc", ".cpp", ".cxx", ".hh", ".hpp", ".hxx", ".inc", NULL};
static const char *const markdown_extensions[] = {".md", ".markdown", NULL};
static const char *const html_extensions[] = {".html", ".htm", ".xml", ".svg",
                                              NULL};
static const char *const json_extensions[] = {".json", NULL};
static const char *const python_extensions[] = {".py", ".pyi", NULL};
static const char *const javascript_extensions[] = {
    ".js", ".mjs", ".cjs", ".ts", ".mts", ".cts", NULL};
static const char *const rust_extensions[] = {".rs", NULL};
static const char *const go_extensions[] = {".go", NULL};
static const char *const text_extensions[] = {".txt", NULL};

static const struct kind kinds[] = {
    {"c", "C", c_extensions, escape_c, c_reserved, no_namespaces},
    {"markdown", "Markdown", markdown_extensions, escape_markdown, nothing,
     no_namespaces},
    {"html", "HTML", html_extensions, escape_html, nothing, no_namespaces},
    {"json", "JSON", json_extensions, escape_json, nothing, no_namespaces},
    {"python", "Python", python_extensions, escape_python, python_reserved,
     no_namespaces},
    {"javascript", "JavaScript/TypeScript", javascript_extensions,
     escape_javascript, javascript_reserved, predicates_camel},
    {"rust", "Rust", rust_extensions, escape_rust, rust_reserved,
     rust_namespaces},
    {"go", "Go", go_extensions, escape_go, go_reserved, go_namespaces},
    {"text", "plain text", text_extensions, NULL, nothing, no_namespaces},
};

#define NKINDS (sizeof kinds / sizeof *kinds)

const struct kind *kind_table(size_t *n)
{
  *n = NKINDS;
  return kinds;
}

const struct kind *kind_by_id(const char *id)
{
  size_t i;

  for (i = 0; i < NKINDS; i++)
    if (strcmp(kinds[i].id, id) == 0)
      return &kinds[i];
  return NULL;
}

void kind_list_ids(struct buf *out)
{
  size_t i;

  for (i = 0; i < NKINDS; i++)
    buf_printf(out, "%s%s", i ? ", " : "", kinds[i].id);
}

static int in_list(const char *s, const char *const *list)
{
  for (; list && *list; list++)
    if (strcmp(s, *list) == 0)
      return 1;
  return 0;
}

static int has_prefix(const char *s, const char *const *prefixes)
{
  for (; prefixes && *prefixes; prefixes++)
    if (strncmp(s, *prefixes, strlen(*prefixes)) == 0)
      return 1;
  return 0;
}

const struct kind *kind_for_path(const char *path)
{
  const char *slash = strrchr(path, '/');
  const char *dot = strrchr(slash ? slash : path, '.');
  size_t i;

  for (i = 0; dot && i < NKINDS; i++)
    if (in_list(dot, kinds[i].extensions))
      return &kinds[i];
  return NULL;
}

/* ---- the kinds file ---- */

struct kind_entry {
  char *key; /* ".gperf" (an extension) or "Makefile" (a file name) */
  const struct kind *kind;
};

struct kind_map {
  struct kind_entry *entries;
  size_t n;
};

struct kind_map *kind_map_new(void)
{
  return xcalloc(1, sizeof(struct kind_map));
}

void kind_map_free(struct kind_map *m)
{
  size_t i;

  if (!m)
    return;
  for (i = 0; i < m->n; i++)
    free(m->entries[i].key);
  free(m->entries);
  free(m);
}

/* 1 when key can name outputs: an extension ('.' and more) or a file
   name, neither holding '/' or a control character, nor only dots. */
static int usable_key(const char *key, size_t len)
{
  size_t i, dots = 0;

  for (i = 0; i < len; i++) {
    if ((unsigned char)key[i] < 0x20 || key[i] == '/' || key[i] == 0x7f)
      return 0;
    dots += key[i] == '.';
  }
  return len > 0 && dots < len;
}

/* One line of the kinds file: key k maps to the kind value v names. */
static int read_entry(struct kind_map *m, const struct value *k,
                      const struct value *v, struct diag *d)
{
  const struct kind *kind;
  struct buf ids = BUF_INIT;

  if (!k->str || !usable_key(k->str, k->len)) /* the loader's keys are text */
    return diag_error(d, &k->mark,
                      "'%s' is neither an output extension ('.gperf') nor "
                      "a file name ('Makefile')",
                      k->str ? k->str : "");
  if (v->kind != VALUE_STRING || !(kind = kind_by_id(v->str))) {
    kind_list_ids(&ids);
    if (v->kind == VALUE_STRING)
      diag_error(d, &v->mark, "unknown kind '%s' (kinds: %s)", v->str,
                 ids.data);
    else
      diag_error(d, &v->mark, "the kind of '%s' must be one of %s, not %s",
                 k->str, ids.data, value_kind_name(v->kind));
    buf_free(&ids);
    return -1;
  }
  m->entries = xrealloc(m->entries, (m->n + 1) * sizeof *m->entries);
  m->entries[m->n].key = xstrndup(k->str, k->len);
  m->entries[m->n++].kind = kind;
  return 0;
}

int kind_map_read(struct kind_map *m, const struct value *root, struct diag *d)
{
  size_t i;
  int r = 0;

  if (root->kind != VALUE_MAP)
    return diag_error(d, &root->mark,
                      "the kinds file must map output extensions to kinds "
                      "('.gperf: text'), not %s",
                      value_kind_name(root->kind));
  for (i = 0; i < root->len; i++)
    if (read_entry(m, &root->as.items[2 * i], &root->as.items[2 * i + 1], d))
      r = -1;
  return r;
}

const struct kind *kind_map_find(const struct kind_map *m, const char *name)
{
  size_t i, n = strlen(name), best = 0;
  const struct kind *k = NULL;

  for (i = 0; m && i < m->n; i++) {
    const char *key = m->entries[i].key;
    size_t len = strlen(key);

    if (key[0] != '.' && strcmp(key, name) == 0)
      return m->entries[i].kind;
    if (key[0] == '.' && len < n && len > best &&
        strcmp(name + n - len, key) == 0) {
      best = len;
      k = m->entries[i].kind;
    }
  }
  return k ? k : kind_for_path(name);
}

/* ---- names ---- */

/* A name of the spec, as the checks see it. */
struct item {
  unsigned role; /* one enum kind_role bit */
  const char *name;
  const struct spec_names *names;
  const struct mark *mark;
  const char *noun; /* how the message calls it: "name", "id", ... */
  const char *how;  /* ", derived from the reason," or "" */
  const char *hint; /* ": give the status a 'name'" or "" */
};

/* One check: the kind, the output that asked for it, where errors go,
   and the spec's names. */
struct check {
  const struct kind *k;
  const char *output;
  struct diag *d;
  struct item *items;
  size_t n;
};

static const char *form_of(const struct item *it, enum kind_form f)
{
  switch (f) {
  case KIND_UPPER_SNAKE: return it->names->upper_snake;
  case KIND_UPPER_CAMEL: return it->names->upper_camel;
  case KIND_LOWER_SNAKE: return it->names->lower_snake;
  case KIND_LOWER_CAMEL: return it->names->lower_camel;
  }
  return it->name;
}

static void add(struct check *c, unsigned role, const char *name,
                const struct spec_names *names, const struct mark *m,
                const char *noun)
{
  struct item *it = &c->items[c->n++];

  it->role = role;
  it->name = name;
  it->names = names;
  it->mark = m;
  it->noun = noun;
  it->how = "";
  it->hint = "";
}

/* Reports it when a reservation of the kind takes it (the first that
   does, in the kind's order). */
static void check_reserved(struct check *c, const struct item *it)
{
  const struct kind_reservation *r;
  const char *formed = NULL;

  for (r = c->k->reserved; r->roles; r++) {
    if (!(r->roles & it->role))
      continue;
    formed = form_of(it, r->form);
    if (in_list(formed, r->words) || has_prefix(formed, r->prefixes))
      break;
  }
  if (!r->roles)
    return;
  if (strcmp(formed, it->name) == 0 && r->what && in_list(formed, r->words))
    diag_error(c->d, it->mark,
               "%s '%s'%s is %s, reserved by the %s output "
               "(%s)%s",
               it->noun, it->name, it->how, r->what, c->k->name, c->output,
               it->hint);
  else if (strcmp(formed, it->name) == 0)
    diag_error(c->d, it->mark, "%s '%s'%s is reserved by the %s output (%s)%s",
               it->noun, it->name, it->how, c->k->name, c->output, it->hint);
  else if (r->what && in_list(formed, r->words))
    diag_error(c->d, it->mark,
               "%s '%s'%s gives '%s', %s, reserved by the %s "
               "output (%s)%s",
               it->noun, it->name, it->how, formed, r->what, c->k->name,
               c->output, it->hint);
  else
    diag_error(c->d, it->mark,
               "%s '%s'%s gives '%s', reserved by the %s "
               "output (%s)%s",
               it->noun, it->name, it->how, formed, c->k->name, c->output,
               it->hint);
}

/* A name of a namespace: an item in the form its use gives. */
struct entry {
  const struct item *it;
  const char *formed;
};

/* Marks in the order of the text: the option (no line) first. */
static int cmp_mark(const struct mark *a, const struct mark *b)
{
  int r;

  if (!a->line || !b->line)
    return (a->line != 0) - (b->line != 0);
  r = strcmp(a->file, b->file);
  if (r)
    return r;
  if (a->line != b->line)
    return a->line < b->line ? -1 : 1;
  return a->col < b->col ? -1 : a->col > b->col;
}

static int by_formed(const void *pa, const void *pb)
{
  const struct entry *a = pa, *b = pb;
  int r = strcmp(a->formed, b->formed);

  return r ? r : cmp_mark(a->it->mark, b->it->mark);
}

/* Reports e, whose formed name first gave before. */
static void report_clash(struct check *c, const struct entry *e,
                         const struct entry *first)
{
  const struct item *it = e->it, *o = first->it;
  struct buf at = BUF_INIT;

  if (!o->mark->line)
    ; /* the option has no place */
  else if (strcmp(o->mark->file, it->mark->file) != 0)
    buf_printf(&at, " (at %s:%u:%u)", o->mark->file, o->mark->line,
               o->mark->col);
  else
    buf_printf(&at, " (at %u:%u)", o->mark->line, o->mark->col);
  diag_error(c->d, it->mark,
             "%s '%s'%s gives '%s' in the %s output (%s), as %s '%s' does%s%s",
             it->noun, it->name, it->how, e->formed, c->k->name, c->output,
             o->noun, o->name, at.data, it->hint);
  buf_free(&at);
}

static void check_namespace(struct check *c, const struct kind_namespace *ns)
{
  struct entry *e = xcalloc(2 * c->n + 1, sizeof *e);
  size_t i, u, n = 0, first = 0;

  for (u = 0; u < 2 && ns->uses[u].roles; u++)
    for (i = 0; i < c->n; i++)
      if (ns->uses[u].roles & c->items[i].role) {
        e[n].it = &c->items[i];
        e[n++].formed = form_of(&c->items[i], ns->uses[u].form);
      }
  qsort(e, n, sizeof *e, by_formed);
  for (i = 1; i < n; i++) {
    if (strcmp(e[i].formed, e[first].formed) != 0)
      first = i;
    else if (e[i].it != e[first].it)
      report_clash(c, &e[i], &e[first]);
  }
  free(e);
}

/* The items of s: the prefix (with its forms in a, when it is given),
   classes, flags, statuses and aliases. */
static void gather(struct check *c, const struct spec *s, const char *prefix,
                   struct spec_names *prefix_names, struct arena *a)
{
  static const struct mark option = {"statusgen", 0, 0};
  size_t i, j, n = 1 + s->nclasses + s->nflags;

  for (i = 0; i < s->nstatuses; i++)
    n += 1 + s->statuses[i].naliases;
  c->items = xcalloc(n, sizeof *c->items);
  if (prefix) {
    spec_names_of(prefix_names, a, prefix);
    add(c, KIND_PREFIX, prefix, prefix_names, &option, "--prefix");
  } else {
    add(c, KIND_PREFIX, s->name, &s->names, &s->name_mark, "name");
  }
  for (i = 0; i < s->nclasses; i++)
    add(c, KIND_CLASS, s->classes[i].id, &s->classes[i].names,
        &s->classes[i].id_mark, "id");
  for (i = 0; i < s->nflags; i++)
    add(c, KIND_FLAG, s->flags[i].id, &s->flags[i].names, &s->flags[i].mark,
        "flag");
  for (i = 0; i < s->nstatuses; i++) {
    const struct spec_status *st = &s->statuses[i];

    add(c, KIND_STATUS, st->name, &st->names, &st->name_mark, "name");
    if (!st->name_given) {
      c->items[c->n - 1].how = ", derived from the reason,";
      c->items[c->n - 1].hint = ": give the status a 'name'";
    }
    for (j = 0; j < st->naliases; j++) {
      add(c, KIND_ALIAS, st->aliases[j].name, &st->aliases[j].names,
          &st->aliases[j].mark, "name");
      c->items[c->n - 1].how = ", derived from the alias,";
    }
  }
}

int kind_check_names(const struct kind *k, const struct spec *s,
                     const char *prefix, const char *output, struct diag *d)
{
  struct arena *a = arena_new();
  struct spec_names prefix_names;
  const struct kind_namespace *ns;
  size_t i, before = diag_count(d);
  struct check c;

  memset(&c, 0, sizeof c);
  c.k = k;
  c.output = output;
  c.d = d;
  gather(&c, s, prefix, &prefix_names, a);
  for (i = 0; i < c.n; i++)
    check_reserved(&c, &c.items[i]);
  for (ns = k->namespaces; ns->uses[0].roles; ns++)
    check_namespace(&c, ns);
  free(c.items);
  arena_free(a);
  return diag_count(d) > before ? -1 : 0;
}

/* ---- texts ---- */

/* Reports text (the value of key, at m) when it holds a bidirectional
   control: the first one it holds. */
static void check_text(struct check *c, const char *key, const char *text,
                       const struct mark *m)
{
  size_t i, n, len = text ? strlen(text) : 0;
  unsigned long cp;

  for (i = 0; i < len; i += n ? n : 1) {
    n = utf8_decode(text + i, len - i, &cp);
    if (n && escape_is_bidi(cp)) {
      diag_error(c->d, m,
                 "'%s' holds U+%04lX, a bidirectional control that the %s "
                 "output (%s) cannot escape",
                 key, cp, c->k->name, c->output);
      return;
    }
  }
}

int kind_check_texts(const struct kind *k, const struct spec *s,
                     const char *output, struct diag *d)
{
  size_t i, j, before = diag_count(d);
  struct check c;

  if (k->escape)
    return 0;
  memset(&c, 0, sizeof c);
  c.k = k;
  c.output = output;
  c.d = d;
  check_text(&c, "title", s->title, &s->title_mark);
  check_text(&c, "source", s->source, &s->source_mark);
  for (i = 0; i < s->nclasses; i++)
    check_text(&c, "title", s->classes[i].title, &s->classes[i].title_mark);
  for (i = 0; i < s->nflags; i++)
    check_text(&c, "meaning", s->flags[i].meaning, &s->flags[i].meaning_mark);
  for (i = 0; i < s->nstatuses; i++) {
    const struct spec_status *st = &s->statuses[i];

    check_text(&c, "reason", st->reason, &st->reason_mark);
    check_text(&c, "description", st->description, &st->description_mark);
    check_text(&c, "reference", st->reference, &st->reference_mark);
    for (j = 0; j < st->naliases; j++)
      check_text(&c, "alias", st->aliases[j].reason, &st->aliases[j].mark);
  }
  return diag_count(d) > before ? -1 : 0;
}
