/* A background thread that does one thing at a fixed interval until it is stopped. */
#ifndef LP_SERVER_TICKER_H
#define LP_SERVER_TICKER_H

#include <stdint.h>

struct lpd_ticker;

/* Calls tick(arg) every `interval_ns` nanoseconds (the first time one
 * interval from now) on a thread of its own. NULL when the thread cannot
 * start. */
struct lpd_ticker *lpd_ticker_start(int64_t interval_ns, void (*tick)(void *arg), void *arg);

/* Stops the thread at once (waiting only for a tick under way). Accepts NULL. */
void lpd_ticker_stop(struct lpd_ticker *ticker);

#endif
