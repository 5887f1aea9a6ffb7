/* fault: a countdown that makes one fallible call fail on purpose. Every
   allocation (xmem) and every system call on files (sysio) asks it first,
   so a test can fail the Nth of them and check what the run leaves. Off
   unless a test arms it. */
#ifndef STATUSGEN_FAULT_H
#define STATUSGEN_FAULT_H

/* The nth fallible call from now on (1 = the next) fails; 0 disarms. */
void fault_arm(unsigned long n);

/* Called by each fallible operation before it acts: 1 when this one must
   fail (the armed countdown reached it), else 0. Counts every call. */
int fault_next(void);

/* How many fallible calls were made since the process started. */
unsigned long fault_calls(void);

#endif
