/* Reads the machine ID, host name and platform, and makes them fit the machine request's rules. */
#include "cli/machine_identity.h"

#include <ctype.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/utsname.h>
#include <unistd.h>

#include "licportal/private_file.h"

#define MACHINE_ID_MAX 4096

lp_status cli_machine_fingerprint(char out[CLI_FINGERPRINT_LEN], lp_error *err)
{
    const char *path = getenv(CLI_MACHINE_ID_ENV);
    if (path == NULL || *path == '\0')
        path = CLI_MACHINE_ID_FILE;
    char *data = NULL;
    size_t len = 0;
    lp_status status = lp_private_read(path, MACHINE_ID_MAX, &data, &len, err);
    if (status != LP_OK)
        return status;
    size_t line = data ? strcspn(data, "\r\n") : 0;
    if (line == 0) {
        free(data);
        return lp_error_set(err, LP_ERR_IO,
                            "%.300s %s: no machine ID to take the fingerprint of (set %s)", path,
                            data ? "is empty" : "does not exist", CLI_MACHINE_ID_ENV);
    }
    unsigned char digest[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(digest, (const unsigned char *)data, line);
    sodium_bin2hex(out, CLI_FINGERPRINT_LEN, digest, sizeof digest);
    free(data);
    return LP_OK;
}

/* Keeps A-Z a-z 0-9 . - _ and lower-cases when asked; anything else becomes '-'. */
static void keep_plain(char *text, bool lower)
{
    for (char *c = text; *c; c++) {
        unsigned char u = (unsigned char)*c;
        if (isalnum(u) && u < 0x80)
            *c = lower ? (char)tolower(u) : *c;
        else if (*c != '.' && *c != '-' && *c != '_')
            *c = '-';
    }
}

void cli_machine_hostname(char *out, size_t size)
{
    char name[256] = "";
    if (gethostname(name, sizeof name - 1) != 0)
        name[0] = '\0';
    name[sizeof name - 1] = '\0';
    keep_plain(name, false);
    snprintf(out, size, "%.253s", name[0] != '\0' ? name : "localhost");
}

void cli_machine_platform(char *out, size_t size)
{
    struct utsname u;
    if (uname(&u) != 0)
        snprintf(out, size, "unknown");
    else
        snprintf(out, size, "%.31s-%.31s", u.sysname, u.machine);
    keep_plain(out, true);
}
