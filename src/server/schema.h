/* Database schema: created and migrated by the server, versioned in schema_version. */
#ifndef LP_SERVER_SCHEMA_H
#define LP_SERVER_SCHEMA_H

#include <stdbool.h>
#include <stddef.h>

#include "server/cursor.h"
#include "server/db.h"

/* What license search (`q`) matches: product name, edition and the last four
 * key characters, lower-cased and separated by U+001F so that a match cannot
 * span two of them. Queries must use this exact text to use its index. */
#define LP_LICENSE_SEARCH_TEXT \
    "lower(product_name || char(31) || coalesce(edition, '') || char(31) || substr(license_key, -4))"
/* The same text in PostgreSQL's dialect. */
#define LP_LICENSE_SEARCH_TEXT_POSTGRES \
    "lower(product_name || chr(31) || coalesce(edition, '') || chr(31) || right(license_key, 4))"

/* Brings the schema to the newest version, each step in one transaction.
 * Refuses a database written by a newer licportald. */
bool lpd_schema_migrate(struct lpd_db *db, char *err, size_t err_size);

/* Opens `path` and migrates it; NULL with a message in `err` on failure. */
struct lpd_db *lpd_schema_open(const char *path, char *err, size_t err_size);

/* The version the database is at (0 for an empty file). */
int lpd_schema_version(struct lpd_db *db);

/* The key that authenticates page cursors, made at first migration. */
bool lpd_schema_cursor_key(struct lpd_db *db, unsigned char key[LP_CURSOR_KEY_BYTES], char *err, size_t err_size);

/* Drop and recreate the counting triggers, inside the caller's transaction.
 * Between the two calls the caller must set users.license_count,
 * users.active_stored_count, users.activation_count, users.kpi_version
 * (any change) and licenses.activations_in_use for every row it writes. */
bool lpd_schema_suspend_counters(struct lpd_db *db, char *err, size_t err_size);
bool lpd_schema_resume_counters(struct lpd_db *db, char *err, size_t err_size);

#endif
