/* POST /auth/login, /auth/refresh, /auth/logout: sessions, token rotation and reuse detection. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "server/address_group.h"
#include "server/api_handlers.h"
#include "server/audit.h"
#include "server/object_id.h"
#include "server/password.h"
#include "server/response.h"
#include "server/token.h"
#include "server/totp.h"

struct account {
    int64_t id;
    char email[256];
    char name[256];
};

/* Issues a fresh access/refresh pair in `session_id` and builds the login body. */
static cJSON *issue_tokens(struct lpd_request *req, int64_t session_id, const struct account *user)
{
    char access[LP_TOKEN_LEN], refresh[LP_TOKEN_LEN];
    char access_hash[LP_TOKEN_HASH_LEN], refresh_hash[LP_TOKEN_HASH_LEN];
    if (!lpd_token_generate(access) || !lpd_token_generate(refresh))
        return NULL;
    lpd_token_hash(access, access_hash);
    lpd_token_hash(refresh, refresh_hash);
    static const char *const insert_access = "INSERT INTO access_tokens(token_hash, session_id, user_id, expires_at) "
                                             "VALUES (:hash, :session, :user, :expires)";
    static const char *const insert_refresh = "INSERT INTO refresh_tokens(token_hash, session_id, expires_at) "
                                              "VALUES (:hash, :session, :expires)";
    struct lpd_stmt *st = lpd_db_stmt(req->db, insert_access);
    if (st == NULL)
        return NULL;
    lpd_bind_text(st, ":hash", access_hash);
    lpd_bind_int(st, ":session", session_id);
    lpd_bind_int(st, ":user", user->id);
    lpd_bind_int(st, ":expires", lpd_token_expiry(req->now, req->server->access_ttl));
    int rc = lpd_step(st);
    lpd_stmt_reset(st);
    if (rc != LPD_DONE)
        return NULL;
    st = lpd_db_stmt(req->db, insert_refresh);
    if (st == NULL)
        return NULL;
    lpd_bind_text(st, ":hash", refresh_hash);
    lpd_bind_int(st, ":session", session_id);
    lpd_bind_int(st, ":expires", lpd_token_expiry(req->now, req->server->refresh_ttl));
    rc = lpd_step(st);
    lpd_stmt_reset(st);
    if (rc != LPD_DONE)
        return NULL;

    cJSON *body = cJSON_CreateObject();
    cJSON_AddStringToObject(body, "access_token", access);
    cJSON_AddStringToObject(body, "token_type", "Bearer");
    cJSON_AddNumberToObject(body, "expires_in", (double)req->server->access_ttl);
    cJSON_AddStringToObject(body, "refresh_token", refresh);
    cJSON_AddNumberToObject(body, "refresh_expires_in", (double)req->server->refresh_ttl);
    cJSON *who = cJSON_AddObjectToObject(body, "user");
    char id[LP_ID_LEN];
    lpd_object_id_format(LP_ID_USER, user->id, id);
    cJSON_AddStringToObject(who, "id", id);
    cJSON_AddStringToObject(who, "email", user->email);
    cJSON_AddStringToObject(who, "name", user->name);
    return body;
}

static bool load_account(struct lpd_request *req, int64_t user_id, struct account *out)
{
    static const char *const sql = "SELECT email, name FROM users WHERE id = :id";
    struct lpd_stmt *st = lpd_db_stmt(req->db, sql);
    if (st == NULL)
        return false;
    lpd_bind_int(st, ":id", user_id);
    bool found = lpd_step(st) == LPD_ROW;
    if (found) {
        out->id = user_id;
        snprintf(out->email, sizeof out->email, "%s", lpd_col_text(st, 0));
        snprintf(out->name, sizeof out->name, "%s", lpd_col_text(st, 1));
    }
    lpd_stmt_reset(st);
    return found;
}

/* The two rate-limit keys of a login: the e-mail address (case-folded) and
 * the client's address group (an IPv6 /64 is one key). */
struct attempt_keys {
    char email[300];
    char address[8 + LP_ADDRESS_GROUP_LEN];
};

static void attempt_keys(const struct lpd_request *req, const char *email, struct attempt_keys *keys)
{
    snprintf(keys->email, sizeof keys->email, "email:%s", email);
    for (char *p = keys->email; *p != '\0'; p++)
        *p = (char)tolower((unsigned char)*p);
    char group[LP_ADDRESS_GROUP_LEN];
    lpd_address_group(req->client_addr, group);
    snprintf(keys->address, sizeof keys->address, "addr:%s", group);
}

/* One audit row per refused key and window, counting its refusals, so that
 * a flood of refused logins cannot grow the table. */
static void audit_refusal(struct lpd_request *req, const char *key, lp_time window_start)
{
    static const char *const count = "UPDATE audit_log SET repeats = repeats + 1 "
                                     "WHERE action = 'login_rate_limited' AND detail = :key AND at >= :since";
    struct lpd_stmt *st = lpd_db_stmt(req->db, count);
    if (st == NULL)
        return;
    lpd_bind_text(st, ":key", key);
    lpd_bind_int(st, ":since", window_start);
    int rc = lpd_step(st);
    lpd_stmt_reset(st);
    if (rc != LPD_DONE || lpd_db_changes(req->db) == 0)
        lpd_audit(req, 0, "login_rate_limited", NULL, key);
}

/* Reserves one attempt under both keys before any password is hashed, so
 * that parallel attempts cannot pass the limit together. False after
 * replying 429. */
static bool reserve_attempt(struct lpd_request *req, const struct attempt_keys *keys, enum MHD_Result *reply)
{
    struct lpd_rate_refusal refusal = {0};
    const char *refused = NULL;
    if (!lpd_login_limit_reserve(req->server->email_failures, req->db, keys->email, req->now, &refusal)) {
        refused = keys->email;
    } else if (!lpd_login_limit_reserve(req->server->address_failures, req->db, keys->address, req->now, &refusal)) {
        lpd_login_limit_release(req->server->email_failures, req->db, keys->email, req->now);
        refused = keys->address;
    }
    if (refused == NULL)
        return true;
    audit_refusal(req, refused, refusal.window_start);
    *reply = lpd_reply_rate_limited(req, refusal.retry_after);
    return false;
}

/* The attempt was not a failure (a success, a request for the second
 * factor, or our own error): it does not count. */
static void give_back_attempt(struct lpd_request *req, const struct attempt_keys *keys)
{
    lpd_login_limit_release(req->server->email_failures, req->db, keys->email, req->now);
    lpd_login_limit_release(req->server->address_failures, req->db, keys->address, req->now);
}

/* Records the step of an accepted one-time code; false when that step (or
 * a later one) was used already, which also settles two logins racing with
 * one code. */
static bool claim_otp_step(struct lpd_request *req, int64_t user_id, int64_t step)
{
    static const char *const sql = "UPDATE users SET otp_last_step = :step "
                                   "WHERE id = :id AND (otp_last_step IS NULL OR otp_last_step < :step)";
    struct lpd_stmt *st = lpd_db_stmt(req->db, sql);
    if (st == NULL)
        return false;
    lpd_bind_int(st, ":step", step);
    lpd_bind_int(st, ":id", user_id);
    int rc = lpd_step(st);
    lpd_stmt_reset(st);
    return rc == LPD_DONE && lpd_db_changes(req->db) == 1;
}

static int64_t start_session(struct lpd_request *req, int64_t user_id)
{
    static const char *const sql = "INSERT INTO sessions(user_id, created_at) VALUES (:user, :now) RETURNING id";
    struct lpd_stmt *st = lpd_db_stmt(req->db, sql);
    if (st == NULL)
        return 0;
    lpd_bind_int(st, ":user", user_id);
    lpd_bind_int(st, ":now", req->now);
    int64_t id = lpd_step(st) == LPD_ROW ? lpd_col_int(st, 0, 0) : 0;
    lpd_stmt_reset(st);
    return id;
}

enum MHD_Result lpd_api_login(struct lpd_request *req)
{
    cJSON *json = lpd_request_json_body(req);
    if (json == NULL)
        return MHD_YES;
    const char *email = lpd_json_string(json, "email");
    const char *password = lpd_json_string(json, "password");
    const cJSON *otp_item = cJSON_GetObjectItemCaseSensitive(json, "otp");
    const char *otp = lpd_json_string(json, "otp");
    if (email == NULL || password == NULL || (otp_item != NULL && !cJSON_IsNull(otp_item) && otp == NULL)) {
        cJSON_Delete(json);
        return lpd_reply_error(req, MHD_HTTP_BAD_REQUEST, LP_CODE_INVALID_REQUEST,
                               "email and password are required strings");
    }
    struct attempt_keys keys;
    attempt_keys(req, email, &keys);
    enum MHD_Result refused_reply = MHD_YES;
    if (!reserve_attempt(req, &keys, &refused_reply)) {
        cJSON_Delete(json);
        return refused_reply;
    }

    static const char *const sql = "SELECT id, email, name, password_hash, otp_secret FROM users WHERE email = :email "
                                   "AND disabled_at IS NULL";
    struct lpd_stmt *st = lpd_db_stmt(req->db, sql);
    if (st == NULL) {
        give_back_attempt(req, &keys);
        cJSON_Delete(json);
        return lpd_reply_internal(req);
    }
    lpd_bind_text(st, ":email", email);
    struct account user = {0};
    char hash[256] = "";
    unsigned char otp_secret[LP_TOTP_SECRET_MAX];
    size_t otp_len = 0;
    enum lpd_step_result looked_up = lpd_step(st);
    if (looked_up == LPD_ERROR) {
        lpd_stmt_reset(st);
        give_back_attempt(req, &keys);
        cJSON_Delete(json);
        return lpd_reply_internal(req);
    }
    bool found = looked_up == LPD_ROW;
    if (found) {
        user.id = lpd_col_int(st, 0, 0);
        snprintf(user.email, sizeof user.email, "%s", lpd_col_text(st, 1));
        snprintf(user.name, sizeof user.name, "%s", lpd_col_text(st, 2));
        if (lpd_col_text(st, 3) != NULL)
            snprintf(hash, sizeof hash, "%s", lpd_col_text(st, 3));
        size_t blob_len = 0;
        const void *blob = lpd_col_blob(st, 4, &blob_len);
        if (blob_len > sizeof otp_secret) {
            /* Never fall back to no second factor. */
            lpd_stmt_reset(st);
            give_back_attempt(req, &keys);
            cJSON_Delete(json);
            fprintf(stderr, "licportald: user %lld has an oversized OTP secret\n", (long long)user.id);
            return lpd_reply_internal(req);
        }
        if (blob_len > 0) {
            memcpy(otp_secret, blob, blob_len);
            otp_len = blob_len;
        }
    }
    lpd_stmt_reset(st);

    bool password_ok = lpd_password_verify(found && hash[0] ? hash : NULL, password);
    if (!password_ok) {
        lpd_audit(req, user.id, "login_failed", NULL, "password");
        cJSON_Delete(json);
        return lpd_reply_error(req, MHD_HTTP_UNAUTHORIZED, LP_CODE_INVALID_CREDENTIALS, "wrong e-mail or password");
    }
    if (otp_len > 0) {
        if (otp == NULL || *otp == '\0') {
            give_back_attempt(req, &keys);
            cJSON_Delete(json);
            return lpd_reply_error(req, MHD_HTTP_UNAUTHORIZED, LP_CODE_OTP_REQUIRED,
                                   "this account uses two-factor authentication; send the one-time code as otp");
        }
        int64_t step = 0;
        if (!lpd_totp_match(otp_secret, otp_len, req->now, LP_TOTP_STEP, LP_TOTP_WINDOW, LP_TOTP_SHA1, otp, &step)) {
            lpd_audit(req, user.id, "login_failed", NULL, "otp");
            cJSON_Delete(json);
            return lpd_reply_error(req, MHD_HTTP_UNAUTHORIZED, LP_CODE_INVALID_OTP, "the one-time code is not valid");
        }
        if (!claim_otp_step(req, user.id, step)) {
            lpd_audit(req, user.id, "login_failed", NULL, "otp reused");
            cJSON_Delete(json);
            return lpd_reply_error(req, MHD_HTTP_UNAUTHORIZED, LP_CODE_INVALID_OTP,
                                   "this one-time code was used already; wait for the next one");
        }
    }
    cJSON_Delete(json);
    lpd_login_limit_reset(req->server->email_failures, req->db, keys.email);
    lpd_login_limit_release(req->server->address_failures, req->db, keys.address, req->now);

    int64_t session_id = start_session(req, user.id);
    cJSON *body = session_id > 0 ? issue_tokens(req, session_id, &user) : NULL;
    if (body == NULL)
        return lpd_reply_internal(req);
    lpd_audit(req, user.id, "login", NULL, NULL);
    return lpd_reply_json(req, MHD_HTTP_OK, body);
}

static void revoke_session(struct lpd_request *req, int64_t session_id)
{
    static const char *const sql = "UPDATE sessions SET revoked_at = :now WHERE id = :id AND revoked_at IS NULL";
    struct lpd_stmt *st = lpd_db_stmt(req->db, sql);
    if (st == NULL)
        return;
    lpd_bind_int(st, ":now", req->now);
    lpd_bind_int(st, ":id", session_id);
    lpd_step(st);
    lpd_stmt_reset(st);
}

static enum MHD_Result refresh_in_transaction(struct lpd_request *req, const char *token)
{
    char hash[LP_TOKEN_HASH_LEN];
    lpd_token_hash(token, hash);
    static const char *const sql = "SELECT r.session_id, r.expires_at, r.used_at, s.revoked_at, s.user_id "
                                   "FROM refresh_tokens r JOIN sessions s ON s.id = r.session_id "
                                   "WHERE r.token_hash = :hash";
    struct lpd_stmt *st = lpd_db_stmt(req->db, sql);
    if (st == NULL)
        return lpd_reply_internal(req);
    lpd_bind_text(st, ":hash", hash);
    enum lpd_step_result found = lpd_step(st);
    if (found != LPD_ROW) {
        lpd_stmt_reset(st);
        /* A store that failed says nothing about the token: the client keeps it. */
        if (found == LPD_ERROR)
            return lpd_reply_internal(req);
        return lpd_reply_error(req, MHD_HTTP_UNAUTHORIZED, LP_CODE_INVALID_REFRESH_TOKEN, "unknown refresh token");
    }
    int64_t session_id = lpd_col_int(st, 0, 0);
    lp_time expires_at = lpd_col_int(st, 1, 0);
    bool used = !lpd_col_is_null(st, 2);
    bool revoked = !lpd_col_is_null(st, 3);
    int64_t user_id = lpd_col_int(st, 4, 0);
    lpd_stmt_reset(st);
    if (revoked)
        return lpd_reply_error(req, MHD_HTTP_UNAUTHORIZED, LP_CODE_INVALID_REFRESH_TOKEN, "the session was ended");
    if (used) {
        /* A rotated token came back: someone holds a copy. End the family. */
        revoke_session(req, session_id);
        lpd_audit(req, user_id, "refresh_reuse", NULL, "session revoked");
        return lpd_reply_error(req, MHD_HTTP_UNAUTHORIZED, LP_CODE_INVALID_REFRESH_TOKEN,
                               "the refresh token was already used; log in again");
    }
    if (lpd_token_is_expired(expires_at, req->now))
        return lpd_reply_error(req, MHD_HTTP_UNAUTHORIZED, LP_CODE_INVALID_REFRESH_TOKEN,
                               "the refresh token has expired");

    static const char *const mark = "UPDATE refresh_tokens SET used_at = :now WHERE token_hash = :hash";
    st = lpd_db_stmt(req->db, mark);
    if (st == NULL)
        return lpd_reply_internal(req);
    lpd_bind_int(st, ":now", req->now);
    lpd_bind_text(st, ":hash", hash);
    int rc = lpd_step(st);
    lpd_stmt_reset(st);
    struct account user;
    if (rc != LPD_DONE || !load_account(req, user_id, &user))
        return lpd_reply_internal(req);
    cJSON *body = issue_tokens(req, session_id, &user);
    if (body == NULL)
        return lpd_reply_internal(req);
    return lpd_reply_json(req, MHD_HTTP_OK, body);
}

enum MHD_Result lpd_api_refresh(struct lpd_request *req)
{
    cJSON *json = lpd_request_json_body(req);
    if (json == NULL)
        return MHD_YES;
    const char *token = lpd_json_string(json, "refresh_token");
    if (token == NULL) {
        cJSON_Delete(json);
        return lpd_reply_error(req, MHD_HTTP_BAD_REQUEST, LP_CODE_INVALID_REQUEST, "refresh_token is required");
    }
    /* The check of used_at and its update must not interleave with another
     * refresh of the same token. */
    if (!lpd_db_begin_write(req->db, NULL, 0)) {
        cJSON_Delete(json);
        return lpd_reply_error(req, MHD_HTTP_SERVICE_UNAVAILABLE, LP_CODE_UNAVAILABLE, "the database is busy");
    }
    enum MHD_Result rc = refresh_in_transaction(req, token);
    cJSON_Delete(json);
    if (req->status >= 500)
        lpd_db_rollback(req->db);
    else if (!lpd_db_commit(req->db, NULL, 0))
        lpd_db_rollback(req->db);
    return rc;
}

enum MHD_Result lpd_api_logout(struct lpd_request *req)
{
    cJSON *json = NULL;
    if (req->body_len > 0) {
        json = lpd_request_json_body(req);
        if (json == NULL)
            return MHD_YES;
    }
    const char *token = json ? lpd_json_string(json, "refresh_token") : NULL;
    if (token != NULL) {
        char hash[LP_TOKEN_HASH_LEN];
        lpd_token_hash(token, hash);
        static const char *const sql = "SELECT r.session_id FROM refresh_tokens r JOIN sessions s "
                                       "ON s.id = r.session_id WHERE r.token_hash = :hash AND s.user_id = :user";
        struct lpd_stmt *st = lpd_db_stmt(req->db, sql);
        if (st != NULL) {
            lpd_bind_text(st, ":hash", hash);
            lpd_bind_int(st, ":user", req->user_id);
            int64_t session_id = lpd_step(st) == LPD_ROW ? lpd_col_int(st, 0, 0) : 0;
            lpd_stmt_reset(st);
            if (session_id > 0)
                revoke_session(req, session_id);
        }
    }
    cJSON_Delete(json);
    revoke_session(req, req->session_id);
    lpd_audit(req, req->user_id, "logout", NULL, NULL);
    return lpd_reply_no_content(req);
}
