/* The session a client holds: tokens, when the access token runs out, keeping the store in step. */
#include "lib/session/session.h"

#include <stdlib.h>
#include <string.h>

bool lp_session_access_usable(const lp_credentials *session, lp_time now)
{
    if (!session || !session->access_token || !*session->access_token)
        return false;
    if (session->access_expires_at == LP_TIME_NONE)
        return true;
    return session->access_expires_at - now > LP_REFRESH_MARGIN_S;
}

bool lp_session_can_refresh(const lp_credentials *session)
{
    return session && session->refresh_token && *session->refresh_token;
}

static void free_secret(char **slot)
{
    if (*slot) {
        explicit_bzero(*slot, strlen(*slot));
        free(*slot);
        *slot = NULL;
    }
}

void lp_session_drop_access(lp_credentials *session)
{
    free_secret(&session->access_token);
    session->access_expires_at = LP_TIME_NONE;
}

void lp_session_drop_tokens(lp_credentials *session)
{
    lp_session_drop_access(session);
    free_secret(&session->refresh_token);
}

static bool replace(char **slot, const char *value)
{
    if (!value)
        return true;
    char *copy = strdup(value);
    if (!copy)
        return false;
    free_secret(slot);
    *slot = copy;
    return true;
}

lp_status lp_session_adopt(lp_credentials *session, const char *server, const lp_tokens *tokens,
                           lp_time now, lp_error *err)
{
    if (!tokens->access_token || !tokens->refresh_token)
        return lp_error_set(
            err, LP_ERR_PROTOCOL,
            "the server's answer broke the API contract: a token answer without tokens");
    bool ok = replace(&session->server, server) &&
              replace(&session->access_token, tokens->access_token) &&
              replace(&session->refresh_token, tokens->refresh_token) &&
              replace(&session->email, tokens->user.email) &&
              replace(&session->user_name, tokens->user.name);
    if (!ok)
        return lp_error_set(err, LP_ERR_NOMEM, "out of memory keeping the session");
    session->access_expires_at = tokens->expires_in > 0 ? now + tokens->expires_in : LP_TIME_NONE;
    return LP_OK;
}
