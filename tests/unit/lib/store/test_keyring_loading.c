/* libsecret is mapped into the process only once a keyring store is asked for. */
#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/store/credentials.h"
#include "store_tests.h"

#define LIBSECRET "libsecret-1.so.0"
#define GLIB "libglib-2.0.so.0"

static char *dir;

static void setup(void)
{
    dir = store_test_home();
    ck_assert_ptr_nonnull(dir);
    setenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/bus", 1);
}

static void teardown(void)
{
    store_test_rmdir(dir);
    free(dir);
}

/* RTLD_NOLOAD answers without loading: non-NULL only when already mapped. */
static bool mapped(const char *soname)
{
    void *handle = dlopen(soname, RTLD_NOW | RTLD_NOLOAD);
    if (handle == NULL) {
        return false;
    }
    dlclose(handle);
    return true;
}

static const lp_credentials sample = {
    .server = "https://portal.example",
    .email = "ada@example.com",
    .refresh_token = "refresh-xyz",
    .access_expires_at = LP_TIME_NONE,
};

START_TEST(test_file_and_memory_stores_never_load_libsecret)
{
    ck_assert(!mapped(LIBSECRET));
    ck_assert(!mapped(GLIB));
    lp_error err;
    lp_store_kind kinds[] = {LP_STORE_FILE, LP_STORE_NONE};
    for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++) {
        lp_credstore *store = lp_credstore_open(kinds[i], sample.server, NULL, NULL, &err);
        ck_assert_ptr_nonnull(store);
        ck_assert_int_eq(lp_credstore_save(store, &sample, &err), LP_OK);
        lp_credentials out;
        ck_assert_int_eq(lp_credstore_load(store, &out, &err), LP_OK);
        ck_assert_str_eq(out.refresh_token, "refresh-xyz");
        lp_credentials_clear(&out);
        ck_assert_int_eq(lp_credstore_clear(store, &err), LP_OK);
        lp_credstore_free(store);
    }
    ck_assert(!mapped(LIBSECRET));
    ck_assert(!mapped(GLIB));
}
END_TEST

START_TEST(test_probing_the_keyring_loads_libsecret)
{
    const char *note = NULL;
    lp_error err;
    lp_credstore *store = lp_credstore_open(LP_STORE_AUTO, sample.server, NULL, &note, &err);
    ck_assert_ptr_nonnull(store);
    lp_credstore_free(store);
#ifdef LP_HAVE_KEYRING
    ck_assert(mapped(LIBSECRET));
    ck_assert(mapped(GLIB));
#else
    ck_assert(!mapped(LIBSECRET));
#endif
}
END_TEST

TCase *keyring_loading_case(void)
{
    TCase *tc = tcase_create("keyring_loading");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_set_timeout(tc, 20);
    tcase_add_test(tc, test_file_and_memory_stores_never_load_libsecret);
    tcase_add_test(tc, test_probing_the_keyring_loads_libsecret);
    return tc;
}
