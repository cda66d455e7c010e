/* --product: an id, or a name without regard to case; ambiguous and unknown names list the candidates. */
#include <string.h>

#include "cli/product_match.h"
#include "cli_tests.h"

static lp_owned_product items[] = {
    {"prd_atlas", "Atlas Studio", 2},
    {"prd_orbit", "Orbit Backup", 1},
    {"prd_orbit2", "orbit backup", 1},
};
static const lp_product_page page = {items, 3, NULL, 3};

START_TEST(test_an_id_or_a_name_in_any_case_is_found)
{
    size_t index = 99;
    ck_assert_int_eq(cli_product_match(&page, "prd_atlas", &index), CLI_PRODUCT_FOUND);
    ck_assert_uint_eq(index, 0);
    ck_assert_int_eq(cli_product_match(&page, "atlas STUDIO", &index), CLI_PRODUCT_FOUND);
    ck_assert_uint_eq(index, 0);
    ck_assert_int_eq(cli_product_match(&page, "prd_orbit2", &index), CLI_PRODUCT_FOUND);
    ck_assert_uint_eq(index, 2);
}
END_TEST

START_TEST(test_a_name_is_matched_exactly_not_as_a_prefix)
{
    size_t index;
    ck_assert_int_eq(cli_product_match(&page, "Atlas", &index), CLI_PRODUCT_UNKNOWN);
    ck_assert_int_eq(cli_product_match(&page, "PRD_ATLAS", &index), CLI_PRODUCT_UNKNOWN);
}
END_TEST

START_TEST(test_ambiguous_and_unknown_names_list_candidates)
{
    size_t index;
    char text[256];
    ck_assert_int_eq(cli_product_match(&page, "ORBIT BACKUP", &index), CLI_PRODUCT_AMBIGUOUS);
    cli_product_candidates(&page, "ORBIT BACKUP", text, sizeof text);
    ck_assert_str_eq(text, "Orbit Backup (prd_orbit), orbit backup (prd_orbit2)");
    cli_product_candidates(&page, "nothing", text, sizeof text);
    ck_assert_str_eq(
        text, "Atlas Studio (prd_atlas), Orbit Backup (prd_orbit), orbit backup (prd_orbit2)");
    const lp_product_page empty = {NULL, 0, NULL, 0};
    cli_product_candidates(&empty, "x", text, sizeof text);
    ck_assert_str_eq(text, "none (no licenses)");
}
END_TEST

TCase *product_match_case(void)
{
    TCase *tc = tcase_create("product_match");
    tcase_add_test(tc, test_an_id_or_a_name_in_any_case_is_found);
    tcase_add_test(tc, test_a_name_is_matched_exactly_not_as_a_prefix);
    tcase_add_test(tc, test_ambiguous_and_unknown_names_list_candidates);
    return tc;
}
