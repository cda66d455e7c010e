/* Fixed-window counter of failed attempts per key (an e-mail address or a client address). */
#ifndef LP_SERVER_RATE_LIMIT_H
#define LP_SERVER_RATE_LIMIT_H

#include <stdbool.h>

#include "licportal/timestamp.h"

struct lp_rate_limiter;

/* `max_failures` failures within `window_seconds` of the first one block the
 * key until that window ends. `capacity` bounds memory: when full, the
 * stalest entry is reused. Returns NULL when out of memory. */
struct lp_rate_limiter *lp_rate_limiter_new(unsigned max_failures, long window_seconds, unsigned capacity);
void lp_rate_limiter_free(struct lp_rate_limiter *limiter);

/* Whether `key` may try again at `now`. When not, *retry_after is the number
 * of seconds (at least 1) until it may. Thread-safe. */
bool lp_rate_limiter_allows(struct lp_rate_limiter *limiter, const char *key, lp_time now, long *retry_after);

/* Counts one failure for `key` at `now`. Thread-safe. */
void lp_rate_limiter_fail(struct lp_rate_limiter *limiter, const char *key, lp_time now);

/* Forgets the failures of `key` (after a successful login). Thread-safe. */
void lp_rate_limiter_reset(struct lp_rate_limiter *limiter, const char *key);

#endif
