/* Who this machine is, for offline activation: fingerprint, hostname, platform; no network. */
#ifndef LICPORTAL_CLI_MACHINE_IDENTITY_H
#define LICPORTAL_CLI_MACHINE_IDENTITY_H

#include <stddef.h>

#include "licportal/error.h"

/* The file holding the machine ID; LICPORTAL_MACHINE_ID_FILE overrides it
 * (for tests, containers and machines that keep it elsewhere). */
#define CLI_MACHINE_ID_FILE "/etc/machine-id"
#define CLI_MACHINE_ID_ENV "LICPORTAL_MACHINE_ID_FILE"

#define CLI_FINGERPRINT_LEN 65 /* 64 lowercase hex digits */

/* SHA-256 (lowercase hex) of the first line of the machine-ID file, without
 * its line ending. LP_ERR_IO naming the file when it is missing or empty. */
lp_status cli_machine_fingerprint(char out[CLI_FINGERPRINT_LEN], lp_error *err);

/* The host name with every character outside A-Z a-z 0-9 . - _ replaced by
 * '-' ("localhost" when it has none). */
void cli_machine_hostname(char *out, size_t size);

/* "linux-x86_64": the kernel's name and the machine's architecture, lower case. */
void cli_machine_platform(char *out, size_t size);

#endif
