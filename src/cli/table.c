/* Tables: every cell sanitised on entry, fitted by display width (wide and combining characters). */
#include "cli/table.h"

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
    bool *keep;     /* columns that are never narrowed */
    char **cells;   /* rows * columns */
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
        row[c] = lp_sanitize_str(cells[c] != NULL ? cells[c] : "-");
        if (row[c] == NULL) {
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

static void print_plain(const cli_table *table, FILE *out)
{
    for (size_t r = 0; r < table->rows; r++) {
        for (size_t c = 0; c < table->columns; c++) {
            fputs(table->cells[r * table->columns + c], out);
            fputc(c + 1 < table->columns ? '\t' : '\n', out);
        }
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
            if (!keep[c] && widths[c] > MIN_COLUMN
                && (widest == columns || widths[c] > widths[widest])) {
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
                      bool bold)
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
        lp_text_fit(cells[c], widths[c], !last, fitted, size);
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
        print_plain(table, out);
        return;
    }
    size_t *widths = calloc(table->columns, sizeof *widths);
    if (widths == NULL) {
        return;
    }
    for (size_t c = 0; c < table->columns; c++) {
        widths[c] = lp_text_width(table->headers[c]);
        for (size_t r = 0; r < table->rows; r++) {
            size_t w = lp_text_width(table->cells[r * table->columns + c]);
            if (w > widths[c]) {
                widths[c] = w;
            }
        }
    }
    if (style->width > 0) {
        fit_widths(widths, table->keep, table->columns, style->width);
    }
    print_row(out, table->headers, widths, table->columns, style->bold_header);
    for (size_t r = 0; r < table->rows; r++) {
        print_row(out, table->cells + r * table->columns, widths, table->columns, false);
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
        safe[i] = lp_sanitize_str(pairs[i] != NULL ? pairs[i] : "-");
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
