/* synth: writes a synthetic spec of N statuses to standard output, for the
   generator benchmarks: codes 1..N in 5 classes, a reason, a description
   of typical length, a reference and, for some, flags and an alias. The
   text is made from the status's number, so every name is unique.

   usage: synth N */
#include <stdio.h>
#include <stdlib.h>

static const char *const words[] = {"Alpha", "Bravo",    "Charlie", "Delta",
                                    "Echo",  "Foxtrot",  "Golf",    "Hotel",
                                    "India", "Juliett",  "Kilo",    "Lima",
                                    "Mike",  "November", "Oscar",   "Papa"};

/* A reason unique to n: its number spelled in words, base 16. */
static void reason(unsigned long n)
{
  int first = 1;
  char digits[16];
  int k = 0;

  do {
    digits[k++] = (char)(n % 16);
    n /= 16;
  } while (n);
  while (k--) {
    printf("%s%s", first ? "" : " ", words[(int)digits[k]]);
    first = 0;
  }
}

int main(int argc, char **argv)
{
  unsigned long n = argc > 1 ? strtoul(argv[1], NULL, 10) : 1000, i, per;

  if (n < 5)
    n = 5;
  per = (n + 4) / 5;
  printf("# %lu synthetic statuses for the generator benchmarks.\n", n);
  printf("name: synth\ntitle: Synthetic statuses\n"
         "source: bench/synth.c\nclasses:\n");
  for (i = 0; i < 5; i++)
    printf("  - id: group_%lu\n    title: Group %lu\n    range: [%lu, %lu]\n",
           i, i, i * per + 1, (i + 1) * per);
  printf("flags:\n  even: the code is even\n  round: the code ends in 0\n"
         "statuses:\n");
  for (i = 1; i <= n; i++) {
    printf("  - code: %lu\n    reason: ", i);
    reason(i);
    if (i % 10 == 3) {
      printf("\n    aliases: [Old ");
      reason(i);
      printf("]");
    }
    printf("\n    description: The server could not finish request %lu "
           "because a part of it was not found.\n",
           i);
    printf("    reference: RFC %lu, Section %lu.%lu\n", 9000 + i % 1000, i % 20,
           i % 7);
    if (i % 2 == 0)
      printf("    flags: [even%s]\n", i % 10 == 0 ? ", round" : "");
  }
  return 0;
}
