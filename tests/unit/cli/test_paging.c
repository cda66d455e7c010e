/* The rule that ends a list walk: the last page, or a server whose paging would never end. */
#include "cli/paging.h"
#include "cli_tests.h"

START_TEST(test_walk_ends_on_the_last_page)
{
    cli_paging paging = {0};
    const char *why;
    ck_assert_int_eq(cli_paging_next(&paging, 2, "c1", 5, &why), CLI_PAGING_MORE);
    ck_assert_int_eq(cli_paging_next(&paging, 2, "c2", 5, &why), CLI_PAGING_MORE);
    ck_assert_int_eq(cli_paging_next(&paging, 1, NULL, 5, &why), CLI_PAGING_DONE);
    ck_assert_ptr_null(why);
    cli_paging_free(&paging);
}
END_TEST

START_TEST(test_repeated_cursor_breaks_the_walk)
{
    cli_paging paging = {0};
    const char *why;
    ck_assert_int_eq(cli_paging_next(&paging, 1, "c1", 100, &why), CLI_PAGING_MORE);
    ck_assert_int_eq(cli_paging_next(&paging, 1, "c2", 100, &why), CLI_PAGING_MORE);
    ck_assert_int_eq(cli_paging_next(&paging, 1, "c1", 100, &why), CLI_PAGING_BROKEN);
    ck_assert_ptr_nonnull(why);
    cli_paging_free(&paging);
}
END_TEST

START_TEST(test_empty_page_naming_another_breaks_the_walk)
{
    cli_paging paging = {0};
    const char *why;
    ck_assert_int_eq(cli_paging_next(&paging, 0, "c1", 100, &why), CLI_PAGING_BROKEN);
    ck_assert_ptr_nonnull(why);
    cli_paging_free(&paging);
}
END_TEST

START_TEST(test_more_items_than_the_total_breaks_the_walk)
{
    cli_paging paging = {0};
    const char *why;
    ck_assert_int_eq(cli_paging_next(&paging, 3, "c1", 4, &why), CLI_PAGING_MORE);
    ck_assert_int_eq(cli_paging_next(&paging, 3, "c2", 4, &why), CLI_PAGING_BROKEN);
    ck_assert_ptr_nonnull(why);
    cli_paging_free(&paging);
}
END_TEST

START_TEST(test_a_list_that_grows_while_walked_is_not_a_loop)
{
    cli_paging paging = {0};
    const char *why;
    ck_assert_int_eq(cli_paging_next(&paging, 2, "c1", 3, &why), CLI_PAGING_MORE);
    ck_assert_int_eq(cli_paging_next(&paging, 2, NULL, 4, &why), CLI_PAGING_DONE);
    cli_paging_free(&paging);
}
END_TEST

TCase *paging_case(void)
{
    TCase *tc = tcase_create("paging");
    tcase_add_test(tc, test_walk_ends_on_the_last_page);
    tcase_add_test(tc, test_repeated_cursor_breaks_the_walk);
    tcase_add_test(tc, test_empty_page_naming_another_breaks_the_walk);
    tcase_add_test(tc, test_more_items_than_the_total_breaks_the_walk);
    tcase_add_test(tc, test_a_list_that_grows_while_walked_is_not_a_loop);
    return tc;
}
