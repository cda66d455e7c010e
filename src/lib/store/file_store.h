/* The opt-in credentials file: sessions per server and email, mode 0600. */
#ifndef LICPORTAL_STORE_FILE_STORE_H
#define LICPORTAL_STORE_FILE_STORE_H

#include "lib/store/credentials.h"

/* The session for `server` and `email` (NULL email: the first for that
 * server). LP_ERR_AUTH when there is none or the file does not exist;
 * LP_ERR_STORE when the file's mode is wider than 0600 or it is unreadable. */
lp_status lp_file_store_load(const char *path, const char *server, const char *email,
                             lp_credentials *out, lp_error *err);

/* Replaces (or adds) the session of creds->server and creds->email, keeping
 * the others. The file is written whole to a temporary file in the same
 * folder, made 0600 before any secret is written, synced, then renamed. */
lp_status lp_file_store_save(const char *path, const lp_credentials *creds, lp_error *err);

/* Removes the sessions of `server` (all of them when `email` is NULL). */
lp_status lp_file_store_remove(const char *path, const char *server, const char *email,
                               lp_error *err);

#endif
