/* Login failure limits in memory (rate_limit.c) or in the login_failures table. */
#include "server/login_limit.h"

#include <stdio.h>
#include <stdlib.h>

struct lpd_login_limit {
    struct lpd_rate_limiter *memory; /* NULL when shared */
    unsigned max_failures;
    long window;
};

struct lpd_login_limit *lpd_login_limit_new(unsigned max_failures, long window_seconds, unsigned capacity, bool shared)
{
    struct lpd_login_limit *limit = calloc(1, sizeof *limit);
    if (limit == NULL || max_failures == 0 || window_seconds <= 0) {
        free(limit);
        return NULL;
    }
    limit->max_failures = max_failures;
    limit->window = window_seconds;
    if (!shared) {
        limit->memory = lpd_rate_limiter_new(max_failures, window_seconds, capacity);
        if (limit->memory == NULL) {
            free(limit);
            return NULL;
        }
    }
    return limit;
}

void lpd_login_limit_free(struct lpd_login_limit *limit)
{
    if (limit == NULL)
        return;
    lpd_rate_limiter_free(limit->memory);
    free(limit);
}

/* One statement counts the attempt, starting a new window when the last one
 * is over, so that attempts on several instances at once cannot pass the
 * limit together. A key over its limit stays refused until its window ends,
 * however far its count goes. */
static const char *const count_attempt =
    "INSERT INTO login_failures AS f (limit_key, window_start, failures) VALUES (:key, :now, 1) "
    "ON CONFLICT (limit_key) DO UPDATE SET "
    "window_start = CASE WHEN f.window_start + :window <= :now THEN :now ELSE f.window_start END, "
    "failures = CASE WHEN f.window_start + :window <= :now THEN 1 ELSE f.failures + 1 END "
    "RETURNING window_start, failures";

bool lpd_login_limit_reserve(struct lpd_login_limit *limit, struct lpd_db *db, const char *key, lp_time now,
                             struct lpd_rate_refusal *refusal)
{
    if (limit->memory != NULL)
        return lpd_rate_limiter_reserve(limit->memory, key, now, refusal);
    struct lpd_stmt *st = lpd_db_stmt(db, count_attempt);
    if (st == NULL)
        return true;
    lpd_bind_text(st, ":key", key);
    lpd_bind_int(st, ":now", now);
    lpd_bind_int(st, ":window", limit->window);
    bool allowed = true;
    if (lpd_step(st) == LPD_ROW) {
        lp_time window_start = lpd_col_int(st, 0, now);
        int64_t failures = lpd_col_int(st, 1, 0);
        if (failures > (int64_t)limit->max_failures) {
            allowed = false;
            lpd_rate_refusal_set(refusal, window_start, limit->window, now);
        }
    } else {
        fprintf(stderr, "licportald: cannot count a login attempt: %s\n", lpd_db_errmsg(db));
    }
    lpd_stmt_reset(st);
    return allowed;
}

void lpd_login_limit_release(struct lpd_login_limit *limit, struct lpd_db *db, const char *key, lp_time now)
{
    if (limit->memory != NULL) {
        lpd_rate_limiter_release(limit->memory, key, now);
        return;
    }
    static const char *const sql = "UPDATE login_failures SET failures = failures - 1 "
                                   "WHERE limit_key = :key AND window_start <= :now AND failures > 0";
    struct lpd_stmt *st = lpd_db_stmt(db, sql);
    if (st == NULL)
        return;
    lpd_bind_text(st, ":key", key);
    lpd_bind_int(st, ":now", now);
    if (lpd_db_step_changes(db, st) < 0)
        fprintf(stderr, "licportald: cannot give back a login attempt: %s\n", lpd_db_errmsg(db));
}

void lpd_login_limit_reset(struct lpd_login_limit *limit, struct lpd_db *db, const char *key)
{
    if (limit->memory != NULL) {
        lpd_rate_limiter_reset(limit->memory, key);
        return;
    }
    static const char *const sql = "DELETE FROM login_failures WHERE limit_key = :key";
    struct lpd_stmt *st = lpd_db_stmt(db, sql);
    if (st == NULL)
        return;
    lpd_bind_text(st, ":key", key);
    if (lpd_db_step_changes(db, st) < 0)
        fprintf(stderr, "licportald: cannot forget login failures: %s\n", lpd_db_errmsg(db));
}

bool lpd_login_failures_prune(struct lpd_db *db, lp_time now, long window_seconds)
{
    static const char *const sql = "DELETE FROM login_failures WHERE window_start < :window_over";
    struct lpd_stmt *st = lpd_db_stmt(db, sql);
    if (st == NULL)
        return false;
    lpd_bind_int(st, ":window_over", now - window_seconds);
    return lpd_db_step_changes(db, st) >= 0;
}
