/* Login-attempt limiter: a small table of fixed windows, guarded by one mutex. */
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

struct lpd_rate_limiter {
    pthread_mutex_t lock;
    unsigned max_failures;
    long window_seconds;
    unsigned capacity;
    struct entry *entries;
};

struct lpd_rate_limiter *lpd_rate_limiter_new(unsigned max_failures, long window_seconds, unsigned capacity)
{
    if (capacity == 0 || max_failures == 0 || window_seconds <= 0)
        return NULL;
    struct lpd_rate_limiter *limiter = calloc(1, sizeof *limiter);
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

void lpd_rate_limiter_free(struct lpd_rate_limiter *limiter)
{
    if (limiter == NULL)
        return;
    pthread_mutex_destroy(&limiter->lock);
    free(limiter->entries);
    free(limiter);
}

static struct entry *find(struct lpd_rate_limiter *limiter, const char *key)
{
    for (unsigned i = 0; i < limiter->capacity; i++) {
        struct entry *e = &limiter->entries[i];
        if (e->used && strncmp(e->key, key, KEY_MAX - 1) == 0)
            return e;
    }
    return NULL;
}

static bool window_over(const struct lpd_rate_limiter *limiter, const struct entry *e, lp_time now)
{
    return now >= e->window_start + limiter->window_seconds;
}

static bool blocked(const struct lpd_rate_limiter *limiter, const struct entry *e, lp_time now)
{
    return !window_over(limiter, e, now) && e->failures >= limiter->max_failures;
}

void lpd_rate_refusal_set(struct lpd_rate_refusal *refusal, lp_time window_start, long window_seconds, lp_time now)
{
    if (refusal == NULL)
        return;
    long wait = (long)(window_start + window_seconds - now);
    refusal->retry_after = wait < 1 ? 1 : wait;
    refusal->window_start = window_start;
}

static void refuse_until(const struct lpd_rate_limiter *limiter, lp_time window_start, lp_time now,
                         struct lpd_rate_refusal *refusal)
{
    lpd_rate_refusal_set(refusal, window_start, limiter->window_seconds, now);
}

/* A slot for a new key: a free one, else one whose window is over, else the
 * unblocked one whose window began longest ago. NULL when every slot holds a
 * blocked key; then *first_blocked is the entry whose window ends first. */
static struct entry *free_slot(struct lpd_rate_limiter *limiter, lp_time now, const struct entry **first_blocked)
{
    struct entry *stalest = NULL;
    *first_blocked = NULL;
    for (unsigned i = 0; i < limiter->capacity; i++) {
        struct entry *c = &limiter->entries[i];
        if (!c->used || window_over(limiter, c, now))
            return c;
        if (blocked(limiter, c, now)) {
            if (*first_blocked == NULL || c->window_start < (*first_blocked)->window_start)
                *first_blocked = c;
        } else if (stalest == NULL || c->window_start < stalest->window_start) {
            stalest = c;
        }
    }
    return stalest;
}

/* The key's entry, a new one for it, or NULL (with *refusal filled) when it
 * is blocked or the table has no room. */
static struct entry *entry_for_attempt(struct lpd_rate_limiter *limiter, const char *key, lp_time now,
                                       struct lpd_rate_refusal *refusal)
{
    struct entry *e = find(limiter, key);
    if (e != NULL) {
        if (blocked(limiter, e, now)) {
            refuse_until(limiter, e->window_start, now, refusal);
            return NULL;
        }
        if (window_over(limiter, e, now)) {
            e->window_start = now;
            e->failures = 0;
        }
        return e;
    }
    const struct entry *first_blocked = NULL;
    e = free_slot(limiter, now, &first_blocked);
    if (e == NULL) {
        refuse_until(limiter, first_blocked->window_start, now, refusal);
        return NULL;
    }
    memset(e, 0, sizeof *e);
    strncpy(e->key, key, KEY_MAX - 1);
    e->used = true;
    e->window_start = now;
    return e;
}

bool lpd_rate_limiter_allows(struct lpd_rate_limiter *limiter, const char *key, lp_time now, long *retry_after)
{
    struct lpd_rate_refusal refused = {0};
    struct lpd_rate_refusal *refusal = &refused;
    pthread_mutex_lock(&limiter->lock);
    bool allowed = true;
    struct entry *e = find(limiter, key);
    if (e != NULL && blocked(limiter, e, now)) {
        allowed = false;
        refuse_until(limiter, e->window_start, now, refusal);
    } else if (e == NULL) {
        const struct entry *first_blocked = NULL;
        if (free_slot(limiter, now, &first_blocked) == NULL) {
            allowed = false;
            refuse_until(limiter, first_blocked->window_start, now, refusal);
        }
    }
    pthread_mutex_unlock(&limiter->lock);
    if (!allowed && retry_after != NULL)
        *retry_after = refused.retry_after;
    return allowed;
}

void lpd_rate_limiter_fail(struct lpd_rate_limiter *limiter, const char *key, lp_time now)
{
    pthread_mutex_lock(&limiter->lock);
    struct entry *e = find(limiter, key);
    if (e != NULL && window_over(limiter, e, now)) {
        e->window_start = now;
        e->failures = 0;
    } else if (e == NULL) {
        e = entry_for_attempt(limiter, key, now, NULL);
    }
    if (e != NULL)
        e->failures++;
    pthread_mutex_unlock(&limiter->lock);
}

bool lpd_rate_limiter_reserve(struct lpd_rate_limiter *limiter, const char *key, lp_time now,
                              struct lpd_rate_refusal *refusal)
{
    pthread_mutex_lock(&limiter->lock);
    struct entry *e = entry_for_attempt(limiter, key, now, refusal);
    if (e != NULL)
        e->failures++;
    pthread_mutex_unlock(&limiter->lock);
    return e != NULL;
}

void lpd_rate_limiter_release(struct lpd_rate_limiter *limiter, const char *key, lp_time now)
{
    pthread_mutex_lock(&limiter->lock);
    struct entry *e = find(limiter, key);
    if (e != NULL && e->failures > 0 && e->window_start <= now && !window_over(limiter, e, now))
        e->failures--;
    pthread_mutex_unlock(&limiter->lock);
}

void lpd_rate_limiter_reset(struct lpd_rate_limiter *limiter, const char *key)
{
    pthread_mutex_lock(&limiter->lock);
    struct entry *e = find(limiter, key);
    if (e != NULL)
        memset(e, 0, sizeof *e);
    pthread_mutex_unlock(&limiter->lock);
}
