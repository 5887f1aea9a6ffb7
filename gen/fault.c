/* fault: one counter and one countdown; costs a compare when disarmed.
   The counter is atomic (relaxed: only its count matters), so renders in
   several threads may allocate without a data race. */
#include "fault.h"

static unsigned long calls, fail_at;

void fault_arm(unsigned long n)
{
  fail_at = n ? fault_calls() + n : 0;
}

int fault_next(void)
{
  return __atomic_add_fetch(&calls, 1, __ATOMIC_RELAXED) == fail_at;
}

unsigned long fault_calls(void)
{
  return __atomic_load_n(&calls, __ATOMIC_RELAXED);
}
