/* Pieces of the configuration shared by reading, resolving and saving it. */
#ifndef LICPORTAL_LIB_CONFIG_CONFIG_FILE_H
#define LICPORTAL_LIB_CONFIG_CONFIG_FILE_H

#include <stdbool.h>

#include "licportal/config.h"

/* The configuration file is small; anything larger is a mistake. */
#define LP_CONFIG_MAX_BYTES ((size_t)1024 * 1024)

/* Checks that `value` is an https:// URL and returns a malloc'd copy without
 * trailing slashes in *normalized. `origin` names where the value came from
 * ("--server", "LICPORTAL_SERVER", "FILE:LINE") and starts the message. */
lp_status lp_config_check_server(const char *value, const char *origin, lp_status failure,
                                 char **normalized, lp_error *err);

/* The keys a profile section may set, for messages. */
#define LP_CONFIG_PROFILE_KEYS                                                             \
    "server, email, cacert, credential_store, download_min_speed, download_slow_seconds, " \
    "read_only, "                                                                          \
    "mouse or download_dir"

/* Whether `key` is one a profile section may set. */
bool lp_config_is_profile_key(const char *key);

/* Whether `name` may name a profile: letters, digits, '.', '_', '-'. */
bool lp_config_is_profile_name(const char *name);

/* The file's path ($XDG_CONFIG_HOME/licportal/config), malloc'd, or NULL. */
char *lp_config_file_path(void);

#endif
