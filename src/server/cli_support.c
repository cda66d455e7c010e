/* Shared command-line plumbing. */
#include "server/cli_support.h"

#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include <sodium.h>

#include "server/exit_codes.h"
#include "server/password_rule.h"
#include "server/schema.h"
#include "server/signing_key.h"

int lpd_cli_usage_error(const char *command, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("licportald: ", stderr);
    vfprintf(stderr, fmt, ap);
    fprintf(stderr, " (see 'licportald %s --help')\n", command);
    va_end(ap);
    return LP_EXIT_USAGE;
}

struct lpd_db *lpd_cli_open_store(const char *command, const char *db_path, const char *keys_option, char *keys_dir,
                                  size_t keys_dir_size, int *exit_code)
{
    char err[512] = "";
    if (!lpd_signing_key_dir(db_path, keys_option, keys_dir, keys_dir_size, err, sizeof err)) {
        *exit_code = lpd_cli_usage_error(command, "%s", err);
        return NULL;
    }
    struct lpd_db *db = lpd_schema_open(db_path, err, sizeof err);
    if (db == NULL)
        *exit_code = lpd_cli_error("%s", err);
    return db;
}

int lpd_cli_error(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("licportald: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
    return LP_EXIT_ERROR;
}

int lpd_cli_option_error(const char *command, int option, char *const argv[])
{
    if (option == ':')
        return lpd_cli_usage_error(command, "option %s needs a value", argv[optind - 1]);
    return lpd_cli_usage_error(command, "unknown option %s", argv[optind - 1]);
}

bool lpd_cli_read_password(char *out, size_t size)
{
    if (fgets(out, (int)size, stdin) == NULL)
        return false;
    size_t len = strlen(out);
    if (len > 0 && out[len - 1] == '\n')
        out[--len] = '\0';
    else if (len == size - 1 && !feof(stdin))
        return false;
    if (len > 0 && out[len - 1] == '\r')
        out[--len] = '\0';
    return len > 0;
}

int lpd_cli_run_verbs(int argc, char **argv, const char *group, const char *usage, const struct lpd_cli_verb *verbs)
{
    if (argc < 2) {
        fputs(usage, stderr);
        return LP_EXIT_USAGE;
    }
    if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
        fputs(usage, stdout);
        return LP_EXIT_OK;
    }
    for (const struct lpd_cli_verb *v = verbs; v->name != NULL; v++) {
        if (strcmp(argv[1], v->name) == 0)
            return v->run(argc - 1, argv + 1);
    }
    return lpd_cli_usage_error(group, "unknown %s command '%s'", group, argv[1]);
}

int lpd_cli_run_verb(int argc, char **argv, const char *group, const char *usage, const char *verb,
                     int (*run)(int argc, char **argv))
{
    const struct lpd_cli_verb verbs[] = {{verb, run}, {NULL, NULL}};
    return lpd_cli_run_verbs(argc, argv, group, usage, verbs);
}

enum lpd_password_source lpd_cli_password_source(bool password_stdin)
{
    if (password_stdin)
        return LP_PASSWORD_FROM_STDIN;
    return isatty(STDIN_FILENO) ? LP_PASSWORD_FROM_PROMPT : LP_PASSWORD_NONE;
}

/* Asks on stderr and reads one line from the terminal on stdin without echo. */
static bool prompt_password(const char *question, char *out, size_t size)
{
    struct termios saved, quiet;
    if (tcgetattr(STDIN_FILENO, &saved) != 0)
        return false;
    quiet = saved;
    quiet.c_lflag &= ~(tcflag_t)ECHO;
    quiet.c_lflag |= ECHONL;
    /* Echo goes off before the question is asked, so nothing typed after it is lost or shown. */
    if (tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet) != 0)
        return false;
    fputs(question, stderr);
    fflush(stderr);
    bool read = lpd_cli_read_password(out, size);
    tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved);
    return read;
}

int lpd_cli_read_new_password(enum lpd_password_source source, const char *email, char *out, size_t size)
{
    bool read;
    if (source == LP_PASSWORD_FROM_PROMPT) {
        char again[LP_PASSWORD_MAX];
        read = prompt_password("New password: ", out, size) &&
               prompt_password("Repeat the new password: ", again, sizeof again);
        bool same = read && strcmp(out, again) == 0;
        sodium_memzero(again, sizeof again);
        if (read && !same) {
            sodium_memzero(out, size);
            return lpd_cli_error("the two passwords differ");
        }
    } else {
        read = source == LP_PASSWORD_FROM_STDIN && lpd_cli_read_password(out, size);
    }
    if (!read) {
        sodium_memzero(out, size);
        return lpd_cli_error(source == LP_PASSWORD_FROM_PROMPT ? "no password given" : "no password on standard input");
    }
    const char *violation = lpd_password_rule_violation(out, email);
    if (violation != NULL) {
        sodium_memzero(out, size);
        return lpd_cli_error("%s", violation);
    }
    return -1;
}
