/* escape: makes text safe where a template puts it. Each escaper appends
   len bytes of s (no NUL needed; NULs allowed) to out, encoded for one
   kind of output; the Mustache engine applies the one its caller picks to
   every {{name}}. Escaping never fails and never drops text.

   The escapers of programming languages (C, JSON, Python, JavaScript,
   Rust, Go) make text that is valid both between the quotes of the
   language's ordinary string literals, where it decodes back to exactly
   the input, and inside its comments (line, block and doc comments),
   which it can neither end nor nest. Valid UTF-8 passes through raw, but
   for the characters of escape_is_hidden(), which every escaper but plain
   text's encodes: one that is invisible, reorders text or ends a line
   only for some readers must show as what it is. Hex digits of escapes
   are lower case, but in markup's character references (&#x202E;). */
#ifndef STATUSGEN_ESCAPE_H
#define STATUSGEN_ESCAPE_H

#include <stddef.h>

#include "buf.h"

/* 1 when cp is a bidirectional or invisible formatting control that can
   make source text read other than it compiles ("Trojan Source"): U+061C
   ARABIC LETTER MARK, U+200E and U+200F (LEFT-TO-RIGHT and RIGHT-TO-LEFT
   MARK), U+202A to U+202E (embeddings and overrides), U+2066 to U+2069
   (isolates). A plain text output has no escape for them. */
int escape_is_bidi(unsigned long cp);

/* 1 when cp is one of escape_is_bidi(), or U+0085 (NEXT LINE), U+2028
   (LINE SEPARATOR), U+2029 (PARAGRAPH SEPARATOR), which end a line for
   some languages and editors but not for others, or U+FEFF (the byte
   order mark, refused by Go inside a file): the characters every escaper
   encodes, though they are valid UTF-8. */
int escape_is_hidden(unsigned long cp);

/* HTML and XML text and attribute values: & < > " ' become &amp; &lt;
   &gt; &quot; &#39; (the official Mustache spec's escaping, plus the
   single quote); a character of escape_is_hidden() becomes a character
   reference (&#x202E;). Other bytes, invalid UTF-8 included, pass through
   untouched. */
void escape_html(struct buf *out, const char *s, size_t len);

/* C and C++: valid between the quotes of a string literal, where it
   decodes back to exactly the input bytes, and inside a comment, where it
   cannot end the comment or draw a warning. One encoding serves both:
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
     a character of escape_is_hidden() -> its UTF-8 bytes in octal
                 (U+202E: \342\200\256), which gcc would warn of raw
                 (-Wbidi-chars)
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
   control characters and those of escape_is_hidden() become numeric
   character references (&#x1;, &#x202E;). Invalid UTF-8 passes through
   untouched. */
void escape_markdown(struct buf *out, const char *s, size_t len);

/* JSON, between the quotes of a string:
     "  \                      ->  \"  \\
     newline, tab, return      ->  \n \t \r
     other control bytes, DEL  ->  \u00XX (\u001b, \u007f)
     < > &                     ->  \u003c \u003e \u0026 (the text may be
                                   put inside an HTML <script>)
     escape_is_hidden()        ->  \uXXXX (\u2028, \u202e)
   JSON has no comments. Invalid UTF-8, which JSON cannot hold, passes
   through untouched (the model's texts are valid UTF-8). */
void escape_json(struct buf *out, const char *s, size_t len);

/* Python, between "..." or '...' (triple-quoted too, docstrings included:
   not raw strings, not f-strings) and in # comments:
     \  "  '                   ->  \\  \"  \'
     newline, tab, return      ->  \n \t \r
     other control bytes, DEL  ->  \xNN (\x1b, \x7f)
     / after *                 ->  \x2f (no "* /" in the output)
     escape_is_hidden()        ->  \uXXXX (\u2028, \u0085, \u202e)
   Braces and % are kept: the text is no format string. Invalid UTF-8
   passes through untouched. */
void escape_python(struct buf *out, const char *s, size_t len);

/* JavaScript and TypeScript, between '...', "..." and `...` (a template
   literal) and in // and block comments, also inside an HTML <script>:
     \  "  '  `                ->  \\  \"  \'  \`
     { after $, a first {      ->  \{  ("${" cannot start a substitution)
     a last $                  ->  \x24
     newline, tab, return      ->  \n \t \r
     other control bytes, DEL  ->  \xNN (\x1b, \x7f)
     / after * or <, a first / ->  \/  (no comment end, no "</script")
     a last *                  ->  \x2a
     < starting "<!--", a last < -> \x3c; > ending "-->", a first > ->
                                   \x3e (the HTML-like comments of
                                   scripts)
     escape_is_hidden()        ->  \uXXXX (\u2028 and \u2029 end a
                                   comment)
   Invalid UTF-8 passes through untouched. */
void escape_javascript(struct buf *out, const char *s, size_t len);

/* Rust, between "..." and in //, ///, //! and (nesting) block comments:
     \  "  '                   ->  \\  \"  \'
     newline, tab, return      ->  \n \t \r
     other control bytes, DEL  ->  \u{NN} (\u{1b}, \u{7f})
     / next to a *, a first or last / -> \u{2f} (no comment end or start)
     a first or last *         ->  \u{2a}
     escape_is_hidden()        ->  \u{NNNN} (\u{202e}: rustc denies raw
                                   bidirectional controls, in comments
                                   too)
   Braces are kept: the text is no format string. Invalid UTF-8 passes
   through untouched. */
void escape_rust(struct buf *out, const char *s, size_t len);

/* Go, between "..." (not `...`) and in // and block comments:
     \  "                      ->  \\  \"   (' is kept: \' is no escape in
                                   a Go string)
     newline, tab, return      ->  \n \t \r
     other control bytes, DEL  ->  \xNN (\x1b, \x7f)
     / after *, a first /      ->  \x2f
     a last *                  ->  \x2a
     ' after ', ` after `      ->  \x27, \x60 (gofmt would turn '' and ``
                                   into typographic quotes in doc
                                   comments)
     escape_is_hidden()        ->  \uXXXX (\ufeff, \u202e)
     a byte that is not part of valid UTF-8 -> \xNN, the same byte in a
                                   Go string
   gofmt reads the start of a doc comment's line as Markdown-like blocks
   (# headings, - lists, indented code): a template puts a text after
   something of its own on the line ("// NotFound: {{description}}"). */
void escape_go(struct buf *out, const char *s, size_t len);

#endif
