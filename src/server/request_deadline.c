/* The watcher of request deadlines: a list of connections, swept by a ticker that cuts off the late ones. */
#include "server/request_deadline.h"

#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <sys/socket.h>

#include "server/access_log.h"
#include "server/ticker.h"

/* How often the watcher looks: a late request is cut off within this of its deadline. */
#define SWEEP_NS (250LL * 1000 * 1000)

struct lpd_deadline_watch {
    struct lpd_deadline_watch *prev, *next;
    int fd;
    int64_t due_ns; /* 0: no request pending, or already cut off */
};

struct lpd_request_deadline {
    pthread_mutex_t lock;
    struct lpd_ticker *ticker;
    int64_t allowed_ns;
    struct lpd_deadline_watch *watches;
};

static void sweep(void *arg)
{
    struct lpd_request_deadline *deadline = arg;
    pthread_mutex_lock(&deadline->lock);
    int64_t now = lpd_monotonic_ns();
    for (struct lpd_deadline_watch *w = deadline->watches; w != NULL; w = w->next) {
        if (w->due_ns != 0 && now >= w->due_ns) {
            /* The server's own polling thread sees the end of the stream
             * and closes the connection the usual way. */
            shutdown(w->fd, SHUT_RDWR);
            w->due_ns = 0;
        }
    }
    pthread_mutex_unlock(&deadline->lock);
}

struct lpd_request_deadline *lpd_request_deadline_new(unsigned seconds)
{
    struct lpd_request_deadline *deadline = calloc(1, sizeof *deadline);
    if (deadline == NULL)
        return NULL;
    deadline->allowed_ns = (int64_t)seconds * 1000000000;
    pthread_mutex_init(&deadline->lock, NULL);
    deadline->ticker = lpd_ticker_start(SWEEP_NS, sweep, deadline);
    if (deadline->ticker == NULL) {
        pthread_mutex_destroy(&deadline->lock);
        free(deadline);
        return NULL;
    }
    return deadline;
}

void lpd_request_deadline_free(struct lpd_request_deadline *deadline)
{
    if (deadline == NULL)
        return;
    lpd_ticker_stop(deadline->ticker);
    while (deadline->watches != NULL) {
        struct lpd_deadline_watch *next = deadline->watches->next;
        free(deadline->watches);
        deadline->watches = next;
    }
    pthread_mutex_destroy(&deadline->lock);
    free(deadline);
}

struct lpd_deadline_watch *lpd_request_deadline_watch(struct lpd_request_deadline *deadline, int fd)
{
    struct lpd_deadline_watch *watch = calloc(1, sizeof *watch);
    if (watch == NULL || fd < 0) {
        free(watch);
        return NULL;
    }
    watch->fd = fd;
    pthread_mutex_lock(&deadline->lock);
    watch->due_ns = lpd_monotonic_ns() + deadline->allowed_ns;
    watch->next = deadline->watches;
    if (watch->next != NULL)
        watch->next->prev = watch;
    deadline->watches = watch;
    pthread_mutex_unlock(&deadline->lock);
    return watch;
}

void lpd_request_deadline_met(struct lpd_request_deadline *deadline, struct lpd_deadline_watch *watch)
{
    if (watch == NULL)
        return;
    pthread_mutex_lock(&deadline->lock);
    watch->due_ns = 0;
    pthread_mutex_unlock(&deadline->lock);
}

void lpd_request_deadline_restart(struct lpd_request_deadline *deadline, struct lpd_deadline_watch *watch)
{
    if (watch == NULL)
        return;
    pthread_mutex_lock(&deadline->lock);
    watch->due_ns = lpd_monotonic_ns() + deadline->allowed_ns;
    pthread_mutex_unlock(&deadline->lock);
}

void lpd_request_deadline_forget(struct lpd_request_deadline *deadline, struct lpd_deadline_watch *watch)
{
    if (watch == NULL)
        return;
    pthread_mutex_lock(&deadline->lock);
    if (watch->prev != NULL)
        watch->prev->next = watch->next;
    else
        deadline->watches = watch->next;
    if (watch->next != NULL)
        watch->next->prev = watch->prev;
    pthread_mutex_unlock(&deadline->lock);
    free(watch);
}
