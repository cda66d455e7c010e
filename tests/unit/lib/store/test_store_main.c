/* Runs the credential store suite. */
#include "../../suite_runner.h"
#include "store_tests.h"

int main(void)
{
    Suite *suite = suite_create("store");
    suite_add_tcase(suite, file_store_case());
    /* Before any case that probes the keyring: it checks libsecret is not yet mapped
     * (matters when CK_FORK=no runs every case in one process). */
    suite_add_tcase(suite, keyring_loading_case());
    suite_add_tcase(suite, credstore_case());
    return lp_run_suite(suite);
}
