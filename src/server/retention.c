/* Deletes audit rows, sessions and tokens once they are past the retention period, at start and hourly. */
#include "server/retention.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static const char *const prune_statements[] = {
    "DELETE FROM audit_log WHERE at < :cutoff",
    "DELETE FROM access_tokens WHERE expires_at < :cutoff",
    "DELETE FROM refresh_tokens WHERE expires_at < :cutoff OR used_at < :cutoff",
    "DELETE FROM sessions WHERE revoked_at < :cutoff OR (created_at < :cutoff AND NOT EXISTS "
    "(SELECT 1 FROM refresh_tokens r WHERE r.session_id = sessions.id))",
};

bool lp_retention_prune(struct lp_db *db, lp_time now, long days, char *err, size_t err_size)
{
    lp_time cutoff = now - (lp_time)days * 86400;
    if (!lp_db_exec(db, "BEGIN IMMEDIATE", err, err_size))
        return false;
    for (size_t i = 0; i < sizeof prune_statements / sizeof prune_statements[0]; i++) {
        sqlite3_stmt *st = lp_db_stmt(db, prune_statements[i]);
        if (st == NULL) {
            snprintf(err, err_size, "cannot prepare pruning");
            lp_db_exec(db, "ROLLBACK", NULL, 0);
            return false;
        }
        lp_bind_int(st, ":cutoff", cutoff);
        int rc = sqlite3_step(st);
        sqlite3_reset(st);
        if (rc != SQLITE_DONE) {
            snprintf(err, err_size, "cannot prune: %s", sqlite3_errmsg(lp_db_handle(db)));
            lp_db_exec(db, "ROLLBACK", NULL, 0);
            return false;
        }
    }
    return lp_db_exec(db, "COMMIT", err, err_size);
}

struct lp_retention {
    pthread_mutex_t lock;
    pthread_cond_t wake;
    pthread_t thread;
    bool stopping;
    struct lp_db *db;
    long days;
};

static void *prune_periodically(void *arg)
{
    struct lp_retention *retention = arg;
    pthread_mutex_lock(&retention->lock);
    while (!retention->stopping) {
        struct timespec until;
        clock_gettime(CLOCK_MONOTONIC, &until);
        until.tv_sec += LP_RETENTION_INTERVAL;
        int rc = 0;
        while (!retention->stopping && rc == 0)
            rc = pthread_cond_timedwait(&retention->wake, &retention->lock, &until);
        if (retention->stopping)
            break;
        char err[256];
        if (!lp_retention_prune(retention->db, (lp_time)time(NULL), retention->days, err, sizeof err))
            fprintf(stderr, "licportald: %s\n", err);
    }
    pthread_mutex_unlock(&retention->lock);
    return NULL;
}

struct lp_retention *lp_retention_start(const char *db_path, long days)
{
    struct lp_retention *retention = calloc(1, sizeof *retention);
    if (retention == NULL)
        return NULL;
    char err[512];
    retention->db = lp_db_open(db_path, err, sizeof err);
    retention->days = days;
    pthread_condattr_t attr;
    pthread_condattr_init(&attr);
    pthread_condattr_setclock(&attr, CLOCK_MONOTONIC);
    pthread_mutex_init(&retention->lock, NULL);
    pthread_cond_init(&retention->wake, &attr);
    pthread_condattr_destroy(&attr);
    if (retention->db == NULL || pthread_create(&retention->thread, NULL, prune_periodically, retention) != 0) {
        lp_db_free(retention->db);
        pthread_cond_destroy(&retention->wake);
        pthread_mutex_destroy(&retention->lock);
        free(retention);
        return NULL;
    }
    return retention;
}

void lp_retention_stop(struct lp_retention *retention)
{
    if (retention == NULL)
        return;
    pthread_mutex_lock(&retention->lock);
    retention->stopping = true;
    pthread_cond_signal(&retention->wake);
    pthread_mutex_unlock(&retention->lock);
    pthread_join(retention->thread, NULL);
    lp_db_free(retention->db);
    pthread_cond_destroy(&retention->wake);
    pthread_mutex_destroy(&retention->lock);
    free(retention);
}
