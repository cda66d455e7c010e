/* Command-line parsing: global options anywhere, per-command options only where they apply. */
#include <string.h>

#include "cli/options.h"
#include "cli_tests.h"

#define PARSE(args, ...) parse(args, &err, (char *[]){"licportal", __VA_ARGS__, NULL})

static lp_status parse(cli_args *args, lp_error *err, char **argv)
{
    int argc = 0;
    while (argv[argc] != NULL) {
        argc++;
    }
    lp_error_clear(err);
    return cli_parse_args(argc, argv, args, err);
}

START_TEST(test_global_options_before_and_after_the_command)
{
    cli_args args;
    lp_error err;
    ck_assert_int_eq(PARSE(&args, "--server", "https://a.example", "licenses", "--profile=work",
                           "--no-color"),
                     LP_OK);
    ck_assert_int_eq(args.command, CLI_CMD_LICENSES);
    ck_assert_str_eq(args.overrides.server, "https://a.example");
    ck_assert_str_eq(args.overrides.profile, "work");
    ck_assert(args.overrides.no_color);
    ck_assert_int_eq(PARSE(&args, "status", "--cacert", "/tmp/ca.pem", "--credential-store",
                           "file"),
                     LP_OK);
    ck_assert_str_eq(args.overrides.cacert, "/tmp/ca.pem");
    ck_assert_str_eq(args.overrides.credential_store, "file");
}
END_TEST

START_TEST(test_licenses_filters_and_numbers)
{
    cli_args args;
    lp_error err;
    ck_assert_int_eq(PARSE(&args, "licenses", "--status", "active", "--product", "prod_1", "-q",
                           "pro", "--sort", "-expires_at", "--expiring-within", "30", "--limit",
                           "5", "--json"),
                     LP_OK);
    ck_assert_str_eq(args.status, "active");
    ck_assert_str_eq(args.product, "prod_1");
    ck_assert_str_eq(args.query, "pro");
    ck_assert_str_eq(args.sort, "-expires_at");
    ck_assert_int_eq(args.expiring_within, 30);
    ck_assert_int_eq(args.limit, 5);
    ck_assert(args.json);
}
END_TEST

START_TEST(test_defaults_when_options_are_absent)
{
    cli_args args;
    lp_error err;
    ck_assert_int_eq(PARSE(&args, "check"), LP_OK);
    ck_assert_int_eq(args.warn_days, 30);
    ck_assert_int_eq(args.crit_days, 7);
    ck_assert_int_eq(args.expiring_within, -1);
    ck_assert_int_eq(args.limit, 0);
    ck_assert(!args.json);
    ck_assert_int_eq(PARSE(&args, "check", "--warn-days=60", "--crit-days", "3"), LP_OK);
    ck_assert_int_eq(args.warn_days, 60);
    ck_assert_int_eq(args.crit_days, 3);
}
END_TEST

START_TEST(test_operands_of_commands_that_take_an_id)
{
    cli_args args;
    lp_error err;
    ck_assert_int_eq(PARSE(&args, "download", "dl_1", "-o", "/tmp/x", "--force"), LP_OK);
    ck_assert_str_eq(args.target, "dl_1");
    ck_assert_str_eq(args.output, "/tmp/x");
    ck_assert(args.force);
    ck_assert_int_eq(PARSE(&args, "deactivate", "--yes", "act_9"), LP_OK);
    ck_assert_str_eq(args.target, "act_9");
    ck_assert(args.yes);
    ck_assert_int_eq(PARSE(&args, "license", "--", "-odd-id"), LP_OK);
    ck_assert_str_eq(args.target, "-odd-id");
    ck_assert_int_eq(PARSE(&args, "license"), LP_ERR_USAGE);
    ck_assert_ptr_nonnull(strstr(err.message, "needs ID"));
    ck_assert_int_eq(PARSE(&args, "license", "a", "b"), LP_ERR_USAGE);
    ck_assert_int_eq(PARSE(&args, "licenses", "extra"), LP_ERR_USAGE);
}
END_TEST

START_TEST(test_usage_errors_name_the_offending_word)
{
    cli_args args;
    lp_error err;
    ck_assert_int_eq(PARSE(&args, "frobnicate"), LP_ERR_USAGE);
    ck_assert_ptr_nonnull(strstr(err.message, "frobnicate"));
    ck_assert_int_eq(PARSE(&args, "licenses", "--bogus"), LP_ERR_USAGE);
    ck_assert_ptr_nonnull(strstr(err.message, "--bogus"));
    ck_assert_int_eq(PARSE(&args, "downloads", "--status", "active"), LP_ERR_USAGE);
    ck_assert_ptr_nonnull(strstr(err.message, "--status"));
    ck_assert_ptr_nonnull(strstr(err.message, "downloads"));
    ck_assert_int_eq(PARSE(&args, "--status", "active", "licenses"), LP_ERR_USAGE);
    ck_assert_int_eq(PARSE(&args, "licenses", "--limit", "ten"), LP_ERR_USAGE);
    ck_assert_int_eq(PARSE(&args, "licenses", "--limit", "-3"), LP_ERR_USAGE);
    ck_assert_int_eq(PARSE(&args, "licenses", "--limit"), LP_ERR_USAGE);
    ck_assert_int_eq(PARSE(&args, "login", "--reveal"), LP_ERR_USAGE);
    ck_assert_int_eq(PARSE(&args, "licenses", "--status", "bogus"), LP_ERR_USAGE);
    ck_assert_int_eq(PARSE(&args, "token"), LP_ERR_USAGE);
    ck_assert_int_eq(PARSE(&args, "token", "drop"), LP_ERR_USAGE);
    ck_assert_int_eq(PARSE(&args, "token", "create"), LP_ERR_USAGE);
    ck_assert_int_eq(PARSE(&args, "token", "--json"), LP_ERR_USAGE);
    ck_assert_int_eq(PARSE(&args, "status", "--credential-store", "vault"), LP_ERR_USAGE);
    ck_assert_int_eq(PARSE(&args, "logout", "--yes"), LP_ERR_USAGE);
}
END_TEST

START_TEST(test_no_option_takes_a_secret_from_argv)
{
    cli_args args;
    lp_error err;
    ck_assert_int_eq(PARSE(&args, "login", "--password", "hunter2"), LP_ERR_USAGE);
    ck_assert_int_eq(PARSE(&args, "login", "--token", "abc"), LP_ERR_USAGE);
    for (size_t i = 0; i < cli_option_count; i++) {
        ck_assert_ptr_null(strstr(cli_options[i].name, "password="));
        ck_assert_str_ne(cli_options[i].name, "--password");
        ck_assert_str_ne(cli_options[i].name, "--token");
    }
}
END_TEST

START_TEST(test_help_and_version_need_no_operand)
{
    cli_args args;
    lp_error err;
    ck_assert_int_eq(PARSE(&args, "download", "--help"), LP_OK);
    ck_assert(args.help);
    ck_assert_int_eq(args.command, CLI_CMD_DOWNLOAD);
    ck_assert_int_eq(PARSE(&args, "--version"), LP_OK);
    ck_assert(args.version);
    ck_assert_int_eq(PARSE(&args, "-h"), LP_OK);
    ck_assert(args.help);
    ck_assert_int_eq(args.command, CLI_CMD_NONE);
}
END_TEST

START_TEST(test_offline_commands_take_their_files_and_verify_its_file_optionally)
{
    cli_args args;
    lp_error err;
    ck_assert_int_eq(PARSE(&args, "activate-offline", "lic_1", "--request", "r.json", "--out",
                           "r.lic", "--json"),
                     LP_OK);
    ck_assert_str_eq(args.target, "lic_1");
    ck_assert_str_eq(args.request_file, "r.json");
    ck_assert_str_eq(args.out_file, "r.lic");
    ck_assert(args.json);
    ck_assert_int_eq(PARSE(&args, "activate-offline", "--request", "r.json"), LP_ERR_USAGE);
    ck_assert_ptr_nonnull(strstr(err.message, "needs LICENSE_ID"));
    ck_assert_int_eq(PARSE(&args, "verify", "--save-keys", "k.json"), LP_OK);
    ck_assert_ptr_null(args.target);
    ck_assert_int_eq(PARSE(&args, "verify", "f.license", "--keys", "k.json", "--any-machine"),
                     LP_OK);
    ck_assert_str_eq(args.target, "f.license");
    ck_assert(args.any_machine);
    ck_assert_int_eq(PARSE(&args, "verify", "a", "b"), LP_ERR_USAGE);
    ck_assert_int_eq(PARSE(&args, "offline-request", "--out", "r.json"), LP_OK);
    ck_assert_int_eq(PARSE(&args, "licenses", "--keys", "k.json"), LP_ERR_USAGE);
    ck_assert_int_eq(PARSE(&args, "download", "dl_1", "--out", "x"), LP_ERR_USAGE);
}
END_TEST

START_TEST(test_token_actions_are_commands_of_their_own)
{
    cli_args args;
    lp_error err;
    ck_assert_int_eq(PARSE(&args, "token", "create", "--name", "cron", "--scope", "read_write",
                           "--expires-days", "30"),
                     LP_OK);
    ck_assert_int_eq(args.command, CLI_CMD_TOKEN_CREATE);
    ck_assert_str_eq(args.token_name, "cron");
    ck_assert_str_eq(args.scope, "read_write");
    ck_assert_int_eq(args.expires_days, 30);
    ck_assert_int_eq(PARSE(&args, "--profile", "p", "token", "revoke", "pat_3", "--json"), LP_OK);
    ck_assert_int_eq(args.command, CLI_CMD_TOKEN_REVOKE);
    ck_assert_str_eq(args.target, "pat_3");
    ck_assert_int_eq(PARSE(&args, "token", "list", "--name", "x"), LP_ERR_USAGE);
}
END_TEST

START_TEST(test_the_command_is_found_in_a_line_that_does_not_parse)
{
    char *check_after_values[] = {"licportal", "--profile", "check", "--bogus", "licenses", NULL};
    ck_assert_int_eq(cli_command_named(5, check_after_values), CLI_CMD_LICENSES);
    char *check_bad[] = {"licportal", "--bogus",     "--server", "x",
                         "check",     "--warn-days", "-1",       NULL};
    ck_assert_int_eq(cli_command_named(7, check_bad), CLI_CMD_CHECK);
    char *none[] = {"licportal", "--no-color", NULL};
    ck_assert_int_eq(cli_command_named(2, none), CLI_CMD_NONE);
}
END_TEST

TCase *options_case(void)
{
    TCase *tc = tcase_create("options");
    tcase_add_test(tc, test_global_options_before_and_after_the_command);
    tcase_add_test(tc, test_licenses_filters_and_numbers);
    tcase_add_test(tc, test_defaults_when_options_are_absent);
    tcase_add_test(tc, test_operands_of_commands_that_take_an_id);
    tcase_add_test(tc, test_usage_errors_name_the_offending_word);
    tcase_add_test(tc, test_no_option_takes_a_secret_from_argv);
    tcase_add_test(tc, test_help_and_version_need_no_operand);
    tcase_add_test(tc, test_offline_commands_take_their_files_and_verify_its_file_optionally);
    tcase_add_test(tc, test_token_actions_are_commands_of_their_own);
    tcase_add_test(tc, test_the_command_is_found_in_a_line_that_does_not_parse);
    return tc;
}
