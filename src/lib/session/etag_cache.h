/* The last ETag and body per URL, so that a GET can be revalidated with If-None-Match. */
#ifndef LICPORTAL_SESSION_ETAG_CACHE_H
#define LICPORTAL_SESSION_ETAG_CACHE_H

#include <stdbool.h>
#include <stddef.h>

#define LP_ETAG_CACHE_ENTRIES 64
#define LP_ETAG_CACHE_BODY_MAX (1024u * 1024u)

typedef struct lp_etag_entry {
    char *url;
    char *etag;
    char *body;
    size_t body_len;
    unsigned long long last_used;
} lp_etag_entry;

typedef struct lp_etag_cache lp_etag_cache;

/* Keeps at most `max_entries` (least recently used go first), each body at
 * most `max_body` bytes. */
lp_etag_cache *lp_etag_cache_new(size_t max_entries, size_t max_body);
void lp_etag_cache_free(lp_etag_cache *cache);

/* Remembers (replaces) the entry for `url`. A body over the bound is not
 * kept and drops any older entry for the URL; returns whether it was kept. */
bool lp_etag_cache_put(lp_etag_cache *cache, const char *url, const char *etag, const char *body,
                       size_t body_len);
/* The entry for `url` (valid until the next put/clear), or NULL. */
const lp_etag_entry *lp_etag_cache_get(lp_etag_cache *cache, const char *url);
void lp_etag_cache_clear(lp_etag_cache *cache);
size_t lp_etag_cache_count(const lp_etag_cache *cache);

#endif
