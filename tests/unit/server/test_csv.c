/* RFC 4180: quoted fields, doubled quotes, CRLF or LF, line numbers of records, bad records skipped, writing back. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../suite_runner.h"
#include "server/csv.h"

struct parsed {
    FILE *in;
    struct lpd_csv_reader *reader;
    char **fields;
    size_t count;
    long line;
    char err[256];
};

static void open_text(struct parsed *p, const char *text)
{
    p->in = fmemopen((void *)text, strlen(text), "r");
    ck_assert_ptr_nonnull(p->in);
    p->reader = lpd_csv_reader_new(p->in);
    ck_assert_ptr_nonnull(p->reader);
}

static enum lpd_csv_result next(struct parsed *p)
{
    return lpd_csv_read(p->reader, &p->fields, &p->count, &p->line, p->err, sizeof p->err);
}

static void close_text(struct parsed *p)
{
    lpd_csv_reader_free(p->reader);
    fclose(p->in);
}

START_TEST(quoted_fields_keep_commas_quotes_and_line_breaks)
{
    struct parsed p;
    open_text(&p, "a,\"b,c\",\"say \"\"hi\"\"\"\r\n\"two\r\nlines\",,end\n");
    ck_assert_int_eq(next(&p), LP_CSV_RECORD);
    ck_assert_int_eq((int)p.count, 3);
    ck_assert_int_eq(p.line, 1);
    ck_assert_str_eq(p.fields[0], "a");
    ck_assert_str_eq(p.fields[1], "b,c");
    ck_assert_str_eq(p.fields[2], "say \"hi\"");
    ck_assert_int_eq(next(&p), LP_CSV_RECORD);
    ck_assert_int_eq(p.line, 2);
    ck_assert_str_eq(p.fields[0], "two\nlines");
    ck_assert_str_eq(p.fields[1], "");
    ck_assert_str_eq(p.fields[2], "end");
    ck_assert_int_eq(next(&p), LP_CSV_END);
    close_text(&p);
}
END_TEST

START_TEST(records_know_their_lines_across_blank_lines_and_a_missing_last_newline)
{
    struct parsed p;
    open_text(&p, "h\n\n\"x\ny\"\nlast");
    ck_assert_int_eq(next(&p), LP_CSV_RECORD);
    ck_assert_int_eq(p.line, 1);
    ck_assert_int_eq(next(&p), LP_CSV_RECORD);
    ck_assert_int_eq(p.line, 3);
    ck_assert_int_eq(next(&p), LP_CSV_RECORD);
    ck_assert_int_eq(p.line, 5);
    ck_assert_str_eq(p.fields[0], "last");
    ck_assert_int_eq(next(&p), LP_CSV_END);
    close_text(&p);
}
END_TEST

START_TEST(a_bad_record_is_reported_and_reading_goes_on)
{
    struct parsed p;
    open_text(&p, "ok\nab\"c\n\"q\"x,1\ngood\n\"open");
    ck_assert_int_eq(next(&p), LP_CSV_RECORD);
    ck_assert_int_eq(next(&p), LP_CSV_BAD);
    ck_assert_int_eq(p.line, 2);
    ck_assert_int_eq(next(&p), LP_CSV_BAD);
    ck_assert_int_eq(p.line, 3);
    ck_assert_int_eq(next(&p), LP_CSV_RECORD);
    ck_assert_int_eq(p.line, 4);
    ck_assert_str_eq(p.fields[0], "good");
    ck_assert_int_eq(next(&p), LP_CSV_BAD);
    ck_assert_ptr_nonnull(strstr(p.err, "not closed"));
    ck_assert_int_eq(next(&p), LP_CSV_END);
    close_text(&p);
}
END_TEST

START_TEST(written_records_read_back_the_same)
{
    char *buffer = NULL;
    size_t size = 0;
    FILE *out = open_memstream(&buffer, &size);
    const char *fields[] = {"plain", "with,comma", "with \"quote\"", "two\nlines", "", " padded "};
    lpd_csv_write_record(out, fields, 6);
    fclose(out);
    ck_assert_str_eq(buffer, "plain,\"with,comma\",\"with \"\"quote\"\"\",\"two\nlines\",,\" padded \"\r\n");
    struct parsed p;
    open_text(&p, buffer);
    ck_assert_int_eq(next(&p), LP_CSV_RECORD);
    ck_assert_int_eq((int)p.count, 6);
    for (int i = 0; i < 6; i++)
        ck_assert_str_eq(p.fields[i], fields[i]);
    close_text(&p);
    free(buffer);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("csv");
    TCase *tc = tcase_create("csv");
    tcase_add_test(tc, quoted_fields_keep_commas_quotes_and_line_breaks);
    tcase_add_test(tc, records_know_their_lines_across_blank_lines_and_a_missing_last_newline);
    tcase_add_test(tc, a_bad_record_is_reported_and_reading_goes_on);
    tcase_add_test(tc, written_records_read_back_the_same);
    suite_add_tcase(s, tc);
    return lp_run_suite(s);
}
