/* Which function runs which sub-command. */
#include "cli/commands.h"

static const cli_command_fn handlers[CLI_CMD_COUNT] = {
    [CLI_CMD_LOGIN] = cmd_login,
    [CLI_CMD_LOGOUT] = cmd_logout,
    [CLI_CMD_STATUS] = cmd_status,
    [CLI_CMD_DASHBOARD] = cmd_dashboard,
    [CLI_CMD_LICENSES] = cmd_licenses,
    [CLI_CMD_LICENSE] = cmd_license,
    [CLI_CMD_ACTIVATIONS] = cmd_activations,
    [CLI_CMD_DEACTIVATE] = cmd_deactivate,
    [CLI_CMD_DOWNLOADS] = cmd_downloads,
    [CLI_CMD_DOWNLOAD] = cmd_download,
    [CLI_CMD_CHECK] = cmd_check,
    [CLI_CMD_TOKEN_CREATE] = cmd_token_create,
    [CLI_CMD_TOKEN_LIST] = cmd_token_list,
    [CLI_CMD_TOKEN_REVOKE] = cmd_token_revoke,
    [CLI_CMD_OFFLINE_REQUEST] = cmd_offline_request,
    [CLI_CMD_ACTIVATE_OFFLINE] = cmd_activate_offline,
    [CLI_CMD_VERIFY] = cmd_verify,
};

cli_command_fn cli_command_handler(cli_command command)
{
    return command < CLI_CMD_COUNT ? handlers[command] : 0;
}
