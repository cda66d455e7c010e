/* The last ETag and body per URL, so that a GET can be revalidated with If-None-Match. */
#include "lib/session/etag_cache.h"

#include <stdlib.h>
#include <string.h>

struct lp_etag_cache {
    lp_etag_entry *entries;
    size_t count, max_entries, max_body;
    unsigned long long clock;
};

lp_etag_cache *lp_etag_cache_new(size_t max_entries, size_t max_body)
{
    lp_etag_cache *cache = calloc(1, sizeof *cache);
    if (!cache)
        return NULL;
    cache->max_entries = max_entries ? max_entries : 1;
    cache->max_body = max_body;
    cache->entries = calloc(cache->max_entries, sizeof *cache->entries);
    if (!cache->entries) {
        free(cache);
        return NULL;
    }
    return cache;
}

static void entry_clear(lp_etag_entry *e)
{
    free(e->url);
    free(e->etag);
    free(e->body);
    memset(e, 0, sizeof *e);
}

static void remove_at(lp_etag_cache *cache, size_t i)
{
    entry_clear(&cache->entries[i]);
    cache->entries[i] = cache->entries[cache->count - 1];
    memset(&cache->entries[cache->count - 1], 0, sizeof cache->entries[0]);
    cache->count--;
}

void lp_etag_cache_clear(lp_etag_cache *cache)
{
    if (!cache)
        return;
    while (cache->count)
        remove_at(cache, cache->count - 1);
}

void lp_etag_cache_free(lp_etag_cache *cache)
{
    if (!cache)
        return;
    lp_etag_cache_clear(cache);
    free(cache->entries);
    free(cache);
}

static long find(const lp_etag_cache *cache, const char *url)
{
    for (size_t i = 0; i < cache->count; i++)
        if (strcmp(cache->entries[i].url, url) == 0)
            return (long)i;
    return -1;
}

bool lp_etag_cache_put(lp_etag_cache *cache, const char *url, const char *etag, const char *body,
                       size_t body_len)
{
    if (!cache || !url || !etag || !body)
        return false;
    long old = find(cache, url);
    if (old >= 0)
        remove_at(cache, (size_t)old);
    if (body_len > cache->max_body)
        return false;
    if (cache->count == cache->max_entries) {
        size_t oldest = 0;
        for (size_t i = 1; i < cache->count; i++)
            if (cache->entries[i].last_used < cache->entries[oldest].last_used)
                oldest = i;
        remove_at(cache, oldest);
    }
    lp_etag_entry e = {0};
    e.url = strdup(url);
    e.etag = strdup(etag);
    e.body = malloc(body_len + 1);
    if (!e.url || !e.etag || !e.body) {
        entry_clear(&e);
        return false;
    }
    memcpy(e.body, body, body_len);
    e.body[body_len] = '\0';
    e.body_len = body_len;
    e.last_used = ++cache->clock;
    cache->entries[cache->count++] = e;
    return true;
}

const lp_etag_entry *lp_etag_cache_get(lp_etag_cache *cache, const char *url)
{
    if (!cache || !url)
        return NULL;
    long i = find(cache, url);
    if (i < 0)
        return NULL;
    cache->entries[i].last_used = ++cache->clock;
    return &cache->entries[i];
}

size_t lp_etag_cache_count(const lp_etag_cache *cache)
{
    return cache ? cache->count : 0;
}
