/* Validates machine requests: every member present once, of its exact form, and the request fresh. */
#include "server/machine_request.h"

#include <stdio.h>
#include <string.h>

static const char *const members[] = {"version", "fingerprint", "hostname", "platform", "nonce", "created_at"};
#define MEMBER_COUNT (sizeof members / sizeof members[0])

static bool is_lower_hex(const char *text, size_t len)
{
    if (strlen(text) != len)
        return false;
    for (size_t i = 0; i < len; i++) {
        if (!((text[i] >= '0' && text[i] <= '9') || (text[i] >= 'a' && text[i] <= 'f')))
            return false;
    }
    return true;
}

static bool is_name(const char *text, size_t max)
{
    size_t len = strlen(text);
    if (len == 0 || len > max)
        return false;
    for (size_t i = 0; i < len; i++) {
        char c = text[i];
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '-' ||
              c == '_'))
            return false;
    }
    return true;
}

/* Each known member exactly once, nothing else. */
static bool has_exact_members(const cJSON *request, char *why, size_t why_size)
{
    size_t seen[MEMBER_COUNT] = {0};
    for (const cJSON *item = request->child; item != NULL; item = item->next) {
        size_t i = 0;
        while (i < MEMBER_COUNT && strcmp(item->string, members[i]) != 0)
            i++;
        if (i == MEMBER_COUNT) {
            snprintf(why, why_size, "request has an unknown member '%.40s'", item->string);
            return false;
        }
        if (++seen[i] > 1) {
            snprintf(why, why_size, "request has '%s' twice", members[i]);
            return false;
        }
    }
    for (size_t i = 0; i < MEMBER_COUNT; i++) {
        if (seen[i] == 0) {
            snprintf(why, why_size, "request has no '%s'", members[i]);
            return false;
        }
    }
    return true;
}

static const char *string_member(const cJSON *request, const char *name)
{
    const cJSON *item = cJSON_GetObjectItemCaseSensitive(request, name);
    return cJSON_IsString(item) ? item->valuestring : NULL;
}

bool lpd_machine_request_parse(const cJSON *request, lp_time now, struct lpd_machine_request *out, char *why,
                               size_t why_size)
{
    if (!cJSON_IsObject(request)) {
        snprintf(why, why_size, "request must be a JSON object");
        return false;
    }
    if (!has_exact_members(request, why, why_size))
        return false;
    const cJSON *version = cJSON_GetObjectItemCaseSensitive(request, "version");
    if (!cJSON_IsNumber(version) || version->valuedouble != 1.0) {
        snprintf(why, why_size, "request version must be 1");
        return false;
    }
    const char *fingerprint = string_member(request, "fingerprint");
    const char *hostname = string_member(request, "hostname");
    const char *platform = string_member(request, "platform");
    const char *nonce = string_member(request, "nonce");
    const char *created_at = string_member(request, "created_at");
    if (fingerprint == NULL || !is_lower_hex(fingerprint, 64)) {
        snprintf(why, why_size, "request fingerprint must be 64 lowercase hex digits");
        return false;
    }
    if (hostname == NULL || !is_name(hostname, LP_MACHINE_HOSTNAME_MAX)) {
        snprintf(why, why_size, "request hostname must be 1 to 253 letters, digits, '.', '-' or '_'");
        return false;
    }
    if (platform == NULL || !is_name(platform, LP_MACHINE_PLATFORM_MAX)) {
        snprintf(why, why_size, "request platform must be 1 to 64 letters, digits, '.', '-' or '_'");
        return false;
    }
    if (nonce == NULL || !is_lower_hex(nonce, 32)) {
        snprintf(why, why_size, "request nonce must be 32 lowercase hex digits");
        return false;
    }
    if (created_at == NULL || !lp_timestamp_parse(created_at, &out->created_at)) {
        snprintf(why, why_size, "request created_at must be an RFC 3339 UTC time stamp");
        return false;
    }
    if (out->created_at < now - LP_MACHINE_REQUEST_MAX_AGE) {
        snprintf(why, why_size, "request is older than 7 days: make a new one on the machine");
        return false;
    }
    if (out->created_at > now + LP_MACHINE_REQUEST_MAX_SKEW) {
        snprintf(why, why_size, "request is dated more than a day ahead: check the machine's clock");
        return false;
    }
    snprintf(out->fingerprint, sizeof out->fingerprint, "%s", fingerprint);
    snprintf(out->hostname, sizeof out->hostname, "%s", hostname);
    snprintf(out->platform, sizeof out->platform, "%s", platform);
    snprintf(out->nonce, sizeof out->nonce, "%s", nonce);
    return true;
}
