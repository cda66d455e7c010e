/* The HTTPS listener: libmicrohttpd with TLS, a thread pool, and the request lifecycle. */
#ifndef LP_SERVER_HTTP_SERVER_H
#define LP_SERVER_HTTP_SERVER_H

#include <stddef.h>
#include <stdint.h>
#include <sys/socket.h>

#include "server/server_context.h"

struct lp_http_server;

/* Starts listening on `addr` with the PEM `cert` and `key` (kept by the
 * caller until lp_http_server_free). NULL with a message in `err` on failure. */
struct lp_http_server *lp_http_server_start(const struct lp_server *server, const struct sockaddr *addr,
                                            const char *cert_pem, const char *key_pem, char *err, size_t err_size);

/* The port actually bound (useful after asking for port 0). */
uint16_t lp_http_server_port(const struct lp_http_server *http);

/* Stops accepting, finishes the threads and frees. Accepts NULL. */
void lp_http_server_free(struct lp_http_server *http);

#endif
