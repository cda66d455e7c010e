/* The password rule of user add and user passwd. */
#include "server/password_rule.h"

#include <stddef.h>
#include <string.h>
#include <strings.h>

#include "licportal/utf8.h"

/* Characters, not bytes: an ill-formed sequence counts as one. */
static size_t utf8_characters(const char *text)
{
    size_t count = 0, len = strlen(text);
    for (size_t at = 0; at < len; count++) {
        uint32_t cp;
        at += lp_utf8_decode((const unsigned char *)text + at, len - at, &cp);
    }
    return count;
}

const char *lpd_password_rule_violation(const char *password, const char *email)
{
    if (utf8_characters(password) < LP_PASSWORD_MIN_CHARS)
        return "the password must have at least 12 characters";
    if (email != NULL && strcasecmp(password, email) == 0)
        return "the password must not be the e-mail address";
    return NULL;
}
