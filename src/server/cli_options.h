/* A declarative option table for the administration sub-commands: each option
 * names where its value goes, and the parser reports what it rejects. */
#ifndef LP_SERVER_CLI_OPTIONS_H
#define LP_SERVER_CLI_OPTIONS_H

#include <stdbool.h>
#include <stddef.h>

#define LP_CLI_LIST_MAX 64

/* The values of an option that may be repeated, in command-line order. */
struct lpd_cli_list {
    const char *values[LP_CLI_LIST_MAX];
    size_t count;
};

enum lpd_cli_option_kind {
    LP_CLI_VALUE, /* --name VALUE into a `const char *`; the last one wins */
    LP_CLI_FLAG,  /* --name into a `bool` */
    LP_CLI_LIST,  /* --name VALUE, repeatable, into a `struct lpd_cli_list` */
};

struct lpd_cli_option {
    const char *name;
    enum lpd_cli_option_kind kind;
    void *target;
};

/* Parses argv (argv[0] is the verb) against `options` (ended by a NULL name;
 * --help is implied and prints `usage` on stdout). Exactly `positional_count`
 * operands are stored in `positional`, in order. Returns -1 when parsing
 * succeeded, otherwise the exit code to return (0 after --help). */
int lpd_cli_parse(int argc, char **argv, const char *command, const char *usage, const struct lpd_cli_option *options,
                  const char **positional, size_t positional_count);

#endif
