/* licportal: the terminal UI with no sub-command, else one sub-command for scripts. */
#include <locale.h>
#include <signal.h>
#include <stdio.h>

#include "cli/commands.h"
#include "cli/context.h"
#include "cli/exit_code.h"
#include "cli/help.h"
#include "cli/options.h"
#ifdef LP_HAVE_TUI
#include "tui/tui.h"
#endif

static int run_tui(const cli_args *args)
{
#ifdef LP_HAVE_TUI
    lp_config config;
    lp_error err;
    lp_error_clear(&err);
    if (lp_config_load(&args->overrides, &config, &err) != LP_OK) {
        return cli_fail(cli_exit_code(err.status), "%s", err.message);
    }
    int rc = tui_run(&config);
    lp_config_free(&config);
    return rc;
#else
    (void)args;
    fputs("licportal: this build has no terminal interface; use a sub-command\n", stderr);
    cli_print_usage(stderr);
    return CLI_EXIT_USAGE;
#endif
}

int main(int argc, char **argv)
{
    /* The character set only (widths, UTF-8 or ASCII): messages are English
     * and numbers are written with a '.', and loading every category of the
     * locale cost some fifty system calls at each start. */
    setlocale(LC_CTYPE, "");
    /* A closed pipe (| head) should end us quietly, not with an error line. */
    signal(SIGPIPE, SIG_DFL);
    cli_args args;
    lp_error err;
    lp_error_clear(&err);
    if (cli_parse_args(argc, argv, &args, &err) != LP_OK) {
        /* Monitoring shows stdout only, and exit 2 would page someone as CRITICAL. */
        if (cli_command_named(argc, argv) == CLI_CMD_CHECK) {
            return cmd_check_usage_error(err.message, cli_words_include(argc, argv, "--json"));
        }
        return cli_fail(CLI_EXIT_USAGE, "%s", err.message);
    }
    if (args.version) {
        cli_print_version(stdout);
        return CLI_EXIT_OK;
    }
    if (args.help) {
        cli_print_command_help(stdout, args.command);
        return CLI_EXIT_OK;
    }
    cli_command_fn handler = cli_command_handler(args.command);
    if (handler == NULL) {
        return run_tui(&args);
    }
    return handler(&args);
}
