/* Failed-login limiter: a small table of fixed windows, guarded by one mutex. */
#include "server/rate_limit.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#define KEY_MAX 256

struct entry {
    char key[KEY_MAX];
    lp_time window_start;
    unsigned failures;
    bool used;
};

struct lp_rate_limiter {
    pthread_mutex_t lock;
    unsigned max_failures;
    long window_seconds;
    unsigned capacity;
    struct entry *entries;
};

struct lp_rate_limiter *lp_rate_limiter_new(unsigned max_failures, long window_seconds, unsigned capacity)
{
    if (capacity == 0 || max_failures == 0 || window_seconds <= 0)
        return NULL;
    struct lp_rate_limiter *limiter = calloc(1, sizeof *limiter);
    if (limiter == NULL)
        return NULL;
    limiter->entries = calloc(capacity, sizeof *limiter->entries);
    if (limiter->entries == NULL) {
        free(limiter);
        return NULL;
    }
    pthread_mutex_init(&limiter->lock, NULL);
    limiter->max_failures = max_failures;
    limiter->window_seconds = window_seconds;
    limiter->capacity = capacity;
    return limiter;
}

void lp_rate_limiter_free(struct lp_rate_limiter *limiter)
{
    if (limiter == NULL)
        return;
    pthread_mutex_destroy(&limiter->lock);
    free(limiter->entries);
    free(limiter);
}

static struct entry *find(struct lp_rate_limiter *limiter, const char *key)
{
    for (unsigned i = 0; i < limiter->capacity; i++) {
        struct entry *e = &limiter->entries[i];
        if (e->used && strncmp(e->key, key, KEY_MAX - 1) == 0)
            return e;
    }
    return NULL;
}

static bool window_over(const struct lp_rate_limiter *limiter, const struct entry *e, lp_time now)
{
    return now >= e->window_start + limiter->window_seconds;
}

bool lp_rate_limiter_allows(struct lp_rate_limiter *limiter, const char *key, lp_time now, long *retry_after)
{
    pthread_mutex_lock(&limiter->lock);
    bool allowed = true;
    struct entry *e = find(limiter, key);
    if (e != NULL && !window_over(limiter, e, now) && e->failures >= limiter->max_failures) {
        allowed = false;
        long wait = (long)(e->window_start + limiter->window_seconds - now);
        if (retry_after != NULL)
            *retry_after = wait < 1 ? 1 : wait;
    }
    pthread_mutex_unlock(&limiter->lock);
    return allowed;
}

void lp_rate_limiter_fail(struct lp_rate_limiter *limiter, const char *key, lp_time now)
{
    pthread_mutex_lock(&limiter->lock);
    struct entry *e = find(limiter, key);
    if (e == NULL) {
        /* Take a free slot, else the one whose window began longest ago. */
        struct entry *victim = &limiter->entries[0];
        for (unsigned i = 0; i < limiter->capacity; i++) {
            struct entry *c = &limiter->entries[i];
            if (!c->used) {
                victim = c;
                break;
            }
            if (c->window_start < victim->window_start)
                victim = c;
        }
        e = victim;
        memset(e, 0, sizeof *e);
        strncpy(e->key, key, KEY_MAX - 1);
        e->used = true;
        e->window_start = now;
    } else if (window_over(limiter, e, now)) {
        e->window_start = now;
        e->failures = 0;
    }
    e->failures++;
    pthread_mutex_unlock(&limiter->lock);
}

void lp_rate_limiter_reset(struct lp_rate_limiter *limiter, const char *key)
{
    pthread_mutex_lock(&limiter->lock);
    struct entry *e = find(limiter, key);
    if (e != NULL)
        memset(e, 0, sizeof *e);
    pthread_mutex_unlock(&limiter->lock);
}
