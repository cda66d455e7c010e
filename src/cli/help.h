/* Usage text: the whole program's and each sub-command's, from the option table. */
#ifndef LICPORTAL_CLI_HELP_H
#define LICPORTAL_CLI_HELP_H

#include <stdio.h>

#include "cli/options.h"

void cli_print_usage(FILE *out);
void cli_print_command_help(FILE *out, cli_command command);
void cli_print_version(FILE *out);

#endif
