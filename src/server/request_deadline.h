/* A deadline for each whole request: a client that sends its request slowly is cut off. */
#ifndef LP_SERVER_REQUEST_DEADLINE_H
#define LP_SERVER_REQUEST_DEADLINE_H

struct lpd_request_deadline;
struct lpd_deadline_watch;

/* Starts a watcher thread that shuts down the socket of every connection
 * whose request is not complete `seconds` after the connection was accepted
 * or its previous answer was sent. An idle timeout alone is renewed by every
 * byte, so a client sending one header line now and then would hold its
 * connection for ever. NULL when out of resources. */
struct lpd_request_deadline *lpd_request_deadline_new(unsigned seconds);

/* Stops the watcher; every watch must have been forgotten. Accepts NULL. */
void lpd_request_deadline_free(struct lpd_request_deadline *deadline);

/* Watches the connection on socket `fd`, its first request due `seconds`
 * from now. NULL when out of memory (the connection is then not watched). */
struct lpd_deadline_watch *lpd_request_deadline_watch(struct lpd_request_deadline *deadline, int fd);

/* The request has arrived whole: the clock stops. Accepts NULL. */
void lpd_request_deadline_met(struct lpd_request_deadline *deadline, struct lpd_deadline_watch *watch);

/* The answer went out; the next request is due `seconds` from now. Accepts NULL. */
void lpd_request_deadline_restart(struct lpd_request_deadline *deadline, struct lpd_deadline_watch *watch);

/* The connection is closing: forget it. Must come before its socket is
 * closed, so the watcher never shuts down a socket number reused by another
 * connection. Accepts NULL. */
void lpd_request_deadline_forget(struct lpd_request_deadline *deadline, struct lpd_deadline_watch *watch);

#endif
