/* HTTPS requests on libcurl's multi interface: many at once, never blocking.
 *
 * The client (src/lib/session/) sends every API call through it. It moves
 * bytes and headers only: what the bodies mean is the model's business. */
#ifndef LICPORTAL_TRANSPORT_TRANSPORT_H
#define LICPORTAL_TRANSPORT_TRANSPORT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "licportal/error.h"

/* The default cap of a body kept in memory (the API's largest answers are far below it). */
#define LP_TRANSPORT_MAX_BODY_BYTES (16u * 1024u * 1024u)

typedef struct lp_transport_options {
    const char *cacert_file; /* extra trusted CA bundle (added to the system's), or NULL */
    long connect_timeout_ms; /* 0: default 10 s */
    long stall_timeout_s;    /* abort when under 1 byte/s for this long; 0: default 30 s */
    size_t max_body_bytes;   /* in-memory bodies over this fail; 0: LP_TRANSPORT_MAX_BODY_BYTES */
    /* Bodies sent to a body_sink (downloads) fail when slower than
     * sink_min_speed bytes/s for sink_slow_s seconds (instead of the stall
     * limit). sink_min_speed 0: default 1024; < 0: no floor, only the stall
     * limit. sink_slow_s 0: default 60. */
    long sink_min_speed;
    long sink_slow_s;
} lp_transport_options;

typedef struct lp_http_request {
    const char *method;        /* "GET", "POST", "DELETE" */
    const char *url;           /* absolute https:// URL */
    const char *bearer_token;  /* Authorization: Bearer ..., or NULL */
    const char *json_body;     /* request body (Content-Type: application/json), or NULL */
    const char *if_none_match; /* ETag to revalidate, or NULL */
    int64_t range_from;        /* > 0: "Range: bytes=N-" */
    /* When set, response bodies of 2xx answers go to this sink instead of
     * memory (error bodies are still kept in memory for their message).
     * Returning false aborts the transfer (LP_ERR_IO). */
    bool (*body_sink)(void *sink_user, const char *data, size_t len);
    void *sink_user;
} lp_http_request;

typedef struct lp_http_response {
    long status; /* 0 when no HTTP answer */
    char *body;  /* NUL-terminated; NULL when sent to body_sink */
    size_t body_len;
    char *etag; /* response headers, NULL when absent */
    char *request_id;
    char *content_type;
    char *content_range;
    char *repr_digest;
    char *content_disposition;
    long retry_after;       /* seconds, -1 when absent */
    int64_t content_length; /* -1 when absent */
} lp_http_response;

typedef struct lp_transport lp_transport;
typedef struct lp_transfer lp_transfer;

lp_transport *lp_transport_new(const lp_transport_options *options, lp_error *err);
/* Cancels and frees every transfer still running. */
void lp_transport_free(lp_transport *transport);

/* Starts a request; the transfer belongs to the transport until it is
 * returned by lp_transport_next_done, then to the caller. Non-https URLs are
 * refused (LP_ERR_USAGE). `user` is handed back by lp_transfer_user. */
lp_transfer *lp_transport_start(lp_transport *transport, const lp_http_request *request, void *user,
                                lp_error *err);

/* Waits at most timeout_ms for network progress, or for `extra_fd` (-1: none)
 * to become readable (then *extra_ready is set), or for lp_transport_wakeup.
 * Moves data; finished transfers are then returned by next_done. */
lp_status lp_transport_wait(lp_transport *transport, int extra_fd, int timeout_ms,
                            bool *extra_ready, lp_error *err);
void lp_transport_wakeup(lp_transport *transport);

/* Number of transfers still running. */
int lp_transport_running(const lp_transport *transport);

/* Next finished transfer, or NULL. */
lp_transfer *lp_transport_next_done(lp_transport *transport);

/* Stops a running transfer; it is returned by next_done with LP_ERR_CANCELLED. */
void lp_transport_cancel(lp_transport *transport, lp_transfer *transfer);

/* LP_OK when an HTTP answer arrived (whatever its status); else the network
 * or TLS failure, described in *err (which names --cacert for an untrusted
 * certificate, and says "expired" or "host name" where that is the cause). */
lp_status lp_transfer_result(const lp_transfer *transfer, lp_error *err);
const lp_http_response *lp_transfer_response(const lp_transfer *transfer);
void *lp_transfer_user(const lp_transfer *transfer);
/* Bytes sent and received on the wire for this transfer (headers included). */
int64_t lp_transfer_wire_bytes(const lp_transfer *transfer);
void lp_transfer_free(lp_transfer *transfer);

#endif
