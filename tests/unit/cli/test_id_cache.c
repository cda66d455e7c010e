/* The completion id files: capped, one plain id a line, descriptions sanitised, written whole. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli/id_cache.h"
#include "cli_tests.h"

static char *read_ids(const char *home, const char *name)
{
    char path[512];
    snprintf(path, sizeof path, "%s/licportal/ids/%s", home, name);
    FILE *f = fopen(path, "r");
    ck_assert_ptr_nonnull(f);
    static char text[1 << 16];
    size_t n = fread(text, 1, sizeof text - 1, f);
    text[n] = '\0';
    fclose(f);
    struct stat st;
    ck_assert_int_eq(stat(path, &st), 0);
    ck_assert_int_eq(st.st_mode & 0777, 0600);
    /* Only the file is left behind by a write: removing it empties the tree. */
    unlink(path);
    const char *const levels[] = {"/licportal/ids", "/licportal", ""};
    for (size_t i = 0; i < 3; i++) {
        snprintf(path, sizeof path, "%s%s", home, levels[i]);
        ck_assert_int_eq(rmdir(path), 0);
    }
    return text;
}

static char *fresh_cache_home(void)
{
    static char dir[] = "/tmp/licportal-ids-XXXXXX";
    strcpy(dir + strlen(dir) - 6, "XXXXXX");
    ck_assert_ptr_nonnull(mkdtemp(dir));
    setenv("XDG_CACHE_HOME", dir, 1);
    return dir;
}

START_TEST(test_ids_are_capped)
{
    char *home = fresh_cache_home();
    cli_id_cache *cache = cli_id_cache_new("licenses");
    for (int i = 0; i < CLI_ID_CACHE_MAX + 5; i++) {
        char id[32];
        snprintf(id, sizeof id, "lic_%d", i);
        cli_id_cache_add(cache, id, NULL);
    }
    ck_assert(cli_id_cache_write(cache));
    cli_id_cache_free(cache);
    const char *text = read_ids(home, "licenses");
    size_t lines = 0;
    for (const char *p = text; *p != '\0'; p++) {
        lines += *p == '\n';
    }
    ck_assert_uint_eq(lines, CLI_ID_CACHE_MAX);
    ck_assert_ptr_null(strstr(text, "lic_1000\n"));
}
END_TEST

START_TEST(test_odd_ids_are_left_out_and_descriptions_sanitised)
{
    char *home = fresh_cache_home();
    cli_id_cache *cache = cli_id_cache_new("activations");
    cli_id_cache_add(cache, "act_1", "build\t01\033[2J\nx");
    /* Each is no id a shell may be handed. */
    static const char *const unsafe[] = {
        "act 2",    "#act_3",  "act_\0334", "",    "$(touch${IFS}/tmp/x)", "`id`",
        "act_6;rm", "act_'7'", "act_*",     "-rf", "act_\xc3\xa9",
    };
    for (size_t i = 0; i < sizeof unsafe / sizeof unsafe[0]; i++) {
        cli_id_cache_add(cache, unsafe[i], "left out");
    }
    cli_id_cache_add(cache, "act_5", NULL);
    cli_id_cache_add(cache, "lic_01HX.v2-a", "the whole safe alphabet");
    ck_assert(cli_id_cache_write(cache));
    cli_id_cache_free(cache);
    ck_assert_str_eq(read_ids(home, "activations"),
                     "act_1\tbuild 01 x\nact_5\nlic_01HX.v2-a\tthe whole safe alphabet\n");
}
END_TEST

START_TEST(test_unwritable_cache_home_is_reported_not_fatal)
{
    setenv("XDG_CACHE_HOME", "/proc/licportal-no-such-dir", 1);
    cli_id_cache *cache = cli_id_cache_new("downloads");
    cli_id_cache_add(cache, "dl_1", "Orbit");
    ck_assert(!cli_id_cache_write(cache));
    cli_id_cache_free(cache);
    ck_assert(!cli_id_cache_write(NULL));
}
END_TEST

TCase *id_cache_case(void)
{
    TCase *tc = tcase_create("id_cache");
    tcase_add_test(tc, test_ids_are_capped);
    tcase_add_test(tc, test_odd_ids_are_left_out_and_descriptions_sanitised);
    tcase_add_test(tc, test_unwritable_cache_home_is_reported_not_fatal);
    return tc;
}
