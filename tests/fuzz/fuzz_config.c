/* Fuzz target for the INI configuration parser (lp_config_parse). */
#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz_check.h"
#include "licportal/config.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char TARGET[] = "fuzz_config";
static const char FILENAME[] = "fuzz.conf";

/* A refused file is named with its line: "fuzz.conf:LINE: what is wrong". */
static void check_refusal(lp_status st, const lp_error *err, const lp_config *cfg)
{
    FUZZ_REQUIRE(TARGET, st == LP_ERR_CONFIG || st == LP_ERR_NOMEM,
                 "a refused configuration gave a status other than LP_ERR_CONFIG");
    FUZZ_REQUIRE(TARGET, memchr(err->message, '\0', sizeof err->message) != NULL,
                 "error message not terminated");
    if (st == LP_ERR_CONFIG) {
        size_t n = strlen(FILENAME);
        FUZZ_REQUIRE(TARGET, strncmp(err->message, FILENAME, n) == 0 && err->message[n] == ':',
                     "configuration error does not start with FILE:");
        const char *p = err->message + n + 1;
        FUZZ_REQUIRE(TARGET, isdigit((unsigned char)*p),
                     "configuration error lacks its line number");
        while (isdigit((unsigned char)*p))
            p++;
        FUZZ_REQUIRE(TARGET, *p == ':', "configuration error is not FILE:LINE: ...");
    }
    FUZZ_REQUIRE(TARGET,
                 cfg->server == NULL && cfg->email == NULL && cfg->cacert == NULL &&
                     cfg->key_bindings == NULL,
                 "refused configuration left values behind");
}

/* Keys as a small program names them: one byte, or F1..F9. */
static bool parse_key(const char *name, int *key)
{
    if (name[0] && !name[1]) {
        *key = (unsigned char)name[0];
        return true;
    }
    if (name[0] == 'F' && name[1] >= '1' && name[1] <= '9' && !name[2]) {
        *key = 256 + name[1];
        return true;
    }
    return false;
}

/* [keys] checked against a few actions: accepted, or "config:LINE: [keys] ...". */
static void check_key_bindings(const lp_config *cfg)
{
    static const lp_key_action actions[] = {
        {"quit", "q", 0},
        {"refresh", "r, F5", 0},
        {"deactivate", "d", 1},
        {"download", "d", 2},
    };
    lp_error err;
    lp_error_clear(&err);
    size_t count = sizeof actions / sizeof actions[0];
    lp_status st = lp_config_check_key_bindings(cfg, actions, count, parse_key, &err);
    FUZZ_REQUIRE(TARGET, st == LP_OK || st == LP_ERR_CONFIG || st == LP_ERR_NOMEM,
                 "checking [keys] gave an unexpected status");
    if (st == LP_ERR_CONFIG) {
        const char *p = err.message + strlen("config:");
        FUZZ_REQUIRE(TARGET, strncmp(err.message, "config:", 7) == 0 && isdigit((unsigned char)*p),
                     "a [keys] error is not FILE:LINE: ...");
        while (isdigit((unsigned char)*p))
            p++;
        FUZZ_REQUIRE(TARGET, strncmp(p, ": [keys] ", 9) == 0, "a [keys] error does not say [keys]");
    }
}

static void check_accepted(const lp_config *cfg, const char *profile)
{
    FUZZ_REQUIRE(TARGET, cfg->download_min_speed >= -1 && cfg->download_slow_seconds >= 0,
                 "download speed settings out of range");
    check_key_bindings(cfg);
    FUZZ_REQUIRE(TARGET, cfg->profile != NULL && strcmp(cfg->profile, profile) == 0,
                 "profile name not kept");
    FUZZ_REQUIRE(TARGET, (unsigned)cfg->credential_store <= LP_STORE_NONE,
                 "credential_store out of range");
    FUZZ_REQUIRE(TARGET, cfg->key_binding_count == 0 || cfg->key_bindings != NULL,
                 "key bindings missing");
    for (size_t i = 0; i < cfg->key_binding_count; i++) {
        FUZZ_REQUIRE(TARGET,
                     cfg->key_bindings[i].action != NULL && cfg->key_bindings[i].keys != NULL,
                     "key binding without action or keys");
    }
}

static void parse_as(const char *text, size_t len, const char *profile)
{
    lp_config cfg;
    lp_error err;
    lp_error_clear(&err);
    lp_status st = lp_config_parse(text, len, FILENAME, profile, &cfg, &err);
    if (st == LP_OK)
        check_accepted(&cfg, profile);
    else
        check_refusal(st, &err, &cfg);
    lp_config_free(&cfg);
    lp_config_free(&cfg); /* freeing twice is safe: free leaves it zeroed */
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    /* Exact-size copy: the parser must not need a NUL at the end. */
    char *text = malloc(size > 0 ? size : 1);
    if (text == NULL)
        return 0;
    memcpy(text, data, size);
    parse_as(text, size, "default");
    parse_as(text, size, "work");
    free(text);
    return 0;
}
