/* mustache: the template engine. Parses Mustache templates (the official
   spec's required modules plus inheritance and dynamic names; no lambdas)
   into trees whose every tag keeps its line and column, and renders them
   against data it reads only through the callbacks of struct mustache_data.
   It knows nothing of YAML, of the model or of files: partials come through
   a callback, escaping is a function the caller hands in.

   Syntax and white space are the spec's: {{name}} {{{name}}} {{&name}}
   {{#name}} {{^name}} {{/name}} {{!comment}} {{=<% %>=}} {{>partial}}
   {{>*dynamic}} {{<parent}} {{<*dynamic}} {{$block}}; names are dotted
   (a.b.c) or "."; partial names are relative paths (c/lookup). A tag alone
   on its line takes the line with it; a standalone partial or parent
   indents every line it renders by the tag's white space, and a block
   re-indents what fills it to its own indentation. A parent's arguments
   fill the blocks of the parent and of its own parents, not those of a
   partial they include: a block is a parameter of its template. White
   space may come before the sigil ({{ #a }}).

   Indentation is the spec's: it belongs to each line of the partial's
   source, so a line gets it as soon as anything on that line renders,
   even a tag that renders nothing, and keeps it when the line goes on in
   the including template (" {{>p}}\na", p "{{c}}" and no c: " a"). The
   first line of what fills a block is indented when the block's tag
   stands alone, and goes on the tag's line when it does not. Our one
   change: indentation that the output follows at once with a line end
   (\n or \r), or with its own end, is left out, so that generated files
   get no trailing blanks ("  {{>p}}\n" with that p gives "", not "  ",
   and "  {{>q}}\n" with q "a\n\nb\n" gives "  a\n\n  b\n").

   Errors go to a diag sink as "TEMPLATE:LINE:COL: error: MESSAGE", where
   TEMPLATE is the name the caller gave, LINE and COL are 1-based and COL
   counts characters (UTF-8 continuation bytes do not count). The messages:

   parsing (each template, before anything renders)
     unclosed tag: missing '}}'          (the closing delimiter in force)
     unclosed tag: missing '}}}'         ({{{name}} without its third brace)
     tag has no name
     unknown tag kind '%'                (first character of the tag)
     bad name 'a b'                      (white space, or an empty part: a..b)
     bad delimiter change '=<% %>='      (not two delimiters, or one has '=')
     unclosed section 'a'                (also: inverted section, block,
                                          parent; at the opening tag)
     closing 'b' does not match open section 'a' (opened at 3:5)
     closing 'b' without an open section
     sections nested too deep (limit 64)
     partial '../x' is outside the templates folder
     too many errors, giving up on this template

   rendering
     unknown name 'a.b'                  (strict mode: any tag kind)
     cannot print 'a': not a scalar      (strict mode: a list or a mapping)
     partial 'x' not found               (strict mode; also for parents)
     partial 'x' is outside the templates folder
     partial 'x' nested too deep (limit 64)    (also: parent, block)
     render budget exceeded: more than N steps (raise it with --max-steps)
     render budget exceeded: more than N bytes of output (raise it with
       --max-output)

   Each tag reports a given problem once per render, however often a loop
   reaches it. A partial's parse errors are reported by the render that
   first loads it; later renders that reach it fail without repeating them.
   Three problems end a render at once: a nesting too deep (its cause, a
   partial that includes itself, would go on multiplying), a budget
   exceeded, and a sink that fails (which adds no message of its own).
   The budget errors point at the tag being expanded when the limit was
   passed (at the template as a whole when no tag is); --max-steps and
   --max-output are the command's options that set max_steps and
   max_bytes.
*/
#ifndef STATUSGEN_MUSTACHE_H
#define STATUSGEN_MUSTACHE_H

#include <stddef.h>

#include "buf.h"
#include "diag.h"

/* Sections, inverted sections, blocks and parents open at once in one
   template: bounds the parser's stack (a fixed array) and, with
   MUSTACHE_MAX_DEPTH, the renderer's recursion on the C stack. */
#define MUSTACHE_MAX_NESTING 64

/* Partials, parents and block overrides expanded inside one another: stops
   a partial that includes itself for ever, and bounds the C stack. Data-
   driven recursion (a tree rendered by a recursive partial) may go this
   deep. */
#define MUSTACHE_MAX_DEPTH 64

/* Errors one template may add while parsing before the parser gives up: a
   1 MB file of garbage gives a readable report, not a million lines. */
#define MUSTACHE_MAX_ERRORS 20

/* The default render budget (struct mustache_config): a render is
   bounded in time and size whatever its templates and data do, since
   partials that include themselves twice, or sections nested over lists,
   multiply. A step is a node visited or one item of a section (a
   partial's expansion is the visit of its tag). The default templates
   take about 200 steps per status and 660 bytes of their largest output
   (http_status_single.h): a spec of 100,000 statuses takes some 20
   million steps and 63 MiB, within both limits; the costliest steps seen
   (sections over the model's lists, 60 ns each) reach the step limit in
   about four seconds, 64 MiB of text in less. */
#define MUSTACHE_MAX_STEPS 64000000ul
#define MUSTACHE_MAX_BYTES ((size_t)64 << 20)

/* A handle on one value of the caller's data, copied by value. The engine
   never looks inside: it keeps handles in its context stack and hands them
   back to the callbacks, so a provider can name its values however suits
   it (a pointer, a number, a kind tag) without building another tree.
   Small on purpose: sections copy one per item. */
struct mustache_value {
  const void *ptr;
  long long num;
  int tag;
};

/* Ways of the memo a render keeps for each part of a name: the fields of
   that many shapes. A part is typically tried against two or three while
   the context stack is walked ({{prefix}} inside {{#statuses}} misses on
   a status, then hits on the root); one more spares a nested section. */
#define MUSTACHE_SHAPES_PER_PART 4

/* The data interface. Every callback gets the closure given in
   struct mustache_view first. None may fail for lack of memory (the
   allocation funnel aborts); the engine calls none of them with a handle
   it did not get from the root or from another callback. For speed they
   should not allocate: the engine itself allocates nothing per tag.
   When renders run in several threads at once, the callbacks are called
   from each of them and must allow it (as pure reads of the data do).

   Names can be found two ways. By key text: lookup() alone, asked for
   each part of each name each time a tag renders. Or resolved once: a
   provider that also gives shape(), resolve() and field() (all three, or
   none) says which mappings have the same keys, the engine asks resolve()
   what a part of a name is in mappings of a shape the first time it meets
   that pair in a render, then reads the field by number: a section over
   100,000 items compares no name text per item. */
struct mustache_data {
  /* Looks up key (len > 0 bytes, not NUL-terminated; one part of a dotted
     name, never ".") in ctx. Returns 1 and sets *out when ctx is a mapping
     (an object) that has the key, whatever its value, null and false
     included; returns 0 when it has not, or when ctx is no mapping. The
     engine does the context-stack walk and the dotted-name steps. */
  int (*lookup)(void *closure, struct mustache_value ctx, const char *key,
                size_t len, struct mustache_value *out);
  /* 1 when v renders a section {{#v}} once (and hides {{^v}}), 0 when it
     is falsey. Asked only of values that are not lists. */
  int (*truthy)(void *closure, struct mustache_value v);
  /* 1 when v is a list, with its length in *len (a section then renders
     once per item; an empty list is falsey); 0 when it is no list. */
  int (*list)(void *closure, struct mustache_value v, size_t *len);
  /* Item i of list v, for i < the length list() gave. Called with i = 0,
     1, ... in order, so a provider over a linked list may keep a cursor. */
  struct mustache_value (*item)(void *closure, struct mustache_value v,
                                size_t i);
  /* Appends the text of v to out, unescaped: nothing for null, the digits
     of a number (floats in their shortest exact form: 1.21, not 1.210),
     the bytes of a string. Returns 0, or -1 when v has no text (a list or
     a mapping), having appended nothing. */
  int (*print)(void *closure, struct mustache_value v, struct buf *out);
  /* v's shape: a small number >= 0 shared by all mappings that have the
     same keys, or -1 when v has none (lookup() is then asked). Asked of
     each value a section puts on the context stack (once per item) and
     of each value a dotted name steps into. */
  int (*shape)(void *closure, struct mustache_value v);
  /* The field that key (len bytes) names in mappings of that shape: a
     number >= 0, or -1 when they have no such key. A pure function of
     (shape, key): the engine asks it once per render for each part of a
     name and each shape met there (again only when one part meets more
     than MUSTACHE_SHAPES_PER_PART shapes). */
  int (*resolve)(void *closure, int shape, const char *key, size_t len);
  /* Field f (from resolve) of v, a mapping of the shape that gave f. */
  struct mustache_value (*field)(void *closure, struct mustache_value v, int f);
  /* Optional, for "did you mean" after an unknown name: the name of key i
     of mapping v (NUL-terminated, living as long as the data), for i = 0,
     1, ... until it returns NULL; NULL at once for a value that is no
     mapping. */
  const char *(*key)(void *closure, struct mustache_value v, size_t i);
};

/* The data one render reads. */
struct mustache_view {
  const struct mustache_data *data;
  void *closure;              /* passed to every callback */
  struct mustache_value root; /* the bottom of the context stack */
};

/* What the partial callback found. */
enum mustache_found {
  MUSTACHE_FOUND,     /* *src is filled in */
  MUSTACHE_NOT_FOUND, /* no such partial: an error in strict mode, else
                         the partial renders as nothing */
  MUSTACHE_FORBIDDEN, /* the name leaves the templates folder: an error */
  MUSTACHE_FAILED     /* the callback reported its own error (reading a
                         file, say) through its closure: the render fails
                         without another message */
};

/* A partial's source, as the callback hands it over. The engine copies
   bytes and file before the callback's next call, so they may be freed. */
struct mustache_source {
  const char *bytes;
  size_t len;
  const char *file; /* the name in diagnostics; NULL: the partial's name */
  /* With MUSTACHE_NOT_FOUND, optionally: what the error adds, such as
     where the partial was looked for ("no file t/row.mustache"). */
  const char *hint;
};

struct mustache_config {
  /* Fetches the partial called name (len bytes, no NUL needed), which the
     engine has already checked to be a relative path of non-empty parts,
     none "." or "..", without a backslash or control character. Each name
     is asked for once per set, then cached. NULL: there are no partials. */
  enum mustache_found (*partial)(void *closure, const char *name, size_t len,
                                 struct mustache_source *src);
  void *closure;
  /* 0 (the default): strict. 1: a name the data lacks renders as nothing,
     as the official spec wants, and so does a missing partial. */
  int lenient;
  /* The budget of each render: at most max_steps steps and max_bytes
     bytes of output (flushed ones included). 0: MUSTACHE_MAX_STEPS,
     MUSTACHE_MAX_BYTES. Past either, the render stops with an error. */
  unsigned long max_steps;
  size_t max_bytes;
};

/* A set of parsed templates: the ones the caller parses, and the partials
   loaded (once) while rendering them. A render never writes a parsed
   template: it keeps its own state (scratch text, which tags reported an
   error, its memo of names), so two threads may render templates of one
   set at once, each into its own buffer and diag sink, once every partial
   those renders reach has been loaded (by a first render, say). Loading
   a partial adds it to the set, which is not thread-safe: neither is
   parsing a template into the set, nor freeing it, while another thread
   renders from it. */
struct mustache_set;

/* An empty set; cfg is copied. Free it with mustache_set_free(). */
struct mustache_set *mustache_set_new(const struct mustache_config *cfg);
/* Frees the set and every template in it. */
void mustache_set_free(struct mustache_set *s);

/* A parsed template. It belongs to its set and lives as long as it. */
struct mustache_template;

/* Parses len bytes of src (no NUL needed; copied) as the template named
   file in diagnostics (copied). Returns the template, or NULL after adding
   every parse error found to d. */
const struct mustache_template *mustache_set_parse(struct mustache_set *s,
                                                   const char *file,
                                                   const char *src, size_t len,
                                                   struct diag *d);

/* Renders t (from s) against view, appending to out. escape is applied to
   the text of every {{name}} (never to {{{name}}}, {{&name}} or template
   text); NULL leaves it raw. Returns 0, or -1 after adding errors to d;
   out then holds a partial result the caller should discard. */
int mustache_render(struct mustache_set *s, const struct mustache_template *t,
                    const struct mustache_view *view,
                    void (*escape)(struct buf *out, const char *s, size_t len),
                    struct buf *out, struct diag *d);

/* Where a long render's output goes, so that it is never held whole: once
   out holds at least MUSTACHE_FLUSH_AT bytes after a tag or a piece of
   text, the engine calls flush, which must take out's bytes and empty it.
   flush returns 0, or -1 when the bytes could not be taken (a full disk,
   say): the render then stops at once and returns -1 without a message of
   its own, the sink's owner reporting its error. */
#define MUSTACHE_FLUSH_AT 65536

struct mustache_sink {
  int (*flush)(void *closure, struct buf *out);
  void *closure;
};

/* mustache_render, flushing out through sink as it fills (sink NULL: never;
   whatever is left in out at the end is the caller's to take). Returns -1
   also when a flush failed. */
int mustache_render_to(
    struct mustache_set *s, const struct mustache_template *t,
    const struct mustache_view *view,
    void (*escape)(struct buf *out, const char *s, size_t len),
    const struct mustache_sink *sink, struct buf *out, struct diag *d);

#endif
