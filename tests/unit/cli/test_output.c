/* Tables, plain text and JSON with hostile server strings: nothing reaches the terminal raw. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/json_output.h"
#include "cli/progress.h"
#include "cli/say.h"
#include "cli/table.h"
#include "cli_tests.h"
#include "licportal/format.h"
#include "licportal/sanitize.h"

static char *capture_table(const cli_table *table, bool terminal, size_t width)
{
    char *text = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&text, &len);
    ck_assert_ptr_nonnull(out);
    cli_table_style style = {.terminal = terminal, .width = width};
    cli_table_print(table, out, &style);
    fclose(out);
    return text;
}

static void assert_no_controls(const char *text, bool allow_tab)
{
    for (const unsigned char *p = (const unsigned char *)text; *p != '\0'; p++) {
        if (*p == '\n' || (allow_tab && *p == '\t')) {
            continue;
        }
        ck_assert_msg(*p >= 0x20 && *p != 0x7F, "control byte 0x%02x in output", *p);
        /* C1 controls as UTF-8: C2 80..C2 9F. */
        ck_assert_msg(!(p[0] == 0xC2 && p[1] >= 0x80 && p[1] <= 0x9F), "C1 control in output");
        /* BiDi overrides and isolates: E2 80 AA..AE, E2 81 A6..A9. */
        ck_assert_msg(!(p[0] == 0xE2 && p[1] == 0x80 && p[2] >= 0xAA && p[2] <= 0xAE),
                      "BiDi override in output");
        ck_assert_msg(!(p[0] == 0xE2 && p[1] == 0x81 && p[2] >= 0xA6 && p[2] <= 0xA9),
                      "BiDi isolate in output");
    }
}

static const char *const hostile[] = {
    "Evil\033[2J\033]0;pwned\007Corp", /* clear screen, set title */
    "tab\there\nnewline",
    "\xc2\x9b"
    "31mC1 CSI", /* U+009B */
    "abc\xe2\x80\xae"
    "gpj.exe", /* RIGHT-TO-LEFT OVERRIDE */
    "bad \xff utf8",
};

START_TEST(test_table_cells_are_sanitised_on_a_terminal)
{
    const char *headers[] = {"ID", "NAME"};
    cli_table *table = cli_table_new(2, headers);
    for (size_t i = 0; i < sizeof hostile / sizeof hostile[0]; i++) {
        const char *cells[] = {"id", hostile[i]};
        ck_assert(cli_table_add_row(table, cells));
    }
    char *text = capture_table(table, true, 0);
    assert_no_controls(text, false);
    ck_assert_ptr_nonnull(strstr(text, "ID"));
    ck_assert_ptr_nonnull(strstr(text, "Corp"));
    ck_assert_ptr_null(strstr(text, "pwned\007"));
    free(text);
    cli_table_free(table);
}
END_TEST

START_TEST(test_plain_output_is_one_line_per_row_tab_separated)
{
    const char *headers[] = {"ID", "NAME", "STATUS"};
    cli_table *table = cli_table_new(3, headers);
    for (size_t i = 0; i < sizeof hostile / sizeof hostile[0]; i++) {
        const char *cells[] = {"id", hostile[i], NULL};
        ck_assert(cli_table_add_row(table, cells));
    }
    char *text = capture_table(table, false, 0);
    assert_no_controls(text, true);
    size_t lines = 0, tabs = 0;
    for (const char *p = text; *p != '\0'; p++) {
        lines += *p == '\n';
        tabs += *p == '\t';
    }
    /* The TAB and LF inside a cell must not split it: 2 tabs and 1 newline per row. */
    ck_assert_uint_eq(lines, sizeof hostile / sizeof hostile[0]);
    ck_assert_uint_eq(tabs, 2 * lines);
    ck_assert_ptr_null(strstr(text, "STATUS"));
    /* None is an empty field for scripts, not a "-" that looks like a value. */
    ck_assert_ptr_nonnull(strstr(text, "\t\n"));
    ck_assert_ptr_null(strstr(text, "\t-\n"));
    free(text);
    cli_table_free(table);
}
END_TEST

static char *capture_style(const cli_table *table, const cli_table_style *style)
{
    char *text = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&text, &len);
    ck_assert_ptr_nonnull(out);
    cli_table_print(table, out, style);
    fclose(out);
    return text;
}

START_TEST(test_records_choose_fields_header_and_csv_quoting)
{
    const char *fields[] = {"id", "name", "count"};
    cli_table *table = cli_table_new(3, fields);
    const char *row1[] = {"a_1", "Atlas, \"Pro\"", "3"};
    const char *row2[] = {"a_2", "Orbit", NULL};
    ck_assert(cli_table_add_row(table, row1));
    ck_assert(cli_table_add_row(table, row2));
    size_t order[8];
    lp_error err;
    lp_error_clear(&err);
    cli_table_style style = {.csv = true, .header = true, .order = order};
    ck_assert_int_eq(cli_table_select(table, "count,id", order, 8, &style.chosen, &err), LP_OK);
    char *text = capture_style(table, &style);
    ck_assert_str_eq(text, "count,id\n3,a_1\n,a_2\n");
    free(text);
    style.chosen = 0;
    text = capture_style(table, &style);
    ck_assert_str_eq(text, "id,name,count\na_1,\"Atlas, \"\"Pro\"\"\",3\na_2,Orbit,\n");
    free(text);
    ck_assert_int_eq(cli_table_select(table, "id,bogus", order, 8, &style.chosen, &err),
                     LP_ERR_USAGE);
    ck_assert_ptr_nonnull(strstr(err.message, "\"bogus\""));
    ck_assert_ptr_nonnull(strstr(err.message, "id,name,count"));
    ck_assert_int_eq(cli_table_select(table, "", order, 8, &style.chosen, &err), LP_ERR_USAGE);
    cli_table_free(table);
}
END_TEST

START_TEST(test_a_cut_is_marked_in_ascii_without_utf8)
{
    const char *headers[] = {"NAME"};
    cli_table *table = cli_table_new(1, headers);
    const char *row[] = {"A very long product name indeed"};
    ck_assert(cli_table_add_row(table, row));
    cli_table_style style = {.terminal = true, .width = 10, .ascii = true};
    char *text = capture_style(table, &style);
    ck_assert_ptr_null(strstr(text, "\xE2\x80\xA6"));
    ck_assert_ptr_nonnull(strstr(text, "A very ...\n"));
    free(text);
    style.ascii = false;
    text = capture_style(table, &style);
    ck_assert_ptr_nonnull(strstr(text, "\xE2\x80\xA6"));
    free(text);
    cli_table_free(table);
}
END_TEST

START_TEST(test_terminal_columns_align_by_display_width)
{
    const char *headers[] = {"PRODUCT", "SEATS"};
    cli_table *table = cli_table_new(2, headers);
    const char *wide[] = {"\xe6\x97\xa5\xe6\x9c\xac", "1"}; /* two wide chars: 4 columns */
    const char *combining[] = {"Cafe\xcc\x81", "2"};        /* 4 columns */
    const char *plain[] = {"Plain", "3"};
    ck_assert(cli_table_add_row(table, wide));
    ck_assert(cli_table_add_row(table, combining));
    ck_assert(cli_table_add_row(table, plain));
    char *text = capture_table(table, true, 0);
    /* Every line's SEATS column starts at display column 9 (7 + gap 2). */
    char *line = strtok(text, "\n");
    int n = 0;
    while (line != NULL) {
        char *last_gap = strrchr(line, ' ');
        ck_assert_ptr_nonnull(last_gap);
        *last_gap = '\0';
        ck_assert_uint_eq(lp_text_width(line) + 1, 9);
        line = strtok(NULL, "\n");
        n++;
    }
    ck_assert_int_eq(n, 4);
    free(text);
    cli_table_free(table);
}
END_TEST

START_TEST(test_terminal_table_fits_the_width)
{
    const char *headers[] = {"ID", "NAME"};
    cli_table *table = cli_table_new(2, headers);
    char long_name[300];
    memset(long_name, 'n', sizeof long_name - 1);
    long_name[sizeof long_name - 1] = '\0';
    const char *cells[] = {"id_1", long_name};
    ck_assert(cli_table_add_row(table, cells));
    char *text = capture_table(table, true, 40);
    char *line = strtok(text, "\n");
    while (line != NULL) {
        ck_assert_uint_le(lp_text_width(line), 40);
        line = strtok(NULL, "\n");
    }
    free(text);
    cli_table_free(table);
}
END_TEST

START_TEST(test_json_strips_controls_c1_and_bidi_and_keeps_lines)
{
    cJSON *doc = cJSON_CreateObject();
    cJSON_AddStringToObject(doc, "esc", "a\033[31mb");
    cJSON_AddStringToObject(doc, "c1", "x\xc2\x85y");
    cJSON_AddStringToObject(doc, "bidi",
                            "abc\xe2\x80\xae"
                            "exe\xe2\x81\xa6");
    cJSON_AddStringToObject(doc, "lines", "one\r\ntwo\tthree");
    cJSON_AddStringToObject(doc, "quote", "say \"hi\" \\ ok");
    cJSON_AddStringToObject(doc, "utf8",
                            "Gr\xc3\xbc\xc3\x9f"
                            "e \xe6\x97\xa5");
    cJSON_AddStringToObject(doc, "invalid", "bad\xff");
    cJSON_AddNumberToObject(doc, "amount_minor", 990000);
    cJSON_AddNumberToObject(doc, "size_bytes", 4294967296.0);
    cJSON_AddNumberToObject(doc, "ratio", 0.5);
    cJSON_AddNullToObject(doc, "edition");
    cJSON_AddTrueToObject(doc, "renewable");
    char *text = cli_json_text(doc);
    ck_assert_ptr_nonnull(text);
    assert_no_controls(text, false);
    ck_assert_ptr_nonnull(strstr(text, "\"ab\""));
    ck_assert_ptr_nonnull(strstr(text, "\"xy\""));
    ck_assert_ptr_nonnull(strstr(text, "\"abcexe\""));
    ck_assert_ptr_nonnull(strstr(text, "\"one\\ntwo\\tthree\""));
    ck_assert_ptr_nonnull(strstr(text, "\"say \\\"hi\\\" \\\\ ok\""));
    ck_assert_ptr_nonnull(strstr(text, "\"Gr\xc3\xbc\xc3\x9f"
                                       "e \xe6\x97\xa5\""));
    ck_assert_ptr_nonnull(strstr(text, "\"bad\xef\xbf\xbd\""));
    ck_assert_ptr_nonnull(strstr(text, "\"amount_minor\": 990000"));
    ck_assert_ptr_nonnull(strstr(text, "\"size_bytes\": 4294967296"));
    ck_assert_ptr_nonnull(strstr(text, "\"ratio\": 0.5"));
    ck_assert_ptr_nonnull(strstr(text, "\"edition\": null"));
    ck_assert_ptr_nonnull(strstr(text, "\"renewable\": true"));
    /* And it is still JSON that means the same. */
    cJSON *back = cJSON_Parse(text);
    ck_assert_ptr_nonnull(back);
    ck_assert_str_eq(cJSON_GetObjectItem(back, "lines")->valuestring, "one\ntwo\tthree");
    ck_assert(cJSON_GetObjectItem(back, "size_bytes")->valuedouble == 4294967296.0);
    cJSON_Delete(back);
    free(text);
    cJSON_Delete(doc);
}
END_TEST

/* Whatever a table would drop, --json drops too: the decoded JSON string is
 * the sanitised text. */
START_TEST(test_json_strips_exactly_what_tables_strip)
{
    static const char *const hidden_text[] = {
        "soft\xc2\xadhyphen",                   /* U+00AD */
        "hangul\xe3\x85\244filler",             /* U+3164 */
        "\xe1\x85\x9f\xe1\x85\xa0",             /* U+115F U+1160 */
        "word\xe2\x81\xa0joiner\xe2\x81\xaf",   /* U+2060, U+206F */
        "tag\xf3\xa0\x80\x81\xf3\xa0\x81\xa1s", /* U+E0001, U+E0061 */
        "bom\xef\xbb\xbf zw\xe2\x80\x8bsp",
        "osc\033]0;title\007end",
        "ls\xe2\x80\xa8ps\xe2\x80\xa9",
        "\xe2\x80\xaegnp.exe",
    };
    for (size_t i = 0; i < sizeof hidden_text / sizeof hidden_text[0]; i++) {
        cJSON *doc = cJSON_CreateString(hidden_text[i]);
        char *text = cli_json_text(doc);
        cJSON *back = cJSON_Parse(text);
        ck_assert_ptr_nonnull(back);
        char *table = lp_sanitize_str(hidden_text[i]);
        ck_assert_str_eq(back->valuestring, table);
        free(table);
        cJSON_Delete(back);
        free(text);
        cJSON_Delete(doc);
    }
}
END_TEST

START_TEST(test_json_of_empty_containers)
{
    cJSON *doc = cJSON_CreateObject();
    cJSON_AddItemToObject(doc, "items", cJSON_CreateArray());
    cJSON_AddNumberToObject(doc, "total", 0);
    char *text = cli_json_text(doc);
    ck_assert_str_eq(text, "{\n  \"items\": [],\n  \"total\": 0\n}\n");
    free(text);
    cJSON_Delete(doc);
}
END_TEST

START_TEST(test_fields_are_sanitised_and_aligned)
{
    char *text = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&text, &len);
    const char *pairs[] = {"Product", "Evil\033[2JCorp", "Expires", NULL};
    cli_print_fields(out, pairs, 2, true);
    fclose(out);
    assert_no_controls(text, false);
    ck_assert_str_eq(text, "Product: EvilCorp\nExpires: -\n");
    free(text);
}
END_TEST

START_TEST(test_field_labels_are_sanitised_too)
{
    char *text = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&text, &len);
    const char *pairs[] = {"Checkout re\033[2J\xe2\x80\xaen\tx\ny", "https://shop.example/"};
    cli_print_fields(out, pairs, 1, false);
    fclose(out);
    assert_no_controls(text, true);
    ck_assert_str_eq(text, "Checkout ren x y\thttps://shop.example/\n");
    free(text);
}
END_TEST

START_TEST(test_said_lines_are_sanitised_whole)
{
    char *text = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&text, &len);
    cli_say(out, "Downloaded %s to %s", "evil\033]0;owned\007.bin\nfake line", "/tmp/\xc2\x85x");
    fclose(out);
    assert_no_controls(text, false);
    ck_assert_str_eq(text, "Downloaded evil.bin fake line to /tmp/x\n");
    free(text);
}
END_TEST

START_TEST(test_progress_line_shows_percent_speed_and_eta)
{
    lp_download_progress p = {
        .received = 512 * 1024,
        .total = 1024 * 1024,
        .bytes_per_second = 100 * 1024,
        .eta_seconds = 5,
    };
    char line[256];
    cli_progress_format(&p, 80, line, sizeof line);
    ck_assert_ptr_nonnull(strstr(line, " 50%"));
    ck_assert_ptr_nonnull(strstr(line, "/s"));
    ck_assert_ptr_nonnull(strstr(line, "ETA"));
    ck_assert_ptr_nonnull(strchr(line, '['));
    ck_assert_uint_le(lp_text_width(line), 80);
    p.eta_seconds = -1;
    p.bytes_per_second = 0;
    p.received = p.total * 2;
    cli_progress_format(&p, 30, line, sizeof line);
    ck_assert_ptr_nonnull(strstr(line, "100%"));
    ck_assert_ptr_null(strstr(line, "ETA"));
    ck_assert_uint_le(lp_text_width(line), 30);
}
END_TEST

TCase *output_case(void)
{
    TCase *tc = tcase_create("output");
    tcase_add_test(tc, test_table_cells_are_sanitised_on_a_terminal);
    tcase_add_test(tc, test_plain_output_is_one_line_per_row_tab_separated);
    tcase_add_test(tc, test_records_choose_fields_header_and_csv_quoting);
    tcase_add_test(tc, test_a_cut_is_marked_in_ascii_without_utf8);
    tcase_add_test(tc, test_terminal_columns_align_by_display_width);
    tcase_add_test(tc, test_terminal_table_fits_the_width);
    tcase_add_test(tc, test_json_strips_controls_c1_and_bidi_and_keeps_lines);
    tcase_add_test(tc, test_json_strips_exactly_what_tables_strip);
    tcase_add_test(tc, test_json_of_empty_containers);
    tcase_add_test(tc, test_fields_are_sanitised_and_aligned);
    tcase_add_test(tc, test_field_labels_are_sanitised_too);
    tcase_add_test(tc, test_said_lines_are_sanitised_whole);
    tcase_add_test(tc, test_progress_line_shows_percent_speed_and_eta);
    return tc;
}
