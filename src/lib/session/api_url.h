/* API URLs: base + path, ids as escaped path segments, filters as escaped query parameters. */
#ifndef LICPORTAL_SESSION_API_URL_H
#define LICPORTAL_SESSION_API_URL_H

#include <stdbool.h>
#include <stddef.h>

#include "licportal/buffer.h"
#include "licportal/error.h"

typedef struct lp_url {
    lp_buffer text;
    bool has_query;
} lp_url;

/* Percent-encodes everything but RFC 3986's unreserved characters; malloc'd. */
char *lp_url_escape(const char *text);

void lp_url_init(lp_url *url, const char *base);
/* Appends a fixed path ("/licenses"). */
void lp_url_path(lp_url *url, const char *path);
/* Appends "/" and an escaped id; an empty id fails the URL. */
void lp_url_segment(lp_url *url, const char *id);
/* Appends name=value (escaped); a NULL or empty value is left out. */
void lp_url_query(lp_url *url, const char *name, const char *value);
void lp_url_query_int(lp_url *url, const char *name, long value);
/* The URL (malloc'd, owned by the caller) or NULL with *err set. */
char *lp_url_finish(lp_url *url, lp_error *err);

#endif
