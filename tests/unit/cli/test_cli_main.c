/* Runs the sub-command suite. */
#include "../suite_runner.h"
#include "cli_tests.h"

int main(void)
{
    Suite *suite = suite_create("cli");
    suite_add_tcase(suite, options_case());
    suite_add_tcase(suite, exit_code_case());
    suite_add_tcase(suite, output_case());
    suite_add_tcase(suite, paging_case());
    suite_add_tcase(suite, id_cache_case());
    suite_add_tcase(suite, product_match_case());
    return lp_run_suite(suite);
}
