/* fault: one counter and one countdown; costs a compare when disarmed. */
#include "fault.h"

static unsigned long calls, fail_at;

void fault_arm(unsigned long n)
{
  fail_at = n ? calls + n : 0;
}

int fault_next(void)
{
  return ++calls == fail_at;
}

unsigned long fault_calls(void)
{
  return calls;
}
