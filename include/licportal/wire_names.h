/* The names the Portal API fixes on the wire (license statuses, sort keys,
 * channels, platforms, token scopes, error codes),
 * written once and shared by the client library and the reference server.
 * Programs on the library meet them through licportal/model.h. */
#ifndef LICPORTAL_WIRE_NAMES_H
#define LICPORTAL_WIRE_NAMES_H

#include <stdbool.h>
#include <stddef.h>

typedef enum lp_license_status {
    LP_LICENSE_ACTIVE,
    LP_LICENSE_EXPIRED,
    LP_LICENSE_SUSPENDED,
    LP_LICENSE_REVOKED,
    LP_LICENSE_PENDING,
} lp_license_status;
#define LP_LICENSE_STATUS_COUNT 5

/* The `error.code` values of the contract (method_not_allowed is this
 * server's addition for a known path asked with another method). */
#define LP_CODE_INVALID_REQUEST "invalid_request"
#define LP_CODE_INVALID_CREDENTIALS "invalid_credentials"
#define LP_CODE_OTP_REQUIRED "otp_required"
#define LP_CODE_INVALID_OTP "invalid_otp"
#define LP_CODE_TOKEN_EXPIRED "token_expired"
#define LP_CODE_UNAUTHENTICATED "unauthenticated"
#define LP_CODE_INVALID_REFRESH_TOKEN "invalid_refresh_token"
#define LP_CODE_FORBIDDEN "forbidden"
#define LP_CODE_DEACTIVATION_NOT_ALLOWED "deactivation_not_allowed"
#define LP_CODE_NOT_FOUND "not_found"
#define LP_CODE_PAYLOAD_TOO_LARGE "payload_too_large"
#define LP_CODE_RATE_LIMITED "rate_limited"
#define LP_CODE_INTERNAL_ERROR "internal_error"
#define LP_CODE_UNAVAILABLE "unavailable"
#define LP_CODE_INSUFFICIENT_SCOPE "insufficient_scope"
#define LP_CODE_OFFLINE_ACTIVATION_NOT_ALLOWED "offline_activation_not_allowed"
#define LP_CODE_SEATS_EXHAUSTED "seats_exhausted"
#define LP_CODE_REQUEST_REPLAYED "request_replayed"
#define LP_CODE_METHOD_NOT_ALLOWED "method_not_allowed"

/* A list of wire names, in the order the contract lists them; `names` also
 * ends with a NULL after the `count` names. */
typedef struct lp_wire_names {
    const char *const *names;
    size_t count;
} lp_wire_names;

/* "active", "expired", ... indexed by lp_license_status. */
extern const lp_wire_names lp_license_statuses;
/* The `sort` values of GET /licenses, /activations and /downloads; each key
 * comes with its reverse ("-key"). The first is the server's default only
 * where the contract says so (see the API document). */
extern const lp_wire_names lp_license_sort_keys;
extern const lp_wire_names lp_activation_sort_keys;
extern const lp_wire_names lp_download_sort_keys;

/* Download channels and platforms (filters and Download fields), and the
 * scopes of personal access tokens. */
extern const lp_wire_names lp_download_channels;
extern const lp_wire_names lp_download_platforms;
extern const lp_wire_names lp_token_scopes;

/* The index of `name` in `list`, or -1 (also for NULL). */
int lp_wire_index(const lp_wire_names *list, const char *name);

/* Writes "a, b or c" into `out` (truncated to `size`); returns `out`. */
char *lp_wire_list_text(const lp_wire_names *list, char *out, size_t size);

/* The wire name of `status` ("unknown" outside the enumeration), and back. */
const char *lp_license_status_name(lp_license_status status);
bool lp_license_status_from_name(const char *name, lp_license_status *out);

#endif
