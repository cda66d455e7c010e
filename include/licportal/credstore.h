/* Where the session lives between runs: keyring, a 0600 file, or memory.
 * A program opens the store and hands it to lp_client_new; the CLI and the
 * terminal UI also name it to the user and clear it at logout. What it holds
 * (tokens) is read and written only inside the library (lib/store/credentials.h). */
#ifndef LICPORTAL_CREDSTORE_H
#define LICPORTAL_CREDSTORE_H

#include <stdbool.h>

#include "licportal/config.h"
#include "licportal/error.h"

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

/* Forgets the stored session (logout). */
lp_status lp_credstore_clear(lp_credstore *store, lp_error *err);

#endif
