/* Questions to the person at the terminal: passwords without echo, codes, yes/no. */
#ifndef LICPORTAL_CLI_PROMPT_H
#define LICPORTAL_CLI_PROMPT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "licportal/error.h"

/* Whether a controlling terminal can be asked (/dev/tty opens). */
bool cli_have_terminal(void);

/* Asks on /dev/tty and reads one line there (without echo when `echo` is
 * false; echo is restored even on error). The newline is dropped.
 * LP_ERR_USAGE when there is no terminal, LP_ERR_CANCELLED on end of input. */
lp_status cli_prompt_line(const char *question, bool echo, char *out, size_t size, lp_error *err);

/* Reads one line from `in` (the newline and a CR before it are dropped).
 * LP_ERR_USAGE when it is empty or longer than size - 1. */
lp_status cli_read_line(FILE *in, const char *what, char *out, size_t size, lp_error *err);

/* Asks a yes/no question on /dev/tty; only "y" or "yes" is yes. */
bool cli_confirm(const char *question);

#endif
