/* The one-line report of a failure: what failed, the message, and a hint at what to do. */
#include "cli/report.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "cli/exit_code.h"
#include "cli/say.h"
#include "licportal/sanitize.h"

static const char *hint_for(const lp_error *err)
{
    switch (err->status) {
    case LP_ERR_AUTH:
        return strstr(err->message, "licportal ") != NULL ? NULL
                                                          : "log in again with `licportal login`";
    case LP_ERR_NETWORK:
        return "check the server address (--server) and the network";
    case LP_ERR_TLS:
        /* A message that names --cacert, or an outdated protocol, says what to do. */
        return strstr(err->message, "--cacert") != NULL || strstr(err->message, "TLS 1.2") != NULL
                   ? NULL
                   : "pass the server's CA certificate with --cacert FILE";
    case LP_ERR_RATE_LIMITED:
    case LP_ERR_SERVER:
        /* The library's message says when already (from Retry-After, or "later"). */
        return strstr(err->message, "try again") != NULL ? NULL : "try again later";
    case LP_ERR_EXISTS:
        return "use --force to replace it or -o to choose another name";
    default:
        return NULL;
    }
}

void cli_report_text(const char *what, const lp_error *err, char *out, size_t size)
{
    char message[sizeof err->message];
    lp_sanitize_into(err->message[0] != '\0' ? err->message : lp_status_name(err->status), message,
                     sizeof message);
    const char *hint = hint_for(err);
    if (hint != NULL) {
        snprintf(out, size, "%s failed: %s; %s", what, message, hint);
    } else {
        snprintf(out, size, "%s failed: %s", what, message);
    }
}

int cli_report(const char *what, const lp_error *err)
{
    char line[1024];
    cli_report_text(what, err, line, sizeof line);
    cli_say(stderr, "licportal: %s", line);
    return cli_exit_code(err->status);
}

int cli_fail(int exit_code, const char *fmt, ...)
{
    char line[4096];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(line, sizeof line, fmt, ap);
    va_end(ap);
    /* Messages often carry an id or a server's words: the line goes out sanitised. */
    cli_say(stderr, "licportal: %s", line);
    return exit_code;
}
