/* Login/refresh answers, the user (/me) and a revealed license key. */
#include <strings.h>
#include <string.h>

#include "lib/model/json_map.h"
#include "lib/model/json_reader.h"

/* `organization` is nullable in /me and absent from the login answer's user. */
static lp_status read_user(const cJSON *node, const char *path, lp_user *out, lp_error *err)
{
    memset(out, 0, sizeof *out);
    lp_status status;
    if ((status = lp_json_get_string(node, path, "id", false, &out->id, err)) != LP_OK ||
        (status = lp_json_get_string(node, path, "email", false, &out->email, err)) != LP_OK ||
        (status = lp_json_get_string(node, path, "name", false, &out->name, err)) != LP_OK ||
        (status = lp_json_get_string(node, path, "organization", true, &out->organization, err)) !=
            LP_OK)
        lp_user_clear(out);
    return status;
}

static lp_status read_user_root(const cJSON *root, void *out, lp_error *err)
{
    return read_user(root, NULL, out, err);
}

lp_status lp_parse_user(const char *json, size_t len, lp_user *out, lp_error *err)
{
    memset(out, 0, sizeof *out);
    return lp_json_parse_object(json, len, read_user_root, out, err);
}

static lp_status read_tokens(const cJSON *root, void *into, lp_error *err)
{
    lp_tokens *out = into;
    const cJSON *user;
    lp_status status;
    if ((status = lp_json_get_string(root, NULL, "access_token", false, &out->access_token, err)) ==
            LP_OK &&
        (status = lp_json_get_string(root, NULL, "token_type", false, &out->token_type, err)) ==
            LP_OK &&
        (status = lp_json_get_count(root, NULL, "expires_in", false, 0, &out->expires_in, err)) ==
            LP_OK &&
        (status = lp_json_get_string(root, NULL, "refresh_token", false, &out->refresh_token,
                                     err)) == LP_OK &&
        (status = lp_json_get_count(root, NULL, "refresh_expires_in", false, 0,
                                    &out->refresh_expires_in, err)) == LP_OK &&
        (status = lp_json_require_object(root, NULL, "user", &user, err)) == LP_OK)
        status = read_user(user, "user", &out->user, err);
    /* The token goes into an Authorization: Bearer header and nothing else. */
    if (status == LP_OK && strcasecmp(out->token_type, "Bearer") != 0)
        status = lp_json_fail(err, "token_type", "expected \"Bearer\"");
    if (status == LP_OK && (out->access_token[0] == '\0' || out->refresh_token[0] == '\0'))
        status = lp_json_fail(err, out->access_token[0] == '\0' ? "access_token" : "refresh_token",
                              "empty");
    return status;
}

lp_status lp_parse_tokens(const char *json, size_t len, lp_tokens *out, lp_error *err)
{
    memset(out, 0, sizeof *out);
    lp_status status = lp_json_parse_object(json, len, read_tokens, out, err);
    if (status != LP_OK)
        lp_tokens_clear(out);
    return status;
}

static lp_status read_revealed_key(const cJSON *root, void *key_out, lp_error *err)
{
    return lp_json_get_string(root, NULL, "key", false, key_out, err);
}

lp_status lp_parse_revealed_key(const char *json, size_t len, char **key_out, lp_error *err)
{
    *key_out = NULL;
    return lp_json_parse_object(json, len, read_revealed_key, key_out, err);
}
