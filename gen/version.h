/* version: the one place that says which statusgen this is. */
#ifndef STATUSGEN_VERSION_H
#define STATUSGEN_VERSION_H

#define STATUSGEN_VERSION "0.1.0"

#endif
