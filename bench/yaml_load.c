/* yaml_load: a floor for a YAML-to-C generator: loads a file into a
   document tree with libyaml's own loader (yaml_parser_load), then frees
   it. statusgen does this much and more (positions, checks, rendering).

   usage: yaml_load FILE */
#include <stdio.h>
#include <yaml.h>

int main(int argc, char **argv)
{
  yaml_parser_t p;
  yaml_document_t doc;
  int empty;
  FILE *f;

  if (argc != 2 || !(f = fopen(argv[1], "rb")))
    return 2;
  if (!yaml_parser_initialize(&p))
    return 2;
  yaml_parser_set_input_file(&p, f);
  if (!yaml_parser_load(&p, &doc))
    return 1;
  empty = yaml_document_get_root_node(&doc) == NULL;
  yaml_document_delete(&doc);
  yaml_parser_delete(&p);
  fclose(f);
  return empty;
}
