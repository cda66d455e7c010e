/* The periodic thread behind the request deadlines and the pruning. */
#include "server/ticker.h"

#include <pthread.h>
#include <stdbool.h>
#include <stdlib.h>
#include <time.h>

struct lpd_ticker {
    pthread_mutex_t lock;
    pthread_cond_t wake;
    pthread_t thread;
    bool stopping;
    int64_t interval_ns;
    void (*tick)(void *arg);
    void *arg;
};

static void *run(void *arg)
{
    struct lpd_ticker *ticker = arg;
    pthread_mutex_lock(&ticker->lock);
    while (!ticker->stopping) {
        struct timespec until;
        clock_gettime(CLOCK_MONOTONIC, &until);
        int64_t ns = (int64_t)until.tv_nsec + ticker->interval_ns;
        until.tv_sec += (time_t)(ns / 1000000000);
        until.tv_nsec = (long)(ns % 1000000000);
        int rc = 0;
        while (!ticker->stopping && rc == 0)
            rc = pthread_cond_timedwait(&ticker->wake, &ticker->lock, &until);
        if (ticker->stopping)
            break;
        pthread_mutex_unlock(&ticker->lock);
        ticker->tick(ticker->arg);
        pthread_mutex_lock(&ticker->lock);
    }
    pthread_mutex_unlock(&ticker->lock);
    return NULL;
}

struct lpd_ticker *lpd_ticker_start(int64_t interval_ns, void (*tick)(void *arg), void *arg)
{
    struct lpd_ticker *ticker = calloc(1, sizeof *ticker);
    if (ticker == NULL)
        return NULL;
    ticker->interval_ns = interval_ns;
    ticker->tick = tick;
    ticker->arg = arg;
    pthread_condattr_t attr;
    pthread_condattr_init(&attr);
    pthread_condattr_setclock(&attr, CLOCK_MONOTONIC);
    pthread_mutex_init(&ticker->lock, NULL);
    pthread_cond_init(&ticker->wake, &attr);
    pthread_condattr_destroy(&attr);
    if (pthread_create(&ticker->thread, NULL, run, ticker) != 0) {
        pthread_cond_destroy(&ticker->wake);
        pthread_mutex_destroy(&ticker->lock);
        free(ticker);
        return NULL;
    }
    return ticker;
}

void lpd_ticker_stop(struct lpd_ticker *ticker)
{
    if (ticker == NULL)
        return;
    pthread_mutex_lock(&ticker->lock);
    ticker->stopping = true;
    pthread_cond_signal(&ticker->wake);
    pthread_mutex_unlock(&ticker->lock);
    pthread_join(ticker->thread, NULL);
    pthread_cond_destroy(&ticker->wake);
    pthread_mutex_destroy(&ticker->lock);
    free(ticker);
}
