/* Which CAs are trusted: the system's (or the environment's) bundle plus a private one. */
#include "lib/transport/ca_bundle.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A CA bundle bigger than this is not a CA bundle. */
#define CA_FILE_MAX (8u * 1024u * 1024u)

const char *lp_ca_env_file(void)
{
    const char *names[] = {"CURL_CA_BUNDLE", "SSL_CERT_FILE"};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        const char *value = getenv(names[i]);
        if (value && *value)
            return value;
    }
    return NULL;
}

static lp_status read_whole(const char *path, char **text, size_t *len, lp_error *err)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return lp_error_set(err, LP_ERR_CONFIG, "cannot read CA file %s: %s", path,
                            strerror(errno));
    size_t cap = 16384, used = 0;
    char *buf = malloc(cap);
    if (!buf) {
        fclose(f);
        return lp_error_set(err, LP_ERR_NOMEM, "out of memory reading %s", path);
    }
    for (;;) {
        if (used + 1 >= cap) {
            if (cap >= CA_FILE_MAX) {
                free(buf);
                fclose(f);
                return lp_error_set(err, LP_ERR_CONFIG, "CA file %s is too large", path);
            }
            char *bigger = realloc(buf, cap * 2);
            if (!bigger) {
                free(buf);
                fclose(f);
                return lp_error_set(err, LP_ERR_NOMEM, "out of memory reading %s", path);
            }
            buf = bigger;
            cap *= 2;
        }
        size_t n = fread(buf + used, 1, cap - used - 1, f);
        used += n;
        if (n == 0)
            break;
    }
    int failed = ferror(f);
    fclose(f);
    if (failed) {
        free(buf);
        return lp_error_set(err, LP_ERR_CONFIG, "cannot read CA file %s", path);
    }
    buf[used] = '\0';
    *text = buf;
    *len = used;
    return LP_OK;
}

lp_status lp_ca_bundle_build(const char *base_file, int base_required, const char *extra_file,
                             char **pem, size_t *len, lp_error *err)
{
    char *base = NULL, *extra = NULL;
    size_t base_len = 0, extra_len = 0;
    if (base_file) {
        lp_error ignored;
        lp_status st = read_whole(base_file, &base, &base_len, base_required ? err : &ignored);
        if (st != LP_OK && base_required)
            return st;
    }
    lp_status st = read_whole(extra_file, &extra, &extra_len, err);
    if (st != LP_OK) {
        free(base);
        return st;
    }
    if (!strstr(extra, "-----BEGIN CERTIFICATE-----")) {
        free(base);
        free(extra);
        return lp_error_set(err, LP_ERR_CONFIG, "%s holds no PEM certificate (--cacert wants a PEM CA file)",
                            extra_file);
    }
    /* A newline between the two keeps a base without a final newline from
     * gluing its END line onto the next BEGIN line. */
    char *joined = malloc(base_len + 1 + extra_len + 1);
    if (!joined) {
        free(base);
        free(extra);
        return lp_error_set(err, LP_ERR_NOMEM, "out of memory building the CA bundle");
    }
    size_t used = 0;
    if (base_len) {
        memcpy(joined, base, base_len);
        used = base_len;
        joined[used++] = '\n';
    }
    memcpy(joined + used, extra, extra_len);
    used += extra_len;
    joined[used] = '\0';
    free(base);
    free(extra);
    *pem = joined;
    *len = used;
    return LP_OK;
}
