/* Rows of server text for people (aligned columns) or for scripts (tab-separated). */
#ifndef LICPORTAL_CLI_TABLE_H
#define LICPORTAL_CLI_TABLE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

typedef struct cli_table cli_table;

typedef struct cli_table_style {
    bool terminal;      /* aligned with a header; else tab-separated, no header */
    size_t width;       /* terminal columns available; 0: no limit */
    bool bold_header;   /* terminal only */
} cli_table_style;

/* `headers` has `columns` entries. NULL when out of memory. */
cli_table *cli_table_new(size_t columns, const char *const *headers);
void cli_table_free(cli_table *table);
/* Adds a row of `columns` cells (NULL cell: "-"); each cell is sanitised here,
 * so no server text reaches the terminal unfiltered. False when out of memory. */
bool cli_table_add_row(cli_table *table, const char *const *cells);
size_t cli_table_rows(const cli_table *table);
/* On a narrow terminal this column keeps its full width (ids, masked keys). */
void cli_table_keep_width(cli_table *table, size_t column);
void cli_table_print(const cli_table *table, FILE *out, const cli_table_style *style);

/* "Label   value" lines for one object (aligned on a terminal, "label<TAB>value"
 * otherwise); values are sanitised. `pairs` holds 2*count strings. */
void cli_print_fields(FILE *out, const char *const *pairs, size_t count, bool terminal);

/* The terminal width of `fd`, or 0 when it is not a terminal. */
size_t cli_terminal_width(int fd);

#endif
