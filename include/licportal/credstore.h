/* Where the session lives between runs: keyring, a 0600 file, or memory.
 * A program opens the store and hands it to lp_client_new; the CLI and the
 * terminal UI also name it to the user and clear it at logout. */
#ifndef LICPORTAL_CREDSTORE_H
#define LICPORTAL_CREDSTORE_H

#include <stdbool.h>

#include "licportal/config.h"
#include "licportal/error.h"
#include "licportal/model.h"

/* What is kept of a session. The password never is. */
/* How a personal access token (portal-api.md) begins. */
#define LP_PERSONAL_TOKEN_PREFIX "lpt_"

typedef struct lp_credentials {
    char *server;         /* base URL the tokens belong to */
    char *email;
    char *user_name;      /* nullable */
    char *refresh_token;
    char *access_token;   /* nullable: kept so that a new run needs no refresh */
    lp_time access_expires_at; /* LP_TIME_NONE when no access token */
} lp_credentials;

void lp_credentials_clear(lp_credentials *creds);

typedef struct lp_credstore lp_credstore;

/* Opens the store `requested` for `server` (and `email`, which may be NULL:
 * then the first session stored for that server is used).
 * AUTO probes the Secret Service with a 2-second bound and falls back to
 * NONE (never FILE) when none answers; *fallback_note then says so in one
 * line naming the opt-in, else it is set to NULL. KEYRING fails with
 * LP_ERR_STORE when no Secret Service answers in time. The environment
 * variable LICPORTAL_TOKEN, a personal access token ("lpt_..."), overrides any
 * store: it is the session's access token, never refreshed, and saving keeps
 * tokens in memory only. Any other value there fails with LP_ERR_AUTH. */
lp_credstore *lp_credstore_open(lp_store_kind requested, const char *server, const char *email,
                                const char **fallback_note, lp_error *err);
void lp_credstore_free(lp_credstore *store);

/* The store actually in use, and words for `licportal status`
 * ("Secret Service keyring", "file /home/u/.local/state/licportal/credentials",
 * "memory (this run only)", "environment (LICPORTAL_TOKEN)"). */
lp_store_kind lp_credstore_kind(const lp_credstore *store);
/* Whether LICPORTAL_TOKEN supplies the session. */
bool lp_credstore_from_environment(const lp_credstore *store);
const char *lp_credstore_describe(const lp_credstore *store);

/* LP_ERR_AUTH when nothing is stored. The file store refuses (LP_ERR_STORE)
 * a file whose mode is wider than 0600. */
lp_status lp_credstore_load(lp_credstore *store, lp_credentials *out, lp_error *err);
/* The file store writes atomically with mode 0600 set before any secret. */
lp_status lp_credstore_save(lp_credstore *store, const lp_credentials *creds, lp_error *err);
lp_status lp_credstore_clear(lp_credstore *store, lp_error *err);

#endif
