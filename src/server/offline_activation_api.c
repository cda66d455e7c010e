/* POST /licenses/{id}/offline-activations: a machine request becomes a device activation and a
 * signed license file. The seat check, the nonce and the activation are one transaction. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "server/activation_json.h"
#include "server/api_handlers.h"
#include "server/audit.h"
#include "server/license_file.h"
#include "server/license_json.h"
#include "server/license_status.h"
#include "server/machine_request.h"
#include "server/object_id.h"
#include "server/response.h"
#include "server/signing_key.h"

/* What the signed payload needs from the license row. */
struct license_row {
    char *key;
    char *product_id;
    char *product_name;
    char *edition;
    char *features;
    lp_time expires_at;
    int64_t max_activations; /* -1: unlimited */
    int64_t in_use;
    enum lp_license_status status;
};

static void license_row_clear(struct license_row *row)
{
    free(row->key);
    free(row->product_id);
    free(row->product_name);
    free(row->edition);
    free(row->features);
    memset(row, 0, sizeof *row);
}

static char *column_copy(struct lpd_stmt *st, int col)
{
    return lpd_col_is_null(st, col) ? NULL : strdup(lpd_col_text(st, col));
}

/* 1: found, 0: no such license for this user, -1: database error. */
static int load_license(struct lpd_request *req, int64_t license, struct license_row *row)
{
    static const char *const sql = "SELECT license_key, product_id, product_name, edition, features, status, "
                                   "expires_at, max_activations, activations_in_use FROM licenses "
                                   "WHERE id = :id AND user_id = :user";
    struct lpd_stmt *st = lpd_db_stmt(req->db, sql);
    if (st == NULL)
        return -1;
    lpd_bind_int(st, ":id", license);
    lpd_bind_int(st, ":user", req->user_id);
    int rc = lpd_step(st);
    if (rc != LPD_ROW) {
        lpd_stmt_reset(st);
        return rc == LPD_DONE ? 0 : -1;
    }
    row->key = column_copy(st, 0);
    row->product_id = column_copy(st, 1);
    row->product_name = column_copy(st, 2);
    row->edition = column_copy(st, 3);
    row->features = column_copy(st, 4);
    enum lp_license_status stored = LP_LICENSE_PENDING;
    lp_license_status_from_name(lpd_col_text(st, 5), &stored);
    row->expires_at = lpd_col_int(st, 6, LP_TIME_NONE);
    row->max_activations = lpd_col_int(st, 7, -1);
    row->in_use = lpd_col_int(st, 8, 0);
    row->status = lpd_license_status_effective(stored, row->expires_at, req->now);
    lpd_stmt_reset(st);
    return row->key != NULL && row->product_id != NULL && row->product_name != NULL ? 1 : -1;
}

/* 1: the nonce was used before, 0: it is new, -1: database error. */
static int nonce_used(struct lpd_request *req, const char *nonce)
{
    static const char *const sql = "SELECT 1 FROM offline_requests WHERE nonce = :nonce";
    struct lpd_stmt *st = lpd_db_stmt(req->db, sql);
    if (st == NULL)
        return -1;
    lpd_bind_text(st, ":nonce", nonce);
    int rc = lpd_step(st);
    lpd_stmt_reset(st);
    return rc == LPD_ROW ? 1 : rc == LPD_DONE ? 0 : -1;
}

static int64_t insert_activation(struct lpd_request *req, int64_t license, const struct lpd_machine_request *m)
{
    static const char *const sql = "INSERT INTO activations(license_id, user_id, kind, name, fingerprint, platform, "
                                   "activated_at) VALUES (:license, :user, 'device', :name, :fingerprint, "
                                   ":platform, :now) RETURNING id";
    struct lpd_stmt *st = lpd_db_stmt(req->db, sql);
    if (st == NULL)
        return 0;
    lpd_bind_int(st, ":license", license);
    lpd_bind_int(st, ":user", req->user_id);
    lpd_bind_text(st, ":name", m->hostname);
    lpd_bind_text(st, ":fingerprint", m->fingerprint);
    lpd_bind_text(st, ":platform", m->platform);
    lpd_bind_int(st, ":now", req->now);
    int64_t id = lpd_step(st) == LPD_ROW ? lpd_col_int(st, 0, 0) : 0;
    lpd_stmt_reset(st);
    return id;
}

static bool remember_nonce(struct lpd_request *req, int64_t license, int64_t activation,
                           const struct lpd_machine_request *m)
{
    static const char *const sql = "INSERT INTO offline_requests(nonce, user_id, license_id, activation_id, "
                                   "created_at, used_at) VALUES (:nonce, :user, :license, :activation, :created, :now)";
    struct lpd_stmt *st = lpd_db_stmt(req->db, sql);
    if (st == NULL)
        return false;
    lpd_bind_text(st, ":nonce", m->nonce);
    lpd_bind_int(st, ":user", req->user_id);
    lpd_bind_int(st, ":license", license);
    lpd_bind_int(st, ":activation", activation);
    lpd_bind_int(st, ":created", m->created_at);
    lpd_bind_int(st, ":now", req->now);
    int rc = lpd_step(st);
    lpd_stmt_reset(st);
    return rc == LPD_DONE;
}

static cJSON *activation_object(struct lpd_request *req, int64_t activation)
{
    static const char *const sql = "SELECT " LP_ACTIVATION_COLUMNS " FROM activations a "
                                   "JOIN licenses l ON l.id = a.license_id WHERE a.id = :id";
    struct lpd_stmt *st = lpd_db_stmt(req->db, sql);
    if (st == NULL)
        return NULL;
    lpd_bind_int(st, ":id", activation);
    cJSON *item = lpd_step(st) == LPD_ROW ? lpd_activation_json(st) : NULL;
    lpd_stmt_reset(st);
    return item;
}

/* issued_at plus one calendar year, for licenses that never expire. */
static lp_time one_year_after(lp_time t)
{
    time_t seconds = (time_t)t;
    struct tm tm;
    if (gmtime_r(&seconds, &tm) == NULL)
        return t + 365L * 86400L;
    tm.tm_year += 1;
    return (lp_time)timegm(&tm);
}

static cJSON *payload_json(const struct license_row *row, const char *license_id, const char *activation_id,
                           const struct lpd_machine_request *m, lp_time now)
{
    cJSON *payload = cJSON_CreateObject();
    cJSON_AddStringToObject(payload, "license_id", license_id);
    cJSON_AddStringToObject(payload, "license_key", row->key);
    cJSON *product = cJSON_AddObjectToObject(payload, "product");
    cJSON_AddStringToObject(product, "id", row->product_id);
    cJSON_AddStringToObject(product, "name", row->product_name);
    lpd_json_add_string_or_null(payload, "edition", row->edition);
    cJSON *features = row->features != NULL ? cJSON_Parse(row->features) : NULL;
    if (!cJSON_IsArray(features)) {
        cJSON_Delete(features);
        features = cJSON_CreateArray();
    }
    cJSON_AddItemToObject(payload, "features", features);
    lpd_json_add_time(payload, "expires_at", row->expires_at);
    cJSON_AddStringToObject(payload, "activation_id", activation_id);
    cJSON *machine = cJSON_AddObjectToObject(payload, "machine");
    cJSON_AddStringToObject(machine, "fingerprint", m->fingerprint);
    cJSON_AddStringToObject(machine, "hostname", m->hostname);
    cJSON_AddStringToObject(machine, "platform", m->platform);
    lpd_json_add_time(payload, "issued_at", now);
    lpd_json_add_time(payload, "valid_until", row->expires_at != LP_TIME_NONE ? row->expires_at : one_year_after(now));
    return payload;
}

/* Inside the transaction: the checks in the contract's order, then the rows
 * and the signed file. Replies itself on a refusal; returns the 201 body. */
static cJSON *activate(struct lpd_request *req, int64_t license, const struct lpd_machine_request *m,
                       const struct lpd_signing_key *key, bool *replied)
{
    struct license_row row = {0};
    int found = load_license(req, license, &row);
    int used = found == 1 ? nonce_used(req, m->nonce) : 0;
    cJSON *body = NULL;
    *replied = true;
    if (found < 0 || used < 0)
        lpd_reply_internal(req);
    else if (found == 0)
        lpd_reply_error(req, MHD_HTTP_NOT_FOUND, LP_CODE_NOT_FOUND, "no such license");
    else if (used == 1)
        lpd_reply_error(req, MHD_HTTP_CONFLICT, LP_CODE_REQUEST_REPLAYED,
                        "this machine request was used before: make a new one on the machine");
    else if (row.status != LP_LICENSE_ACTIVE)
        lpd_reply_error(req, MHD_HTTP_FORBIDDEN, LP_CODE_OFFLINE_ACTIVATION_NOT_ALLOWED,
                        "only an active license can be activated offline");
    else if (row.max_activations >= 0 && row.in_use >= row.max_activations)
        lpd_reply_error(req, MHD_HTTP_CONFLICT, LP_CODE_SEATS_EXHAUSTED,
                        "every seat of this license is in use: deactivate a machine first");
    else
        *replied = false;
    if (*replied) {
        license_row_clear(&row);
        return NULL;
    }
    int64_t activation = insert_activation(req, license, m);
    if (activation > 0 && remember_nonce(req, license, activation, m)) {
        char license_id[LP_ID_LEN], activation_id[LP_ID_LEN];
        lpd_object_id_format(LP_ID_LICENSE, license, license_id);
        lpd_object_id_format(LP_ID_ACTIVATION, activation, activation_id);
        cJSON *payload = payload_json(&row, license_id, activation_id, m, req->now);
        cJSON *file = lpd_license_file_sign(payload, key);
        cJSON *item = activation_object(req, activation);
        cJSON_Delete(payload);
        if (file != NULL && item != NULL) {
            body = cJSON_CreateObject();
            cJSON_AddItemToObject(body, "activation", item);
            cJSON_AddItemToObject(body, "license_file", file);
            char detail[96];
            snprintf(detail, sizeof detail, "offline, signed by %s", key->id);
            lpd_audit(req, req->user_id, "offline_activate", activation_id, detail);
        } else {
            cJSON_Delete(file);
            cJSON_Delete(item);
        }
    }
    license_row_clear(&row);
    return body;
}

enum MHD_Result lpd_api_offline_activation(struct lpd_request *req)
{
    int64_t license;
    if (!lpd_object_id_parse(LP_ID_LICENSE, req->path_id, &license))
        return lpd_reply_error(req, MHD_HTTP_NOT_FOUND, LP_CODE_NOT_FOUND, "no such license");
    cJSON *json = lpd_request_json_body(req);
    if (json == NULL)
        return MHD_YES;
    struct lpd_machine_request m;
    char why[160];
    bool valid = json->child != NULL && json->child->next == NULL && strcmp(json->child->string, "request") == 0;
    if (!valid)
        snprintf(why, sizeof why, "the body must be {\"request\": MachineRequest}");
    else
        valid = lpd_machine_request_parse(json->child, req->now, &m, why, sizeof why);
    cJSON_Delete(json);
    if (!valid)
        return lpd_reply_error(req, MHD_HTTP_BAD_REQUEST, LP_CODE_INVALID_REQUEST, why);

    struct lpd_signing_key key;
    char err[512];
    if (!lpd_signing_key_current(req->db, req->server->keys_dir, &key, err, sizeof err)) {
        fprintf(stderr, "licportald: %s\n", err);
        return lpd_reply_error(req, MHD_HTTP_SERVICE_UNAVAILABLE, LP_CODE_UNAVAILABLE,
                               "offline activation is not available: the portal has no usable signing key");
    }
    if (!lpd_db_begin_write(req->db, NULL, 0)) {
        sodium_memzero(&key, sizeof key);
        return lpd_reply_internal(req);
    }
    bool replied = false;
    cJSON *body = activate(req, license, &m, &key, &replied);
    sodium_memzero(&key, sizeof key);
    if (body == NULL || !lpd_db_commit(req->db, NULL, 0)) {
        lpd_db_rollback(req->db);
        cJSON_Delete(body);
        return replied ? MHD_YES : lpd_reply_internal(req);
    }
    return lpd_reply_json(req, MHD_HTTP_CREATED, body);
}
