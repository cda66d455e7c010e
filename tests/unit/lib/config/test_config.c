/* Configuration: the INI file, precedence flag > environment > profile, saving, XDG paths. */
#include "licportal/config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../../suite_runner.h"

static const char sample[] = "# licportal configuration\n"
                             "; both comment styles\n"
                             "[profile default]\n"
                             "server = https://portal.example.com/\n"
                             "email = ada@example.com\n"
                             "\n"
                             "[profile work]\n"
                             "  server=https://work.example.com:8443//  \n"
                             "cacert = /etc/ssl/work-ca.pem\n"
                             "credential_store = file\n"
                             "\n"
                             "[keys]\n"
                             "quit = q, Q\n"
                             "refresh = r\n";

static lp_status parse(const char *text, const char *profile, lp_config *c, lp_error *err)
{
    lp_error_clear(err);
    return lp_config_parse(text, strlen(text), "/home/u/.config/licportal/config", profile, c, err);
}

START_TEST(reads_the_default_profile)
{
    lp_config c;
    lp_error err;
    ck_assert_int_eq(parse(sample, NULL, &c, &err), LP_OK);
    ck_assert_str_eq(c.profile, "default");
    ck_assert_str_eq(c.server, "https://portal.example.com");
    ck_assert_str_eq(c.email, "ada@example.com");
    ck_assert_ptr_null(c.cacert);
    ck_assert_int_eq(c.credential_store, LP_STORE_AUTO);
    lp_config_free(&c);
}
END_TEST

START_TEST(reads_read_only_and_mouse_and_refuses_other_values)
{
    lp_config c;
    lp_error err;
    ck_assert_int_eq(parse("[profile default]\nread_only = true\n[profile x]\nread_only = false\n",
                           NULL, &c, &err),
                     LP_OK);
    ck_assert(c.read_only);
    lp_config_free(&c);
    ck_assert_int_eq(parse("[profile default]\nread_only = yes\n", NULL, &c, &err), LP_ERR_CONFIG);
    ck_assert_ptr_nonnull(strstr(err.message, "expected true or false"));
    ck_assert_int_eq(parse(sample, NULL, &c, &err), LP_OK);
    ck_assert(!c.read_only);
    ck_assert(!c.no_mouse);
    lp_config_free(&c);
    ck_assert_int_eq(parse("[profile default]\nmouse = false\ndownload_dir = /srv/dl\n", NULL, &c,
                           &err),
                     LP_OK);
    ck_assert(c.no_mouse);
    ck_assert_str_eq(c.download_dir, "/srv/dl");
    lp_config_free(&c);
    ck_assert_int_eq(parse("[profile default]\nmouse = off\n", NULL, &c, &err), LP_ERR_CONFIG);
    ck_assert_ptr_nonnull(strstr(err.message, "mouse \"off\": expected true or false"));
}
END_TEST

START_TEST(reads_a_named_profile_and_only_it)
{
    lp_config c;
    lp_error err;
    ck_assert_int_eq(parse(sample, "work", &c, &err), LP_OK);
    ck_assert_str_eq(c.profile, "work");
    ck_assert_str_eq(c.server, "https://work.example.com:8443");
    ck_assert_ptr_null(c.email);
    ck_assert_str_eq(c.cacert, "/etc/ssl/work-ca.pem");
    ck_assert_int_eq(c.credential_store, LP_STORE_FILE);
    lp_config_free(&c);
    ck_assert_int_eq(parse(sample, "absent", &c, &err), LP_OK);
    ck_assert_ptr_null(c.server);
    lp_config_free(&c);
}
END_TEST

START_TEST(reads_the_download_speed_floor)
{
    lp_config c;
    lp_error err;
    ck_assert_int_eq(
        parse("[profile default]\ndownload_min_speed = 2048\ndownload_slow_seconds = 5\n", NULL, &c,
              &err),
        LP_OK);
    ck_assert_int_eq(c.download_min_speed, 2048);
    ck_assert_int_eq(c.download_slow_seconds, 5);
    lp_config_free(&c);
    /* 0 turns the floor off, which is not the same as "not set". */
    ck_assert_int_eq(parse("[profile default]\ndownload_min_speed = 0\n", NULL, &c, &err), LP_OK);
    ck_assert_int_eq(c.download_min_speed, -1);
    ck_assert_int_eq(c.download_slow_seconds, 0);
    lp_config_free(&c);
    ck_assert_int_eq(parse(sample, NULL, &c, &err), LP_OK);
    ck_assert_int_eq(c.download_min_speed, 0);
    lp_config_free(&c);
    const char *bad[] = {"download_min_speed = fast", "download_min_speed = -5",
                         "download_slow_seconds = 0", "download_min_speed = 99999999999"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        char text[128];
        snprintf(text, sizeof text, "[profile default]\n%s\n", bad[i]);
        ck_assert_int_eq(parse(text, NULL, &c, &err), LP_ERR_CONFIG);
        ck_assert_ptr_nonnull(strstr(err.message, "expected a whole number"));
    }
}
END_TEST

START_TEST(comments_may_end_a_line)
{
    lp_config c;
    lp_error err;
    const char *text = "[profile default]   ; the usual one\n"
                       "server = https://portal.example.com/#frag   # a comment\n"
                       "email = a#b@example.com\t; tab before the comment\n"
                       "credential_store = auto               ; auto | keyring | file | none\n"
                       "[keys]\nquit = q, Q # two keys\n";
    ck_assert_int_eq(parse(text, NULL, &c, &err), LP_OK);
    ck_assert_str_eq(c.server, "https://portal.example.com/#frag");
    ck_assert_str_eq(c.email, "a#b@example.com");
    ck_assert_int_eq(c.credential_store, LP_STORE_AUTO);
    ck_assert_str_eq(c.key_bindings[0].keys, "q, Q");
    lp_config_free(&c);
}
END_TEST

/* A key as the terminal UI names them: one character, or F1..F9. */
static bool parse_test_key(const char *name, int *key)
{
    if (name[0] && !name[1]) {
        *key = (unsigned char)name[0];
        return true;
    }
    if (name[0] == 'F' && name[1] >= '1' && name[1] <= '9' && !name[2]) {
        *key = 1000 + name[1];
        return true;
    }
    return false;
}

static const lp_key_action test_actions[] = {
    {"quit", "q", 0},
    {"refresh", "r, F5", 0},
    {"deactivate", "d", 1},
    {"download", "d", 2},
};

static lp_status check_keys(const char *keys_section, lp_error *err)
{
    lp_config c;
    char text[256];
    snprintf(text, sizeof text, "[keys]\n%s", keys_section);
    ck_assert_int_eq(parse(text, NULL, &c, err), LP_OK);
    lp_error_clear(err);
    lp_status status = lp_config_check_key_bindings(&c, test_actions, 4, parse_test_key, err);
    lp_config_free(&c);
    return status;
}

START_TEST(key_bindings_are_checked_against_the_actions)
{
    lp_error err;
    ck_assert_int_eq(check_keys("quit = x, q\nrefresh = F6\n", &err), LP_OK);
    /* Different scopes may share a key. */
    ck_assert_int_eq(check_keys("deactivate = d\ndownload = d\n", &err), LP_OK);
    ck_assert_int_eq(check_keys("quit = x\nrefrsh = F5\n", &err), LP_ERR_CONFIG);
    ck_assert_str_eq(err.message, "config:3: [keys] unknown action \"refrsh\" (the "
                                  "help screen, ?, lists the actions)");
    ck_assert_int_eq(check_keys("refresh = q\n", &err), LP_ERR_CONFIG);
    ck_assert_ptr_nonnull(strstr(err.message,
                                 ":2: [keys] key \"q\" is bound to both quit and refresh"));
    ck_assert_int_eq(check_keys("quit = x\nrefresh = r, x\n", &err), LP_ERR_CONFIG);
    ck_assert_ptr_nonnull(strstr(err.message, ":3: [keys] key \"x\""));
    ck_assert_int_eq(check_keys("refresh = F55\n", &err), LP_ERR_CONFIG);
    ck_assert_ptr_nonnull(strstr(err.message, ":2: [keys] refresh: unknown key \"F55\""));
}
END_TEST

START_TEST(reads_key_bindings)
{
    lp_config c;
    lp_error err;
    ck_assert_int_eq(parse(sample, NULL, &c, &err), LP_OK);
    ck_assert_uint_eq(c.key_binding_count, 2);
    ck_assert_str_eq(c.key_bindings[0].action, "quit");
    ck_assert_str_eq(c.key_bindings[0].keys, "q, Q");
    ck_assert_str_eq(c.key_bindings[1].action, "refresh");
    ck_assert_str_eq(c.key_bindings[1].keys, "r");
    lp_config_free(&c);
}
END_TEST

START_TEST(reports_bad_lines_with_file_and_line)
{
    struct {
        const char *text, *message;
    } cases[] = {
        {"[profile default]\ncolour = red\n",
         "F:2: unknown key \"colour\" (expected server, email, cacert, credential_store, "
         "download_min_speed, download_slow_seconds, read_only, mouse or download_dir)"},
        {"[profile default]\n\njust words\n",
         "F:3: expected \"key = value\", found \"just words\""},
        {"server = https://x.example\n",
         "F:1: \"server\" outside a section (start with [profile NAME])"},
        {"[settings]\n", "F:1: unknown section [settings] (expected [profile NAME] or [keys])"},
        {"[profile default\n", "F:1: malformed section header \"[profile default\""},
        {"[profile a b]\n", "F:1: bad profile name \"a b\" (letters, digits, '.', '_', '-')"},
        {"# c\n[profile x]\ncredential_store = vault\n",
         "F:3: credential_store \"vault\": expected auto, keyring, file or none"},
        {"[profile x]\nemail =\n", "F:2: empty value for \"email\""},
        {"[profile x]\n= v\n", "F:2: missing key before \"=\""},
        {"[keys]\nQuit = q\n",
         "F:2: bad action name \"Quit\" (lower-case letters, digits, '_', '-')"},
        {"[profile other]\nserver = ftp://x.example\n",
         "F:2: server \"ftp://x.example\" is not an https:// URL"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        lp_config c;
        lp_error err;
        lp_error_clear(&err);
        ck_assert_int_eq(lp_config_parse(cases[i].text, strlen(cases[i].text), "F", "default", &c,
                                         &err),
                         LP_ERR_CONFIG);
        ck_assert_str_eq(err.message, cases[i].message);
        ck_assert_ptr_null(c.profile);
        lp_config_free(&c);
    }
}
END_TEST

START_TEST(refuses_plain_http_in_the_file)
{
    const char *text = "[profile default]\nserver = http://portal.example.com\n";
    lp_config c;
    lp_error err;
    lp_error_clear(&err);
    ck_assert_int_eq(lp_config_parse(text, strlen(text), "cfg", NULL, &c, &err), LP_ERR_CONFIG);
    ck_assert_ptr_nonnull(strstr(err.message, "cfg:2:"));
    ck_assert_ptr_nonnull(strstr(err.message, "http://portal.example.com"));
    ck_assert_ptr_nonnull(strstr(err.message, "https:// is required"));
}
END_TEST

START_TEST(store_kind_names_round_trip)
{
    for (int k = LP_STORE_AUTO; k <= LP_STORE_NONE; k++) {
        lp_store_kind back;
        ck_assert(lp_store_kind_from_name(lp_store_kind_name((lp_store_kind)k), &back));
        ck_assert_int_eq(back, k);
    }
    ck_assert_str_eq(lp_store_kind_name(LP_STORE_KEYRING), "keyring");
    ck_assert(!lp_store_kind_from_name("Keyring", NULL));
    ck_assert(!lp_store_kind_from_name(NULL, NULL));
}
END_TEST

/* ---- loading with the environment ------------------------------------------------------ */

static char home[256];

static void write_config(const char *text)
{
    char path[512];
    snprintf(path, sizeof path, "%s/cfg/licportal", home);
    char cmd[600];
    snprintf(cmd, sizeof cmd, "mkdir -p '%s'", path);
    ck_assert_int_eq(system(cmd), 0);
    strcat(path, "/config");
    FILE *f = fopen(path, "w");
    ck_assert_ptr_nonnull(f);
    fputs(text, f);
    fclose(f);
}

static void make_home(void)
{
    snprintf(home, sizeof home, "/tmp/lp-config-test-XXXXXX");
    ck_assert_ptr_nonnull(mkdtemp(home));
    char cfg[300];
    snprintf(cfg, sizeof cfg, "%s/cfg", home);
    setenv("XDG_CONFIG_HOME", cfg, 1);
    setenv("HOME", home, 1);
    unsetenv("LICPORTAL_SERVER");
    unsetenv("NO_COLOR");
}

static void remove_home(void)
{
    char cmd[300];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", home);
    if (system(cmd) != 0)
        fprintf(stderr, "could not remove %s\n", home);
}

START_TEST(a_missing_file_is_fine)
{
    lp_config c;
    lp_error err;
    lp_error_clear(&err);
    ck_assert_int_eq(lp_config_load(NULL, &c, &err), LP_OK);
    ck_assert_str_eq(c.profile, "default");
    ck_assert_ptr_null(c.server);
    ck_assert_ptr_null(c.config_path);
    ck_assert(!c.no_color);
    lp_config_free(&c);
}
END_TEST

START_TEST(a_fifo_at_the_config_path_is_refused_without_waiting)
{
    write_config(sample);
    char path[512];
    snprintf(path, sizeof path, "%s/cfg/licportal/config", home);
    ck_assert_int_eq(unlink(path), 0);
    ck_assert_int_eq(mkfifo(path, 0600), 0);
    alarm(10); /* a blocking open would never return */
    lp_config c;
    lp_error err;
    lp_error_clear(&err);
    ck_assert_int_ne(lp_config_load(NULL, &c, &err), LP_OK);
    alarm(0);
    ck_assert_ptr_nonnull(strstr(err.message, "not a regular file"));
    unlink(path);
}
END_TEST

START_TEST(an_unknown_profile_names_the_profiles_there_are)
{
    write_config(sample);
    lp_config c;
    lp_error err;
    lp_error_clear(&err);
    lp_config_overrides flags = {.profile = "typo"};
    ck_assert_int_eq(lp_config_load(&flags, &c, &err), LP_ERR_CONFIG);
    ck_assert_ptr_nonnull(strstr(err.message, "--profile \"typo\""));
    ck_assert_ptr_nonnull(strstr(err.message, "its profiles: default, work"));
    /* With a server from the flags a new profile is fine: login creates it. */
    flags.server = "https://new.example.com";
    ck_assert_int_eq(lp_config_load(&flags, &c, &err), LP_OK);
    ck_assert(!c.profile_found);
    lp_config_free(&c);
    flags = (lp_config_overrides){.profile = "work"};
    ck_assert_int_eq(lp_config_load(&flags, &c, &err), LP_OK);
    ck_assert(c.profile_found);
    lp_config_free(&c);
}
END_TEST

START_TEST(precedence_is_flag_then_environment_then_profile)
{
    write_config(sample);
    lp_config c;
    lp_error err;
    lp_error_clear(&err);
    ck_assert_int_eq(lp_config_load(NULL, &c, &err), LP_OK);
    ck_assert_str_eq(c.server, "https://portal.example.com");
    ck_assert_ptr_nonnull(strstr(c.config_path, "/cfg/licportal/config"));
    lp_config_free(&c);

    setenv("LICPORTAL_SERVER", "https://env.example.com/", 1);
    ck_assert_int_eq(lp_config_load(NULL, &c, &err), LP_OK);
    ck_assert_str_eq(c.server, "https://env.example.com");
    ck_assert_str_eq(c.email, "ada@example.com");
    lp_config_free(&c);

    lp_config_overrides flags = {.server = "https://flag.example.com:9443/",
                                 .profile = "work",
                                 .cacert = "/tmp/ca.pem",
                                 .credential_store = "none"};
    ck_assert_int_eq(lp_config_load(&flags, &c, &err), LP_OK);
    ck_assert_str_eq(c.profile, "work");
    ck_assert_str_eq(c.server, "https://flag.example.com:9443");
    ck_assert_str_eq(c.cacert, "/tmp/ca.pem");
    ck_assert_int_eq(c.credential_store, LP_STORE_NONE);
    lp_config_free(&c);
}
END_TEST

START_TEST(refuses_plain_http_from_environment_and_flag)
{
    lp_config c;
    lp_error err;
    lp_error_clear(&err);
    setenv("LICPORTAL_SERVER", "http://portal.example.com", 1);
    ck_assert_int_eq(lp_config_load(NULL, &c, &err), LP_ERR_CONFIG);
    ck_assert_ptr_nonnull(strstr(err.message, "LICPORTAL_SERVER"));
    ck_assert_ptr_nonnull(strstr(err.message, "\"http://portal.example.com\""));
    ck_assert_ptr_nonnull(strstr(err.message, "https:// is required"));
    ck_assert_ptr_null(c.profile);
    unsetenv("LICPORTAL_SERVER");

    lp_config_overrides flags = {.server = "HTTP://portal.example.com"};
    lp_error_clear(&err);
    ck_assert_int_eq(lp_config_load(&flags, &c, &err), LP_ERR_USAGE);
    ck_assert_ptr_nonnull(strstr(err.message, "--server"));
    ck_assert_ptr_nonnull(strstr(err.message, "https:// is required"));
}
END_TEST

START_TEST(refuses_bad_flag_values)
{
    lp_config c;
    lp_error err;
    lp_error_clear(&err);
    lp_config_overrides flags = {.credential_store = "vault"};
    ck_assert_int_eq(lp_config_load(&flags, &c, &err), LP_ERR_USAGE);
    ck_assert_str_eq(err.message,
                     "--credential-store \"vault\": expected auto, keyring, file or none");
    lp_config_overrides no_host = {.server = "https:///path"};
    ck_assert_int_eq(lp_config_load(&no_host, &c, &err), LP_ERR_USAGE);
    ck_assert_str_eq(err.message, "--server: server \"https:///path\" has no host name");
    lp_config_overrides bad_profile = {.profile = "../etc"};
    ck_assert_int_eq(lp_config_load(&bad_profile, &c, &err), LP_ERR_USAGE);
}
END_TEST

START_TEST(reports_a_broken_file_by_path_and_line)
{
    write_config("[profile default]\nserver = https://ok.example\nbogus\n");
    lp_config c;
    lp_error err;
    lp_error_clear(&err);
    ck_assert_int_eq(lp_config_load(NULL, &c, &err), LP_ERR_CONFIG);
    char expected[512];
    snprintf(expected, sizeof expected,
             "%s/cfg/licportal/config:3: expected \"key = value\", found \"bogus\"", home);
    ck_assert_str_eq(err.message, expected);
}
END_TEST

START_TEST(no_color_follows_a_non_empty_variable_or_the_flag)
{
    lp_config c;
    setenv("NO_COLOR", "", 1);
    ck_assert_int_eq(lp_config_load(NULL, &c, NULL), LP_OK);
    ck_assert(!c.no_color);
    lp_config_free(&c);
    setenv("NO_COLOR", "1", 1);
    ck_assert_int_eq(lp_config_load(NULL, &c, NULL), LP_OK);
    ck_assert(c.no_color);
    lp_config_free(&c);
    unsetenv("NO_COLOR");
    lp_config_overrides flags = {.no_color = true};
    ck_assert_int_eq(lp_config_load(&flags, &c, NULL), LP_OK);
    ck_assert(c.no_color);
    lp_config_free(&c);
}
END_TEST

/* ---- saving ----------------------------------------------------------------------------- */

static char *read_config(void)
{
    char path[512];
    snprintf(path, sizeof path, "%s/cfg/licportal/config", home);
    FILE *f = fopen(path, "r");
    ck_assert_ptr_nonnull(f);
    static char buf[4096];
    size_t n = fread(buf, 1, sizeof buf - 1, f);
    buf[n] = '\0';
    fclose(f);
    return buf;
}

static mode_t config_mode(void)
{
    char path[512];
    snprintf(path, sizeof path, "%s/cfg/licportal/config", home);
    struct stat st;
    ck_assert_int_eq(stat(path, &st), 0);
    return st.st_mode & 07777;
}

START_TEST(save_creates_file_and_section_with_mode_0600)
{
    lp_error err;
    lp_error_clear(&err);
    ck_assert_int_eq(lp_config_save_value("work", "credential_store", "file", &err), LP_OK);
    ck_assert_str_eq(read_config(), "[profile work]\ncredential_store = file\n");
    ck_assert_int_eq(config_mode(), 0600);
    char dir[512];
    snprintf(dir, sizeof dir, "%s/cfg/licportal", home);
    struct stat st;
    ck_assert_int_eq(stat(dir, &st), 0);
    ck_assert_int_eq(st.st_mode & 0777, 0700);
}
END_TEST

START_TEST(save_round_trip_keeps_comments_and_other_lines)
{
    write_config(sample);
    char path[512];
    snprintf(path, sizeof path, "%s/cfg/licportal/config", home);
    chmod(path, 0644);
    lp_error err;
    lp_error_clear(&err);
    ck_assert_int_eq(lp_config_save_value("work", "email", "bob@example.com", &err), LP_OK);
    ck_assert_int_eq(lp_config_save_value(NULL, "server", "https://new.example.com/", &err), LP_OK);
    ck_assert_int_eq(lp_config_save_value("lab", "credential_store", "none", &err), LP_OK);
    ck_assert_str_eq(read_config(), "# licportal configuration\n"
                                    "; both comment styles\n"
                                    "[profile default]\n"
                                    "server = https://new.example.com\n"
                                    "email = ada@example.com\n"
                                    "\n"
                                    "[profile work]\n"
                                    "  server=https://work.example.com:8443//  \n"
                                    "cacert = /etc/ssl/work-ca.pem\n"
                                    "credential_store = file\n"
                                    "email = bob@example.com\n"
                                    "\n"
                                    "[keys]\n"
                                    "quit = q, Q\n"
                                    "refresh = r\n"
                                    "\n"
                                    "[profile lab]\n"
                                    "credential_store = none\n");
    ck_assert_int_eq(config_mode(), 0600);

    lp_config c;
    lp_config_overrides flags = {.profile = "work"};
    ck_assert_int_eq(lp_config_load(&flags, &c, &err), LP_OK);
    ck_assert_str_eq(c.email, "bob@example.com");
    ck_assert_str_eq(c.server, "https://work.example.com:8443");
    lp_config_free(&c);
    ck_assert_int_eq(lp_config_load(NULL, &c, &err), LP_OK);
    ck_assert_str_eq(c.server, "https://new.example.com");
    lp_config_free(&c);
}
END_TEST

START_TEST(save_replaces_an_existing_value_without_duplicating_it)
{
    write_config("[profile default]\nemail = a@example.com # old\n");
    ck_assert_int_eq(lp_config_save_value("default", "email", "b@example.com", NULL), LP_OK);
    ck_assert_int_eq(lp_config_save_value("default", "email", "c@example.com", NULL), LP_OK);
    ck_assert_str_eq(read_config(), "[profile default]\nemail = c@example.com\n");
}
END_TEST

START_TEST(save_leaves_no_temporary_files_behind)
{
    ck_assert_int_eq(lp_config_save_value(NULL, "email", "a@example.com", NULL), LP_OK);
    ck_assert_int_eq(lp_config_save_value(NULL, "email", "b@example.com", NULL), LP_OK);
    char cmd[600];
    snprintf(cmd, sizeof cmd, "test $(ls -A '%s/cfg/licportal' | wc -l) -eq 1", home);
    ck_assert_int_eq(system(cmd), 0);
}
END_TEST

START_TEST(a_login_fills_in_what_the_profile_lacks_and_nothing_else)
{
    write_config("[profile default]\nemail = kept@example.com\n");
    char ca[512];
    snprintf(ca, sizeof ca, "%s/ca.pem", home);
    FILE *f = fopen(ca, "w");
    ck_assert_ptr_nonnull(f);
    fclose(f);
    char relative_ca[600];
    char old_cwd[1024];
    ck_assert_ptr_nonnull(getcwd(old_cwd, sizeof old_cwd));
    ck_assert_int_eq(chdir(home), 0);
    snprintf(relative_ca, sizeof relative_ca, "./ca.pem");
    lp_config_overrides flags = {.server = "https://learnt.example.com", .cacert = relative_ca};
    lp_config used;
    lp_error err;
    lp_error_clear(&err);
    ck_assert_int_eq(lp_config_load(&flags, &used, &err), LP_OK);
    ck_assert_int_eq(lp_config_learn_login(&used, "typed@example.com", &err), LP_OK);
    ck_assert_int_eq(chdir(old_cwd), 0);
    char expected[1200];
    char *real_ca = realpath(ca, NULL);
    ck_assert_ptr_nonnull(real_ca);
    snprintf(expected, sizeof expected,
             "[profile default]\nemail = kept@example.com\nserver = https://learnt.example.com\n"
             "cacert = %s\n",
             real_ca);
    free(real_ca);
    ck_assert_str_eq(read_config(), expected);
    lp_config_free(&used);

    /* A second login elsewhere changes nothing: the profile now knows. */
    lp_config_overrides other = {.server = "https://other.example.com"};
    ck_assert_int_eq(lp_config_load(&other, &used, &err), LP_OK);
    ck_assert_int_eq(lp_config_learn_login(&used, "someone@example.com", &err), LP_OK);
    ck_assert_str_eq(read_config(), expected);
    lp_config_free(&used);
}
END_TEST

START_TEST(save_refuses_bad_settings)
{
    lp_error err;
    lp_error_clear(&err);
    ck_assert_int_eq(lp_config_save_value(NULL, "server", "http://x.example", &err), LP_ERR_USAGE);
    ck_assert_ptr_nonnull(strstr(err.message, "https:// is required"));
    ck_assert_int_eq(lp_config_save_value(NULL, "colour", "red", &err), LP_ERR_USAGE);
    ck_assert_int_eq(lp_config_save_value(NULL, "email", "a\n[profile evil]", &err), LP_ERR_USAGE);
    ck_assert_int_eq(lp_config_save_value(NULL, "credential_store", "vault", &err), LP_ERR_USAGE);
    ck_assert_int_eq(lp_config_save_value("a]b", "email", "x", &err), LP_ERR_USAGE);
    char path[512];
    snprintf(path, sizeof path, "%s/cfg/licportal/config", home);
    ck_assert_int_ne(access(path, F_OK), 0);
}
END_TEST

/* ---- XDG directories -------------------------------------------------------------------- */

START_TEST(xdg_dirs_follow_the_variables)
{
    setenv("XDG_CONFIG_HOME", "/x/conf", 1);
    setenv("XDG_STATE_HOME", "/x/state", 1);
    setenv("XDG_CACHE_HOME", "/x/cache", 1);
    char *d = lp_xdg_dir("config");
    ck_assert_str_eq(d, "/x/conf/licportal");
    free(d);
    d = lp_xdg_dir("state");
    ck_assert_str_eq(d, "/x/state/licportal");
    free(d);
    d = lp_xdg_dir("cache");
    ck_assert_str_eq(d, "/x/cache/licportal");
    free(d);
    ck_assert_ptr_null(lp_xdg_dir("data"));
    ck_assert_ptr_null(lp_xdg_dir(NULL));
}
END_TEST

START_TEST(xdg_dirs_fall_back_to_home)
{
    setenv("HOME", "/home/ada", 1);
    unsetenv("XDG_CONFIG_HOME");
    setenv("XDG_STATE_HOME", "", 1);
    setenv("XDG_CACHE_HOME", "relative/cache", 1); /* relative: ignored, as the spec says */
    char *d = lp_xdg_dir("config");
    ck_assert_str_eq(d, "/home/ada/.config/licportal");
    free(d);
    d = lp_xdg_dir("state");
    ck_assert_str_eq(d, "/home/ada/.local/state/licportal");
    free(d);
    d = lp_xdg_dir("cache");
    ck_assert_str_eq(d, "/home/ada/.cache/licportal");
    free(d);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("config");
    TCase *file = tcase_create("file");
    tcase_add_test(file, reads_the_default_profile);
    tcase_add_test(file, reads_a_named_profile_and_only_it);
    tcase_add_test(file, reads_read_only_and_mouse_and_refuses_other_values);
    tcase_add_test(file, reads_key_bindings);
    tcase_add_test(file, comments_may_end_a_line);
    tcase_add_test(file, key_bindings_are_checked_against_the_actions);
    tcase_add_test(file, reads_the_download_speed_floor);
    tcase_add_test(file, reports_bad_lines_with_file_and_line);
    tcase_add_test(file, refuses_plain_http_in_the_file);
    tcase_add_test(file, store_kind_names_round_trip);
    suite_add_tcase(s, file);

    TCase *load = tcase_create("load");
    tcase_add_checked_fixture(load, make_home, remove_home);
    tcase_add_test(load, a_missing_file_is_fine);
    tcase_add_test(load, an_unknown_profile_names_the_profiles_there_are);
    tcase_add_test(load, a_fifo_at_the_config_path_is_refused_without_waiting);
    tcase_add_test(load, precedence_is_flag_then_environment_then_profile);
    tcase_add_test(load, refuses_plain_http_from_environment_and_flag);
    tcase_add_test(load, refuses_bad_flag_values);
    tcase_add_test(load, reports_a_broken_file_by_path_and_line);
    tcase_add_test(load, no_color_follows_a_non_empty_variable_or_the_flag);
    tcase_add_test(load, save_creates_file_and_section_with_mode_0600);
    tcase_add_test(load, save_round_trip_keeps_comments_and_other_lines);
    tcase_add_test(load, save_replaces_an_existing_value_without_duplicating_it);
    tcase_add_test(load, save_leaves_no_temporary_files_behind);
    tcase_add_test(load, save_refuses_bad_settings);
    tcase_add_test(load, a_login_fills_in_what_the_profile_lacks_and_nothing_else);
    suite_add_tcase(s, load);

    TCase *xdg = tcase_create("xdg");
    tcase_add_test(xdg, xdg_dirs_follow_the_variables);
    tcase_add_test(xdg, xdg_dirs_fall_back_to_home);
    suite_add_tcase(s, xdg);
    return lp_run_suite(s);
}
