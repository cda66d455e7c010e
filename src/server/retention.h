/* Pruning after the retention period: audit rows, ended sessions and spent or expired tokens. */
#ifndef LP_SERVER_RETENTION_H
#define LP_SERVER_RETENTION_H

#include <stdbool.h>
#include <stddef.h>

#include "licportal/timestamp.h"
#include "server/db.h"

#define LP_DEFAULT_RETENTION_DAYS 90L
/* How often a running server prunes, in seconds. */
#define LP_RETENTION_INTERVAL 3600

/* Deletes what is older than `days` days at `now`: audit rows; access and
 * refresh tokens that expired (or, for refresh tokens, were used) before;
 * sessions ended before, and sessions begun before that have no refresh
 * token left. One transaction. False with a message in `err`. */
bool lpd_retention_prune(struct lpd_db *db, lp_time now, long days, char *err, size_t err_size);

struct lpd_retention;

/* Prunes the database at `db_path` every LP_RETENTION_INTERVAL seconds on a
 * thread of its own, with its own connection. NULL when it cannot start. */
struct lpd_retention *lpd_retention_start(const char *db_path, long days);

/* Stops the thread. Accepts NULL. */
void lpd_retention_stop(struct lpd_retention *retention);

#endif
