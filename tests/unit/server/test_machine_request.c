/* Machine requests: the exact form is accepted, every deviation and a stale or future request is refused. */
#include <string.h>

#include "../suite_runner.h"
#include "server/machine_request.h"

#define NOW 1796604723L
#define GOOD                                                                                                         \
    "{\"version\": 1, \"fingerprint\": \"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08\","        \
    " \"hostname\": \"airgap-01\", \"platform\": \"linux-x86_64\", \"nonce\": \"5c1f0e9a7b3d2c4e6f8091a2b3c4d5e6\"," \
    " \"created_at\": \"2026-12-07T00:52:03Z\"}"

static bool parse(const char *text, struct lpd_machine_request *out, char *why, size_t why_size)
{
    cJSON *json = cJSON_Parse(text);
    bool ok = lpd_machine_request_parse(json, NOW, out, why, why_size);
    cJSON_Delete(json);
    return ok;
}

/* GOOD with the first occurrence of `from` replaced by `to`. */
static bool parse_changed(const char *from, const char *to, char *why, size_t why_size)
{
    char text[1024];
    const char *at = strstr(GOOD, from);
    ck_assert_ptr_nonnull(at);
    snprintf(text, sizeof text, "%.*s%s%s", (int)(at - GOOD), GOOD, to, at + strlen(from));
    struct lpd_machine_request m;
    return parse(text, &m, why, why_size);
}

START_TEST(a_well_formed_request_is_accepted_member_by_member)
{
    struct lpd_machine_request m;
    char why[160] = "";
    ck_assert_msg(parse(GOOD, &m, why, sizeof why), "%s", why);
    ck_assert_str_eq(m.fingerprint, "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08");
    ck_assert_str_eq(m.hostname, "airgap-01");
    ck_assert_str_eq(m.platform, "linux-x86_64");
    ck_assert_str_eq(m.nonce, "5c1f0e9a7b3d2c4e6f8091a2b3c4d5e6");
    ck_assert_int_eq(m.created_at, NOW);
}
END_TEST

static const struct {
    const char *from, *to, *why;
} refusals[] = {
    {"\"version\": 1", "\"version\": 2", "version"},
    {"\"version\": 1", "\"version\": \"1\"", "version"},
    {"\"version\": 1", "\"version\": 1.5", "version"},
    {"9f86d0", "9F86D0", "fingerprint"},
    {"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", "9f86", "fingerprint"},
    {"airgap-01", "air gap", "hostname"},
    {"airgap-01", "", "hostname"},
    {"airgap-01", "\\u001b[31m", "hostname"},
    {"linux-x86_64", "linux/x86", "platform"},
    {"5c1f0e9a7b3d2c4e6f8091a2b3c4d5e6", "5c1f0e9a7b3d2c4e6f8091a2b3c4d5e", "nonce"},
    {"2026-12-07T00:52:03Z", "2026-12-07T00:52:03", "created_at"},
    {"2026-12-07T00:52:03Z", "2026-11-29T00:00:00Z", "older than 7 days"},
    {"2026-12-07T00:52:03Z", "2026-12-09T00:00:00Z", "ahead"},
    {"\"hostname\"", "\"hostname\": \"x\", \"hostname\"", "twice"},
    {"\"platform\"", "\"extra\": 1, \"platform\"", "unknown member"},
    {"\"nonce\": \"5c1f0e9a7b3d2c4e6f8091a2b3c4d5e6\",", "", "no 'nonce'"},
    {"\"hostname\": \"airgap-01\"", "\"hostname\": null", "hostname"},
};

START_TEST(each_deviation_is_refused_and_named)
{
    char why[160] = "";
    ck_assert_msg(!parse_changed(refusals[_i].from, refusals[_i].to, why, sizeof why), "accepted: %s", refusals[_i].to);
    ck_assert_msg(strstr(why, refusals[_i].why) != NULL, "'%s' does not say '%s'", why, refusals[_i].why);
}
END_TEST

START_TEST(six_days_old_and_a_few_hours_ahead_are_accepted)
{
    char why[160] = "";
    ck_assert_msg(parse_changed("2026-12-07T00:52:03Z", "2026-12-01T00:52:03Z", why, sizeof why), "%s", why);
    ck_assert_msg(parse_changed("2026-12-07T00:52:03Z", "2026-12-07T10:00:00Z", why, sizeof why), "%s", why);
}
END_TEST

START_TEST(a_non_object_is_refused)
{
    struct lpd_machine_request m;
    char why[160] = "";
    ck_assert(!parse("[1]", &m, why, sizeof why));
    ck_assert(!lpd_machine_request_parse(NULL, NOW, &m, why, sizeof why));
}
END_TEST

int main(void)
{
    Suite *s = suite_create("machine_request");
    TCase *tc = tcase_create("machine_request");
    tcase_add_test(tc, a_well_formed_request_is_accepted_member_by_member);
    tcase_add_loop_test(tc, each_deviation_is_refused_and_named, 0, (int)(sizeof refusals / sizeof refusals[0]));
    tcase_add_test(tc, six_days_old_and_a_few_hours_ahead_are_accepted);
    tcase_add_test(tc, a_non_object_is_refused);
    suite_add_tcase(s, tc);
    return lp_run_suite(s);
}
