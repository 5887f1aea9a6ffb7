/* view_extra: one more field for the status type, compiled into a copy of
   gen/view.c by test_view_extra (VIEW_EXTRA_FIELDS_FILE): a getter and
   its row, nothing else. */
GETTER(status_reason_bytes, struct spec_status, st,
       integer((long)strlen(st->reason)))
/* a row of the table, as it reads there */
/* clang-format off */
#define VIEW_EXTRA_STATUS_FIELDS , {"reason_bytes", status_reason_bytes, 0}
/* clang-format on */
