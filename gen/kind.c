/* kind: the table of output kinds, each with the extensions that select
   it, its escaper and what it reserves, and the check of a spec's names
   against one kind. Adding a kind is adding rows here. */
#include "kind.h"

#include <string.h>

#include "escape.h"

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
   constant PREFIX_NAME would collide with: PREFIX_COUNT, PREFIX_MAP, the
   include guard PREFIX_H, PREFIX_IMPLEMENTATION and PREFIX_IMPLEMENTED
   (the single header's switches), and the class enumerators
   PREFIX_CLASS_ID. */
static const char *const c_api_names[] = {
    "COUNT", "MAP", "H", "IMPLEMENTATION", "IMPLEMENTED", NULL};
static const char *const c_api_prefixes[] = {"CLASS_", NULL};

/* Class and flag ids the C API takes: PREFIX_CLASS_NONE (no class) and
   prefix_is_known, beside PREFIX_CLASS_ID and prefix_is_ID. */
static const char *const c_api_ids[] = {"none", "known", NULL};

static const struct kind_reservation c_reserved[] = {
    {KIND_PREFIX, c_keywords, NULL, "a C or C++ keyword"},
    {KIND_STATUS | KIND_ALIAS, c_api_names, c_api_prefixes, NULL},
    {KIND_CLASS | KIND_FLAG, c_api_ids, NULL, NULL},
    {0, NULL, NULL, NULL}};

/* Text that is escaped reserves no name. */
static const struct kind_reservation nothing[] = {{0, NULL, NULL, NULL}};

static const char *const c_extensions[] = {".c", ".h", NULL};
static const char *const markdown_extensions[] = {".md", NULL};
static const char *const html_extensions[] = {".html", NULL};

static const struct kind kinds[] = {
    {"C", c_extensions, escape_c, c_reserved},
    {"Markdown", markdown_extensions, escape_markdown, nothing},
    {"HTML", html_extensions, escape_html, nothing},
};

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

  for (i = 0; dot && i < sizeof kinds / sizeof *kinds; i++)
    if (in_list(dot, kinds[i].extensions))
      return &kinds[i];
  return NULL;
}

/* One check: the kind, the output that asked for it, where errors go. */
struct check {
  const struct kind *k;
  const char *output;
  struct diag *d;
  size_t before;
};

/* Reports name (in role, at m) when the kind reserves it. noun is how the
   message calls it ("name", "id"); how says where a derived name comes
   from (", derived from the reason,"), else ""; hint ends the message. */
static void check_one(struct check *c, unsigned role, const char *name,
                      const struct mark *m, const char *noun, const char *how,
                      const char *hint)
{
  const struct kind_reservation *r;

  for (r = c->k->reserved; r->roles; r++)
    if ((r->roles & role) &&
        (in_list(name, r->words) || has_prefix(name, r->prefixes)))
      break;
  if (!r->roles)
    return;
  if (r->what && in_list(name, r->words))
    diag_error(c->d, m, "%s '%s'%s is %s, reserved by the %s output (%s)%s",
               noun, name, how, r->what, c->k->name, c->output, hint);
  else
    diag_error(c->d, m, "%s '%s'%s is reserved by the %s output (%s)%s", noun,
               name, how, c->k->name, c->output, hint);
}

/* A status's name and its aliases' names. */
static void check_status(struct check *c, const struct spec_status *st)
{
  size_t i;

  if (st->name_given)
    check_one(c, KIND_STATUS, st->name, &st->name_mark, "name", "", "");
  else
    check_one(c, KIND_STATUS, st->name, &st->name_mark, "name",
              ", derived from the reason,", ": give the status a 'name'");
  for (i = 0; i < st->naliases; i++)
    check_one(c, KIND_ALIAS, st->aliases[i].name, &st->aliases[i].mark, "name",
              ", derived from the alias,", "");
}

int kind_check_names(const struct kind *k, const struct spec *s,
                     const char *prefix, const char *output, struct diag *d)
{
  struct mark option = {"statusgen", 0, 0};
  struct check c;
  size_t i;

  c.k = k;
  c.output = output;
  c.d = d;
  c.before = diag_count(d);
  if (prefix)
    check_one(&c, KIND_PREFIX, prefix, &option, "--prefix", "", "");
  else
    check_one(&c, KIND_PREFIX, s->name, &s->name_mark, "name", "", "");
  for (i = 0; i < s->nclasses; i++)
    check_one(&c, KIND_CLASS, s->classes[i].id, &s->classes[i].id_mark, "id",
              "", "");
  for (i = 0; i < s->nflags; i++)
    check_one(&c, KIND_FLAG, s->flags[i].id, &s->flags[i].mark, "flag", "", "");
  for (i = 0; i < s->nstatuses; i++)
    check_status(&c, &s->statuses[i]);
  return diag_count(d) > c.before ? -1 : 0;
}
