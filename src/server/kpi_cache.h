/* Per-user memory of the expiry KPIs (lapsed and expiring-soon counts) at an instant, so the
 * dashboard only counts what changed since, whatever the number of licenses. */
#ifndef LP_SERVER_KPI_CACHE_H
#define LP_SERVER_KPI_CACHE_H

#include <stdbool.h>
#include <stdint.h>

#include "licportal/timestamp.h"

struct lpd_kpi_snapshot {
    int64_t user_id;
    /* users.kpi_version the counts were taken at. */
    int64_t version;
    lp_time at;
    /* Stored-active licenses with expires_at before `at`. */
    int64_t lapsed;
    /* Stored-active licenses with expires_at in the window from `at`. */
    int64_t expiring;
};

struct lpd_kpi_cache;

/* A direct-mapped table of `slots` entries; NULL when out of memory. */
struct lpd_kpi_cache *lpd_kpi_cache_new(unsigned slots);
void lpd_kpi_cache_free(struct lpd_kpi_cache *cache);

/* The snapshot of `user_id` when it was taken at `version` and not after
 * `now`. Thread-safe. */
bool lpd_kpi_cache_get(struct lpd_kpi_cache *cache, int64_t user_id, int64_t version, lp_time now,
                       struct lpd_kpi_snapshot *out);

/* Remembers `snapshot`, replacing whatever shared its slot. Thread-safe. */
void lpd_kpi_cache_put(struct lpd_kpi_cache *cache, const struct lpd_kpi_snapshot *snapshot);

#endif
