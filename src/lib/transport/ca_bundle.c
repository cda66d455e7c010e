/* Which CAs are trusted: the system's (or the environment's) bundle plus a private one. */
#include "lib/transport/ca_bundle.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "licportal/private_file.h"

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

/* Regular files only, read without waiting: a FIFO named as the CA file
 * must not hang the program. */
static lp_status read_whole(const char *path, char **text, size_t *len, lp_error *err)
{
    lp_error read_err;
    lp_error_clear(&read_err);
    lp_status st = lp_private_read(path, CA_FILE_MAX, text, len, &read_err);
    if (st == LP_OK && !*text)
        return lp_error_set(err, LP_ERR_CONFIG, "cannot read CA file %s: %s", path,
                            strerror(ENOENT));
    if (st != LP_OK)
        return lp_error_set(err, st == LP_ERR_NOMEM ? st : LP_ERR_CONFIG, "CA file: %s",
                            read_err.message);
    return LP_OK;
}

static lp_status check_private_ca(const char *path, lp_error *err)
{
    char *text = NULL;
    size_t len = 0;
    lp_status st = read_whole(path, &text, &len, err);
    if (st != LP_OK)
        return st;
    bool has_certificate = strstr(text, "-----BEGIN CERTIFICATE-----") != NULL;
    free(text);
    if (!has_certificate)
        return lp_error_set(err, LP_ERR_CONFIG,
                            "%s holds no PEM certificate (--cacert wants a PEM CA file)", path);
    return LP_OK;
}

static bool is_directory(const char *path)
{
    struct stat st;
    return path && stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* An environment that names the system's own bundle (as many shells and
 * containers do) asks for nothing beyond the defaults: that bundle and the
 * hashed directory hold the same CAs. */
static bool same_file(const char *a, const char *b)
{
    struct stat sa, sb;
    return a && b && stat(a, &sa) == 0 && stat(b, &sb) == 0 && sa.st_dev == sb.st_dev &&
           sa.st_ino == sb.st_ino;
}

void lp_ca_trust_clear(lp_ca_trust *trust)
{
    if (!trust)
        return;
    free(trust->cainfo);
    free(trust->capath);
    free(trust->pem);
    memset(trust, 0, sizeof *trust);
}

static lp_status copy_path(const char *from, char **to, lp_error *err)
{
    *to = strdup(from);
    return *to ? LP_OK : lp_error_set(err, LP_ERR_NOMEM, "out of memory");
}

lp_status lp_ca_trust_decide(const char *cacert_file, const char *env_file,
                             const char *system_cainfo, const char *system_capath, lp_ca_trust *out,
                             lp_error *err)
{
    memset(out, 0, sizeof *out);
    lp_status st = LP_OK;
    if (!cacert_file) {
        if (env_file)
            st = copy_path(env_file, &out->cainfo, err);
    } else if (env_file && !(same_file(env_file, system_cainfo) && is_directory(system_capath))) {
        /* The environment names a file of its own, not a directory: both
         * files are needed, so they are joined. */
        st = lp_ca_bundle_build(env_file, 1, cacert_file, &out->pem, &out->pem_len, err);
    } else if (is_directory(system_capath)) {
        st = check_private_ca(cacert_file, err);
        if (st == LP_OK)
            st = copy_path(cacert_file, &out->cainfo, err);
        if (st == LP_OK)
            st = copy_path(system_capath, &out->capath, err);
    } else {
        st = lp_ca_bundle_build(system_cainfo, 0, cacert_file, &out->pem, &out->pem_len, err);
    }
    if (st != LP_OK)
        lp_ca_trust_clear(out);
    return st;
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
        return lp_error_set(err, LP_ERR_CONFIG,
                            "%s holds no PEM certificate (--cacert wants a PEM CA file)",
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
