/* escape: makes text safe where a template puts it. Each escaper appends
   len bytes of s (no NUL needed; NULs allowed) to out, encoded for one
   kind of output; the Mustache engine applies the one its caller picks to
   every {{name}}. Valid UTF-8 is kept byte for byte; escaping never fails
   and never drops text. */
#ifndef STATUSGEN_ESCAPE_H
#define STATUSGEN_ESCAPE_H

#include <stddef.h>

#include "buf.h"

/* HTML text and attribute values: & < > " ' become &amp; &lt; &gt; &quot;
   &#39; (the official Mustache spec's escaping, plus the single quote).
   Other bytes, invalid UTF-8 included, pass through untouched. */
void escape_html(struct buf *out, const char *s, size_t len);

/* C: the output is valid both between the quotes of a string literal, where
   it decodes back to exactly the input bytes, and inside a comment, where
   it cannot end the comment or draw a warning. One encoding serves both:
     "  \      ->  \"  \\          (a last \ becomes \134, so no output
                                    ends in a backslash: no line splice)
     newline, tab, carriage return -> \n \t \r; other control bytes and
     DEL -> three-digit octal (\001): octal stops after three digits, so a
     digit that follows cannot be swallowed, as it would by a hex escape
     ??      ->  ?\?           (no trigraph: ??/ would be a backslash)
     * /     ->  a / next to a * becomes \057: neither the comment end
                 nor a nested comment start (-Wcomment) can appear
     a byte that is not part of valid UTF-8 -> three-digit octal: it still
                 decodes to the same byte, where clang would reject it raw
                 in a string literal (-Winvalid-source-encoding)
   And so that text around the value cannot complete one of these: a first
   or last / becomes \057, a first or last * becomes \052, a first or last
   ? becomes \?. */
void escape_c(struct buf *out, const char *s, size_t len);

/* Markdown (GitHub flavour), for table cells and running text outside
   code spans (backslashes show as such inside backticks: put names there
   with {{{name}}}). Line ends (LF, CRLF, CR) become <br>; \ ` * [ ] < >
   | ~ & $ get a backslash; so does _ at a word's edge (snake_case names
   stay readable); a first # + - = and the . or ) after leading digits
   ("1. " starts a list) get one too, as they would start a block; other
   control characters become numeric character references (&#x1;).
   Invalid UTF-8 passes through untouched. */
void escape_markdown(struct buf *out, const char *s, size_t len);

#endif
