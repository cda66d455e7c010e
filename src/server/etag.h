/* Strong entity tags for response bodies and the If-None-Match comparison. */
#ifndef LP_SERVER_ETAG_H
#define LP_SERVER_ETAG_H

#include <stdbool.h>
#include <stddef.h>

/* A quoted tag of 32 hex digits plus quotes and NUL. */
#define LP_ETAG_LEN 35

/* The strong tag of `body`: equal bodies, equal tags. */
void lpd_etag_of(const void *body, size_t len, char out[LP_ETAG_LEN]);

/* Whether an If-None-Match header value names `etag` (or is "*"). As RFC 9110
 * asks for this header, the comparison is weak: a W/ prefix is ignored. */
bool lpd_etag_matches(const char *if_none_match, const char *etag);

#endif
