/* The one way sub-commands print a line of their own words mixed with server text. */
#ifndef LICPORTAL_CLI_SAY_H
#define LICPORTAL_CLI_SAY_H

#include <stdarg.h>
#include <stdio.h>

/* Formats one line and prints it to `out` with a newline, after the whole line
 * has passed the sanitiser: whatever an argument holds, it cannot add a line,
 * a column or a terminal control. Lines longer than 4 KiB are cut. */
void cli_say(FILE *out, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void cli_vsay(FILE *out, const char *fmt, va_list ap) __attribute__((format(printf, 2, 0)));

#endif
