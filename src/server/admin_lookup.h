/* Finding the records an administration command names: users by e-mail, licenses by id. */
#ifndef LP_SERVER_ADMIN_LOOKUP_H
#define LP_SERVER_ADMIN_LOOKUP_H

#include <stdint.h>

#include "server/db.h"

/* The row of the user with `email` (case-insensitive). Returns -1 when it
 * is not found or the database fails, after a one-line message naming it. */
int64_t lpd_admin_user_row(struct lpd_db *db, const char *email);

/* The row of license `id` ("lic_42"), checked to exist. Returns -1 after a
 * one-line message otherwise. */
int64_t lpd_admin_license_row(struct lpd_db *db, const char *id);

/* Whether product `id` exists. Prints a one-line message when it does not
 * (or the database fails). */
bool lpd_admin_product_exists(struct lpd_db *db, const char *id);

/* Opens (creating and migrating when needed) the database at `path`; NULL
 * after a one-line message. */
struct lpd_db *lpd_admin_open(const char *path);

#endif
