/* Deletes audit rows, sessions and tokens (personal access tokens too, once revoked or expired) once they are past the retention period, at start and hourly. */
#include "server/retention.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "server/login_limit.h"
#include "server/machine_request.h"
#include "server/server_context.h"
#include "server/ticker.h"

static const char *const prune_statements[] = {
    "DELETE FROM audit_log WHERE at < :cutoff",
    "DELETE FROM access_tokens WHERE expires_at < :cutoff",
    "DELETE FROM refresh_tokens WHERE expires_at < :cutoff OR used_at < :cutoff",
    ("DELETE FROM sessions WHERE revoked_at < :cutoff OR (created_at < :cutoff AND NOT EXISTS "
     "(SELECT 1 FROM refresh_tokens r WHERE r.session_id = sessions.id))"),
    "DELETE FROM personal_tokens WHERE revoked_at < :cutoff OR expires_at < :cutoff",
    /* A nonce is kept while its request could still be accepted, so a replay is always caught. */
    "DELETE FROM offline_requests WHERE created_at < :cutoff AND created_at < :replay_horizon",
};

bool lpd_retention_prune(struct lpd_db *db, lp_time now, long days, char *err, size_t err_size)
{
    lp_time cutoff = now - (lp_time)days * 86400;
    if (!lpd_db_begin_write(db, err, err_size))
        return false;
    for (size_t i = 0; i < sizeof prune_statements / sizeof prune_statements[0]; i++) {
        struct lpd_stmt *st = lpd_db_stmt(db, prune_statements[i]);
        if (st == NULL) {
            snprintf(err, err_size, "cannot prepare pruning");
            lpd_db_rollback(db);
            return false;
        }
        lpd_bind_int(st, ":cutoff", cutoff);
        lpd_bind_int(st, ":replay_horizon", now - LP_MACHINE_REQUEST_MAX_AGE - LP_MACHINE_REQUEST_MAX_SKEW);
        int rc = lpd_step(st);
        lpd_stmt_reset(st);
        if (rc != LPD_DONE) {
            snprintf(err, err_size, "cannot prune: %s", lpd_db_errmsg(db));
            lpd_db_rollback(db);
            return false;
        }
    }
    if (lpd_db_dialect(db) == LPD_DIALECT_POSTGRES && !lpd_login_failures_prune(db, now, LP_LOGIN_FAILURE_WINDOW)) {
        snprintf(err, err_size, "cannot prune: %s", lpd_db_errmsg(db));
        lpd_db_rollback(db);
        return false;
    }
    return lpd_db_commit(db, err, err_size);
}

struct lpd_retention {
    struct lpd_ticker *ticker;
    struct lpd_db *db;
    long days;
};

static void prune_now(void *arg)
{
    struct lpd_retention *retention = arg;
    char err[256];
    if (!lpd_retention_prune(retention->db, (lp_time)time(NULL), retention->days, err, sizeof err))
        fprintf(stderr, "licportald: %s\n", err);
}

struct lpd_retention *lpd_retention_start(const char *db_path, long days)
{
    struct lpd_retention *retention = calloc(1, sizeof *retention);
    if (retention == NULL)
        return NULL;
    char err[512];
    retention->db = lpd_db_open(db_path, err, sizeof err);
    retention->days = days;
    if (retention->db != NULL)
        retention->ticker = lpd_ticker_start((int64_t)LP_RETENTION_INTERVAL * 1000000000, prune_now, retention);
    if (retention->ticker == NULL) {
        lpd_db_free(retention->db);
        free(retention);
        return NULL;
    }
    return retention;
}

void lpd_retention_stop(struct lpd_retention *retention)
{
    if (retention == NULL)
        return;
    lpd_ticker_stop(retention->ticker);
    lpd_db_free(retention->db);
    free(retention);
}
