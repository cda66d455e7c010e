/* Checks that a URL is absolute https:// and names its host and port. */
#include "lib/transport/https_url.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

lp_status lp_https_url_split(const char *url, char *host, size_t host_size, long *port,
                             lp_error *err)
{
    static const char scheme[] = "https://";
    if (!url || !*url)
        return lp_error_set(err, LP_ERR_USAGE, "no server URL given");
    if (strncasecmp(url, scheme, sizeof scheme - 1) != 0) {
        if (strncasecmp(url, "http://", 7) == 0)
            return lp_error_set(
                err, LP_ERR_USAGE,
                "refusing plain http:// URL %.200s: the portal is reached over https:// only", url);
        return lp_error_set(err, LP_ERR_USAGE, "not an https:// URL: %.200s", url);
    }
    const char *start = url + sizeof scheme - 1;
    const char *end = start + strcspn(start, "/?#");
    const char *at = memchr(start, '@', (size_t)(end - start));
    if (at)
        return lp_error_set(err, LP_ERR_USAGE, "a server URL must not carry user information");
    const char *host_start = start;
    const char *host_end;
    const char *port_start = NULL;
    if (*start == '[') {
        host_start = start + 1;
        host_end = memchr(host_start, ']', (size_t)(end - host_start));
        if (!host_end)
            return lp_error_set(err, LP_ERR_USAGE, "bad IPv6 address in URL %.200s", url);
        if (host_end + 1 < end) {
            if (host_end[1] != ':')
                return lp_error_set(err, LP_ERR_USAGE, "bad host in URL %.200s", url);
            port_start = host_end + 2;
        }
    } else {
        host_end = memchr(start, ':', (size_t)(end - start));
        if (host_end)
            port_start = host_end + 1;
        else
            host_end = end;
    }
    size_t host_len = (size_t)(host_end - host_start);
    if (host_len == 0)
        return lp_error_set(err, LP_ERR_USAGE, "no host in URL %.200s", url);
    if (host_len >= host_size)
        return lp_error_set(err, LP_ERR_USAGE, "host name too long in URL");
    long port_value = 443;
    if (port_start) {
        if (port_start == end)
            return lp_error_set(err, LP_ERR_USAGE, "empty port in URL %.200s", url);
        port_value = 0;
        for (const char *p = port_start; p < end; p++) {
            if (!isdigit((unsigned char)*p) || port_value > 65535)
                return lp_error_set(err, LP_ERR_USAGE, "bad port in URL %.200s", url);
            port_value = port_value * 10 + (*p - '0');
        }
        if (port_value < 1 || port_value > 65535)
            return lp_error_set(err, LP_ERR_USAGE, "bad port in URL %.200s", url);
    }
    memcpy(host, host_start, host_len);
    host[host_len] = '\0';
    *port = port_value;
    return LP_OK;
}
