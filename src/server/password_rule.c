/* The password rule of user add and user passwd. */
#include "server/password_rule.h"

#include <stddef.h>
#include <strings.h>

static size_t utf8_characters(const char *text)
{
    size_t count = 0;
    for (const unsigned char *p = (const unsigned char *)text; *p != '\0'; p++) {
        if ((*p & 0xC0) != 0x80)
            count++;
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
