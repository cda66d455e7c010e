/* Schema migrations. Counters on users and licenses are kept by triggers so that
 * the dashboard reads them instead of counting rows. */
#include "server/schema.h"

#include <sodium.h>
#include <stdio.h>
#include <string.h>

#if LP_HAVE_POSTGRESQL
#include "server/schema_postgres.h"
#endif

/* The counters the dashboard reads, kept by triggers. Bulk loads drop them
 * and set the counters themselves (see lpd_schema_suspend_counters). */
#define TRIGGER_LICENSES_COUNTED                                                                      \
    "CREATE TRIGGER licenses_counted AFTER INSERT ON licenses BEGIN"                                  \
    "  UPDATE users SET license_count = license_count + 1,"                                           \
    "    active_stored_count = active_stored_count + (NEW.status = 'active') WHERE id = NEW.user_id;" \
    " END;"
#define TRIGGER_LICENSES_UNCOUNTED                                                                    \
    "CREATE TRIGGER licenses_uncounted AFTER DELETE ON licenses BEGIN"                                \
    "  UPDATE users SET license_count = license_count - 1,"                                           \
    "    active_stored_count = active_stored_count - (OLD.status = 'active') WHERE id = OLD.user_id;" \
    " END;"
#define TRIGGER_LICENSES_STATUS_CHANGED                                               \
    "CREATE TRIGGER licenses_status_changed AFTER UPDATE OF status ON licenses BEGIN" \
    "  UPDATE users SET active_stored_count = active_stored_count"                    \
    "    - (OLD.status = 'active') + (NEW.status = 'active') WHERE id = NEW.user_id;" \
    " END;"
#define TRIGGER_ACTIVATIONS_COUNTED                                                                \
    "CREATE TRIGGER activations_counted AFTER INSERT ON activations BEGIN"                         \
    "  UPDATE licenses SET activations_in_use = activations_in_use + 1 WHERE id = NEW.license_id;" \
    "  UPDATE users SET activation_count = activation_count + 1 WHERE id = NEW.user_id;"           \
    " END;"
#define TRIGGER_ACTIVATIONS_UNCOUNTED                                                              \
    "CREATE TRIGGER activations_uncounted AFTER DELETE ON activations BEGIN"                       \
    "  UPDATE licenses SET activations_in_use = activations_in_use - 1 WHERE id = OLD.license_id;" \
    "  UPDATE users SET activation_count = activation_count - 1 WHERE id = OLD.user_id;"           \
    " END;"

/* Version 1: the whole portal model, one statement per entry. */
static const char *const migration_1[] = {
    "CREATE TABLE settings (name TEXT PRIMARY KEY, value BLOB NOT NULL);",
    "CREATE TABLE users ("
    "  id INTEGER PRIMARY KEY,"
    "  email TEXT NOT NULL UNIQUE COLLATE NOCASE,"
    "  name TEXT NOT NULL DEFAULT '',"
    "  organization TEXT,"
    "  password_hash TEXT,"
    "  otp_secret BLOB,"
    "  created_at INTEGER NOT NULL,"
    "  license_count INTEGER NOT NULL DEFAULT 0,"
    "  active_stored_count INTEGER NOT NULL DEFAULT 0,"
    "  activation_count INTEGER NOT NULL DEFAULT 0);",
    "CREATE TABLE products ("
    "  id TEXT PRIMARY KEY,"
    "  name TEXT NOT NULL,"
    "  activation_kind TEXT NOT NULL CHECK (activation_kind IN ('device','domain')));",
    "CREATE TABLE renewal_options ("
    "  id INTEGER PRIMARY KEY,"
    "  product_id TEXT NOT NULL REFERENCES products(id) ON DELETE CASCADE,"
    "  label TEXT NOT NULL,"
    "  term_months INTEGER NOT NULL,"
    "  amount_minor INTEGER NOT NULL,"
    "  currency TEXT NOT NULL);",
    "CREATE INDEX renewal_options_product ON renewal_options(product_id, id);",
    /* product_name copies products.name so that sorting by product walks an index. */
    "CREATE TABLE licenses ("
    "  id INTEGER PRIMARY KEY,"
    "  user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,"
    "  product_id TEXT NOT NULL REFERENCES products(id),"
    "  product_name TEXT NOT NULL,"
    "  edition TEXT,"
    "  license_key TEXT NOT NULL UNIQUE,"
    "  status TEXT NOT NULL CHECK (status IN ('active','expired','suspended','revoked','pending')),"
    "  added_at INTEGER NOT NULL,"
    "  expires_at INTEGER,"
    /* expires_at with 'never' as the largest value, for ordering and keyset paging. */
    "  expires_key INTEGER NOT NULL,"
    "  max_activations INTEGER,"
    "  activations_in_use INTEGER NOT NULL DEFAULT 0,"
    "  allow_deactivation INTEGER NOT NULL DEFAULT 1,"
    "  features TEXT NOT NULL DEFAULT '[]');",
    "CREATE INDEX licenses_by_added ON licenses(user_id, added_at, id);",
    "CREATE INDEX licenses_by_expiry ON licenses(user_id, expires_key, id);",
    "CREATE INDEX licenses_by_product_name ON licenses(user_id, product_name, id);",
    "CREATE INDEX licenses_by_status ON licenses(user_id, status, expires_at);",
    "CREATE INDEX licenses_by_product ON licenses(user_id, product_id, status, expires_at);",
    "CREATE TABLE activations ("
    "  id INTEGER PRIMARY KEY,"
    "  license_id INTEGER NOT NULL REFERENCES licenses(id) ON DELETE CASCADE,"
    "  user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,"
    "  kind TEXT NOT NULL CHECK (kind IN ('device','domain')),"
    "  name TEXT NOT NULL,"
    "  fingerprint TEXT NOT NULL,"
    "  platform TEXT,"
    "  ip TEXT,"
    "  activated_at INTEGER NOT NULL,"
    "  last_seen_at INTEGER);",
    "CREATE INDEX activations_by_user ON activations(user_id, activated_at, id);",
    "CREATE INDEX activations_by_license ON activations(license_id, activated_at, id);",
    "CREATE TABLE releases ("
    "  id INTEGER PRIMARY KEY,"
    "  product_id TEXT NOT NULL REFERENCES products(id) ON DELETE CASCADE,"
    "  version TEXT NOT NULL,"
    "  channel TEXT NOT NULL CHECK (channel IN ('stable','beta')),"
    "  platform TEXT NOT NULL CHECK (platform IN ('linux','windows','macos','any')),"
    "  arch TEXT NOT NULL CHECK (arch IN ('x86_64','aarch64','any')),"
    "  filename TEXT NOT NULL,"
    "  path TEXT NOT NULL,"
    "  size_bytes INTEGER NOT NULL,"
    "  sha256 TEXT NOT NULL,"
    "  released_at INTEGER NOT NULL,"
    "  release_notes TEXT);",
    "CREATE INDEX releases_by_date ON releases(released_at, id);",
    "CREATE INDEX releases_by_product ON releases(product_id, released_at, id);",
    /* A session is one login; its refresh tokens form the rotation family. */
    "CREATE TABLE sessions ("
    "  id INTEGER PRIMARY KEY,"
    "  user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,"
    "  created_at INTEGER NOT NULL,"
    "  revoked_at INTEGER);",
    "CREATE TABLE refresh_tokens ("
    "  token_hash TEXT PRIMARY KEY,"
    "  session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,"
    "  expires_at INTEGER NOT NULL,"
    "  used_at INTEGER);",
    "CREATE TABLE access_tokens ("
    "  token_hash TEXT PRIMARY KEY,"
    "  session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,"
    "  user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,"
    "  expires_at INTEGER NOT NULL);",
    "CREATE TABLE audit_log ("
    "  id INTEGER PRIMARY KEY,"
    "  at INTEGER NOT NULL,"
    "  user_id INTEGER REFERENCES users(id) ON DELETE SET NULL,"
    "  action TEXT NOT NULL,"
    "  object_id TEXT,"
    "  ip TEXT,"
    "  detail TEXT);",
    "CREATE INDEX audit_by_user ON audit_log(user_id, at);",
    TRIGGER_LICENSES_COUNTED,
    TRIGGER_LICENSES_UNCOUNTED,
    TRIGGER_LICENSES_STATUS_CHANGED,
    TRIGGER_ACTIVATIONS_COUNTED,
    TRIGGER_ACTIVATIONS_UNCOUNTED,
    NULL,
};

/* kpi_version changes whenever a license's owner, status or expiry changes, so
 * that cached expiry counts (kpi_cache.c) know when to start afresh. */
#define TRIGGER_KPI_LICENSE_ADDED                                              \
    "CREATE TRIGGER kpi_license_added AFTER INSERT ON licenses BEGIN"          \
    "  UPDATE users SET kpi_version = kpi_version + 1 WHERE id = NEW.user_id;" \
    " END;"
#define TRIGGER_KPI_LICENSE_REMOVED                                            \
    "CREATE TRIGGER kpi_license_removed AFTER DELETE ON licenses BEGIN"        \
    "  UPDATE users SET kpi_version = kpi_version + 1 WHERE id = OLD.user_id;" \
    " END;"
#define TRIGGER_KPI_LICENSE_CHANGED                                                                    \
    "CREATE TRIGGER kpi_license_changed AFTER UPDATE OF user_id, status, expires_at ON licenses BEGIN" \
    "  UPDATE users SET kpi_version = kpi_version + 1 WHERE id IN (OLD.user_id, NEW.user_id);"         \
    " END;"

/* Version 2: a per-user version of the data the expiry KPIs depend on. */
static const char *const migration_2[] = {
    "ALTER TABLE users ADD COLUMN kpi_version INTEGER NOT NULL DEFAULT 0;",
    TRIGGER_KPI_LICENSE_ADDED,
    TRIGGER_KPI_LICENSE_REMOVED,
    TRIGGER_KPI_LICENSE_CHANGED,
    NULL,
};

/* Version 3: sorting by status walks each status in id order. */
static const char *const migration_3[] = {
    "CREATE INDEX licenses_by_status_id ON licenses(user_id, status, id, expires_key);",
    NULL,
};

/* Version 4: the text `q` searches, as one indexed expression (see LP_LICENSE_SEARCH_TEXT). */
static const char *const migration_4[] = {
    "CREATE INDEX licenses_search ON licenses(user_id, " LP_LICENSE_SEARCH_TEXT ");",
    NULL,
};

/* Version 5: what login hardening and pruning keep. The last TOTP time step
 * a user logged in with (a code is never accepted twice); a rate-limit audit
 * row counts the refusals of its key in one window instead of one row each;
 * indexes for pruning by age and for the cascades from sessions. */
static const char *const migration_5[] = {
    "ALTER TABLE users ADD COLUMN otp_last_step INTEGER;",
    "ALTER TABLE audit_log ADD COLUMN repeats INTEGER NOT NULL DEFAULT 1;",
    "CREATE INDEX audit_rate_limited ON audit_log(detail, at) WHERE action = 'login_rate_limited';",
    "CREATE INDEX audit_by_time ON audit_log(at);",
    "CREATE INDEX sessions_by_created ON sessions(created_at);",
    "CREATE INDEX refresh_tokens_by_session ON refresh_tokens(session_id);",
    "CREATE INDEX access_tokens_by_session ON access_tokens(session_id);",
    "CREATE INDEX access_tokens_by_expiry ON access_tokens(expires_at);",
    NULL,
};

/* Version 6: personal access tokens for scripts and monitoring, stored only as hashes. */
static const char *const migration_6[] = {
    "CREATE TABLE personal_tokens ("
    "  id INTEGER PRIMARY KEY,"
    "  user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,"
    "  token_hash TEXT NOT NULL UNIQUE,"
    "  name TEXT NOT NULL,"
    "  scope TEXT NOT NULL CHECK (scope IN ('read','read_write')),"
    "  created_at INTEGER NOT NULL,"
    "  expires_at INTEGER,"
    "  revoked_at INTEGER,"
    "  last_used_at INTEGER);",
    "CREATE INDEX personal_tokens_by_user ON personal_tokens(user_id, id);",
    NULL,
};

/* Version 7: Ed25519 keys that sign offline license files (the private halves
 * live in files beside the database, see signing_key.h), and the nonces of the
 * machine requests already turned into activations. */
static const char *const migration_7[] = {
    "CREATE TABLE signing_keys ("
    "  seq INTEGER PRIMARY KEY,"
    "  id TEXT NOT NULL UNIQUE,"
    "  alg TEXT NOT NULL CHECK (alg IN ('ed25519')),"
    "  public_key BLOB NOT NULL,"
    "  created_at INTEGER NOT NULL,"
    "  retired_at INTEGER);",
    "CREATE TABLE offline_requests ("
    "  nonce TEXT PRIMARY KEY,"
    "  user_id INTEGER,"
    "  license_id INTEGER,"
    "  activation_id INTEGER,"
    "  created_at INTEGER NOT NULL,"
    "  used_at INTEGER NOT NULL);",
    NULL,
};

/* Version 8: administration. A disabled user cannot log in; a renewal option
 * with a license_id is offered for that license only, one without it for
 * every license of its product. */
static const char *const migration_8[] = {
    "ALTER TABLE users ADD COLUMN disabled_at INTEGER;",
    "ALTER TABLE renewal_options ADD COLUMN license_id INTEGER REFERENCES licenses(id) ON DELETE CASCADE;",
    "CREATE INDEX renewal_options_license ON renewal_options(license_id) WHERE license_id IS NOT NULL;",
    NULL,
};

/* Version 9: login failure counters that several instances share. A SQLite
 * database has one instance, which keeps them in its memory (login_limit.h):
 * nothing changes here. */
static const char *const migration_9[] = {
    NULL,
};

static const char *const *const migrations[] = {migration_1, migration_2, migration_3, migration_4, migration_5,
                                                migration_6, migration_7, migration_8, migration_9};

#define LATEST_VERSION ((int)(sizeof migrations / sizeof migrations[0]))

/* The statements that bring version `v` to `v + 1` in the store's dialect. */
static const char *const *migration_of(struct lpd_db *db, int v)
{
#if LP_HAVE_POSTGRESQL
    if (lpd_db_dialect(db) == LPD_DIALECT_POSTGRES)
        return (size_t)v < lpd_schema_postgres_migration_count ? lpd_schema_postgres_migrations[v] : NULL;
#else
    (void)db;
#endif
    return migrations[v];
}

int lpd_schema_version(struct lpd_db *db)
{
    struct lpd_stmt *st = lpd_db_prepare(db, "SELECT version FROM schema_version");
    int version = 0;
    if (st != NULL && lpd_step(st) == LPD_ROW)
        version = (int)lpd_col_int(st, 0, 0);
    lpd_stmt_free(st);
    return version;
}

static bool store_cursor_key(struct lpd_db *db, char *err, size_t err_size)
{
    unsigned char key[LP_CURSOR_KEY_BYTES];
    randombytes_buf(key, sizeof key);
    struct lpd_stmt *st = lpd_db_prepare(db, "INSERT INTO settings(name, value) VALUES ('cursor_key', :key)");
    bool ok = st != NULL;
    if (ok) {
        lpd_bind_blob(st, ":key", key, sizeof key);
        ok = lpd_step(st) == LPD_DONE;
    }
    if (!ok)
        snprintf(err, err_size, "cannot store cursor key: %s", lpd_db_errmsg(db));
    lpd_stmt_free(st);
    sodium_memzero(key, sizeof key);
    return ok;
}

bool lpd_schema_migrate(struct lpd_db *db, char *err, size_t err_size)
{
    if (sodium_init() < 0) {
        snprintf(err, err_size, "libsodium failed to initialise");
        return false;
    }
    if (!lpd_db_begin_write(db, err, err_size))
        return false;
    if (!lpd_db_exec(db, "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)", err, err_size))
        goto fail;
    int version = lpd_schema_version(db);
    if (version > LATEST_VERSION) {
        snprintf(err, err_size, "database schema version %d is newer than this licportald supports (%d)", version,
                 LATEST_VERSION);
        goto fail;
    }
    for (int v = version; v < LATEST_VERSION; v++) {
        const char *const *steps = migration_of(db, v);
        if (steps == NULL) {
            snprintf(err, err_size, "no migration to schema version %d for this store", v + 1);
            goto fail;
        }
        for (const char *const *statement = steps; *statement != NULL; statement++) {
            if (!lpd_db_exec(db, *statement, err, err_size))
                goto fail;
        }
        if (v == 0 && !store_cursor_key(db, err, err_size))
            goto fail;
    }
    if (version < LATEST_VERSION) {
        char sql[96];
        snprintf(sql, sizeof sql, "DELETE FROM schema_version; INSERT INTO schema_version VALUES (%d)", LATEST_VERSION);
        if (!lpd_db_exec(db, sql, err, err_size))
            goto fail;
    }
    return lpd_db_commit(db, err, err_size);
fail:
    lpd_db_rollback(db);
    return false;
}

bool lpd_schema_cursor_key(struct lpd_db *db, unsigned char key[LP_CURSOR_KEY_BYTES], char *err, size_t err_size)
{
    struct lpd_stmt *st = lpd_db_prepare(db, "SELECT value FROM settings WHERE name = 'cursor_key'");
    bool ok = false;
    if (st != NULL && lpd_step(st) == LPD_ROW) {
        size_t len = 0;
        const void *blob = lpd_col_blob(st, 0, &len);
        ok = blob != NULL && len == LP_CURSOR_KEY_BYTES;
        if (ok)
            memcpy(key, blob, LP_CURSOR_KEY_BYTES);
    }
    if (!ok) {
        snprintf(err, err_size, "database has no cursor key");
    }
    lpd_stmt_free(st);
    return ok;
}

struct lpd_db *lpd_schema_open(const char *path, char *err, size_t err_size)
{
    struct lpd_db *db = lpd_db_open(path, err, err_size);
    if (db != NULL && !lpd_schema_migrate(db, err, err_size)) {
        lpd_db_free(db);
        return NULL;
    }
    return db;
}

static const char *const counter_triggers[] = {
    TRIGGER_LICENSES_COUNTED,    TRIGGER_LICENSES_UNCOUNTED,    TRIGGER_LICENSES_STATUS_CHANGED,
    TRIGGER_ACTIVATIONS_COUNTED, TRIGGER_ACTIVATIONS_UNCOUNTED, TRIGGER_KPI_LICENSE_ADDED,
    TRIGGER_KPI_LICENSE_REMOVED, TRIGGER_KPI_LICENSE_CHANGED,
};

#if LP_HAVE_POSTGRESQL
static bool exec_all(struct lpd_db *db, const char *const *statements, char *err, size_t err_size)
{
    for (; *statements != NULL; statements++) {
        if (!lpd_db_exec(db, *statements, err, err_size))
            return false;
    }
    return true;
}
#endif

bool lpd_schema_suspend_counters(struct lpd_db *db, char *err, size_t err_size)
{
#if LP_HAVE_POSTGRESQL
    if (lpd_db_dialect(db) == LPD_DIALECT_POSTGRES)
        return exec_all(db, lpd_schema_postgres_drop_counters, err, err_size);
#endif
    return lpd_db_exec(db,
                       "DROP TRIGGER licenses_counted; DROP TRIGGER licenses_uncounted;"
                       "DROP TRIGGER licenses_status_changed; DROP TRIGGER activations_counted;"
                       "DROP TRIGGER activations_uncounted; DROP TRIGGER kpi_license_added;"
                       "DROP TRIGGER kpi_license_removed; DROP TRIGGER kpi_license_changed;",
                       err, err_size);
}

bool lpd_schema_resume_counters(struct lpd_db *db, char *err, size_t err_size)
{
#if LP_HAVE_POSTGRESQL
    if (lpd_db_dialect(db) == LPD_DIALECT_POSTGRES)
        return exec_all(db, lpd_schema_postgres_create_counters, err, err_size);
#endif
    for (size_t i = 0; i < sizeof counter_triggers / sizeof counter_triggers[0]; i++) {
        if (!lpd_db_exec(db, counter_triggers[i], err, err_size))
            return false;
    }
    return true;
}
