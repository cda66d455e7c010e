/* Loads libsecret with dlopen on first use, so that runs without the keyring never map GLib. */
#include "lib/store/secret_library.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

static lp_secret_library library;
static const lp_secret_library *loaded;
static char load_failure[256];
static pthread_once_t load_once = PTHREAD_ONCE_INIT;

/* POSIX guarantees that a function's address survives the trip through void *;
 * copying the bytes keeps ISO C's object/function pointer rule out of the way. */
_Static_assert(sizeof(void (*)(void)) == sizeof(void *), "dlsym needs code pointers of data size");

static bool bind(void *handle, const char *name, void *slot, size_t size)
{
    void *symbol = dlsym(handle, name);
    if (symbol == NULL || size != sizeof symbol) {
        snprintf(load_failure, sizeof load_failure, "%s lacks %s", LP_LIBSECRET_SONAME, name);
        return false;
    }
    memcpy(slot, &symbol, size);
    return true;
}

#define BIND(handle, field, name) bind(handle, name, &library.field, sizeof library.field)

static void load(void)
{
    /* Never closed: GLib registers types and threads that cannot be unloaded. */
    void *handle = dlopen(LP_LIBSECRET_SONAME, RTLD_NOW | RTLD_LOCAL);
    if (handle == NULL) {
        const char *why = dlerror();
        snprintf(load_failure, sizeof load_failure, "libsecret is not installed (%s)",
                 why != NULL ? why : LP_LIBSECRET_SONAME " not found");
        return;
    }
    /* GLib's symbols resolve through the handle: libsecret depends on it. */
    bool ok = BIND(handle, service_get_sync, "secret_service_get_sync") &&
              BIND(handle, collection_for_alias_sync, "secret_collection_for_alias_sync") &&
              BIND(handle, collection_get_locked, "secret_collection_get_locked") &&
              BIND(handle, password_searchv_sync, "secret_password_searchv_sync") &&
              BIND(handle, retrievable_retrieve_secret_sync,
                   "secret_retrievable_retrieve_secret_sync") &&
              BIND(handle, value_get_text, "secret_value_get_text") &&
              BIND(handle, value_unref, "secret_value_unref") &&
              BIND(handle, password_store_sync, "secret_password_store_sync") &&
              BIND(handle, password_clearv_sync, "secret_password_clearv_sync") &&
              BIND(handle, hash_table_new, "g_hash_table_new") &&
              BIND(handle, hash_table_insert, "g_hash_table_insert") &&
              BIND(handle, hash_table_unref, "g_hash_table_unref") &&
              BIND(handle, str_hash, "g_str_hash") && BIND(handle, str_equal, "g_str_equal") &&
              BIND(handle, list_free_full, "g_list_free_full") &&
              BIND(handle, object_unref, "g_object_unref") &&
              BIND(handle, cancellable_new, "g_cancellable_new") &&
              BIND(handle, cancellable_cancel, "g_cancellable_cancel") &&
              BIND(handle, error_free, "g_error_free");
    if (ok) {
        loaded = &library;
    }
}

const lp_secret_library *lp_secret_library_get(lp_error *err)
{
    pthread_once(&load_once, load);
    if (loaded == NULL) {
        lp_error_set(err, LP_ERR_STORE, "Secret Service: %s", load_failure);
    }
    return loaded;
}
