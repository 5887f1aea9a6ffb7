/* starter: the text of statusgen --init's spec. */
#include "starter.h"

#include <string.h>

/* The spec, with each %s the list's name. */
static const char text[] =
    "# The status list %s, for statusgen. Edit it, then run\n"
    "#   statusgen %s.yaml\n"
    "# to write %s.h (the enum), %s.c (the lookups), %s_single.h (both in\n"
    "# one header) and %s.md (the docs) into out/. The format is described\n"
    "# in statusgen-spec(5): man 5 statusgen-spec.\n"
    "\n"
    "# A lower snake case identifier: it names the files and starts every\n"
    "# symbol (%s_reason, ...).\n"
    "name: %s\n"
    "title: The %s codes\n"
    "# Where the list comes from, quoted in the outputs.\n"
    "source: written for this project\n"
    "\n"
    "# Optional: ranges of codes with a title, each a function\n"
    "# (%s_is_success) and a heading in the docs. When classes are\n"
    "# given, every code must fall in one; ranges may not overlap.\n"
    "classes:\n"
    "  - id: success\n"
    "    title: Success\n"
    "    range: [0, 99]\n"
    "  - id: failure\n"
    "    title: Failures\n"
    "    range: [100, 199]\n"
    "\n"
    "# Optional: what a status may be, each a function (%s_is_retryable).\n"
    "flags:\n"
    "  retryable: trying again later may succeed\n"
    "\n"
    "# The statuses, at least one: codes and reasons are unique.\n"
    "statuses:\n"
    "  - code: 0\n"
    "    reason: OK\n"
    "    description: The request was carried out.\n"
    "  - code: 100\n"
    "    reason: Not Found\n"
    "    description: What was asked for does not exist.\n"
    "    # Optional: the enum name; without it, the reason gives one\n"
    "    # (here the same: NOT_FOUND).\n"
    "    name: NOT_FOUND\n"
    "    # Optional: where the status is defined.\n"
    "    reference: the project's design notes\n"
    "  - code: 101\n"
    "    reason: Busy\n"
    "    description: The service is busy; a later try may succeed.\n"
    "    flags: [retryable]\n"
    "    # Optional: former reasons, still known to %s_from_reason.\n"
    "    aliases: [Overloaded]\n";

void starter_spec(struct buf *out, const char *name)
{
  const char *p = text, *s;

  while ((s = strstr(p, "%s")) != NULL) {
    buf_put(out, p, (size_t)(s - p));
    buf_puts(out, name);
    p = s + 2;
  }
  buf_puts(out, p);
}
