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
bool lpd_personal_token_is_one(const char *bearer);

/* Fills `out` with a fresh "lpt_..." secret. False when libsodium is not ready. */
bool lpd_personal_token_generate(char out[LP_PERSONAL_TOKEN_LEN]);

typedef enum lpd_personal_token_outcome {
    LP_PERSONAL_TOKEN_ACCEPTED,
    LP_PERSONAL_TOKEN_REFUSED, /* replied 401 or 403 (or 500) */
    LP_PERSONAL_TOKEN_UNKNOWN, /* no such token; nothing replied */
} lpd_personal_token_outcome;

/* Authenticates `req` by the personal access token `bearer`: sets user_id and
 * personal_token_id and records last_used_at. A revoked or expired token is
 * refused 401 unauthenticated, a `read` token on anything but GET or HEAD 403
 * insufficient_scope. An unknown one is left to the caller: a session's random
 * token can begin with the prefix too. */
lpd_personal_token_outcome lpd_personal_token_authenticate(struct lpd_request *req, const char *bearer);

#endif
