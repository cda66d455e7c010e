/* Personal access tokens: long-lived bearer tokens for scripts ("lpt_..."), scoped and revocable. */
#ifndef LP_SERVER_PERSONAL_TOKEN_H
#define LP_SERVER_PERSONAL_TOKEN_H

#include <stdbool.h>

#include "server/request.h"
#include "server/token.h"

#define LP_PERSONAL_TOKEN_PREFIX "lpt_"
/* The prefix, the random part and NUL. */
#define LP_PERSONAL_TOKEN_LEN (sizeof LP_PERSONAL_TOKEN_PREFIX - 1 + LP_TOKEN_LEN)

#define LP_SCOPE_READ "read"
#define LP_SCOPE_READ_WRITE "read_write"

/* Whether a bearer value is a personal access token rather than a session's access token. */
bool lp_personal_token_is_one(const char *bearer);

/* Fills `out` with a fresh "lpt_..." secret. False when libsodium is not ready. */
bool lp_personal_token_generate(char out[LP_PERSONAL_TOKEN_LEN]);

/* Authenticates `req` by the personal access token `bearer`: sets user_id and
 * personal_token_id and records last_used_at. A `read` token on anything but
 * GET or HEAD is refused 403 insufficient_scope. On failure replies (401 or 403)
 * and returns false. */
bool lp_personal_token_authenticate(struct lp_request *req, const char *bearer);

#endif
