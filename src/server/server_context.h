/* What every request handler may read: configuration and shared, thread-safe state. */
#ifndef LP_SERVER_SERVER_CONTEXT_H
#define LP_SERVER_SERVER_CONTEXT_H

#include "server/cursor.h"
#include "server/kpi_cache.h"
#include "server/login_limit.h"

#define LP_DEFAULT_ACCESS_TTL 900L
#define LP_DEFAULT_REFRESH_TTL (30L * 86400L)

/* Failed logins: per e-mail address the contract's 10; per client address
 * more, since many customers can share one NAT address. */
#define LP_LOGIN_FAILURES_PER_EMAIL 10
#define LP_LOGIN_FAILURES_PER_ADDRESS 50
#define LP_LOGIN_FAILURE_WINDOW 900L

struct lpd_server {
    const char *db_path;
    /* The folder of the private signing keys (see signing_key.h). */
    const char *keys_dir;
    const char *files_dir;
    long access_ttl;
    long refresh_ttl;
    unsigned char cursor_key[LP_CURSOR_KEY_BYTES];
    struct lpd_login_limit *email_failures;
    struct lpd_login_limit *address_failures;
    struct lpd_kpi_cache *kpi_cache;
};

#endif
