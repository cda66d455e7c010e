/* Scratch folders for the store suites: each case gets its own state and home. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store_tests.h"

char *store_test_dir(void)
{
    char tmpl[] = "/tmp/lp-store-test-XXXXXX";
    char *dir = mkdtemp(tmpl);
    return dir != NULL ? strdup(dir) : NULL;
}

void store_test_rmdir(const char *dir)
{
    char cmd[512];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    if (system(cmd) != 0) {
        fprintf(stderr, "could not remove %s\n", dir);
    }
}

char *store_test_home(void)
{
    char *dir = store_test_dir();
    if (dir == NULL)
        return NULL;
    char state[600];
    snprintf(state, sizeof state, "%s/state", dir);
    setenv("XDG_STATE_HOME", state, 1);
    setenv("HOME", dir, 1);
    unsetenv("LICPORTAL_TOKEN");
    return dir;
}
