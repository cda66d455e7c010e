/* The sub-commands; each returns the process exit code. */
#ifndef LICPORTAL_CLI_COMMANDS_H
#define LICPORTAL_CLI_COMMANDS_H

#include "cli/options.h"

typedef int (*cli_command_fn)(const cli_args *args);

int cmd_login(const cli_args *args);
int cmd_logout(const cli_args *args);
int cmd_status(const cli_args *args);
int cmd_dashboard(const cli_args *args);
int cmd_licenses(const cli_args *args);
int cmd_license(const cli_args *args);
int cmd_activations(const cli_args *args);
int cmd_deactivate(const cli_args *args);
int cmd_downloads(const cli_args *args);
int cmd_download(const cli_args *args);
int cmd_check(const cli_args *args);
/* The UNKNOWN status line (exit 3) for a command line that does not parse. */
int cmd_check_usage_error(const char *message, bool json);
int cmd_token_create(const cli_args *args);
int cmd_token_list(const cli_args *args);
int cmd_token_revoke(const cli_args *args);
int cmd_offline_request(const cli_args *args);
int cmd_activate_offline(const cli_args *args);
int cmd_verify(const cli_args *args);

/* The handler of a sub-command (NULL for CLI_CMD_NONE). */
cli_command_fn cli_command_handler(cli_command command);

#endif
