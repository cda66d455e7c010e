/* The HTTPS listener: libmicrohttpd with TLS, a thread pool, and the request lifecycle. */
#ifndef LP_SERVER_HTTP_SERVER_H
#define LP_SERVER_HTTP_SERVER_H

#include <stddef.h>
#include <stdint.h>
#include <sys/socket.h>

#include "server/server_context.h"

struct lpd_http_server;

/* What one client may hold. The defaults bound a slow or idle client: */
#define LP_DEFAULT_MAX_CONNECTIONS 1000u
#define LP_DEFAULT_CONNECTIONS_PER_ADDRESS 32u
#define LP_DEFAULT_REQUEST_TIMEOUT 30u
#define LP_DEFAULT_IDLE_TIMEOUT 60u

struct lpd_http_limits {
    unsigned max_connections;         /* open connections in all */
    unsigned connections_per_address; /* open connections from one client address */
    unsigned request_timeout;         /* seconds from connect (or the last answer) to a whole request */
    unsigned idle_timeout;            /* seconds without a byte either way */
};

/* Starts listening on `addr` with the PEM `cert` and `key` (kept by the
 * caller until lpd_http_server_free). NULL with a message in `err` on failure. */
struct lpd_http_server *lpd_http_server_start(const struct lpd_server *server, const struct sockaddr *addr,
                                              const char *cert_pem, const char *key_pem,
                                              const struct lpd_http_limits *limits, char *err, size_t err_size);

/* The port actually bound (useful after asking for port 0). */
uint16_t lpd_http_server_port(const struct lpd_http_server *http);

/* Stops accepting, finishes the threads and frees. Accepts NULL. */
void lpd_http_server_free(struct lpd_http_server *http);

#endif
