/* Rows of server text for people (aligned columns) or for scripts (tab-separated). */
#ifndef LICPORTAL_CLI_TABLE_H
#define LICPORTAL_CLI_TABLE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "licportal/error.h"

typedef struct cli_table cli_table;

typedef struct cli_table_style {
    bool terminal;    /* aligned with a header; else records for scripts */
    size_t width;     /* terminal columns available; 0: no limit */
    bool bold_header; /* terminal only */
    bool ascii;       /* terminal only: "..." marks a cut, not U+2026 (no UTF-8 locale) */
    /* Records for scripts: tab-separated (else CSV, RFC 4180), a header line
     * naming the fields when `header`, the columns in `order` (count `chosen`;
     * all when chosen is 0). An empty (NULL) cell is empty. */
    bool csv;
    bool header;
    const size_t *order;
    size_t chosen;
} cli_table_style;

/* `headers` has `columns` entries. NULL when out of memory. */
cli_table *cli_table_new(size_t columns, const char *const *headers);
void cli_table_free(cli_table *table);
/* Picks the columns named in `fields` ("a,b,c", by header) into `order`
 * (room for `room`), *chosen their number. LP_ERR_USAGE naming an unknown
 * field and listing the known ones. */
lp_status cli_table_select(const cli_table *table, const char *fields, size_t *order, size_t room,
                           size_t *chosen, lp_error *err);

/* Adds a row of `columns` cells (NULL cell: "-" on a terminal, empty in records); each cell is sanitised here,
 * so no server text reaches the terminal unfiltered. False when out of memory. */
bool cli_table_add_row(cli_table *table, const char *const *cells);
size_t cli_table_rows(const cli_table *table);
/* A cell as stored (sanitised; NULL for none). */
const char *cli_table_cell(const cli_table *table, size_t row, size_t column);
/* A table whose first `kept` columns (ids, masked keys) keep their full
 * width on a narrow terminal. NULL when out of memory. */
cli_table *cli_table_new_keeping(size_t columns, const char *const *headers, size_t kept);

/* On a narrow terminal this column keeps its full width (ids, masked keys). */
void cli_table_keep_width(cli_table *table, size_t column);
void cli_table_print(const cli_table *table, FILE *out, const cli_table_style *style);

/* "Label   value" lines for one object (aligned on a terminal, "label<TAB>value"
 * otherwise); values are sanitised; a NULL value is "-" on a terminal, else
 * empty. `pairs` holds 2*count strings. */
void cli_print_fields(FILE *out, const char *const *pairs, size_t count, bool terminal);

/* The terminal width of `fd`, or 0 when it is not a terminal. */
size_t cli_terminal_width(int fd);

#endif
