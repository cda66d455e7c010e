/* Looks up a personal access token by its hash, checks expiry, revocation and scope. */
#include "server/personal_token.h"

#include <stdio.h>
#include <string.h>

#include "server/response.h"

bool lpd_personal_token_is_one(const char *bearer)
{
    return strncmp(bearer, LP_PERSONAL_TOKEN_PREFIX, sizeof LP_PERSONAL_TOKEN_PREFIX - 1) == 0;
}

bool lpd_personal_token_generate(char out[LP_PERSONAL_TOKEN_LEN])
{
    char random_part[LP_TOKEN_LEN];
    if (!lpd_token_generate(random_part))
        return false;
    snprintf(out, LP_PERSONAL_TOKEN_LEN, "%s%s", LP_PERSONAL_TOKEN_PREFIX, random_part);
    return true;
}

static lpd_personal_token_outcome refuse(struct lpd_request *req, const char *message)
{
    lpd_reply_error(req, MHD_HTTP_UNAUTHORIZED, LP_CODE_UNAUTHENTICATED, message);
    return LP_PERSONAL_TOKEN_REFUSED;
}

/* Only the first use in each second writes, so a busy monitoring check does not
 * turn every GET into a write. */
static void record_use(struct lpd_request *req, int64_t token_id)
{
    static const char *const sql = "UPDATE personal_tokens SET last_used_at = :now "
                                   "WHERE id = :id AND (last_used_at IS NULL OR last_used_at < :now)";
    struct lpd_stmt *st = lpd_db_stmt(req->db, sql);
    if (st == NULL)
        return;
    lpd_bind_int(st, ":now", req->now);
    lpd_bind_int(st, ":id", token_id);
    lpd_step(st);
    lpd_stmt_reset(st);
}

static bool is_read_only_method(const char *method)
{
    return strcmp(method, "GET") == 0 || strcmp(method, "HEAD") == 0;
}

lpd_personal_token_outcome lpd_personal_token_authenticate(struct lpd_request *req, const char *bearer)
{
    char hash[LP_TOKEN_HASH_LEN];
    lpd_token_hash(bearer, hash);
    static const char *const sql = "SELECT id, user_id, scope, expires_at, revoked_at FROM personal_tokens "
                                   "WHERE token_hash = :hash";
    struct lpd_stmt *st = lpd_db_stmt(req->db, sql);
    if (st == NULL) {
        lpd_reply_internal(req);
        return LP_PERSONAL_TOKEN_REFUSED;
    }
    lpd_bind_text(st, ":hash", hash);
    enum lpd_step_result found = lpd_step(st);
    if (found != LPD_ROW) {
        lpd_stmt_reset(st);
        if (found == LPD_ERROR) {
            lpd_reply_internal(req);
            return LP_PERSONAL_TOKEN_REFUSED;
        }
        return LP_PERSONAL_TOKEN_UNKNOWN;
    }
    int64_t token_id = lpd_col_int(st, 0, 0);
    int64_t user_id = lpd_col_int(st, 1, 0);
    bool read_only = strcmp(lpd_col_text(st, 2), LP_SCOPE_READ) == 0;
    lp_time expires_at = lpd_col_int(st, 3, LP_TIME_NONE);
    bool revoked = !lpd_col_is_null(st, 4);
    lpd_stmt_reset(st);
    if (revoked)
        return refuse(req, "this personal access token has been revoked");
    /* Never token_expired: that code asks for a refresh, which a personal token has not. */
    if (expires_at != LP_TIME_NONE && lpd_token_is_expired(expires_at, req->now))
        return refuse(req, "this personal access token has expired");
    if (read_only && !is_read_only_method(req->method)) {
        lpd_reply_error(req, MHD_HTTP_FORBIDDEN, LP_CODE_INSUFFICIENT_SCOPE,
                        "this personal access token may only read; use a read_write token");
        return LP_PERSONAL_TOKEN_REFUSED;
    }
    record_use(req, token_id);
    req->user_id = user_id;
    req->session_id = 0;
    req->personal_token_id = token_id;
    return LP_PERSONAL_TOKEN_ACCEPTED;
}
