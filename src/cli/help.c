/* Usage and version text, generated from the one option table so they never drift. */
#include "cli/help.h"

#include <string.h>

static void print_option(FILE *out, const cli_option *option)
{
    char left[64];
    if (option->short_name != 0) {
        snprintf(left, sizeof left, "-%c, %s%s%s", option->short_name, option->name,
                 option->value_name ? " " : "", option->value_name ? option->value_name : "");
    } else {
        snprintf(left, sizeof left, "%s%s%s", option->name, option->value_name ? " " : "",
                 option->value_name ? option->value_name : "");
    }
    fprintf(out, "  %-26s %s\n", left, option->help);
}

static void print_synopsis(FILE *out, cli_command command)
{
    const cli_command_info *info = cli_command_describe(command);
    fprintf(out, "licportal %s", info->name);
    if (info->operand != NULL) {
        fprintf(out, " %s", info->operand);
    }
    for (size_t i = 0; i < cli_option_count; i++) {
        const cli_option *option = &cli_options[i];
        if (option->commands == CLI_ALL_COMMANDS || !(option->commands & CLI_FOR(command))) {
            continue;
        }
        fprintf(out, " [%s%s%s]", option->name, option->value_name ? " " : "",
                option->value_name ? option->value_name : "");
    }
    fputc('\n', out);
}

void cli_print_usage(FILE *out)
{
    fputs("Usage: licportal [OPTIONS]                 (interactive terminal interface)\n"
          "       licportal COMMAND [ARGS] [OPTIONS]\n\nCommands:\n",
          out);
    for (int c = CLI_CMD_NONE + 1; c < CLI_CMD_COUNT; c++) {
        const cli_command_info *info = cli_command_describe((cli_command)c);
        fprintf(out, "  %-13s %s\n", info->name, info->summary);
    }
    fputs("\nOptions (before or after the command):\n", out);
    for (size_t i = 0; i < cli_option_count; i++) {
        if (cli_options[i].commands == CLI_ALL_COMMANDS) {
            print_option(out, &cli_options[i]);
        }
    }
    fputs("\nExit codes: 0 ok, 1 error, 2 usage, 3 not found, 4 not logged in or session\n"
          "refused, 5 network or TLS failure, 6 checksum mismatch or bad signature\n"
          "(check: 0/1/2/3).\n"
          "`licportal COMMAND --help` lists a command's options; see licportal(1).\n",
          out);
}

void cli_print_command_help(FILE *out, cli_command command)
{
    if (command == CLI_CMD_NONE) {
        cli_print_usage(out);
        return;
    }
    const cli_command_info *info = cli_command_describe(command);
    fputs("Usage: ", out);
    print_synopsis(out, command);
    fprintf(out, "\n%s.\n", info->summary);
    bool any = false;
    for (size_t i = 0; i < cli_option_count; i++) {
        const cli_option *option = &cli_options[i];
        if (option->commands != CLI_ALL_COMMANDS && (option->commands & CLI_FOR(command))) {
            if (!any) {
                fputs("\nOptions:\n", out);
                any = true;
            }
            print_option(out, option);
        }
    }
    fputs("\nGlobal options: --server URL, --profile NAME, --cacert FILE,\n"
          "--credential-store S, --no-color (see licportal --help).\n",
          out);
}

void cli_print_version(FILE *out)
{
    fprintf(out, "licportal %s\n", LP_VERSION);
#ifdef LP_CURL_VERSION
    fprintf(out, "built with libcurl %s\n", LP_CURL_VERSION);
#endif
#ifdef LP_NCURSES_VERSION
    fprintf(out, "built with ncurses %s\n", LP_NCURSES_VERSION);
#endif
#ifdef LP_LIBSECRET_VERSION
    fprintf(out, "built with libsecret %s\n", LP_LIBSECRET_VERSION);
#else
    fputs("built without keyring support (libsecret)\n", out);
#endif
}
