/* The settings in force: the profile file, then the environment, then the flags. */
#include "licportal/config.h"

#include <stdlib.h>
#include <string.h>

#include "lib/config/config_file.h"
#include "licportal/private_file.h"

static const char *const store_kind_names[] = {
    [LP_STORE_AUTO] = "auto",
    [LP_STORE_KEYRING] = "keyring",
    [LP_STORE_FILE] = "file",
    [LP_STORE_NONE] = "none",
};

const char *lp_store_kind_name(lp_store_kind kind)
{
    if ((unsigned)kind < sizeof store_kind_names / sizeof store_kind_names[0])
        return store_kind_names[kind];
    return "unknown";
}

bool lp_store_kind_from_name(const char *name, lp_store_kind *out)
{
    if (!name)
        return false;
    for (size_t i = 0; i < sizeof store_kind_names / sizeof store_kind_names[0]; i++) {
        if (strcmp(name, store_kind_names[i]) == 0) {
            if (out)
                *out = (lp_store_kind)i;
            return true;
        }
    }
    return false;
}

void lp_config_free(lp_config *config)
{
    if (!config)
        return;
    free(config->profile);
    free(config->server);
    free(config->email);
    free(config->cacert);
    free(config->download_dir);
    for (size_t i = 0; i < config->key_binding_count; i++) {
        free(config->key_bindings[i].action);
        free(config->key_bindings[i].keys);
    }
    free(config->key_bindings);
    free(config->config_path);
    free(config->profile_names);
    memset(config, 0, sizeof *config);
}

static lp_status read_file(const char *profile, lp_config *out, lp_error *err)
{
    char *path = lp_config_file_path();
    if (!path)
        return lp_error_set(err, LP_ERR_CONFIG,
                            "cannot locate the configuration directory (neither "
                            "XDG_CONFIG_HOME nor HOME is set)");
    char *text;
    size_t len;
    lp_status status = lp_private_read(path, LP_CONFIG_MAX_BYTES, &text, &len, err);
    if (status != LP_OK) {
        free(path);
        return status;
    }
    if (!text) {
        free(path);
        out->profile = strdup(profile);
        return out->profile ? LP_OK : lp_error_set(err, LP_ERR_NOMEM, "out of memory");
    }
    status = lp_config_parse(text, len, path, profile, out, err);
    free(text);
    if (status == LP_OK)
        out->config_path = path;
    else
        free(path);
    return status;
}

static lp_status replace(char **slot, const char *value, lp_error *err)
{
    char *copy = strdup(value);
    if (!copy)
        return lp_error_set(err, LP_ERR_NOMEM, "out of memory");
    free(*slot);
    *slot = copy;
    return LP_OK;
}

static lp_status override_server(lp_config *out, const char *value, const char *origin,
                                 lp_status failure, lp_error *err)
{
    char *server;
    lp_status status = lp_config_check_server(value, origin, failure, &server, err);
    if (status != LP_OK)
        return status;
    free(out->server);
    out->server = server;
    return LP_OK;
}

static lp_status apply_overrides(const lp_config_overrides *flags, lp_config *out, lp_error *err)
{
    lp_status status = LP_OK;
    const char *env_server = getenv("LICPORTAL_SERVER");
    if (env_server && *env_server)
        status = override_server(out, env_server, "LICPORTAL_SERVER", LP_ERR_CONFIG, err);
    if (status != LP_OK || !flags)
        return status;
    if (flags->server)
        status = override_server(out, flags->server, "--server", LP_ERR_USAGE, err);
    if (status == LP_OK && flags->cacert)
        status = replace(&out->cacert, flags->cacert, err);
    if (status == LP_OK && flags->credential_store &&
        !lp_store_kind_from_name(flags->credential_store, &out->credential_store))
        status = lp_error_set(err, LP_ERR_USAGE,
                              "--credential-store \"%s\": expected auto, keyring, file or none",
                              flags->credential_store);
    return status;
}

/* "--profile typo" should not end in "no server is set". */
static lp_status no_such_profile(const lp_config *config, lp_error *err)
{
    if (!config->config_path)
        return lp_error_set(
            err, LP_ERR_CONFIG,
            "--profile \"%s\": there is no configuration file, so no profile (pass --server "
            "https://HOST to log in and create it)",
            config->profile);
    return lp_error_set(err, LP_ERR_CONFIG, "--profile \"%s\": %s has no such profile (%s%s)",
                        config->profile, config->config_path,
                        config->profile_names ? "its profiles: " : "it has none",
                        config->profile_names ? config->profile_names : "");
}

lp_status lp_config_load(const lp_config_overrides *flags, lp_config *out, lp_error *err)
{
    memset(out, 0, sizeof *out);
    const char *profile = flags && flags->profile ? flags->profile : "default";
    if (!lp_config_is_profile_name(profile))
        return lp_error_set(err, LP_ERR_USAGE,
                            "--profile \"%s\": letters, digits, '.', '_' and '-' only", profile);
    lp_status status = read_file(profile, out, err);
    if (status == LP_OK)
        status = apply_overrides(flags, out, err);
    if (status == LP_OK && flags && flags->profile && !out->profile_found && !out->server)
        status = no_such_profile(out, err);
    if (status != LP_OK) {
        lp_config_free(out);
        return status;
    }
    /* https://no-color.org: present and not empty. */
    const char *no_color = getenv("NO_COLOR");
    out->no_color = (flags && flags->no_color) || (no_color && *no_color);
    out->read_only = out->read_only || (flags && flags->read_only);
    return LP_OK;
}
