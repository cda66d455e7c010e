/* The Secret Service (libsecret) store, every call bounded in time. */
#ifndef LICPORTAL_STORE_KEYRING_H
#define LICPORTAL_STORE_KEYRING_H

#include <stdbool.h>

#include "lib/store/credentials.h"

/* How long any one keyring call may take before it is given up. */
#define LP_KEYRING_TIMEOUT_MS 2000

/* Whether a Secret Service answers within the bound with an unlocked default
 * collection to store sessions in. */
bool lp_keyring_available(lp_error *err);

/* The item of `server` and `email` (NULL email: the first item of that
 * server). LP_ERR_AUTH when there is none, LP_ERR_STORE when the service
 * fails or does not answer in time. */
lp_status lp_keyring_load(const char *server, const char *email, lp_credentials *out,
                          lp_error *err);
lp_status lp_keyring_save(const lp_credentials *creds, lp_error *err);
/* Removes the items of `server` (all of them when `email` is NULL). */
lp_status lp_keyring_remove(const char *server, const char *email, lp_error *err);

#endif
