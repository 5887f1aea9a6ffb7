/* yaml_events: the floor of any libyaml-based tool: runs libyaml's event
   parser over a file and does nothing with the events.

   usage: yaml_events FILE */
#include <stdio.h>
#include <yaml.h>

int main(int argc, char **argv)
{
  yaml_parser_t p;
  yaml_event_t e;
  unsigned long events = 0;
  int done = 0;
  FILE *f;

  if (argc != 2 || !(f = fopen(argv[1], "rb")))
    return 2;
  if (!yaml_parser_initialize(&p))
    return 2;
  yaml_parser_set_input_file(&p, f);
  while (!done) {
    if (!yaml_parser_parse(&p, &e))
      return 1;
    done = e.type == YAML_STREAM_END_EVENT;
    events++;
    yaml_event_delete(&e);
  }
  yaml_parser_delete(&p);
  fclose(f);
  return events == 0;
}
