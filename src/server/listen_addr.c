/* Listen address parsing with getaddrinfo. */
#include "server/listen_addr.h"

#include <netdb.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

bool lpd_listen_addr_parse(const char *text, struct lpd_listen_addr *out, char *err, size_t err_size)
{
    char host[256];
    const char *port;
    if (text[0] == '[') {
        const char *close = strchr(text, ']');
        if (close == NULL || close[1] != ':' || (size_t)(close - text - 1) >= sizeof host) {
            snprintf(err, err_size, "invalid listen address '%s' (expected [IPv6]:PORT)", text);
            return false;
        }
        memcpy(host, text + 1, (size_t)(close - text - 1));
        host[close - text - 1] = '\0';
        port = close + 2;
    } else {
        const char *colon = strrchr(text, ':');
        if (colon == NULL || colon == text || (size_t)(colon - text) >= sizeof host) {
            snprintf(err, err_size, "invalid listen address '%s' (expected HOST:PORT)", text);
            return false;
        }
        memcpy(host, text, (size_t)(colon - text));
        host[colon - text] = '\0';
        port = colon + 1;
    }
    char *end = NULL;
    long port_number = strtol(port, &end, 10);
    if (*port == '\0' || *end != '\0' || port_number < 0 || port_number > 65535) {
        snprintf(err, err_size, "invalid port in listen address '%s'", text);
        return false;
    }
    struct addrinfo hints = {.ai_family = AF_UNSPEC, .ai_socktype = SOCK_STREAM, .ai_flags = AI_PASSIVE};
    struct addrinfo *found = NULL;
    int rc = getaddrinfo(host, port, &hints, &found);
    if (rc != 0 || found == NULL) {
        snprintf(err, err_size, "cannot resolve listen address '%s': %s", host, gai_strerror(rc));
        return false;
    }
    memset(out, 0, sizeof *out);
    memcpy(&out->addr, found->ai_addr, found->ai_addrlen);
    /* An IPv6 literal needs its brackets back in a URL. */
    snprintf(out->host, sizeof out->host, strchr(host, ':') != NULL ? "[%s]" : "%s", host);
    freeaddrinfo(found);
    return true;
}
