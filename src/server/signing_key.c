/* Signing keys: made, rotated and loaded; the private seed never leaves its 0600 file but to sign. */
#include "server/signing_key.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "server/license_json.h"

#define SEED_TEXT_MAX 128

bool lpd_signing_key_dir(const char *db_target, const char *option, char *out, size_t out_size, char *err,
                         size_t err_size)
{
    int n;
    if (option != NULL) {
        n = snprintf(out, out_size, "%s", option);
    } else if (lpd_db_target_is_postgres(db_target)) {
        snprintf(err, err_size,
                 "with a PostgreSQL database, --signing-keys DIR is required (the folder of the "
                 "private signing keys, the same for every instance)");
        return false;
    } else {
        n = snprintf(out, out_size, "%s.signing-keys", db_target);
    }
    if (n <= 0 || (size_t)n >= out_size) {
        snprintf(err, err_size, "the signing key folder's path is too long");
        return false;
    }
    return true;
}

static bool key_file_path(const char *keys_dir, const char *id, char *out, size_t out_size)
{
    int n = snprintf(out, out_size, "%s/%s.key", keys_dir, id);
    return n > 0 && (size_t)n < out_size;
}

static void key_id_of(const unsigned char public_key[crypto_sign_PUBLICKEYBYTES], char id[LP_SIGNING_KEY_ID_LEN])
{
    unsigned char digest[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(digest, public_key, crypto_sign_PUBLICKEYBYTES);
    memcpy(id, "key_", 4);
    sodium_bin2hex(id + 4, LP_SIGNING_KEY_ID_LEN - 4, digest, 8);
}

static bool make_private_dir(const char *dir, char *err, size_t err_size)
{
    if (mkdir(dir, 0700) == 0)
        return true;
    struct stat sb;
    if (errno == EEXIST && lstat(dir, &sb) == 0 && S_ISDIR(sb.st_mode))
        return true;
    snprintf(err, err_size, "cannot create key folder %s: %s", dir, strerror(errno));
    return false;
}

/* Writes the seed as base64url text into a new file of mode 0600. */
static bool write_seed(const char *path, const unsigned char seed[crypto_sign_SEEDBYTES], char *err, size_t err_size)
{
    char text[SEED_TEXT_MAX];
    sodium_bin2base64(text, sizeof text, seed, crypto_sign_SEEDBYTES, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
    size_t len = strlen(text);
    text[len++] = '\n';
    int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
    bool ok = fd >= 0 && fchmod(fd, 0600) == 0 && write(fd, text, len) == (ssize_t)len && fsync(fd) == 0;
    int saved = errno;
    if (fd >= 0 && close(fd) != 0 && ok) {
        ok = false;
        saved = errno;
    }
    sodium_memzero(text, sizeof text);
    if (!ok) {
        snprintf(err, err_size, "cannot write key file %s: %s", path, strerror(saved));
        if (fd >= 0)
            unlink(path);
    }
    return ok;
}

static bool read_seed(const char *path, unsigned char seed[crypto_sign_SEEDBYTES], char *err, size_t err_size)
{
    int fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0) {
        snprintf(err, err_size, "cannot open key file %s: %s", path, strerror(errno));
        return false;
    }
    struct stat sb;
    char text[SEED_TEXT_MAX + 1];
    ssize_t n = -1;
    bool ok = false;
    if (fstat(fd, &sb) != 0 || !S_ISREG(sb.st_mode))
        snprintf(err, err_size, "key file %s is not a regular file", path);
    else if ((sb.st_mode & 077) != 0)
        snprintf(err, err_size, "key file %s may be read by others (mode %03o): chmod 600 it", path,
                 (unsigned)(sb.st_mode & 0777));
    else if ((n = read(fd, text, SEED_TEXT_MAX)) <= 0)
        snprintf(err, err_size, "cannot read key file %s", path);
    else {
        text[n] = '\0';
        size_t seed_len = 0;
        const char *end = NULL;
        ok = sodium_base642bin(seed, crypto_sign_SEEDBYTES, text, (size_t)n, "\n", &seed_len, &end,
                               sodium_base64_VARIANT_URLSAFE_NO_PADDING) == 0 &&
             seed_len == crypto_sign_SEEDBYTES && (end == text + n);
        if (!ok)
            snprintf(err, err_size, "key file %s does not hold an Ed25519 seed", path);
    }
    sodium_memzero(text, sizeof text);
    close(fd);
    return ok;
}

/* Makes a key pair, its private file and its row (inside the caller's transaction). */
static bool create_key(struct lpd_db *db, const char *keys_dir, lp_time now, char id[LP_SIGNING_KEY_ID_LEN], char *err,
                       size_t err_size)
{
    unsigned char seed[crypto_sign_SEEDBYTES], public_key[crypto_sign_PUBLICKEYBYTES],
        secret[crypto_sign_SECRETKEYBYTES];
    randombytes_buf(seed, sizeof seed);
    crypto_sign_seed_keypair(public_key, secret, seed);
    sodium_memzero(secret, sizeof secret);
    key_id_of(public_key, id);
    char path[4200];
    bool ok = key_file_path(keys_dir, id, path, sizeof path);
    if (!ok)
        snprintf(err, err_size, "the signing key folder's path is too long");
    ok = ok && make_private_dir(keys_dir, err, err_size) && write_seed(path, seed, err, err_size);
    sodium_memzero(seed, sizeof seed);
    if (!ok)
        return false;
    static const char *const insert = "INSERT INTO signing_keys(id, alg, public_key, created_at) "
                                      "VALUES (:id, 'ed25519', :public_key, :now)";
    struct lpd_stmt *st = lpd_db_stmt(db, insert);
    ok = st != NULL;
    if (ok) {
        lpd_bind_text(st, ":id", id);
        lpd_bind_blob(st, ":public_key", public_key, sizeof public_key);
        lpd_bind_int(st, ":now", now);
        ok = lpd_step(st) == LPD_DONE;
        lpd_stmt_reset(st);
    }
    if (!ok) {
        snprintf(err, err_size, "cannot record signing key: %s", lpd_db_errmsg(db));
        unlink(path);
    }
    return ok;
}

static bool has_current_key(struct lpd_db *db, bool *has)
{
    static const char *const sql = "SELECT 1 FROM signing_keys WHERE retired_at IS NULL";
    struct lpd_stmt *st = lpd_db_stmt(db, sql);
    if (st == NULL)
        return false;
    int rc = lpd_step(st);
    *has = rc == LPD_ROW;
    lpd_stmt_reset(st);
    return rc == LPD_ROW || rc == LPD_DONE;
}

bool lpd_signing_key_ensure(struct lpd_db *db, const char *keys_dir, lp_time now, bool *created, char *err,
                            size_t err_size)
{
    *created = false;
    if (!lpd_db_begin_write(db, err, err_size))
        return false;
    bool has = false;
    char id[LP_SIGNING_KEY_ID_LEN];
    bool ok = has_current_key(db, &has);
    if (!ok)
        snprintf(err, err_size, "cannot read signing keys: %s", lpd_db_errmsg(db));
    if (ok && !has)
        ok = *created = create_key(db, keys_dir, now, id, err, err_size);
    if (ok)
        return lpd_db_commit(db, err, err_size);
    lpd_db_rollback(db);
    *created = false;
    return false;
}

bool lpd_signing_key_rotate(struct lpd_db *db, const char *keys_dir, lp_time now, char new_id[LP_SIGNING_KEY_ID_LEN],
                            char *err, size_t err_size)
{
    if (!lpd_db_begin_write(db, err, err_size))
        return false;
    static const char *const retire = "UPDATE signing_keys SET retired_at = :now WHERE retired_at IS NULL";
    struct lpd_stmt *st = lpd_db_stmt(db, retire);
    bool ok = st != NULL;
    if (ok) {
        lpd_bind_int(st, ":now", now);
        ok = lpd_step(st) == LPD_DONE;
        lpd_stmt_reset(st);
    }
    if (!ok)
        snprintf(err, err_size, "cannot retire the signing key: %s", lpd_db_errmsg(db));
    if (ok && create_key(db, keys_dir, now, new_id, err, err_size))
        return lpd_db_commit(db, err, err_size);
    lpd_db_rollback(db);
    return false;
}

bool lpd_signing_key_current(struct lpd_db *db, const char *keys_dir, struct lpd_signing_key *key, char *err,
                             size_t err_size)
{
    static const char *const sql = "SELECT id, public_key FROM signing_keys WHERE retired_at IS NULL "
                                   "ORDER BY seq DESC LIMIT 1";
    struct lpd_stmt *st = lpd_db_stmt(db, sql);
    size_t public_len = 0;
    const void *public_blob = NULL;
    if (st != NULL && lpd_step(st) == LPD_ROW)
        public_blob = lpd_col_blob(st, 1, &public_len);
    if (public_blob == NULL || public_len != crypto_sign_PUBLICKEYBYTES) {
        if (st != NULL)
            lpd_stmt_reset(st);
        snprintf(err, err_size, "the database has no current signing key (run licportald keys rotate)");
        return false;
    }
    unsigned char public_key[crypto_sign_PUBLICKEYBYTES];
    memcpy(public_key, public_blob, sizeof public_key);
    snprintf(key->id, sizeof key->id, "%s", lpd_col_text(st, 0));
    lpd_stmt_reset(st);

    char path[4200];
    unsigned char seed[crypto_sign_SEEDBYTES], derived[crypto_sign_PUBLICKEYBYTES];
    if (!key_file_path(keys_dir, key->id, path, sizeof path)) {
        snprintf(err, err_size, "the signing key folder's path is too long");
        return false;
    }
    if (!read_seed(path, seed, err, err_size))
        return false;
    crypto_sign_seed_keypair(derived, key->secret, seed);
    sodium_memzero(seed, sizeof seed);
    if (sodium_memcmp(derived, public_key, sizeof public_key) != 0) {
        sodium_memzero(key->secret, sizeof key->secret);
        snprintf(err, err_size, "key file %s does not match the public key on record", path);
        return false;
    }
    return true;
}

cJSON *lpd_signing_keys_json(struct lpd_db *db)
{
    static const char *const sql = "SELECT id, alg, public_key, created_at, retired_at FROM signing_keys ORDER BY seq";
    struct lpd_stmt *st = lpd_db_stmt(db, sql);
    if (st == NULL)
        return NULL;
    cJSON *body = cJSON_CreateObject();
    cJSON *keys = cJSON_AddArrayToObject(body, "keys");
    int rc;
    while ((rc = lpd_step(st)) == LPD_ROW) {
        char encoded[sodium_base64_ENCODED_LEN(crypto_sign_PUBLICKEYBYTES, sodium_base64_VARIANT_URLSAFE_NO_PADDING)];
        size_t len = 0;
        const void *public_key = lpd_col_blob(st, 2, &len);
        if (public_key == NULL || len != crypto_sign_PUBLICKEYBYTES)
            continue;
        sodium_bin2base64(encoded, sizeof encoded, public_key, crypto_sign_PUBLICKEYBYTES,
                          sodium_base64_VARIANT_URLSAFE_NO_PADDING);
        cJSON *item = cJSON_CreateObject();
        cJSON_AddStringToObject(item, "id", lpd_col_text(st, 0));
        cJSON_AddStringToObject(item, "alg", lpd_col_text(st, 1));
        cJSON_AddStringToObject(item, "public_key", encoded);
        lpd_json_add_time(item, "created_at", lpd_col_int(st, 3, 0));
        lpd_json_add_time(item, "retired_at", lpd_col_int(st, 4, LP_TIME_NONE));
        cJSON_AddItemToArray(keys, item);
    }
    lpd_stmt_reset(st);
    if (rc != LPD_DONE) {
        cJSON_Delete(body);
        return NULL;
    }
    return body;
}
