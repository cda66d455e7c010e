/* A small RFC 4180 reader and writer. */
#include "server/csv.h"

#include <stdlib.h>
#include <string.h>

struct lpd_csv_reader {
    FILE *in;
    long next_line; /* the line the next character is on */
    char *text;     /* the fields of the current record, each NUL-terminated */
    size_t len;
    char *fields[LP_CSV_FIELDS_MAX];
};

struct lpd_csv_reader *lpd_csv_reader_new(FILE *in)
{
    struct lpd_csv_reader *reader = calloc(1, sizeof *reader);
    if (reader == NULL)
        return NULL;
    reader->text = malloc(LP_CSV_RECORD_MAX + LP_CSV_FIELDS_MAX);
    if (reader->text == NULL) {
        free(reader);
        return NULL;
    }
    reader->in = in;
    reader->next_line = 1;
    return reader;
}

void lpd_csv_reader_free(struct lpd_csv_reader *reader)
{
    if (reader == NULL)
        return;
    free(reader->text);
    free(reader);
}

/* Reads one character, counting lines; a CR before LF is dropped. */
static int next_char(struct lpd_csv_reader *r)
{
    int c = getc(r->in);
    if (c == '\r') {
        int after = getc(r->in);
        if (after == '\n')
            c = '\n';
        else if (after != EOF)
            ungetc(after, r->in);
    }
    if (c == '\n')
        r->next_line++;
    return c;
}

/* After a format error: skips the rest of the physical line. */
static void skip_line(struct lpd_csv_reader *r, int c)
{
    while (c != '\n' && c != EOF)
        c = next_char(r);
}

enum lpd_csv_result lpd_csv_read(struct lpd_csv_reader *r, char ***fields, size_t *count, long *line, char *err,
                                 size_t err_size)
{
    int c = next_char(r);
    while (c == '\n')
        c = next_char(r);
    if (c == EOF)
        return ferror(r->in) ? LP_CSV_FAILED : LP_CSV_END;
    *line = r->next_line;
    size_t n = 0;
    r->len = 0;
    for (;;) {
        if (n == LP_CSV_FIELDS_MAX) {
            snprintf(err, err_size, "more than %d fields", LP_CSV_FIELDS_MAX);
            skip_line(r, c);
            return LP_CSV_BAD;
        }
        r->fields[n++] = r->text + r->len;
        if (c == '"') {
            for (;;) {
                c = next_char(r);
                if (c == EOF) {
                    snprintf(err, err_size, "a quoted field is not closed");
                    return LP_CSV_BAD;
                }
                if (c == '"') {
                    c = next_char(r);
                    if (c != '"')
                        break;
                }
                if (r->len == LP_CSV_RECORD_MAX) {
                    snprintf(err, err_size, "the record is longer than %d bytes", LP_CSV_RECORD_MAX);
                    skip_line(r, c);
                    return LP_CSV_BAD;
                }
                r->text[r->len++] = (char)c;
            }
            if (c != ',' && c != '\n' && c != EOF) {
                snprintf(err, err_size, "a quoted field must be followed by a comma or the end of the line");
                skip_line(r, c);
                return LP_CSV_BAD;
            }
        } else {
            while (c != ',' && c != '\n' && c != EOF) {
                if (c == '"') {
                    snprintf(err, err_size, "a quote inside a field that does not start with one");
                    skip_line(r, c);
                    return LP_CSV_BAD;
                }
                if (r->len == LP_CSV_RECORD_MAX) {
                    snprintf(err, err_size, "the record is longer than %d bytes", LP_CSV_RECORD_MAX);
                    skip_line(r, c);
                    return LP_CSV_BAD;
                }
                r->text[r->len++] = (char)c;
                c = next_char(r);
            }
        }
        r->text[r->len++] = '\0';
        if (c != ',')
            break;
        c = next_char(r);
    }
    if (ferror(r->in))
        return LP_CSV_FAILED;
    *fields = r->fields;
    *count = n;
    return LP_CSV_RECORD;
}

static void write_field(FILE *out, const char *field)
{
    bool quote = field[0] != '\0' &&
                 (strpbrk(field, ",\"\r\n") != NULL || field[0] == ' ' || field[strlen(field) - 1] == ' ');
    if (!quote) {
        fputs(field, out);
        return;
    }
    fputc('"', out);
    for (const char *p = field; *p != '\0'; p++) {
        if (*p == '"')
            fputc('"', out);
        fputc(*p, out);
    }
    fputc('"', out);
}

void lpd_csv_write_record(FILE *out, const char *const *fields, size_t count)
{
    for (size_t i = 0; i < count; i++) {
        if (i > 0)
            fputc(',', out);
        write_field(out, fields[i] != NULL ? fields[i] : "");
    }
    fputs("\r\n", out);
}
