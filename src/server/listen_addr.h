/* Parsing of --listen ADDR: "HOST:PORT" or "[IPv6]:PORT". */
#ifndef LP_SERVER_LISTEN_ADDR_H
#define LP_SERVER_LISTEN_ADDR_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/socket.h>

struct lpd_listen_addr {
    struct sockaddr_storage addr;
    /* The host as written, for the "listening on" line. */
    char host[256];
};

/* Resolves numerically or through the resolver ("localhost"). False with a
 * message in `err` when the address or port is invalid. */
bool lpd_listen_addr_parse(const char *text, struct lpd_listen_addr *out, char *err, size_t err_size);

#endif
