/* libsecret and the GLib calls the keyring store needs, loaded on first use instead of linked. */
#ifndef LICPORTAL_STORE_SECRET_LIBRARY_H
#define LICPORTAL_STORE_SECRET_LIBRARY_H

#include <libsecret/secret.h>

#include "licportal/error.h"

/* The file dlopen looks for: the SONAME of Debian's libsecret-1-0 and its kin. */
#ifndef LP_LIBSECRET_SONAME
#define LP_LIBSECRET_SONAME "libsecret-1.so.0"
#endif

/* Typed entry points; the signatures are those of <libsecret/secret.h> and <glib.h>. */
typedef struct lp_secret_library {
    SecretService *(*service_get_sync)(SecretServiceFlags flags, GCancellable *cancellable,
                                       GError **error);
    SecretCollection *(*collection_for_alias_sync)(SecretService *service, const gchar *alias,
                                                   SecretCollectionFlags flags,
                                                   GCancellable *cancellable, GError **error);
    gboolean (*collection_get_locked)(SecretCollection *collection);
    GList *(*password_searchv_sync)(const SecretSchema *schema, GHashTable *attributes,
                                    SecretSearchFlags flags, GCancellable *cancellable,
                                    GError **error);
    SecretValue *(*retrievable_retrieve_secret_sync)(SecretRetrievable *self,
                                                     GCancellable *cancellable, GError **error);
    const gchar *(*value_get_text)(SecretValue *value);
    void (*value_unref)(gpointer value);
    /* Variadic: the attribute name/value pairs end with NULL. */
    gboolean (*password_store_sync)(const SecretSchema *schema, const gchar *collection,
                                    const gchar *label, const gchar *password,
                                    GCancellable *cancellable, GError **error, ...);
    gboolean (*password_clearv_sync)(const SecretSchema *schema, GHashTable *attributes,
                                     GCancellable *cancellable, GError **error);
    GHashTable *(*hash_table_new)(GHashFunc hash_func, GEqualFunc key_equal_func);
    gboolean (*hash_table_insert)(GHashTable *table, gpointer key, gpointer value);
    void (*hash_table_unref)(GHashTable *table);
    guint (*str_hash)(gconstpointer v);
    gboolean (*str_equal)(gconstpointer v1, gconstpointer v2);
    void (*list_free_full)(GList *list, GDestroyNotify free_func);
    void (*object_unref)(gpointer object);
    GCancellable *(*cancellable_new)(void);
    void (*cancellable_cancel)(GCancellable *cancellable);
    void (*error_free)(GError *error);
} lp_secret_library;

/* The loaded library, or NULL with LP_ERR_STORE and the loader's reason in
 * `err` (may be NULL) when it is not installed or lacks an entry point. The
 * first call loads it; later calls, from any thread, return the same answer. */
const lp_secret_library *lp_secret_library_get(lp_error *err);

#endif
