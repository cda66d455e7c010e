/* Looks up the hashed bearer token and its session, or hands a personal access token on. */
#include "server/auth_guard.h"

#include <string.h>
#include <strings.h>

#include "server/personal_token.h"
#include "server/response.h"
#include "server/token.h"

bool lpd_authenticate(struct lpd_request *req)
{
    const char *header = lpd_request_header(req, "Authorization");
    if (header == NULL || strncasecmp(header, "Bearer ", 7) != 0 || header[7] == '\0') {
        lpd_reply_error(req, MHD_HTTP_UNAUTHORIZED, LP_CODE_UNAUTHENTICATED, "missing or invalid access token");
        return false;
    }
    if (lpd_personal_token_is_one(header + 7)) {
        lpd_personal_token_outcome outcome = lpd_personal_token_authenticate(req, header + 7);
        if (outcome != LP_PERSONAL_TOKEN_UNKNOWN)
            return outcome == LP_PERSONAL_TOKEN_ACCEPTED;
    }
    char hash[LP_TOKEN_HASH_LEN];
    lpd_token_hash(header + 7, hash);
    static const char *const sql = "SELECT a.user_id, a.expires_at, s.revoked_at, a.session_id FROM access_tokens a "
                                   "JOIN sessions s ON s.id = a.session_id WHERE a.token_hash = :hash";
    struct lpd_stmt *st = lpd_db_stmt(req->db, sql);
    if (st == NULL) {
        lpd_reply_internal(req);
        return false;
    }
    lpd_bind_text(st, ":hash", hash);
    enum lpd_step_result found = lpd_step(st);
    if (found == LPD_ERROR) {
        /* Not the token's fault: a client must not drop its session over it. */
        lpd_stmt_reset(st);
        lpd_reply_internal(req);
        return false;
    }
    if (found != LPD_ROW || !lpd_col_is_null(st, 2)) {
        lpd_stmt_reset(st);
        lpd_reply_error(req, MHD_HTTP_UNAUTHORIZED, LP_CODE_UNAUTHENTICATED, "missing or invalid access token");
        return false;
    }
    int64_t user_id = lpd_col_int(st, 0, 0);
    lp_time expires_at = lpd_col_int(st, 1, 0);
    int64_t session_id = lpd_col_int(st, 3, 0);
    lpd_stmt_reset(st);
    if (lpd_token_is_expired(expires_at, req->now)) {
        lpd_reply_error(req, MHD_HTTP_UNAUTHORIZED, LP_CODE_TOKEN_EXPIRED, "the access token has expired; refresh it");
        return false;
    }
    req->user_id = user_id;
    req->session_id = session_id;
    return true;
}
