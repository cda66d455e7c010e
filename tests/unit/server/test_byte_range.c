/* Range headers for resumable downloads: bytes=N- gives 206, a start past the end 416. */
#include "../suite_runner.h"
#include "server/byte_range.h"

START_TEST(open_ended_range_runs_to_the_last_byte)
{
    uint64_t first, last;
    ck_assert_int_eq(lpd_byte_range_parse("bytes=100-", 1000, &first, &last), LP_RANGE_PARTIAL);
    ck_assert_uint_eq(first, 100);
    ck_assert_uint_eq(last, 999);
}
END_TEST

START_TEST(closed_range_is_clamped_to_the_file)
{
    uint64_t first, last;
    ck_assert_int_eq(lpd_byte_range_parse("bytes=10-19", 1000, &first, &last), LP_RANGE_PARTIAL);
    ck_assert_uint_eq(first, 10);
    ck_assert_uint_eq(last, 19);
    ck_assert_int_eq(lpd_byte_range_parse("bytes=990-5000", 1000, &first, &last), LP_RANGE_PARTIAL);
    ck_assert_uint_eq(last, 999);
}
END_TEST

START_TEST(suffix_range_takes_the_tail)
{
    uint64_t first, last;
    ck_assert_int_eq(lpd_byte_range_parse("bytes=-10", 1000, &first, &last), LP_RANGE_PARTIAL);
    ck_assert_uint_eq(first, 990);
    ck_assert_uint_eq(last, 999);
}
END_TEST

START_TEST(start_at_or_past_the_end_is_unsatisfiable)
{
    uint64_t first, last;
    ck_assert_int_eq(lpd_byte_range_parse("bytes=1000-", 1000, &first, &last), LP_RANGE_UNSATISFIABLE);
    ck_assert_int_eq(lpd_byte_range_parse("bytes=5000-", 1000, &first, &last), LP_RANGE_UNSATISFIABLE);
    ck_assert_int_eq(lpd_byte_range_parse("bytes=999-", 1000, &first, &last), LP_RANGE_PARTIAL);
}
END_TEST

START_TEST(large_offsets_beyond_four_gibibytes_work)
{
    uint64_t first, last;
    ck_assert_int_eq(lpd_byte_range_parse("bytes=5000000000-", 6000000000ULL, &first, &last), LP_RANGE_PARTIAL);
    ck_assert_uint_eq(first, 5000000000ULL);
}
END_TEST

START_TEST(malformed_or_multiple_ranges_are_ignored)
{
    uint64_t first, last;
    ck_assert_int_eq(lpd_byte_range_parse(NULL, 1000, &first, &last), LP_RANGE_NONE);
    ck_assert_int_eq(lpd_byte_range_parse("items=1-", 1000, &first, &last), LP_RANGE_NONE);
    ck_assert_int_eq(lpd_byte_range_parse("bytes=a-", 1000, &first, &last), LP_RANGE_NONE);
    ck_assert_int_eq(lpd_byte_range_parse("bytes=5-2", 1000, &first, &last), LP_RANGE_NONE);
    ck_assert_int_eq(lpd_byte_range_parse("bytes=0-1,5-6", 1000, &first, &last), LP_RANGE_NONE);
    ck_assert_int_eq(lpd_byte_range_parse("bytes=99999999999999999999999-", 1000, &first, &last), LP_RANGE_NONE);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("byte_range");
    TCase *tc = tcase_create("byte_range");
    tcase_add_test(tc, open_ended_range_runs_to_the_last_byte);
    tcase_add_test(tc, closed_range_is_clamped_to_the_file);
    tcase_add_test(tc, suffix_range_takes_the_tail);
    tcase_add_test(tc, start_at_or_past_the_end_is_unsatisfiable);
    tcase_add_test(tc, large_offsets_beyond_four_gibibytes_work);
    tcase_add_test(tc, malformed_or_multiple_ranges_are_ignored);
    suite_add_tcase(s, tc);
    return lp_run_suite(s);
}
