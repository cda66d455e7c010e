/* What a portal password must be: at least LP_PASSWORD_MIN_CHARS characters and not the e-mail address. */
#ifndef LP_SERVER_PASSWORD_RULE_H
#define LP_SERVER_PASSWORD_RULE_H

#define LP_PASSWORD_MIN_CHARS 12

/* NULL when `password` is acceptable for the account `email`, otherwise a
 * sentence saying why not. Characters are counted as UTF-8 code points; the
 * e-mail comparison ignores ASCII case. */
const char *lpd_password_rule_violation(const char *password, const char *email);

#endif
