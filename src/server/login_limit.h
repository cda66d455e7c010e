/* The login failure limits of one kind of key (an e-mail address, a client
 * address group): in this process's memory with SQLite, whose database one
 * instance serves; in the database with PostgreSQL, so that every instance
 * counts the same failures. Same rules either way (see rate_limit.h). */
#ifndef LP_SERVER_LOGIN_LIMIT_H
#define LP_SERVER_LOGIN_LIMIT_H

#include <stdbool.h>

#include "licportal/timestamp.h"
#include "server/db.h"
#include "server/rate_limit.h"

struct lpd_login_limit;

/* `max_failures` within `window_seconds`; `capacity` bounds the memory
 * table. `shared` keeps the counters in the database instead. NULL when out
 * of memory. */
struct lpd_login_limit *lpd_login_limit_new(unsigned max_failures, long window_seconds, unsigned capacity, bool shared);
void lpd_login_limit_free(struct lpd_login_limit *limit);

/* As lpd_rate_limiter_reserve(), release() and reset(), on `db` when the
 * counters are shared. A database failure lets the attempt through: the
 * password check still stands behind it, and it is logged. */
bool lpd_login_limit_reserve(struct lpd_login_limit *limit, struct lpd_db *db, const char *key, lp_time now,
                             struct lpd_rate_refusal *refusal);
void lpd_login_limit_release(struct lpd_login_limit *limit, struct lpd_db *db, const char *key, lp_time now);
void lpd_login_limit_reset(struct lpd_login_limit *limit, struct lpd_db *db, const char *key);

/* Deletes the shared counters (PostgreSQL) whose window of `window_seconds`
 * is over: they count nothing any more. False when the database fails. */
bool lpd_login_failures_prune(struct lpd_db *db, lp_time now, long window_seconds);

#endif
