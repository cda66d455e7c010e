/* Configuration: the profile file, the environment and command-line flags.
 * The CLI and the terminal UI read their settings and key bindings with it. */
#ifndef LICPORTAL_CONFIG_H
#define LICPORTAL_CONFIG_H

#include <stdbool.h>
#include <stddef.h>

#include "licportal/error.h"

typedef enum lp_store_kind {
    LP_STORE_AUTO,
    LP_STORE_KEYRING,
    LP_STORE_FILE,
    LP_STORE_NONE,
} lp_store_kind;

const char *lp_store_kind_name(lp_store_kind kind);
bool lp_store_kind_from_name(const char *name, lp_store_kind *out);

/* One line of a [keys] section: "action = key[, key...]". */
typedef struct lp_key_binding {
    char *action;
    char *keys;
    size_t line; /* where it was written, for messages */
} lp_key_binding;

/* The settings in force. Strings are owned; NULL when unset. */
typedef struct lp_config {
    char *profile; /* profile name ("default") */
    char *server;  /* base URL "https://host[:port]" (no /api/v1) */
    char *email;
    char *cacert; /* extra CA bundle (PEM file) */
    lp_store_kind credential_store;
    /* The download speed floor, as lp_transport_options takes it: 0 when not
     * set (the default floor), -1 when set to 0 (no floor), else bytes/s. */
    long download_min_speed;
    long download_slow_seconds; /* 0 when not set (the default window) */
    bool no_color;
    bool read_only;     /* the terminal UI refuses every change */
    bool no_mouse;      /* mouse = false: the terminal keeps the mouse for selecting text */
    char *download_dir; /* where the terminal UI offers to save downloads, or NULL */
    lp_key_binding *key_bindings;
    size_t key_binding_count;
    char *config_path;   /* the file read, or NULL when none existed */
    bool profile_found;  /* the file has a [profile NAME] section for `profile` */
    char *profile_names; /* the file's profiles, "default, work"; NULL when none */
} lp_config;

/* Values given on the command line; NULL (or false) means "not given". */
typedef struct lp_config_overrides {
    const char *profile;
    const char *server;
    const char *cacert;
    const char *credential_store;
    bool no_color;
    bool read_only;
} lp_config_overrides;

/* Parses INI text: "[profile NAME]" sections with server, email, cacert,
 * credential_store, download_min_speed, download_slow_seconds, read_only and
 * mouse (true or false), download_dir; a "[keys]" section with action
 * bindings; comments start with ';' or '#' at the start of a line or after
 * white space (so "a#b" is a value, "a ;note" is "a").
 * Takes the values of `profile` (and [keys]) into *out. Any
 * unknown key, malformed line or bad value gives LP_ERR_CONFIG with
 * "FILE:LINE: what is wrong". */
lp_status lp_config_parse(const char *text, size_t len, const char *filename, const char *profile,
                          lp_config *out, lp_error *err);

/* Resolves everything: the file ($XDG_CONFIG_HOME/licportal/config, or
 * ~/.config/...; a missing file is fine), then LICPORTAL_SERVER, then the
 * flags; precedence flag > environment > profile. A profile named with
 * flags->profile that the file lacks, when no server comes from the
 * environment or the flags either, is LP_ERR_CONFIG naming the profiles
 * there are. Checks that the server
 * URL is https:// (a plain http:// URL is refused with a clear message)
 * and normalises it (no trailing slash). Also honours NO_COLOR. */
lp_status lp_config_load(const lp_config_overrides *flags, lp_config *out, lp_error *err);

/* Sets `key = value` in section [profile NAME] of the configuration file,
 * creating file and section as needed, keeping every other line as it is;
 * written atomically (temporary file, fsync, rename). */
lp_status lp_config_save_value(const char *profile, const char *key, const char *value,
                               lp_error *err);

/* After a successful login with `used` (the merged configuration) as
 * `email`: writes server, cacert (made absolute) and email into the profile
 * when neither the profile nor the environment sets them yet, so the next run
 * needs no flags. Never overwrites. */
lp_status lp_config_learn_login(const lp_config *used, const char *email, lp_error *err);

/* An action a program offers for [keys]: its name, its default keys
 * ("k, Up") and the scope it applies in (actions of different scopes may
 * share a key; 0 and any other number are just labels). */
typedef struct lp_key_action {
    const char *name;
    const char *default_keys;
    int scope;
} lp_key_action;

/* Checks the [keys] section against the `count` actions a program offers:
 * each action named must be one of them, each key must be one that
 * `parse_key` knows (it turns a key name into a number), and no key may
 * end up bound to two actions of the same scope (counting the defaults of
 * the actions [keys] leaves alone). LP_ERR_CONFIG "FILE:LINE: [keys] ..."
 * naming the action or key otherwise. */
lp_status lp_config_check_key_bindings(const lp_config *config, const lp_key_action *actions,
                                       size_t count, bool (*parse_key)(const char *name, int *key),
                                       lp_error *err);

void lp_config_free(lp_config *config);

/* Directories per the XDG base directory spec, with the "licportal" part
 * appended; malloc'd. kind is "config", "state" or "cache". */
char *lp_xdg_dir(const char *kind);

#endif
