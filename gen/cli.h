/* cli: the command line. Parses options, runs the stages in order (load,
   validate, view, render, commit) and maps failures to exit statuses like
   diff(1): 0 done, 1 stale outputs found by --check, 2 any error. Owns the
   process-wide parts: signal handlers and the out-of-memory exit, both of
   which remove the run's temporaries. */
#ifndef STATUSGEN_CLI_H
#define STATUSGEN_CLI_H

/* Runs statusgen with argv (argv[0] the program); returns the exit
   status. Meant to be called once per process: tests run it in a child. */
int cli_main(int argc, char **argv);

#endif
