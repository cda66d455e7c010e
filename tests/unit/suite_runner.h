/* Runs one Check suite as TAP for meson; a suite that runs no test fails. */
#ifndef LICPORTAL_TESTS_SUITE_RUNNER_H
#define LICPORTAL_TESTS_SUITE_RUNNER_H

#include <check.h>
#include <stdio.h>
#include <stdlib.h>

static inline int lp_run_suite(Suite *suite)
{
    SRunner *runner = srunner_create(suite);
    srunner_run_all(runner, CK_ENV);
    int run = srunner_ntests_run(runner);
    int failed = srunner_ntests_failed(runner);
    srunner_free(runner);
    if (run == 0) {
        fprintf(stderr, "no test ran: check CK_RUN_CASE/CK_RUN_SUITE\n");
        return EXIT_FAILURE;
    }
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}

#endif
