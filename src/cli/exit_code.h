/* The process exit codes of client.md, and how library errors map onto them. */
#ifndef LICPORTAL_CLI_EXIT_CODE_H
#define LICPORTAL_CLI_EXIT_CODE_H

#include "licportal/error.h"

enum {
    CLI_EXIT_OK = 0,
    CLI_EXIT_ERROR = 1,
    CLI_EXIT_USAGE = 2,
    CLI_EXIT_NOT_FOUND = 3,
    CLI_EXIT_AUTH = 4,
    CLI_EXIT_NETWORK = 5,
    CLI_EXIT_CHECKSUM = 6,
};

/* The monitoring-plugin convention used by `check`. */
enum {
    CLI_CHECK_OK = 0,
    CLI_CHECK_WARNING = 1,
    CLI_CHECK_CRITICAL = 2,
    CLI_CHECK_UNKNOWN = 3,
};

int cli_exit_code(lp_status status);

#endif
