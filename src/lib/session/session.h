/* The session a client holds: tokens, when the access token runs out, keeping the store in step. */
#ifndef LICPORTAL_SESSION_SESSION_H
#define LICPORTAL_SESSION_SESSION_H

#include <stdbool.h>

#include "lib/store/credentials.h"
#include "licportal/model.h"

/* An access token this close to its expiry is refreshed before use: the
 * request could otherwise arrive after it ran out. */
#define LP_REFRESH_MARGIN_S 10

/* Whether the access token can be sent as it is at `now`. A token of unknown
 * expiry is used (the server's token_expired then triggers a refresh). */
bool lp_session_access_usable(const lp_credentials *session, lp_time now);

/* Whether a refresh can be attempted. */
bool lp_session_can_refresh(const lp_credentials *session);

/* Takes a login or refresh answer received at `now` into *session (for
 * `server`); the user's email and name are kept when the answer lacks them. */
lp_status lp_session_adopt(lp_credentials *session, const char *server, const lp_tokens *tokens,
                           lp_time now, lp_error *err);

/* Forgets the access token, so that the next call refreshes first. */
void lp_session_drop_access(lp_credentials *session);

/* Forgets both tokens (the server refused the session). */
void lp_session_drop_tokens(lp_credentials *session);

#endif
