/* Library errors to exit codes: scripts branch on these, so they never change meaning. */
#include "cli/exit_code.h"

int cli_exit_code(lp_status status)
{
    switch (status) {
    case LP_OK:
        return CLI_EXIT_OK;
    case LP_ERR_USAGE:
    case LP_ERR_CONFIG:
        return CLI_EXIT_USAGE;
    case LP_ERR_NOT_FOUND:
        return CLI_EXIT_NOT_FOUND;
    case LP_ERR_AUTH:
    case LP_ERR_CREDENTIALS:
    case LP_ERR_OTP_REQUIRED:
    case LP_ERR_OTP_INVALID:
        return CLI_EXIT_AUTH;
    case LP_ERR_NETWORK:
    case LP_ERR_TLS:
        return CLI_EXIT_NETWORK;
    case LP_ERR_CHECKSUM:
        return CLI_EXIT_CHECKSUM;
    case LP_ERR_NOMEM:
    case LP_ERR_IO:
    case LP_ERR_PROTOCOL:
    case LP_ERR_BAD_REQUEST:
    case LP_ERR_FORBIDDEN:
    case LP_ERR_RATE_LIMITED:
    case LP_ERR_SERVER:
    case LP_ERR_EXISTS:
    case LP_ERR_STORE:
    case LP_ERR_CANCELLED:
        return CLI_EXIT_ERROR;
    }
    return CLI_EXIT_ERROR;
}
