/* KPI snapshots in a mutex-guarded direct-mapped table. */
#include "server/kpi_cache.h"

#include <pthread.h>
#include <stdlib.h>

struct lpd_kpi_cache {
    pthread_mutex_t lock;
    unsigned slots;
    struct lpd_kpi_snapshot *entries;
};

struct lpd_kpi_cache *lpd_kpi_cache_new(unsigned slots)
{
    if (slots == 0)
        return NULL;
    struct lpd_kpi_cache *cache = calloc(1, sizeof *cache);
    if (cache == NULL)
        return NULL;
    cache->entries = calloc(slots, sizeof *cache->entries);
    if (cache->entries == NULL) {
        free(cache);
        return NULL;
    }
    pthread_mutex_init(&cache->lock, NULL);
    cache->slots = slots;
    return cache;
}

void lpd_kpi_cache_free(struct lpd_kpi_cache *cache)
{
    if (cache == NULL)
        return;
    pthread_mutex_destroy(&cache->lock);
    free(cache->entries);
    free(cache);
}

static struct lpd_kpi_snapshot *slot_of(struct lpd_kpi_cache *cache, int64_t user_id)
{
    return &cache->entries[(uint64_t)user_id % cache->slots];
}

bool lpd_kpi_cache_get(struct lpd_kpi_cache *cache, int64_t user_id, int64_t version, lp_time now,
                       struct lpd_kpi_snapshot *out)
{
    pthread_mutex_lock(&cache->lock);
    const struct lpd_kpi_snapshot *entry = slot_of(cache, user_id);
    bool hit = entry->user_id == user_id && user_id != 0 && entry->version == version && entry->at <= now;
    if (hit)
        *out = *entry;
    pthread_mutex_unlock(&cache->lock);
    return hit;
}

void lpd_kpi_cache_put(struct lpd_kpi_cache *cache, const struct lpd_kpi_snapshot *snapshot)
{
    pthread_mutex_lock(&cache->lock);
    *slot_of(cache, snapshot->user_id) = *snapshot;
    pthread_mutex_unlock(&cache->lock);
}
