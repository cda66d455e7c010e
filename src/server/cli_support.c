/* Shared command-line plumbing. */
#include "server/cli_support.h"

#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "server/exit_codes.h"

int lp_cli_usage_error(const char *command, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("licportald: ", stderr);
    vfprintf(stderr, fmt, ap);
    fprintf(stderr, " (see 'licportald %s --help')\n", command);
    va_end(ap);
    return LP_EXIT_USAGE;
}

int lp_cli_error(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("licportald: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
    return LP_EXIT_ERROR;
}

int lp_cli_option_error(const char *command, int option, char *const argv[])
{
    if (option == ':')
        return lp_cli_usage_error(command, "option %s needs a value", argv[optind - 1]);
    return lp_cli_usage_error(command, "unknown option %s", argv[optind - 1]);
}

bool lp_cli_read_password(char *out, size_t size)
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

int lp_cli_run_verb(int argc, char **argv, const char *group, const char *usage, const char *verb,
                    int (*run)(int argc, char **argv))
{
    if (argc < 2) {
        fputs(usage, stderr);
        return LP_EXIT_USAGE;
    }
    if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
        fputs(usage, stdout);
        return LP_EXIT_OK;
    }
    if (strcmp(argv[1], verb) == 0)
        return run(argc - 1, argv + 1);
    return lp_cli_usage_error(group, "unknown %s command '%s'", group, argv[1]);
}
