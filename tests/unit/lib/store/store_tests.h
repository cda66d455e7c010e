/* The test cases of the credential store suite. */
#ifndef LICPORTAL_TESTS_STORE_TESTS_H
#define LICPORTAL_TESTS_STORE_TESTS_H

#include <check.h>

TCase *file_store_case(void);
TCase *credstore_case(void);
TCase *keyring_loading_case(void);
/* A fresh empty directory (malloc'd) and its removal. */
char *store_test_dir(void);
void store_test_rmdir(const char *dir);
/* store_test_dir() made the home of the store under test: HOME and
 * XDG_STATE_HOME point into it and LICPORTAL_TOKEN is unset. */
char *store_test_home(void);

#endif
