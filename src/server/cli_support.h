/* Small helpers the sub-commands share: error messages, numbers, passwords from stdin. */
#ifndef LP_SERVER_CLI_SUPPORT_H
#define LP_SERVER_CLI_SUPPORT_H

#include <stdbool.h>
#include <stddef.h>

#define LP_PASSWORD_MAX 1024

/* Prints "licportald: MESSAGE" on stderr and returns LP_EXIT_USAGE or LP_EXIT_ERROR. */
int lp_cli_usage_error(const char *command, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
int lp_cli_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Reports an option getopt_long rejected (`option` is ':' when its value is
 * missing) and returns LP_EXIT_USAGE. */
int lp_cli_option_error(const char *command, int option, char *const argv[]);

/* Runs a command group with one verb ("user add", "release add"): argv[1]
 * must be `verb`, `run` gets argv from the verb on; `usage` is printed for
 * --help (stdout) and a missing verb (stderr). */
int lp_cli_run_verb(int argc, char **argv, const char *group, const char *usage, const char *verb,
                    int (*run)(int argc, char **argv));

/* Reads the first line of stdin (without its line ending). False when stdin
 * is empty, the line is empty or too long. */
bool lp_cli_read_password(char *out, size_t size);

#endif
