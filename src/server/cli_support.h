/* Small helpers the sub-commands share: error messages, numbers, passwords from stdin. */
#ifndef LP_SERVER_CLI_SUPPORT_H
#define LP_SERVER_CLI_SUPPORT_H

#include <stdbool.h>
#include <stddef.h>

#define LP_PASSWORD_MAX 1024

struct lpd_db;

/* The store a command works on: the database at `db_path`, brought to the
 * current schema, and the folder of its signing keys in `keys_dir` (from
 * --signing-keys `keys_option`, see lpd_signing_key_dir). NULL after a
 * one-line message, with the exit code in *exit_code. */
struct lpd_db *lpd_cli_open_store(const char *command, const char *db_path, const char *keys_option, char *keys_dir,
                                  size_t keys_dir_size, int *exit_code);

/* Prints "licportald: MESSAGE" on stderr and returns LP_EXIT_USAGE or LP_EXIT_ERROR. */
int lpd_cli_usage_error(const char *command, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
int lpd_cli_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Reports an option getopt_long rejected (`option` is ':' when its value is
 * missing) and returns LP_EXIT_USAGE. */
int lpd_cli_option_error(const char *command, int option, char *const argv[]);

/* Runs a command group with one verb ("user add", "release add"): argv[1]
 * must be `verb`, `run` gets argv from the verb on; `usage` is printed for
 * --help (stdout) and a missing verb (stderr). */
int lpd_cli_run_verb(int argc, char **argv, const char *group, const char *usage, const char *verb,
                     int (*run)(int argc, char **argv));

/* Reads the first line of stdin (without its line ending). False when stdin
 * is empty, the line is empty or too long. */
bool lpd_cli_read_password(char *out, size_t size);

/* Where a new password comes from: the first line of stdin, a prompt on
 * the terminal (asked twice, without echo), or nowhere. */
enum lpd_password_source {
    LP_PASSWORD_FROM_STDIN,
    LP_PASSWORD_FROM_PROMPT,
    LP_PASSWORD_NONE,
};

/* --password-stdin chooses stdin; without it a terminal on stdin is prompted
 * and anything else gives no password. */
enum lpd_password_source lpd_cli_password_source(bool password_stdin);

/* Reads a new password for `email` from `source` (not LP_PASSWORD_NONE)
 * and checks it against the password rule. Returns -1 when `out` holds an
 * acceptable password, otherwise the exit code after a one-line message.
 * `out` is wiped on failure. */
int lpd_cli_read_new_password(enum lpd_password_source source, const char *email, char *out, size_t size);

/* One verb of a command group and the function that runs it. */
struct lpd_cli_verb {
    const char *name;
    int (*run)(int argc, char **argv);
};

/* Runs a command group with several verbs ("user list"): argv[1] names the
 * verb, which gets argv from the verb on; `usage` is printed for --help
 * (stdout) and a missing verb (stderr). `verbs` ends with a NULL name. */
int lpd_cli_run_verbs(int argc, char **argv, const char *group, const char *usage, const struct lpd_cli_verb *verbs);

#endif
