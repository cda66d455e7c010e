/* The deterministic demo data set: products, releases with real files, users and their licenses. */
#ifndef LP_SERVER_DEMO_DATA_H
#define LP_SERVER_DEMO_DATA_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "licportal/timestamp.h"
#include "server/db.h"

struct lpd_demo_options {
    const char *files_dir;
    long users;
    long licenses_per_user;
    uint64_t seed;
    /* Hashed once and shared by every demo user. */
    const char *password;
    /* Expiry dates are placed relative to this instant. */
    lp_time now;
};

/* Writes the data set in one transaction. The same options give the same
 * data (relative to `now`). False with a message in `err` on failure, with
 * nothing written to the database. */
bool lpd_demo_generate(struct lpd_db *db, const struct lpd_demo_options *options, char *err, size_t err_size);

#endif
