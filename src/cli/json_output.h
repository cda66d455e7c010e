/* JSON for scripts: printed so that no byte of it can control a terminal. */
#ifndef LICPORTAL_CLI_JSON_OUTPUT_H
#define LICPORTAL_CLI_JSON_OUTPUT_H

#include <cjson/cJSON.h>
#include <stdbool.h>
#include <stdio.h>

/* The document as indented JSON text ending in a newline (malloc'd; NULL
 * when out of memory). Every string (names too) first goes through the
 * sanitiser that table output uses (lp_sanitize_keep_lines), so it drops the
 * same escape sequences, controls, BiDi and hidden format characters, and
 * invalid UTF-8 becomes U+FFFD; line feeds and tabs stay, as \n and \t.
 * Whole numbers print without a fraction. */
char *cli_json_text(const cJSON *document);

/* Prints the document on `out`; false when out of memory or on a write error. */
bool cli_json_print(FILE *out, const cJSON *document);

#endif
