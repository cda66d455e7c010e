/* Public signing keys from a GET /signing-keys document, strictly mapped. */
#include "lib/license/signing_keys.h"

#include <stdlib.h>
#include <string.h>

#include "lib/license/base64url.h"
#include "lib/model/json_reader.h"

struct signing_key {
    char *id;
    unsigned char public_key[LP_ED25519_PUBLIC_KEY_BYTES];
};

struct lp_signing_keys {
    struct signing_key *keys;
    size_t count;
};

static lp_status read_key(const cJSON *node, const char *path, struct signing_key *out,
                          bool *usable, lp_error *err)
{
    static const char *const algorithms[] = {"ed25519", NULL};
    char *alg = NULL, *public_key = NULL;
    lp_time created_at, retired_at;
    lp_status status;
    *usable = false;
    if ((status = lp_json_expect_object(node, path, err)) != LP_OK ||
        (status = lp_json_get_string(node, path, "id", false, &out->id, err)) != LP_OK ||
        (status = lp_json_get_string(node, path, "alg", false, &alg, err)) != LP_OK ||
        (status = lp_json_get_string(node, path, "public_key", false, &public_key, err)) != LP_OK ||
        (status = lp_json_get_time(node, path, "created_at", false, &created_at, err)) != LP_OK ||
        (status = lp_json_get_time(node, path, "retired_at", true, &retired_at, err)) != LP_OK)
        goto done;
    if (*out->id == '\0') {
        status = lp_json_fail(err, path, "id is empty");
        goto done;
    }
    *usable = strcmp(alg, algorithms[0]) == 0;
    size_t len = 0;
    if (*usable &&
        (!lp_base64url_decode(public_key, out->public_key, sizeof out->public_key, &len) ||
         len != sizeof out->public_key))
        status = lp_json_fail(err, path, "public_key is not 32 bytes of base64url");
done:
    free(alg);
    free(public_key);
    if (status != LP_OK || !*usable) {
        free(out->id);
        out->id = NULL;
    }
    return status;
}

lp_signing_keys *lp_signing_keys_parse(const char *json, size_t len, lp_error *err)
{
    lp_json_doc *doc = NULL;
    if (!json || lp_json_read_object(json, len, &doc, err) != LP_OK)
        return NULL;
    const cJSON *array = NULL;
    lp_signing_keys *keys = calloc(1, sizeof *keys);
    lp_status status = keys
                           ? lp_json_require_array(lp_json_doc_root(doc), NULL, "keys", &array, err)
                           : lp_error_set(err, LP_ERR_NOMEM, "out of memory");
    int n = status == LP_OK ? cJSON_GetArraySize(array) : 0;
    if (n > 0 && !(keys->keys = calloc((size_t)n, sizeof *keys->keys)))
        status = lp_error_set(err, LP_ERR_NOMEM, "out of memory");
    size_t index = 0;
    for (const cJSON *node = array ? array->child : NULL; status == LP_OK && node;
         node = node->next, index++) {
        char path[LP_JSON_PATH_MAX];
        lp_json_index_path(path, NULL, "keys", index);
        bool usable = false;
        status = read_key(node, path, &keys->keys[keys->count], &usable, err);
        if (status == LP_OK && usable)
            keys->count++;
    }
    lp_json_doc_free(doc);
    if (status != LP_OK) {
        lp_signing_keys_free(keys);
        return NULL;
    }
    return keys;
}

size_t lp_signing_keys_count(const lp_signing_keys *keys)
{
    return keys ? keys->count : 0;
}

void lp_signing_keys_free(lp_signing_keys *keys)
{
    if (!keys)
        return;
    for (size_t i = 0; i < keys->count; i++)
        free(keys->keys[i].id);
    free(keys->keys);
    free(keys);
}

const unsigned char *lp_signing_keys_find(const lp_signing_keys *keys, const char *id)
{
    for (size_t i = 0; keys && id && i < keys->count; i++) {
        if (strcmp(keys->keys[i].id, id) == 0)
            return keys->keys[i].public_key;
    }
    return NULL;
}
