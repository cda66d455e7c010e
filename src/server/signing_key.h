/* Ed25519 keys that sign offline license files: public halves in the database,
 * private halves in 0600 files in a 0700 folder (by default "DB.signing-keys/"
 * beside a SQLite file). */
#ifndef LP_SERVER_SIGNING_KEY_H
#define LP_SERVER_SIGNING_KEY_H

#include <cjson/cJSON.h>
#include <sodium.h>
#include <stdbool.h>
#include <stddef.h>

#include "licportal/timestamp.h"
#include "server/db.h"

/* "key_" and 16 hex digits of the public key's SHA-256. */
#define LP_SIGNING_KEY_ID_LEN 24

struct lpd_signing_key {
    char id[LP_SIGNING_KEY_ID_LEN];
    unsigned char secret[crypto_sign_SECRETKEYBYTES];
};

/* The folder of the private key files: `option` (--signing-keys) when given,
 * else "DB.signing-keys" beside the SQLite file `db_target`. A PostgreSQL
 * database has no file to sit beside: there the option is required, and
 * without it the answer is false with a message in `err`. */
bool lpd_signing_key_dir(const char *db_target, const char *option, char *out, size_t out_size, char *err,
                         size_t err_size);

/* Makes a signing key when the database has no current one; *created says
 * whether it did. */
bool lpd_signing_key_ensure(struct lpd_db *db, const char *keys_dir, lp_time now, bool *created, char *err,
                            size_t err_size);

/* Retires the current key (it keeps verifying what it signed) and makes a
 * new one, whose id goes to `new_id`. */
bool lpd_signing_key_rotate(struct lpd_db *db, const char *keys_dir, lp_time now, char new_id[LP_SIGNING_KEY_ID_LEN],
                            char *err, size_t err_size);

/* Loads the current key. Refuses a private key file that others may read or
 * that does not match the public key on record. Wipe `key` after use. */
bool lpd_signing_key_current(struct lpd_db *db, const char *keys_dir, struct lpd_signing_key *key, char *err,
                             size_t err_size);

/* {"keys": [{"id", "alg", "public_key", "created_at", "retired_at"}]}, oldest
 * first; NULL on a database error. */
cJSON *lpd_signing_keys_json(struct lpd_db *db);

#endif
