/* Cursor wire form: base64url(scope "\n" id "\n" value || 16-byte keyed BLAKE2b tag). */
#include "server/cursor.h"

#include <inttypes.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define TAG_BYTES 16
#define PAYLOAD_MAX (LP_CURSOR_SCOPE_MAX + 24 + LP_CURSOR_VALUE_MAX)

static void tag(const unsigned char *payload, size_t len, const unsigned char key[LP_CURSOR_KEY_BYTES],
                unsigned char out[TAG_BYTES])
{
    crypto_generichash(out, TAG_BYTES, payload, len, key, LP_CURSOR_KEY_BYTES);
}

char *lpd_cursor_encode(const struct lpd_cursor *cursor, const unsigned char key[LP_CURSOR_KEY_BYTES])
{
    if (strchr(cursor->scope, '\n') != NULL || strnlen(cursor->scope, LP_CURSOR_SCOPE_MAX) == LP_CURSOR_SCOPE_MAX ||
        strnlen(cursor->value, LP_CURSOR_VALUE_MAX) == LP_CURSOR_VALUE_MAX)
        return NULL;
    unsigned char buf[PAYLOAD_MAX + TAG_BYTES];
    int len = snprintf((char *)buf, PAYLOAD_MAX, "%s\n%" PRId64 "\n%s", cursor->scope, cursor->id, cursor->value);
    if (len < 0 || len >= PAYLOAD_MAX)
        return NULL;
    tag(buf, (size_t)len, key, buf + len);
    size_t raw_len = (size_t)len + TAG_BYTES;
    size_t out_len = sodium_base64_ENCODED_LEN(raw_len, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
    char *out = malloc(out_len);
    if (out == NULL)
        return NULL;
    sodium_bin2base64(out, out_len, buf, raw_len, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
    return out;
}

bool lpd_cursor_decode(const char *text, const unsigned char key[LP_CURSOR_KEY_BYTES], const char *expected_scope,
                       struct lpd_cursor *out)
{
    if (text == NULL || *text == '\0')
        return false;
    unsigned char buf[PAYLOAD_MAX + TAG_BYTES + 1];
    size_t raw_len = 0;
    if (sodium_base642bin(buf, sizeof buf - 1, text, strlen(text), NULL, &raw_len, NULL,
                          sodium_base64_VARIANT_URLSAFE_NO_PADDING) != 0)
        return false;
    if (raw_len <= TAG_BYTES)
        return false;
    size_t len = raw_len - TAG_BYTES;
    unsigned char expected[TAG_BYTES];
    tag(buf, len, key, expected);
    if (sodium_memcmp(expected, buf + len, TAG_BYTES) != 0)
        return false;
    buf[len] = '\0';
    char *payload = (char *)buf;
    char *first = strchr(payload, '\n');
    if (first == NULL)
        return false;
    *first = '\0';
    char *second = strchr(first + 1, '\n');
    if (second == NULL)
        return false;
    *second = '\0';
    if (strcmp(payload, expected_scope) != 0)
        return false;
    char *end = NULL;
    long long id = strtoll(first + 1, &end, 10);
    if (end == first + 1 || *end != '\0')
        return false;
    struct lpd_cursor c = {.id = id};
    size_t scope_len = strlen(payload), value_len = strlen(second + 1);
    if (scope_len >= sizeof c.scope || value_len >= sizeof c.value)
        return false;
    memcpy(c.scope, payload, scope_len + 1);
    memcpy(c.value, second + 1, value_len + 1);
    *out = c;
    return true;
}
