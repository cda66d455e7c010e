/* Per-user memory of the expiry KPIs (lapsed and expiring-soon counts) at an instant, so the
 * dashboard only counts what changed since, whatever the number of licences. */
#ifndef LP_SERVER_KPI_CACHE_H
#define LP_SERVER_KPI_CACHE_H

#include <stdbool.h>
#include <stdint.h>

#include "licportal/timestamp.h"

struct lp_kpi_snapshot {
    int64_t user_id;
    /* users.kpi_version the counts were taken at. */
    int64_t version;
    lp_time at;
    /* Stored-active licences with expires_at before `at`. */
    int64_t lapsed;
    /* Stored-active licences with expires_at in the window from `at`. */
    int64_t expiring;
};

struct lp_kpi_cache;

/* A direct-mapped table of `slots` entries; NULL when out of memory. */
struct lp_kpi_cache *lp_kpi_cache_new(unsigned slots);
void lp_kpi_cache_free(struct lp_kpi_cache *cache);

/* The snapshot of `user_id` when it was taken at `version` and not after
 * `now`. Thread-safe. */
bool lp_kpi_cache_get(struct lp_kpi_cache *cache, int64_t user_id, int64_t version, lp_time now,
                      struct lp_kpi_snapshot *out);

/* Remembers `snapshot`, replacing whatever shared its slot. Thread-safe. */
void lp_kpi_cache_put(struct lp_kpi_cache *cache, const struct lp_kpi_snapshot *snapshot);

#endif
