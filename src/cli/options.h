/* The command line: sub-commands, global and per-command options, in one table. */
#ifndef LICPORTAL_CLI_OPTIONS_H
#define LICPORTAL_CLI_OPTIONS_H

#include <stdbool.h>
#include <stddef.h>

#include "licportal/config.h"
#include "licportal/error.h"

typedef enum cli_command {
    CLI_CMD_NONE, /* no sub-command: the terminal UI */
    CLI_CMD_LOGIN,
    CLI_CMD_LOGOUT,
    CLI_CMD_STATUS,
    CLI_CMD_DASHBOARD,
    CLI_CMD_LICENSES,
    CLI_CMD_LICENSE,
    CLI_CMD_ACTIVATIONS,
    CLI_CMD_DEACTIVATE,
    CLI_CMD_DOWNLOADS,
    CLI_CMD_DOWNLOAD,
    CLI_CMD_CHECK,
    CLI_CMD_TOKEN, /* the group word alone; an action must follow */
    CLI_CMD_TOKEN_CREATE,
    CLI_CMD_TOKEN_LIST,
    CLI_CMD_TOKEN_REVOKE,
    CLI_CMD_OFFLINE_REQUEST,
    CLI_CMD_ACTIVATE_OFFLINE,
    CLI_CMD_VERIFY,
    CLI_CMD_COUNT,
} cli_command;

/* Everything the command line said. Strings point into argv. */
typedef struct cli_args {
    cli_command command;
    const char *target; /* the ID operand of license, deactivate, download */
    lp_config_overrides overrides;
    bool help;
    bool version;

    const char *email;
    bool password_stdin;
    const char *otp;
    const char *status;
    const char *product;
    const char *query;
    const char *sort;
    int expiring_within; /* -1: not given */
    int limit;           /* 0: no cap */
    bool json;
    bool reveal;
    const char *license_id;
    bool yes;
    const char *channel;
    const char *platform;
    const char *output;
    bool force;
    int warn_days;
    int crit_days;
    const char *fields; /* --fields a,b,c */
    bool header;
    const char *output_format; /* tsv, csv or json */
    const char *token_name;
    const char *scope;
    int expires_days;           /* 0: never */
    const char *out_file;       /* offline-request, activate-offline */
    const char *request_file;   /* activate-offline */
    const char *keys_file;      /* verify */
    const char *save_keys_file; /* verify */
    bool any_machine;           /* verify */
} cli_args;

typedef enum cli_arg_kind {
    CLI_ARG_FLAG,
    CLI_ARG_STRING,
    CLI_ARG_COUNT_VALUE, /* a whole number >= 0 */
} cli_arg_kind;

#define CLI_ALL_COMMANDS (~0u)
#define CLI_FOR(cmd) (1u << (cmd))

typedef struct cli_option {
    const char *name; /* "--status" */
    char short_name;  /* 'q', or 0 */
    cli_arg_kind kind;
    size_t offset;          /* of the field in cli_args, or SIZE_MAX for overrides */
    unsigned commands;      /* CLI_ALL_COMMANDS for global options */
    const char *value_name; /* "S", "URL" */
    const char *help;
} cli_option;

extern const cli_option cli_options[];
extern const size_t cli_option_count;

typedef struct cli_command_info {
    const char *name;
    const char *operand; /* "ID", "[FILE]" when optional, or NULL when the command takes none */
    const char *summary;
} cli_command_info;

const cli_command_info *cli_command_describe(cli_command command);
bool cli_command_from_name(const char *name, cli_command *out);

/* The sub-command argv names, found even when the rest of argv does not parse
 * (so that `check` can answer a usage error in its own way); option values are
 * skipped. CLI_CMD_NONE when there is none. */
cli_command cli_command_named(int argc, char *const *argv);

/* Whether `word` is one of argv's words (for a line that does not parse). */
bool cli_words_include(int argc, char *const *argv, const char *word);

/* Parses argv (argv[0] is the program). LP_ERR_USAGE with a message naming
 * the offending word for unknown commands and options, options given to a
 * command that has no use for them, missing or malformed values, and missing
 * or extra operands (the operand is not checked when help or version is asked). */
lp_status cli_parse_args(int argc, char *const *argv, cli_args *out, lp_error *err);

#endif
