/* Named parameters become PostgreSQL's $n: one number per name, nothing inside quotes, comments or casts. */
#include <stdio.h>
#include <string.h>

#include "../suite_runner.h"
#include "server/sql_parameters.h"

START_TEST(each_name_gets_one_number_in_order_of_first_use)
{
    struct lpd_sql_parameters p;
    ck_assert(lpd_sql_number_parameters("UPDATE users SET otp_last_step = :step "
                                        "WHERE id = :id AND (otp_last_step IS NULL OR otp_last_step < :step)",
                                        &p));
    ck_assert_str_eq(p.sql, "UPDATE users SET otp_last_step = $1 "
                            "WHERE id = $2 AND (otp_last_step IS NULL OR otp_last_step < $1)");
    ck_assert_int_eq(p.count, 2);
    ck_assert_int_eq(lpd_sql_parameter_index(&p, ":step"), 0);
    ck_assert_int_eq(lpd_sql_parameter_index(&p, ":id"), 1);
    lpd_sql_parameters_free(&p);
}
END_TEST

START_TEST(a_name_that_prefixes_another_is_its_own)
{
    struct lpd_sql_parameters p;
    ck_assert(lpd_sql_number_parameters("SELECT :a, :ab, :a_1, :ab", &p));
    ck_assert_str_eq(p.sql, "SELECT $1, $2, $3, $2");
    ck_assert_int_eq(lpd_sql_parameter_index(&p, ":a"), 0);
    ck_assert_int_eq(lpd_sql_parameter_index(&p, ":ab"), 1);
    ck_assert_int_eq(lpd_sql_parameter_index(&p, ":a_1"), 2);
    /* A name the statement does not use, like SQLite's binder, has no index. */
    ck_assert_int_eq(lpd_sql_parameter_index(&p, ":abc"), -1);
    ck_assert_int_eq(lpd_sql_parameter_index(&p, ":"), -1);
    lpd_sql_parameters_free(&p);
}
END_TEST

START_TEST(quotes_comments_and_casts_stay_as_they_are)
{
    struct lpd_sql_parameters p;
    ck_assert(lpd_sql_number_parameters("SELECT ':not', \"col:x\", 'it''s :no', :yes::bigint -- :comment\n"
                                        "FROM t WHERE a = :yes",
                                        &p));
    ck_assert_str_eq(p.sql, "SELECT ':not', \"col:x\", 'it''s :no', $1::bigint -- :comment\nFROM t WHERE a = $1");
    ck_assert_int_eq(p.count, 1);
    lpd_sql_parameters_free(&p);
}
END_TEST

START_TEST(a_lone_colon_or_digit_is_no_parameter)
{
    struct lpd_sql_parameters p;
    ck_assert(lpd_sql_number_parameters("SELECT 1 : 2, :1, x:", &p));
    ck_assert_str_eq(p.sql, "SELECT 1 : 2, :1, x:");
    ck_assert_int_eq(p.count, 0);
    lpd_sql_parameters_free(&p);
}
END_TEST

START_TEST(an_unterminated_quote_is_copied_to_the_end)
{
    struct lpd_sql_parameters p;
    ck_assert(lpd_sql_number_parameters("SELECT :a, 'open :b", &p));
    ck_assert_str_eq(p.sql, "SELECT $1, 'open :b");
    ck_assert_int_eq(p.count, 1);
    lpd_sql_parameters_free(&p);
}
END_TEST

START_TEST(the_longest_numbers_fit)
{
    /* 999 one-letter-ish names: the output grows most where ":x" becomes "$999". */
    static char sql[999 * 8 + 16];
    size_t o = (size_t)snprintf(sql, sizeof sql, "SELECT ");
    for (int i = 0; i < 999; i++)
        o += (size_t)snprintf(sql + o, sizeof sql - o, ":%c%d,", 'a' + i % 26, i);
    struct lpd_sql_parameters p;
    ck_assert(lpd_sql_number_parameters(sql, &p));
    ck_assert_int_eq(p.count, 999);
    ck_assert_ptr_nonnull(strstr(p.sql, "$999,"));
    lpd_sql_parameters_free(&p);

    /* A thousandth name is refused rather than numbered past PostgreSQL's habits. */
    snprintf(sql + o, sizeof sql - o, ":z1000");
    ck_assert(!lpd_sql_number_parameters(sql, &p));
    ck_assert_ptr_null(p.sql);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("sql_parameters");
    TCase *tc = tcase_create("sql_parameters");
    tcase_add_test(tc, each_name_gets_one_number_in_order_of_first_use);
    tcase_add_test(tc, a_name_that_prefixes_another_is_its_own);
    tcase_add_test(tc, quotes_comments_and_casts_stay_as_they_are);
    tcase_add_test(tc, a_lone_colon_or_digit_is_no_parameter);
    tcase_add_test(tc, an_unterminated_quote_is_copied_to_the_end);
    tcase_add_test(tc, the_longest_numbers_fit);
    suite_add_tcase(s, tc);
    return lp_run_suite(s);
}
