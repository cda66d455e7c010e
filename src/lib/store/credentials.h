/* What is kept of a session, tokens included, and reading and writing it in
 * a credential store. Only the library (the client and the stores) and its
 * tests see tokens; a program learns who is logged in from
 * lp_client_session_info (licportal/client.h). */
#ifndef LICPORTAL_STORE_CREDENTIALS_H
#define LICPORTAL_STORE_CREDENTIALS_H

#include "licportal/credstore.h"
#include "licportal/error.h"
#include "licportal/timestamp.h"

/* How a personal access token (portal-api.md) begins. */
#define LP_PERSONAL_TOKEN_PREFIX "lpt_"

/* What is kept of a session. The password never is. */
typedef struct lp_credentials {
    char *server; /* base URL the tokens belong to */
    char *email;
    char *user_name; /* nullable */
    char *refresh_token;
    char *access_token;        /* nullable: kept so that a new run needs no refresh */
    lp_time access_expires_at; /* LP_TIME_NONE when no access token */
} lp_credentials;

void lp_credentials_clear(lp_credentials *creds);

/* LP_ERR_AUTH when nothing is stored. The file store refuses (LP_ERR_STORE)
 * a file whose mode is wider than 0600. */
lp_status lp_credstore_load(lp_credstore *store, lp_credentials *out, lp_error *err);
/* The file store writes atomically with mode 0600 set before any secret. */
lp_status lp_credstore_save(lp_credstore *store, const lp_credentials *creds, lp_error *err);

#endif
