/* API URLs: base + path, ids as escaped path segments, filters as escaped query parameters. */
#include "lib/session/api_url.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static bool unreserved(unsigned char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
           c == '.' || c == '_' || c == '~';
}

char *lp_url_escape(const char *text)
{
    static const char hex[] = "0123456789ABCDEF";
    size_t len = strlen(text);
    char *out = malloc(len * 3 + 1);
    if (!out)
        return NULL;
    char *p = out;
    for (const unsigned char *s = (const unsigned char *)text; *s; s++) {
        if (unreserved(*s)) {
            *p++ = (char)*s;
        } else {
            *p++ = '%';
            *p++ = hex[*s >> 4];
            *p++ = hex[*s & 15];
        }
    }
    *p = '\0';
    return out;
}

static void append(lp_url *url, const char *text)
{
    lp_buffer_add_str(&url->text, text);
}

static void append_escaped(lp_url *url, const char *text)
{
    char *escaped = lp_url_escape(text);
    if (!escaped) {
        url->text.failed = true;
        return;
    }
    append(url, escaped);
    free(escaped);
}

void lp_url_init(lp_url *url, const char *base)
{
    memset(url, 0, sizeof *url);
    lp_buffer_init(&url->text, 0);
    append(url, base);
}

void lp_url_path(lp_url *url, const char *path)
{
    append(url, path);
}

void lp_url_segment(lp_url *url, const char *id)
{
    /* "", "." and ".." would change which resource the path names. */
    if (!id || !*id || strcmp(id, ".") == 0 || strcmp(id, "..") == 0) {
        url->text.failed = true;
        return;
    }
    append(url, "/");
    append_escaped(url, id);
}

void lp_url_query(lp_url *url, const char *name, const char *value)
{
    if (!value || !*value)
        return;
    append(url, url->has_query ? "&" : "?");
    url->has_query = true;
    append_escaped(url, name);
    append(url, "=");
    append_escaped(url, value);
}

void lp_url_query_int(lp_url *url, const char *name, long value)
{
    char digits[32];
    snprintf(digits, sizeof digits, "%ld", value);
    lp_url_query(url, name, digits);
}

char *lp_url_finish(lp_url *url, lp_error *err)
{
    /* An empty URL, a bad id or no memory: the URL is not used. */
    char *text = url->text.len > 0 ? lp_buffer_take(&url->text) : NULL;
    lp_buffer_free(&url->text, false);
    url->has_query = false;
    if (!text)
        lp_error_set(err, LP_ERR_USAGE, "an empty or invalid id was given");
    return text;
}
