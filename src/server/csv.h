/* RFC 4180 CSV: records of fields separated by commas, a field quoted with
 * double quotes when it holds a comma, a quote or a line break, a quote
 * inside a quoted field doubled. Lines end in CRLF or LF. */
#ifndef LP_SERVER_CSV_H
#define LP_SERVER_CSV_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#define LP_CSV_FIELDS_MAX 64
#define LP_CSV_RECORD_MAX (64 * 1024)

struct lpd_csv_reader;

/* Reads records from `in` (which stays the caller's). NULL when out of memory. */
struct lpd_csv_reader *lpd_csv_reader_new(FILE *in);
void lpd_csv_reader_free(struct lpd_csv_reader *reader);

enum lpd_csv_result {
    LP_CSV_RECORD, /* a record: `fields` and `count` are set */
    LP_CSV_END,    /* no more records */
    LP_CSV_BAD,    /* the record breaks the format: `err` says how; reading goes on after it */
    LP_CSV_FAILED, /* reading failed or memory ran out: stop */
};

/* Reads the next record. `line` is the line it starts on (1 for the first).
 * The fields stay valid until the next call. An empty line is no record. A
 * record that breaks the format is skipped to its end, so every bad record
 * can be reported. */
enum lpd_csv_result lpd_csv_read(struct lpd_csv_reader *reader, char ***fields, size_t *count, long *line, char *err,
                                 size_t err_size);

/* Writes `count` fields as one record ended by CRLF, quoting where needed. */
void lpd_csv_write_record(FILE *out, const char *const *fields, size_t count);

#endif
