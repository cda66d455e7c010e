/* Signs license file payloads: the signature covers the exact bytes the payload decodes to. */
#include "server/license_file.h"

#include <stdlib.h>
#include <string.h>

static char *base64url(const unsigned char *bytes, size_t len)
{
    size_t size = sodium_base64_ENCODED_LEN(len, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
    char *text = malloc(size);
    if (text != NULL)
        sodium_bin2base64(text, size, bytes, len, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
    return text;
}

cJSON *lpd_license_file_sign(const cJSON *payload, const struct lpd_signing_key *key)
{
    char *bytes = cJSON_PrintUnformatted(payload);
    if (bytes == NULL)
        return NULL;
    size_t len = strlen(bytes);
    unsigned char signature[crypto_sign_BYTES];
    crypto_sign_detached(signature, NULL, (const unsigned char *)bytes, len, key->secret);
    char *payload_text = base64url((const unsigned char *)bytes, len);
    char *signature_text = base64url(signature, sizeof signature);
    free(bytes);
    cJSON *file = NULL;
    if (payload_text != NULL && signature_text != NULL && (file = cJSON_CreateObject()) != NULL) {
        cJSON_AddStringToObject(file, "format", "licportal-license-file");
        cJSON_AddNumberToObject(file, "version", 1);
        cJSON_AddStringToObject(file, "alg", "ed25519");
        cJSON_AddStringToObject(file, "key_id", key->id);
        cJSON_AddStringToObject(file, "payload", payload_text);
        cJSON_AddStringToObject(file, "signature", signature_text);
    }
    free(payload_text);
    free(signature_text);
    return file;
}
