/* The command line: one table of options drives parsing, validation and help. */
#include "cli/options.h"

#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "licportal/model.h"

static const cli_command_info commands[CLI_CMD_COUNT] = {
    [CLI_CMD_NONE] = {"", NULL, "start the interactive terminal interface"},
    [CLI_CMD_LOGIN] = {"login", NULL, "log in and keep the session in the credential store"},
    [CLI_CMD_LOGOUT] = {"logout", NULL, "end the session on the server and forget it here"},
    [CLI_CMD_STATUS] = {"status", NULL,
                        "who is logged in, to which server, where the session lives"},
    [CLI_CMD_DASHBOARD] = {"dashboard", NULL,
                           "license counts and the most recently added licenses"},
    [CLI_CMD_LICENSES] = {"licenses", NULL, "list licenses"},
    [CLI_CMD_LICENSE] = {"license", "ID", "show one license with features and renewal options"},
    [CLI_CMD_ACTIVATIONS] = {"activations", NULL, "list activations (devices and domains)"},
    [CLI_CMD_DEACTIVATE] = {"deactivate", "ACTIVATION_ID", "free the seat held by an activation"},
    [CLI_CMD_DOWNLOADS] = {"downloads", NULL, "list the files you may download"},
    [CLI_CMD_DOWNLOAD] = {"download", "ID", "download a file, resuming and checking its sha256"},
    [CLI_CMD_CHECK] = {"check", NULL, "monitoring-plugin check of expiring licenses"},
    [CLI_CMD_TOKEN] = {"token", "ACTION",
                       "personal access tokens for scripts: create, list or revoke"},
    [CLI_CMD_TOKEN_CREATE] = {"token create", NULL,
                              "create a personal access token and print it once"},
    [CLI_CMD_TOKEN_LIST] = {"token list", NULL, "list your personal access tokens"},
    [CLI_CMD_TOKEN_REVOKE] = {"token revoke", "ID", "revoke a personal access token at once"},
    [CLI_CMD_OFFLINE_REQUEST] = {"offline-request", NULL,
                                 "write this machine's request for an offline activation"},
    [CLI_CMD_ACTIVATE_OFFLINE] = {"activate-offline", "LICENSE_ID",
                                  "turn a machine request into a signed license file"},
    [CLI_CMD_VERIFY] = {"verify", "[FILE]", "check a license file's signature, machine and expiry"},
};

/* The word after a group ("token") names the action, a command of its own. */
#define GROUP_PREFIX_MAX 32

#define FIELD(name) offsetof(cli_args, name)
#define OVERRIDE(name) (offsetof(cli_args, overrides) + offsetof(lp_config_overrides, name))
#define PAGED                                                                                \
    (CLI_FOR(CLI_CMD_LICENSES) | CLI_FOR(CLI_CMD_ACTIVATIONS) | CLI_FOR(CLI_CMD_DOWNLOADS) | \
     CLI_FOR(CLI_CMD_TOKEN_LIST))
/* Every sub-command but the bare group word "token". */
#define SUB_COMMANDS \
    (((1u << CLI_CMD_COUNT) - 1u) & ~CLI_FOR(CLI_CMD_NONE) & ~CLI_FOR(CLI_CMD_TOKEN))
/* Commands whose plain output is records for scripts. */
#define RECORDS                                                                          \
    (CLI_FOR(CLI_CMD_DASHBOARD) | CLI_FOR(CLI_CMD_LICENSES) | CLI_FOR(CLI_CMD_LICENSE) | \
     CLI_FOR(CLI_CMD_ACTIVATIONS) | CLI_FOR(CLI_CMD_DOWNLOADS) | CLI_FOR(CLI_CMD_TOKEN_LIST))
#define TOKENS \
    (CLI_FOR(CLI_CMD_TOKEN_CREATE) | CLI_FOR(CLI_CMD_TOKEN_LIST) | CLI_FOR(CLI_CMD_TOKEN_REVOKE))
#define OFFLINE \
    (CLI_FOR(CLI_CMD_OFFLINE_REQUEST) | CLI_FOR(CLI_CMD_ACTIVATE_OFFLINE) | CLI_FOR(CLI_CMD_VERIFY))

const cli_option cli_options[] = {
    {"--server", 0, CLI_ARG_STRING, OVERRIDE(server), CLI_ALL_COMMANDS, "URL",
     "portal server, https:// only"},
    {"--profile", 0, CLI_ARG_STRING, OVERRIDE(profile), CLI_ALL_COMMANDS, "NAME",
     "profile of the configuration file (default: default)"},
    {"--cacert", 0, CLI_ARG_STRING, OVERRIDE(cacert), CLI_ALL_COMMANDS, "FILE",
     "also trust the CA certificates in this PEM file"},
    {"--credential-store", 0, CLI_ARG_STRING, OVERRIDE(credential_store), CLI_ALL_COMMANDS, "S",
     "auto, keyring, file or none"},
    {"--no-color", 0, CLI_ARG_FLAG, OVERRIDE(no_color), CLI_ALL_COMMANDS, NULL,
     "no colours or text attributes"},
    {"--read-only", 0, CLI_ARG_FLAG, OVERRIDE(read_only), CLI_FOR(CLI_CMD_NONE), NULL,
     "the terminal interface refuses every change"},
    {"--help", 'h', CLI_ARG_FLAG, FIELD(help), CLI_ALL_COMMANDS, NULL, "show help and exit"},
    {"--version", 0, CLI_ARG_FLAG, FIELD(version), CLI_ALL_COMMANDS, NULL,
     "show the version and the libraries built with, and exit"},
    {"--email", 0, CLI_ARG_STRING, FIELD(email), CLI_FOR(CLI_CMD_LOGIN), "E",
     "account email (else the profile's, else asked)"},
    {"--password-stdin", 0, CLI_ARG_FLAG, FIELD(password_stdin), CLI_FOR(CLI_CMD_LOGIN), NULL,
     "read the password as one line from standard input"},
    {"--otp", 0, CLI_ARG_STRING, FIELD(otp), CLI_FOR(CLI_CMD_LOGIN), "CODE",
     "one-time code for two-factor authentication"},
    {"--status", 0, CLI_ARG_STRING, FIELD(status), CLI_FOR(CLI_CMD_LICENSES), "S",
     "active, expired, suspended, revoked or pending"},
    {"--product", 0, CLI_ARG_STRING, FIELD(product),
     CLI_FOR(CLI_CMD_LICENSES) | CLI_FOR(CLI_CMD_DOWNLOADS), "P", "product name (any case) or id"},
    {"--query", 'q', CLI_ARG_STRING, FIELD(query), CLI_FOR(CLI_CMD_LICENSES), "TEXT",
     "match product, edition or the last key characters"},
    {"--sort", 0, CLI_ARG_STRING, FIELD(sort), CLI_FOR(CLI_CMD_LICENSES), "KEY",
     "added_at, -added_at, expires_at, -expires_at, product, -product or status"},
    {"--expiring-within", 0, CLI_ARG_COUNT_VALUE, FIELD(expiring_within), CLI_FOR(CLI_CMD_LICENSES),
     "DAYS", "only licenses expiring within DAYS days"},
    {"--limit", 0, CLI_ARG_COUNT_VALUE, FIELD(limit), PAGED, "N", "print at most N items"},
    {"--json", 0, CLI_ARG_FLAG, FIELD(json), SUB_COMMANDS, NULL,
     "print JSON: the API objects, or what was done"},
    {"--reveal", 0, CLI_ARG_FLAG, FIELD(reveal), CLI_FOR(CLI_CMD_LICENSE), NULL,
     "show the full license key (the server records it)"},
    {"--license", 0, CLI_ARG_STRING, FIELD(license_id), CLI_FOR(CLI_CMD_ACTIVATIONS), "ID",
     "only the activations of this license"},
    {"--yes", 'y', CLI_ARG_FLAG, FIELD(yes), CLI_FOR(CLI_CMD_DEACTIVATE), NULL,
     "do not ask for confirmation"},
    {"--channel", 0, CLI_ARG_STRING, FIELD(channel), CLI_FOR(CLI_CMD_DOWNLOADS), "C",
     "stable or beta"},
    {"--platform", 0, CLI_ARG_STRING, FIELD(platform), CLI_FOR(CLI_CMD_DOWNLOADS), "P",
     "linux, windows, macos or any"},
    {"--output", 'o', CLI_ARG_STRING, FIELD(output), CLI_FOR(CLI_CMD_DOWNLOAD), "PATH",
     "file name, or a folder to put the file in"},
    {"--force", 0, CLI_ARG_FLAG, FIELD(force), CLI_FOR(CLI_CMD_DOWNLOAD), NULL,
     "replace an existing file"},
    {"--warn-days", 0, CLI_ARG_COUNT_VALUE, FIELD(warn_days), CLI_FOR(CLI_CMD_CHECK), "N",
     "WARNING when an active license expires within N days (30)"},
    {"--crit-days", 0, CLI_ARG_COUNT_VALUE, FIELD(crit_days), CLI_FOR(CLI_CMD_CHECK), "N",
     "CRITICAL when an active license expires within N days (7)"},
    {"--fields", 0, CLI_ARG_STRING, FIELD(fields), RECORDS, "A,B",
     "plain output: these fields, in this order"},
    {"--header", 0, CLI_ARG_FLAG, FIELD(header), RECORDS, NULL,
     "plain output: a first line naming the fields"},
    {"--output", 0, CLI_ARG_STRING, FIELD(output_format), RECORDS, "F",
     "tsv (plain default), csv or json, on a terminal too"},
    {"--name", 0, CLI_ARG_STRING, FIELD(token_name), CLI_FOR(CLI_CMD_TOKEN_CREATE), "N",
     "what the token is for, shown by token list"},
    {"--scope", 0, CLI_ARG_STRING, FIELD(scope), CLI_FOR(CLI_CMD_TOKEN_CREATE), "S",
     "read (default: every GET) or read_write"},
    {"--expires-days", 0, CLI_ARG_COUNT_VALUE, FIELD(expires_days), CLI_FOR(CLI_CMD_TOKEN_CREATE),
     "N", "the token stops working after N days (default: never)"},
    {"--out", 0, CLI_ARG_STRING, FIELD(out_file),
     CLI_FOR(CLI_CMD_OFFLINE_REQUEST) | CLI_FOR(CLI_CMD_ACTIVATE_OFFLINE), "FILE",
     "write the request or license file here"},
    {"--request", 0, CLI_ARG_STRING, FIELD(request_file), CLI_FOR(CLI_CMD_ACTIVATE_OFFLINE), "FILE",
     "the machine request (from licportal offline-request)"},
    {"--keys", 0, CLI_ARG_STRING, FIELD(keys_file), CLI_FOR(CLI_CMD_VERIFY), "FILE",
     "signing keys saved earlier, instead of asking the server"},
    {"--save-keys", 0, CLI_ARG_STRING, FIELD(save_keys_file), CLI_FOR(CLI_CMD_VERIFY), "FILE",
     "fetch the server's signing keys and save them here"},
    {"--any-machine", 0, CLI_ARG_FLAG, FIELD(any_machine), CLI_FOR(CLI_CMD_VERIFY), NULL,
     "do not check that the file is for this machine"},
};
const size_t cli_option_count = sizeof cli_options / sizeof cli_options[0];

const cli_command_info *cli_command_describe(cli_command command)
{
    return command < CLI_CMD_COUNT ? &commands[command] : NULL;
}

bool cli_command_from_name(const char *name, cli_command *out)
{
    for (int i = CLI_CMD_NONE + 1; i < CLI_CMD_COUNT; i++) {
        if (strcmp(commands[i].name, name) == 0) {
            *out = (cli_command)i;
            return true;
        }
    }
    return false;
}

/* The option of that name meant for `command` (one name can mean different
 * things: download's --output is a path, a list's a format), else the first. */
static const cli_option *find_long_for(const char *word, size_t len, cli_command command)
{
    const cli_option *first = NULL;
    for (size_t i = 0; i < cli_option_count; i++) {
        if (strlen(cli_options[i].name) == len && strncmp(cli_options[i].name, word, len) == 0) {
            if (cli_options[i].commands == CLI_ALL_COMMANDS ||
                (cli_options[i].commands & CLI_FOR(command)) != 0) {
                return &cli_options[i];
            }
            if (first == NULL) {
                first = &cli_options[i];
            }
        }
    }
    return first;
}

static const cli_option *find_long(const char *word, size_t len)
{
    return find_long_for(word, len, CLI_CMD_NONE);
}

static const cli_option *find_short(char letter)
{
    for (size_t i = 0; i < cli_option_count; i++) {
        if (cli_options[i].short_name == letter) {
            return &cli_options[i];
        }
    }
    return NULL;
}

static lp_status store_value(const cli_option *option, const char *value, cli_args *out,
                             lp_error *err)
{
    char *field = (char *)out + option->offset;
    switch (option->kind) {
    case CLI_ARG_FLAG: {
        bool yes = true;
        memcpy(field, &yes, sizeof yes);
        return LP_OK;
    }
    case CLI_ARG_STRING: {
        if (value[0] == '\0') {
            return lp_error_set(err, LP_ERR_USAGE, "%s needs a non-empty %s", option->name,
                                option->value_name);
        }
        memcpy(field, &value, sizeof value);
        return LP_OK;
    }
    case CLI_ARG_COUNT_VALUE: {
        char *end = NULL;
        errno = 0;
        long n = strtol(value, &end, 10);
        if (value[0] < '0' || value[0] > '9' || *end != '\0' || errno != 0 || n > 1000000) {
            return lp_error_set(err, LP_ERR_USAGE,
                                "%s needs a whole number from 0 to 1000000, not \"%.40s\"",
                                option->name, value);
        }
        int number = (int)n;
        memcpy(field, &number, sizeof number);
        return LP_OK;
    }
    }
    return LP_ERR_USAGE;
}

static lp_status check_allowed(const cli_option *option, const cli_args *out, lp_error *err)
{
    if (option->commands == CLI_ALL_COMMANDS || (option->commands & CLI_FOR(out->command)) != 0) {
        return LP_OK;
    }
    if (out->command == CLI_CMD_NONE) {
        return lp_error_set(err, LP_ERR_USAGE, "%s belongs after a sub-command", option->name);
    }
    return lp_error_set(err, LP_ERR_USAGE, "%s is not an option of \"%s\"", option->name,
                        commands[out->command].name);
}

static lp_status take_option(const char *word, int *index, int argc, char *const *argv,
                             cli_args *out, lp_error *err)
{
    const cli_option *option;
    const char *inline_value = NULL;
    char display[64];
    if (word[1] == '-') {
        const char *equals = strchr(word, '=');
        size_t len = equals != NULL ? (size_t)(equals - word) : strlen(word);
        option = find_long_for(word, len, out->command);
        inline_value = equals != NULL ? equals + 1 : NULL;
        snprintf(display, sizeof display, "%.*s", (int)(len < 40 ? len : 40), word);
    } else {
        option = word[2] == '\0' ? find_short(word[1]) : NULL;
        if (option == NULL && word[1] != '\0' && find_short(word[1]) != NULL &&
            find_short(word[1])->kind != CLI_ARG_FLAG) {
            option = find_short(word[1]);
            inline_value = word + 2; /* -qTEXT */
        }
        snprintf(display, sizeof display, "%.40s", word);
    }
    if (option == NULL) {
        return lp_error_set(err, LP_ERR_USAGE, "unknown option %s (see licportal --help)", display);
    }
    lp_status status = check_allowed(option, out, err);
    if (status != LP_OK) {
        return status;
    }
    if (option->kind == CLI_ARG_FLAG) {
        if (inline_value != NULL) {
            return lp_error_set(err, LP_ERR_USAGE, "%s takes no value", option->name);
        }
        return store_value(option, NULL, out, err);
    }
    if (inline_value == NULL) {
        if (*index + 1 >= argc) {
            return lp_error_set(err, LP_ERR_USAGE, "%s needs a value (%s)", option->name,
                                option->value_name);
        }
        inline_value = argv[++*index];
    }
    return store_value(option, inline_value, out, err);
}

static lp_status take_action(const char *word, cli_args *out, lp_error *err)
{
    char name[GROUP_PREFIX_MAX + 64];
    snprintf(name, sizeof name, "%s %.60s", commands[out->command].name, word);
    if (strlen(word) > 60 || !cli_command_from_name(name, &out->command)) {
        return lp_error_set(err, LP_ERR_USAGE,
                            "unknown action \"%.40s\" of \"%s\" (create, list or revoke)", word,
                            commands[out->command].name);
    }
    return LP_OK;
}

static lp_status take_operand(const char *word, cli_args *out, lp_error *err)
{
    if (out->command == CLI_CMD_TOKEN) {
        return take_action(word, out, err);
    }
    if (out->command == CLI_CMD_NONE) {
        if (!cli_command_from_name(word, &out->command)) {
            return lp_error_set(err, LP_ERR_USAGE,
                                "unknown command \"%.40s\" (see licportal --help)", word);
        }
        return LP_OK;
    }
    if (commands[out->command].operand == NULL || out->target != NULL) {
        return lp_error_set(err, LP_ERR_USAGE, "unexpected argument \"%.40s\" for \"%s\"", word,
                            commands[out->command].name);
    }
    out->target = word;
    return LP_OK;
}

static const char *const output_formats[] = {"tsv", "csv", "json", NULL};

/* A value outside an enumeration is a usage error listing the allowed ones. */
static lp_status check_enum(const char *option, const char *value, const char *const *allowed,
                            lp_error *err)
{
    if (value == NULL) {
        return LP_OK;
    }
    char list[256] = "";
    size_t used = 0;
    for (size_t i = 0; allowed[i] != NULL; i++) {
        if (strcmp(value, allowed[i]) == 0) {
            return LP_OK;
        }
        if (used < sizeof list) {
            used += (size_t)snprintf(list + used, sizeof list - used, "%s%s", i > 0 ? ", " : "",
                                     allowed[i]);
        }
    }
    return lp_error_set(err, LP_ERR_USAGE, "%s must be one of %s, not \"%.40s\"", option, list,
                        value);
}

bool cli_words_include(int argc, char *const *argv, const char *word)
{
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--") == 0) {
            return false;
        }
        if (strcmp(argv[i], word) == 0) {
            return true;
        }
    }
    return false;
}

cli_command cli_command_named(int argc, char *const *argv)
{
    for (int i = 1; i < argc; i++) {
        const char *word = argv[i];
        bool after_dashes = false;
        if (strcmp(word, "--") == 0) {
            if (++i >= argc) {
                break;
            }
            word = argv[i];
            after_dashes = true;
        }
        if (!after_dashes && word[0] == '-' && word[1] != '\0') {
            const cli_option *option = word[1] == '-'
                                           ? (strchr(word, '=') ? NULL
                                                                : find_long(word, strlen(word)))
                                           : (word[2] == '\0' ? find_short(word[1]) : NULL);
            if (option != NULL && option->kind != CLI_ARG_FLAG) {
                i++; /* its value */
            }
            continue;
        }
        cli_command command;
        return cli_command_from_name(word, &command) ? command : CLI_CMD_NONE;
    }
    return CLI_CMD_NONE;
}

lp_status cli_parse_args(int argc, char *const *argv, cli_args *out, lp_error *err)
{
    memset(out, 0, sizeof *out);
    out->expiring_within = -1;
    out->warn_days = 30;
    out->crit_days = 7;
    bool options_done = false;
    for (int i = 1; i < argc; i++) {
        const char *word = argv[i];
        lp_status status;
        if (!options_done && strcmp(word, "--") == 0) {
            options_done = true;
            continue;
        }
        if (!options_done && word[0] == '-' && word[1] != '\0') {
            status = take_option(word, &i, argc, argv, out, err);
        } else {
            status = take_operand(word, out, err);
        }
        if (status != LP_OK) {
            return status;
        }
    }
    if (out->help || out->version) {
        return LP_OK;
    }
    const char *operand = commands[out->command].operand;
    if (out->command == CLI_CMD_TOKEN) {
        return lp_error_set(err, LP_ERR_USAGE,
                            "\"token\" needs an action: create, list or revoke ID");
    }
    if (out->command == CLI_CMD_TOKEN_CREATE && out->token_name == NULL) {
        return lp_error_set(err, LP_ERR_USAGE, "\"token create\" needs --name N");
    }
    const struct {
        const char *option;
        const char *value;
        const char *const *allowed;
    } enums[] = {
        {"--status", out->status, lp_license_statuses.names},
        {"--sort", out->sort, lp_license_sort_keys.names},
        {"--channel", out->channel, lp_download_channels.names},
        {"--platform", out->platform, lp_download_platforms.names},
        {"--scope", out->scope, lp_token_scopes.names},
        {"--output", out->command == CLI_CMD_DOWNLOAD ? NULL : out->output_format, output_formats},
    };
    for (size_t i = 0; i < sizeof enums / sizeof enums[0]; i++) {
        lp_status status = check_enum(enums[i].option, enums[i].value, enums[i].allowed, err);
        if (status != LP_OK) {
            return status;
        }
    }
    if (out->output_format != NULL && strcmp(out->output_format, "json") == 0) {
        out->json = true;
    }
    if (operand != NULL && operand[0] != '[' && out->target == NULL) {
        return lp_error_set(err, LP_ERR_USAGE, "\"%s\" needs %s (licportal %s %s)",
                            commands[out->command].name, operand, commands[out->command].name,
                            operand);
    }
    if (out->overrides.credential_store != NULL) {
        lp_store_kind kind;
        if (!lp_store_kind_from_name(out->overrides.credential_store, &kind)) {
            return lp_error_set(err, LP_ERR_USAGE,
                                "--credential-store must be auto, keyring, file or none");
        }
    }
    return LP_OK;
}
