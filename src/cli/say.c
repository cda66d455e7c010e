/* Lines for people: formatted first, then sanitised whole, so no argument can slip past. */
#include "cli/say.h"

#include "licportal/sanitize.h"

#define LINE_MAX_BYTES 4096

void cli_vsay(FILE *out, const char *fmt, va_list ap)
{
    char raw[LINE_MAX_BYTES];
    char safe[LINE_MAX_BYTES];
    vsnprintf(raw, sizeof raw, fmt, ap);
    lp_sanitize_into(raw, safe, sizeof safe);
    fputs(safe, out);
    fputc('\n', out);
}

void cli_say(FILE *out, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    cli_vsay(out, fmt, ap);
    va_end(ap);
}
