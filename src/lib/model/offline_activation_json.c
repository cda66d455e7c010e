/* The answer of an offline activation: the activation, and the license file as text to keep. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/model/json_map.h"
#include "lib/model/activation_json.h"
#include "lib/model/json_reader.h"

/* What may appear inside the file's quoted strings without escaping. */
static bool is_plain(const char *text)
{
    if (*text == '\0')
        return false;
    for (const char *c = text; *c; c++) {
        if (!((*c >= 'A' && *c <= 'Z') || (*c >= 'a' && *c <= 'z') || (*c >= '0' && *c <= '9') ||
              *c == '-' || *c == '_' || *c == '.'))
            return false;
    }
    return true;
}

static lp_status read_license_file(const cJSON *root, char **out, lp_error *err)
{
    static const char *const formats[] = {"licportal-license-file", NULL};
    static const char *const algorithms[] = {"ed25519", NULL};
    const cJSON *node;
    char *key_id = NULL, *payload = NULL, *signature = NULL;
    int index;
    int64_t version = 0;
    lp_status status = lp_json_require_object(root, NULL, "license_file", &node, err);
    if (status == LP_OK &&
        (status = lp_json_get_enum(node, "license_file", "format", formats, &index, err)) ==
            LP_OK &&
        (status = lp_json_get_count(node, "license_file", "version", false, 0, &version, err)) ==
            LP_OK &&
        (status = lp_json_get_enum(node, "license_file", "alg", algorithms, &index, err)) ==
            LP_OK &&
        (status = lp_json_get_string(node, "license_file", "key_id", false, &key_id, err)) ==
            LP_OK &&
        (status = lp_json_get_string(node, "license_file", "payload", false, &payload, err)) ==
            LP_OK &&
        (status = lp_json_get_string(node, "license_file", "signature", false, &signature, err)) ==
            LP_OK) {
        if (version != 1)
            status = lp_json_fail(err, "license_file.version", "only version 1 is known");
        else if (!is_plain(key_id) || !is_plain(payload) || !is_plain(signature))
            status = lp_json_fail(err, "license_file",
                                  "key_id, payload and signature must be base64url text");
    }
    if (status == LP_OK) {
        static const char layout[] =
            "{\n  \"format\": \"licportal-license-file\",\n  \"version\": 1,\n"
            "  \"alg\": \"ed25519\",\n  \"key_id\": \"%s\",\n  \"payload\": \"%s\",\n"
            "  \"signature\": \"%s\"\n}\n";
        size_t size = sizeof layout + strlen(key_id) + strlen(payload) + strlen(signature);
        *out = malloc(size);
        if (*out)
            snprintf(*out, size, layout, key_id, payload, signature);
        else
            status = lp_error_set(err, LP_ERR_NOMEM, "out of memory");
    }
    free(key_id);
    free(payload);
    free(signature);
    return status;
}

static lp_status read_offline_activation(const cJSON *root, void *into, lp_error *err)
{
    lp_offline_activation *out = into;
    const cJSON *activation;
    lp_status status;
    if ((status = lp_json_require_object(root, NULL, "activation", &activation, err)) == LP_OK &&
        (status = lp_json_read_activation(activation, "activation", &out->activation, err)) ==
            LP_OK)
        status = read_license_file(root, &out->license_file, err);
    return status;
}

lp_status lp_parse_offline_activation(const char *json, size_t len, lp_offline_activation *out,
                                      lp_error *err)
{
    memset(out, 0, sizeof *out);
    lp_status status = lp_json_parse_object(json, len, read_offline_activation, out, err);
    if (status != LP_OK)
        lp_offline_activation_clear(out);
    return status;
}

void lp_offline_activation_clear(lp_offline_activation *offline)
{
    if (!offline)
        return;
    lp_activation_clear(&offline->activation);
    free(offline->license_file);
    memset(offline, 0, sizeof *offline);
}
