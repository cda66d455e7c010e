/* Time-based one-time passwords (RFC 6238) through liboath. */
#ifndef LP_SERVER_TOTP_H
#define LP_SERVER_TOTP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "licportal/timestamp.h"

enum lpd_totp_hash {
    LP_TOTP_SHA1,
    LP_TOTP_SHA256,
    LP_TOTP_SHA512,
};

/* The parameters every portal account uses: SHA-1, 6 digits, 30 s steps. */
#define LP_TOTP_DIGITS 6
#define LP_TOTP_STEP 30
/* Clock drift tolerated on either side, in steps. */
#define LP_TOTP_WINDOW 1

/* Must run once before the other calls (liboath keeps global state). */
bool lpd_totp_init(void);

/* Longest secret accepted, in bytes (RFC 4226 recommends 20). */
#define LP_TOTP_SECRET_MAX 128

/* Decodes a base32 secret (spaces and lower case allowed). On success *out
 * is malloc'd; free it with free(). Returns false on invalid input or a
 * secret longer than LP_TOTP_SECRET_MAX bytes. */
bool lpd_totp_secret_from_base32(const char *text, unsigned char **out, size_t *out_len);

/* Writes the code for `now` into `out` (digits + 1 bytes). */
bool lpd_totp_generate(const unsigned char *secret, size_t secret_len, lp_time now, unsigned step, unsigned digits,
                       enum lpd_totp_hash hash, char *out);

/* Accepts `code` when it matches the step of `now` or up to `window` steps
 * either side. */
bool lpd_totp_verify(const unsigned char *secret, size_t secret_len, lp_time now, unsigned step, size_t window,
                     enum lpd_totp_hash hash, const char *code);

/* As lpd_totp_verify, and on a match *matched_step is the time step (Unix
 * time / step) the code belongs to, so that a caller can refuse a step it
 * has seen before (RFC 6238 section 5.2). */
bool lpd_totp_match(const unsigned char *secret, size_t secret_len, lp_time now, unsigned step, size_t window,
                    enum lpd_totp_hash hash, const char *code, int64_t *matched_step);

#endif
