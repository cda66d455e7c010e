/* Option tables turned into getopt_long calls. */
#include "server/cli_options.h"

#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "server/cli_support.h"
#include "server/exit_codes.h"

#define OPTIONS_MAX 32
#define HELP_INDEX (-2)

int lpd_cli_parse(int argc, char **argv, const char *command, const char *usage, const struct lpd_cli_option *options,
                  const char **positional, size_t positional_count)
{
    struct option long_options[OPTIONS_MAX + 2];
    size_t count = 0;
    for (; options[count].name != NULL && count < OPTIONS_MAX; count++) {
        long_options[count] = (struct option){options[count].name,
                                              options[count].kind == LP_CLI_FLAG ? no_argument : required_argument,
                                              NULL, (int)count + 1};
        if (options[count].kind == LP_CLI_LIST)
            ((struct lpd_cli_list *)options[count].target)->count = 0;
    }
    long_options[count] = (struct option){"help", no_argument, NULL, HELP_INDEX};
    long_options[count + 1] = (struct option){NULL, 0, NULL, 0};
    optind = 1;
    opterr = 0;
    int c;
    while ((c = getopt_long(argc, argv, ":", long_options, NULL)) != -1) {
        if (c == HELP_INDEX) {
            fputs(usage, stdout);
            return LP_EXIT_OK;
        }
        if (c < 1 || (size_t)c > count)
            return lpd_cli_option_error(command, c, argv);
        const struct lpd_cli_option *o = &options[c - 1];
        if (o->kind == LP_CLI_VALUE) {
            *(const char **)o->target = optarg;
        } else if (o->kind == LP_CLI_FLAG) {
            *(bool *)o->target = true;
        } else {
            struct lpd_cli_list *list = o->target;
            if (list->count == LP_CLI_LIST_MAX)
                return lpd_cli_usage_error(command, "--%s is given more than %d times", o->name, LP_CLI_LIST_MAX);
            list->values[list->count++] = optarg;
        }
    }
    size_t operands = (size_t)(argc - optind);
    if (operands > positional_count)
        return lpd_cli_usage_error(command, "unexpected argument '%s'", argv[optind + (int)positional_count]);
    if (operands < positional_count)
        return lpd_cli_usage_error(command, "missing argument (an id)");
    for (size_t i = 0; i < positional_count; i++)
        positional[i] = argv[optind + (int)i];
    return -1;
}
