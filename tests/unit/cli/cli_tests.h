/* The test cases of the sub-command suite. */
#ifndef LICPORTAL_TESTS_CLI_TESTS_H
#define LICPORTAL_TESTS_CLI_TESTS_H

#include <check.h>

TCase *options_case(void);
TCase *exit_code_case(void);
TCase *output_case(void);
TCase *paging_case(void);
TCase *id_cache_case(void);
TCase *product_match_case(void);

#endif
