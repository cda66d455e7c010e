/* Tables: every cell sanitised on entry, fitted by display width (wide and combining characters). */
#include "cli/table.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "licportal/format.h"
#include "licportal/sanitize.h"

#define GAP "  "
#define MIN_COLUMN 6

struct cli_table {
    size_t columns;
    char **headers;
    bool *keep;   /* columns that are never narrowed */
    char **cells; /* rows * columns */
    size_t rows;
    size_t cap;
};

cli_table *cli_table_new(size_t columns, const char *const *headers)
{
    cli_table *table = calloc(1, sizeof *table);
    if (table == NULL) {
        return NULL;
    }
    table->columns = columns;
    table->headers = calloc(columns, sizeof *table->headers);
    table->keep = calloc(columns, sizeof *table->keep);
    if (table->headers == NULL || table->keep == NULL) {
        free(table->headers);
        free(table->keep);
        free(table);
        return NULL;
    }
    for (size_t c = 0; c < columns; c++) {
        table->headers[c] = lp_sanitize_str(headers[c]);
        if (table->headers[c] == NULL) {
            cli_table_free(table);
            return NULL;
        }
    }
    return table;
}

void cli_table_free(cli_table *table)
{
    if (table == NULL) {
        return;
    }
    for (size_t i = 0; i < table->rows * table->columns; i++) {
        free(table->cells[i]);
    }
    for (size_t c = 0; c < table->columns; c++) {
        free(table->headers[c]);
    }
    free(table->cells);
    free(table->headers);
    free(table->keep);
    free(table);
}

cli_table *cli_table_new_keeping(size_t columns, const char *const *headers, size_t kept)
{
    cli_table *table = cli_table_new(columns, headers);
    for (size_t c = 0; table != NULL && c < kept; c++) {
        cli_table_keep_width(table, c);
    }
    return table;
}

void cli_table_keep_width(cli_table *table, size_t column)
{
    if (column < table->columns) {
        table->keep[column] = true;
    }
}

bool cli_table_add_row(cli_table *table, const char *const *cells)
{
    if (table->rows == table->cap) {
        size_t cap = table->cap ? table->cap * 2 : 16;
        char **grown = realloc(table->cells, cap * table->columns * sizeof *grown);
        if (grown == NULL) {
            return false;
        }
        table->cells = grown;
        table->cap = cap;
    }
    char **row = table->cells + table->rows * table->columns;
    for (size_t c = 0; c < table->columns; c++) {
        row[c] = cells[c] != NULL ? lp_sanitize_str(cells[c]) : NULL;
        if (cells[c] != NULL && row[c] == NULL) {
            for (size_t k = 0; k < c; k++) {
                free(row[k]);
            }
            return false;
        }
    }
    table->rows++;
    return true;
}

size_t cli_table_rows(const cli_table *table)
{
    return table->rows;
}

const char *cli_table_cell(const cli_table *table, size_t row, size_t column)
{
    return row < table->rows && column < table->columns
               ? table->cells[row * table->columns + column]
               : NULL;
}

lp_status cli_table_select(const cli_table *table, const char *fields, size_t *order, size_t room,
                           size_t *chosen, lp_error *err)
{
    *chosen = 0;
    const char *p = fields;
    while (*p != '\0') {
        const char *end = strchr(p, ',');
        size_t len = end != NULL ? (size_t)(end - p) : strlen(p);
        size_t c = 0;
        while (c < table->columns &&
               (strlen(table->headers[c]) != len || strncmp(table->headers[c], p, len) != 0)) {
            c++;
        }
        if (c == table->columns || *chosen == room) {
            char known[1024] = "";
            size_t used = 0;
            for (size_t k = 0; k < table->columns && used < sizeof known; k++) {
                used += (size_t)snprintf(known + used, sizeof known - used, "%s%s",
                                         k > 0 ? "," : "", table->headers[k]);
            }
            return lp_error_set(err, LP_ERR_USAGE, "--fields: unknown field \"%.*s\" (fields: %s)",
                                (int)(len < 40 ? len : 40), p, known);
        }
        order[(*chosen)++] = c;
        p += len;
        if (*p == ',') {
            p++;
        }
    }
    if (*chosen == 0) {
        return lp_error_set(err, LP_ERR_USAGE, "--fields needs at least one field name");
    }
    return LP_OK;
}

/* RFC 4180: a cell with a comma, a quote or a line break is quoted, quotes doubled. */
static void put_csv_cell(const char *cell, FILE *out)
{
    if (strpbrk(cell, ",\"\r\n") == NULL) {
        fputs(cell, out);
        return;
    }
    fputc('"', out);
    for (const char *p = cell; *p != '\0'; p++) {
        if (*p == '"') {
            fputc('"', out);
        }
        fputc(*p, out);
    }
    fputc('"', out);
}

static void put_record(char *const *cells, FILE *out, const cli_table_style *style, size_t columns)
{
    size_t count = style->chosen > 0 ? style->chosen : columns;
    for (size_t i = 0; i < count; i++) {
        const char *cell = cells[style->chosen > 0 ? style->order[i] : i];
        if (cell == NULL) {
            cell = "";
        }
        if (style->csv) {
            put_csv_cell(cell, out);
        } else {
            fputs(cell, out);
        }
        fputc(i + 1 < count ? (style->csv ? ',' : '\t') : '\n', out);
    }
}

static void print_records(const cli_table *table, FILE *out, const cli_table_style *style)
{
    if (style->header) {
        put_record(table->headers, out, style, table->columns);
    }
    for (size_t r = 0; r < table->rows; r++) {
        put_record(table->cells + r * table->columns, out, style, table->columns);
    }
}

/* Narrows the widest narrowable column one column at a time, so that the
 * loss is spread evenly, until the row fits or nothing can give more. */
static void fit_widths(size_t *widths, const bool *keep, size_t columns, size_t limit)
{
    size_t total = (columns - 1) * (sizeof GAP - 1);
    for (size_t c = 0; c < columns; c++) {
        total += widths[c];
    }
    while (total > limit) {
        size_t widest = columns;
        for (size_t c = 0; c < columns; c++) {
            if (!keep[c] && widths[c] > MIN_COLUMN &&
                (widest == columns || widths[c] > widths[widest])) {
                widest = c;
            }
        }
        if (widest == columns) {
            return;
        }
        widths[widest]--;
        total--;
    }
}

static void print_row(FILE *out, char *const *cells, const size_t *widths, size_t columns,
                      bool bold, bool ascii)
{
    if (bold) {
        fputs("\033[1m", out);
    }
    for (size_t c = 0; c < columns; c++) {
        bool last = c + 1 == columns;
        size_t size = widths[c] * 4 + 8;
        char *fitted = malloc(size);
        if (fitted == NULL) {
            return;
        }
        const char *cell = cells[c] != NULL ? cells[c] : "-";
        if (ascii) {
            lp_text_fit_marked(cell, widths[c], !last, "...", 3, fitted, size);
        } else {
            lp_text_fit(cell, widths[c], !last, fitted, size);
        }
        fputs(fitted, out);
        if (last && bold) {
            fputs("\033[0m", out);
        }
        fputs(last ? "\n" : GAP, out);
        free(fitted);
    }
}

void cli_table_print(const cli_table *table, FILE *out, const cli_table_style *style)
{
    if (!style->terminal) {
        print_records(table, out, style);
        return;
    }
    size_t *widths = calloc(table->columns, sizeof *widths);
    if (widths == NULL) {
        return;
    }
    for (size_t c = 0; c < table->columns; c++) {
        widths[c] = lp_text_width(table->headers[c]);
        for (size_t r = 0; r < table->rows; r++) {
            const char *cell = table->cells[r * table->columns + c];
            size_t w = cell != NULL ? lp_text_width(cell) : 1;
            if (w > widths[c]) {
                widths[c] = w;
            }
        }
    }
    if (style->width > 0) {
        fit_widths(widths, table->keep, table->columns, style->width);
    }
    print_row(out, table->headers, widths, table->columns, style->bold_header, style->ascii);
    for (size_t r = 0; r < table->rows; r++) {
        print_row(out, table->cells + r * table->columns, widths, table->columns, false,
                  style->ascii);
    }
    free(widths);
}

void cli_print_fields(FILE *out, const char *const *pairs, size_t count, bool terminal)
{
    /* Labels can carry server text too ("Checkout <option id>"): both sides are sanitised. */
    char **safe = calloc(2 * count + 1, sizeof *safe);
    if (safe == NULL) {
        return;
    }
    size_t label_width = 0;
    bool ok = true;
    for (size_t i = 0; i < 2 * count && ok; i++) {
        safe[i] = lp_sanitize_str(pairs[i] != NULL ? pairs[i] : terminal ? "-" : "");
        ok = safe[i] != NULL;
        if (ok && i % 2 == 0 && lp_text_width(safe[i]) > label_width) {
            label_width = lp_text_width(safe[i]);
        }
    }
    for (size_t i = 0; i < count && ok; i++) {
        const char *label = safe[2 * i];
        if (terminal) {
            fprintf(out, "%s:%*s %s\n", label, (int)(label_width - lp_text_width(label)), "",
                    safe[2 * i + 1]);
        } else {
            fprintf(out, "%s\t%s\n", label, safe[2 * i + 1]);
        }
    }
    for (size_t i = 0; i < 2 * count; i++) {
        free(safe[i]);
    }
    free(safe);
}

size_t cli_terminal_width(int fd)
{
    struct winsize size;
    if (!isatty(fd) || ioctl(fd, TIOCGWINSZ, &size) != 0 || size.ws_col == 0) {
        return isatty(fd) ? 80 : 0;
    }
    return size.ws_col;
}
