/* License rows from a license spec: owner and product looked up, key generated, features as JSON. */
#include "server/license_store.h"

#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "server/license_key.h"

#define KEY_ATTEMPTS 4

static bool database_error(struct lpd_db *db, char *err, size_t err_size)
{
    snprintf(err, err_size, "database error: %s", lpd_db_errmsg(db));
    return false;
}

bool lpd_renewal_insert(struct lpd_db *db, const char *product_id, int64_t license_row,
                        const struct lpd_renewal_option *option, char *err, size_t err_size)
{
    static const char *const sql = "INSERT INTO renewal_options(product_id, license_id, label, term_months, "
                                   "amount_minor, currency) VALUES (:product, :license, :label, :term, :amount, :cur)";
    struct lpd_stmt *st = lpd_db_stmt(db, sql);
    if (st == NULL)
        return database_error(db, err, err_size);
    lpd_bind_text(st, ":product", product_id);
    if (license_row > 0)
        lpd_bind_int(st, ":license", license_row);
    lpd_bind_text(st, ":label", option->label);
    lpd_bind_int(st, ":term", option->term_months);
    lpd_bind_int(st, ":amount", option->amount_minor);
    lpd_bind_text(st, ":cur", option->currency);
    return lpd_db_step_changes(db, st) == 1 || database_error(db, err, err_size);
}

void lpd_renewal_from_columns(struct lpd_stmt *st, int first, struct lpd_renewal_option *out)
{
    snprintf(out->label, sizeof out->label, "%s", lpd_col_text(st, first) != NULL ? lpd_col_text(st, first) : "");
    out->term_months = (int)lpd_col_int(st, first + 1, 0);
    out->amount_minor = lpd_col_int(st, first + 2, 0);
    snprintf(out->currency, sizeof out->currency, "%s",
             lpd_col_text(st, first + 3) != NULL ? lpd_col_text(st, first + 3) : "");
}

/* The user's row, or 0 with `err` set. */
static int64_t owner_row(struct lpd_db *db, const char *email, char *err, size_t err_size)
{
    static const char *const sql = "SELECT id FROM users WHERE email = :email";
    struct lpd_stmt *st = lpd_db_stmt(db, sql);
    if (st == NULL)
        return database_error(db, err, err_size);
    lpd_bind_text(st, ":email", email);
    int rc = lpd_step(st);
    int64_t row = rc == LPD_ROW ? lpd_col_int(st, 0, 0) : 0;
    lpd_stmt_reset(st);
    if (rc == LPD_DONE)
        snprintf(err, err_size, "no user with e-mail '%s'", email);
    else if (rc != LPD_ROW)
        database_error(db, err, err_size);
    return row;
}

/* The product's name into `name`, or false with `err` set. */
static bool product_name(struct lpd_db *db, const char *product_id, char *name, size_t size, char *err, size_t err_size)
{
    static const char *const sql = "SELECT name FROM products WHERE id = :id";
    struct lpd_stmt *st = lpd_db_stmt(db, sql);
    if (st == NULL)
        return database_error(db, err, err_size);
    lpd_bind_text(st, ":id", product_id);
    int rc = lpd_step(st);
    if (rc == LPD_ROW)
        snprintf(name, size, "%s", lpd_col_text(st, 0));
    lpd_stmt_reset(st);
    if (rc == LPD_DONE)
        snprintf(err, err_size, "no product '%s' (add it with 'licportald product add')", product_id);
    else if (rc != LPD_ROW)
        database_error(db, err, err_size);
    return rc == LPD_ROW;
}

static char *features_json(const struct lpd_license_spec *spec)
{
    cJSON *features = cJSON_CreateArray();
    for (size_t i = 0; features != NULL && i < spec->feature_count; i++)
        cJSON_AddItemToArray(features, cJSON_CreateString(spec->features[i]));
    char *text = features != NULL ? cJSON_PrintUnformatted(features) : NULL;
    cJSON_Delete(features);
    return text;
}

static bool given(const char *text)
{
    return text != NULL && *text != '\0';
}

bool lpd_license_insert(struct lpd_db *db, const struct lpd_license_spec *spec, lp_time now, int64_t *row, char *key,
                        char *err, size_t err_size)
{
    static const char *const sql =
        "INSERT INTO licenses(user_id, product_id, product_name, edition, license_key, status, added_at, "
        "expires_at, expires_key, max_activations, allow_deactivation, features) VALUES (:user, :product, "
        ":product_name, :edition, :key, :status, :added, :expires, :expires_key, :cap, :allow, :features) "
        "ON CONFLICT (license_key) DO NOTHING RETURNING id";
    int64_t user = owner_row(db, spec->email, err, err_size);
    char name[256];
    if (user <= 0 || !product_name(db, spec->product_id, name, sizeof name, err, err_size))
        return false;
    char prefix[5];
    lpd_license_key_prefix(spec->product_id, prefix);
    char *features = features_json(spec);
    if (features == NULL) {
        snprintf(err, err_size, "out of memory");
        return false;
    }
    /* A generated key that happens to exist already (the insert returns no
     * row) is drawn again. */
    int rc = LPD_DONE;
    *row = 0;
    for (int attempt = 0; rc == LPD_DONE && attempt < (given(spec->key) ? 1 : KEY_ATTEMPTS); attempt++) {
        if (given(spec->key))
            snprintf(key, LP_LICENSE_KEY_TEXT_MAX, "%s", spec->key);
        else
            lpd_license_key_generate(prefix, key);
        struct lpd_stmt *st = lpd_db_stmt(db, sql);
        if (st == NULL) {
            free(features);
            return database_error(db, err, err_size);
        }
        lpd_bind_int(st, ":user", user);
        lpd_bind_text(st, ":product", spec->product_id);
        lpd_bind_text(st, ":product_name", name);
        lpd_bind_text(st, ":edition", given(spec->edition) ? spec->edition : NULL);
        lpd_bind_text(st, ":key", key);
        lpd_bind_text(st, ":status", spec->status);
        lpd_bind_int(st, ":added", now);
        if (spec->expires_at != LP_TIME_NONE)
            lpd_bind_int(st, ":expires", spec->expires_at);
        lpd_bind_int(st, ":expires_key", spec->expires_at == LP_TIME_NONE ? INT64_MAX : spec->expires_at);
        if (spec->seats > 0)
            lpd_bind_int(st, ":cap", spec->seats);
        lpd_bind_int(st, ":allow", spec->allow_deactivation);
        lpd_bind_text(st, ":features", features);
        rc = lpd_step(st);
        if (rc == LPD_ROW)
            *row = lpd_col_int(st, 0, 0);
        lpd_stmt_reset(st);
    }
    free(features);
    if (rc == LPD_DONE) {
        snprintf(err, err_size, "license key '%s' exists already", key);
        return false;
    }
    if (rc != LPD_ROW)
        return database_error(db, err, err_size);
    for (size_t i = 0; i < spec->renewal_count; i++) {
        if (!lpd_renewal_insert(db, spec->product_id, *row, &spec->renewals[i], err, err_size))
            return false;
    }
    return true;
}
