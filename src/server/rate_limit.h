/* Fixed-window counter of login attempts per key (an e-mail address or a client address group). */
#ifndef LP_SERVER_RATE_LIMIT_H
#define LP_SERVER_RATE_LIMIT_H

#include <stdbool.h>

#include "licportal/timestamp.h"

struct lpd_rate_limiter;

/* `max_failures` failures within `window_seconds` of the first one block the
 * key until that window ends. `capacity` bounds memory. When the table is
 * full, a new key takes the slot of a key whose window is over, else of the
 * unblocked key whose window began longest ago; a blocked key is never
 * forgotten before its window ends. When every slot holds a blocked key, new
 * keys are refused until the first of those windows ends: an attacker who
 * fills the table locks out new keys for a window, never frees a blocked one.
 * Returns NULL when out of memory or given a zero setting. */
struct lpd_rate_limiter *lpd_rate_limiter_new(unsigned max_failures, long window_seconds, unsigned capacity);
void lpd_rate_limiter_free(struct lpd_rate_limiter *limiter);

/* When `key` was refused: seconds until it may try again (at least 1) and
 * the start of the window that refuses it (which names the window). */
struct lpd_rate_refusal {
    long retry_after;
    lp_time window_start;
};

/* Fills `refusal` (when not NULL) for a key refused in the window that began
 * at `window_start`: retry after its end, at least a second from `now`. */
void lpd_rate_refusal_set(struct lpd_rate_refusal *refusal, lp_time window_start, long window_seconds, lp_time now);

/* Whether `key` may try again at `now`. When not, *retry_after (may be
 * NULL) is the number of seconds (at least 1) until it may. Thread-safe. */
bool lpd_rate_limiter_allows(struct lpd_rate_limiter *limiter, const char *key, lp_time now, long *retry_after);

/* Counts one failure for `key` at `now`. Thread-safe. */
void lpd_rate_limiter_fail(struct lpd_rate_limiter *limiter, const char *key, lp_time now);

/* Checks and counts in one step: when `key` may try at `now`, counts the
 * attempt as a failure in advance and returns true, so that concurrent
 * attempts can never pass the limit together; otherwise fills *refusal and
 * counts nothing. An attempt that did not fail is given back with
 * lpd_rate_limiter_release() or lpd_rate_limiter_reset(). Thread-safe. */
bool lpd_rate_limiter_reserve(struct lpd_rate_limiter *limiter, const char *key, lp_time now,
                              struct lpd_rate_refusal *refusal);

/* Gives back one attempt reserved at `now` for `key`, unless its window has
 * started again since. Thread-safe. */
void lpd_rate_limiter_release(struct lpd_rate_limiter *limiter, const char *key, lp_time now);

/* Forgets the failures of `key` (after a successful login). Thread-safe. */
void lpd_rate_limiter_reset(struct lpd_rate_limiter *limiter, const char *key);

#endif
