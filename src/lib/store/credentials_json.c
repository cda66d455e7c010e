/* Credentials as JSON text, so every store keeps the same shape of session. */
#include "lib/store/credentials_json.h"

#include <stdlib.h>
#include <string.h>

static void free_secret(char *text)
{
    if (text != NULL) {
        /* Tokens should not linger in freed heap memory. */
        volatile char *p = text;
        while (*p != '\0') {
            *p++ = '\0';
        }
        free(text);
    }
}

void lp_credentials_clear(lp_credentials *creds)
{
    if (creds == NULL) {
        return;
    }
    free(creds->server);
    free(creds->email);
    free(creds->user_name);
    free_secret(creds->refresh_token);
    free_secret(creds->access_token);
    memset(creds, 0, sizeof *creds);
    creds->access_expires_at = LP_TIME_NONE;
}

static bool copy_string(const char *from, char **to)
{
    *to = NULL;
    if (from == NULL) {
        return true;
    }
    *to = strdup(from);
    return *to != NULL;
}

bool lp_credentials_copy(const lp_credentials *from, lp_credentials *out)
{
    memset(out, 0, sizeof *out);
    out->access_expires_at = from->access_expires_at;
    if (!copy_string(from->server, &out->server) || !copy_string(from->email, &out->email) ||
        !copy_string(from->user_name, &out->user_name) ||
        !copy_string(from->refresh_token, &out->refresh_token) ||
        !copy_string(from->access_token, &out->access_token)) {
        lp_credentials_clear(out);
        return false;
    }
    return true;
}

static bool add_string_or_null(cJSON *object, const char *name, const char *value)
{
    cJSON *item = value != NULL ? cJSON_CreateString(value) : cJSON_CreateNull();
    return item != NULL && cJSON_AddItemToObject(object, name, item);
}

cJSON *lp_credentials_to_object(const lp_credentials *creds)
{
    cJSON *object = cJSON_CreateObject();
    if (object == NULL) {
        return NULL;
    }
    char stamp[LP_TIMESTAMP_LEN];
    const char *expires = NULL;
    const char *access = NULL;
    /* The token and its expiry are written as a pair or not at all: the
     * reader drops a token of unknown age, and an expiry without its token
     * means nothing (credstore.h). */
    if (creds->access_token != NULL && creds->access_expires_at != LP_TIME_NONE &&
        lp_timestamp_format(creds->access_expires_at, stamp)) {
        expires = stamp;
        access = creds->access_token;
    }
    if (!add_string_or_null(object, "server", creds->server) ||
        !add_string_or_null(object, "email", creds->email) ||
        !add_string_or_null(object, "user_name", creds->user_name) ||
        !add_string_or_null(object, "refresh_token", creds->refresh_token) ||
        !add_string_or_null(object, "access_token", access) ||
        !add_string_or_null(object, "access_expires_at", expires)) {
        cJSON_Delete(object);
        return NULL;
    }
    return object;
}

static const char *string_field(const cJSON *object, const char *name)
{
    const cJSON *item = cJSON_GetObjectItemCaseSensitive(object, name);
    return cJSON_IsString(item) ? item->valuestring : NULL;
}

lp_status lp_credentials_from_object(const cJSON *object, lp_credentials *out, lp_error *err)
{
    memset(out, 0, sizeof *out);
    out->access_expires_at = LP_TIME_NONE;
    const char *server = string_field(object, "server");
    const char *refresh = string_field(object, "refresh_token");
    if (!cJSON_IsObject(object) || server == NULL || refresh == NULL) {
        return lp_error_set(err, LP_ERR_STORE, "stored session lacks its server or refresh token");
    }
    const char *email = string_field(object, "email");
    const char *expires = string_field(object, "access_expires_at");
    lp_credentials creds = {
        .server = (char *)server,
        .email = (char *)(email != NULL ? email : ""),
        .user_name = (char *)string_field(object, "user_name"),
        .refresh_token = (char *)refresh,
        .access_token = (char *)string_field(object, "access_token"),
        .access_expires_at = LP_TIME_NONE,
    };
    if (expires != NULL && !lp_timestamp_parse(expires, &creds.access_expires_at)) {
        creds.access_expires_at = LP_TIME_NONE;
    }
    if (creds.access_expires_at == LP_TIME_NONE) {
        /* An access token of unknown age is useless: a refresh gets a new one. */
        creds.access_token = NULL;
    }
    if (creds.access_token == NULL) {
        creds.access_expires_at = LP_TIME_NONE;
    }
    if (!lp_credentials_copy(&creds, out)) {
        return lp_error_set(err, LP_ERR_NOMEM, "out of memory reading the stored session");
    }
    return LP_OK;
}

char *lp_credentials_to_json(const lp_credentials *creds)
{
    cJSON *object = lp_credentials_to_object(creds);
    if (object == NULL) {
        return NULL;
    }
    char *text = cJSON_PrintUnformatted(object);
    cJSON_Delete(object);
    return text;
}

lp_status lp_credentials_from_json(const char *json, lp_credentials *out, lp_error *err)
{
    cJSON *object = cJSON_Parse(json);
    if (object == NULL) {
        memset(out, 0, sizeof *out);
        out->access_expires_at = LP_TIME_NONE;
        return lp_error_set(err, LP_ERR_STORE, "stored session is not valid JSON");
    }
    lp_status status = lp_credentials_from_object(object, out, err);
    cJSON_Delete(object);
    return status;
}
