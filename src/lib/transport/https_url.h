/* Checks that a URL is absolute https:// and names its host and port. */
#ifndef LICPORTAL_TRANSPORT_HTTPS_URL_H
#define LICPORTAL_TRANSPORT_HTTPS_URL_H

#include <stddef.h>

#include "licportal/error.h"

/* LP_OK for an https:// URL with a host; fills host (without brackets) and
 * port (443 when not given). Anything else is LP_ERR_USAGE. */
lp_status lp_https_url_split(const char *url, char *host, size_t host_size, long *port,
                             lp_error *err);

#endif
