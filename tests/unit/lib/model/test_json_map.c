/* Strict JSON mapping: every object of the wire contract, and everything it must refuse. */
#include "lib/model/json_map.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../suite_runner.h"
#include "json_fixtures.h"
#include "model_compare.h"

#define T_2026_11_28_0915 1795857300

/* Each refusal must be LP_ERR_PROTOCOL, say `message` exactly and leave *out zeroed. */
#define EXPECT_REFUSED(parser, type, clear, json, expected)                                       \
    do {                                                                                          \
        type out_;                                                                                \
        memset(&out_, 0xA5, sizeof out_);                                                         \
        lp_error err_;                                                                            \
        lp_error_clear(&err_);                                                                    \
        const char *json_ = (json);                                                               \
        ck_assert_int_eq(parser(json_, strlen(json_), &out_, &err_), LP_ERR_PROTOCOL);            \
        ck_assert_int_eq(err_.status, LP_ERR_PROTOCOL);                                           \
        ck_assert_str_eq(err_.message, (expected));                                               \
        ck_assert_msg(all_zero(&out_, sizeof out_), "output not zeroed after: %s", err_.message); \
        clear(&out_);                                                                             \
    } while (0)

#define PAGE_REFUSED(json, expected) \
    EXPECT_REFUSED(lp_parse_license_page, lp_license_page, lp_license_page_clear, json, expected)

/* ---- valid examples ---------------------------------------------------------------- */

START_TEST(maps_dashboard_example)
{
    lp_dashboard d;
    lp_error err;
    lp_error_clear(&err);
    ck_assert_int_eq(lp_parse_dashboard(dashboard_json, strlen(dashboard_json), &d, &err), LP_OK);
    ck_assert_int_eq(d.kpis.total_licenses, 12);
    ck_assert_int_eq(d.kpis.active_licenses, 9);
    ck_assert_int_eq(d.kpis.activations_in_use, 21);
    ck_assert_int_eq(d.kpis.expiring_soon, 2);
    ck_assert_int_eq(d.kpis.expiring_window_days, 30);
    ck_assert_uint_eq(d.recent_count, 2);
    ck_assert_str_eq(d.recent[0].key_masked, "XXXX-XXXX-XXXX-7F3A");
    ck_assert_str_eq(d.recent[1].product.name, "Acme Server");
    ck_assert_int_eq(d.generated_at, T_2026_11_28_0915);
    lp_dashboard_clear(&d);
    ck_assert(all_zero(&d, sizeof d));
}
END_TEST

START_TEST(maps_license_page_with_nullable_fields)
{
    lp_license_page page;
    lp_error err;
    lp_error_clear(&err);
    ck_assert_int_eq(lp_parse_license_page(license_page_json, strlen(license_page_json), &page,
                                           &err),
                     LP_OK);
    ck_assert_uint_eq(page.count, 2);
    ck_assert_str_eq(page.next_cursor, "c2");
    ck_assert_int_eq(page.total, 57);
    const lp_license_summary *a = &page.items[0], *b = &page.items[1];
    ck_assert_str_eq(a->id, "lic_01");
    ck_assert_str_eq(a->product.id, "prod_1");
    ck_assert_str_eq(a->edition, "Pro");
    ck_assert_int_eq(a->status, LP_LICENSE_ACTIVE);
    ck_assert_int_eq(a->added_at, T_2026_11_28_0915);
    ck_assert_int_eq(a->expires_at, T_2026_11_28_0915 + 365 * 86400);
    ck_assert_int_eq(a->max_activations, 5);
    ck_assert_int_eq(a->activations_in_use, 3);
    ck_assert_ptr_null(b->edition);
    ck_assert_int_eq(b->status, LP_LICENSE_EXPIRED);
    ck_assert(b->expires_at == LP_TIME_NONE);
    ck_assert_int_eq(b->max_activations, LP_UNLIMITED);
    ck_assert_int_eq(b->activations_in_use, 0);
    lp_license_page_clear(&page);
}
END_TEST

START_TEST(maps_last_page_with_null_cursor_and_no_items)
{
    const char *json = "{\"items\":[],\"next_cursor\":null,\"total\":0}";
    lp_license_page page;
    ck_assert_int_eq(lp_parse_license_page(json, strlen(json), &page, NULL), LP_OK);
    ck_assert_uint_eq(page.count, 0);
    ck_assert_ptr_null(page.items);
    ck_assert_ptr_null(page.next_cursor);
    lp_license_page_clear(&page);
}
END_TEST

START_TEST(maps_license_detail_with_features_and_renewal)
{
    lp_license_detail d;
    lp_error err;
    lp_error_clear(&err);
    ck_assert_int_eq(lp_parse_license_detail(license_detail_json, strlen(license_detail_json), &d,
                                             &err),
                     LP_OK);
    ck_assert_str_eq(d.summary.id, "lic_01");
    ck_assert_int_eq(d.summary.status, LP_LICENSE_SUSPENDED);
    ck_assert_uint_eq(d.feature_count, 2);
    ck_assert_str_eq(d.features[1], "export-4k");
    ck_assert(d.renewable);
    ck_assert_uint_eq(d.renewal_option_count, 1);
    ck_assert_str_eq(d.renewal_options[0].label, "1 year");
    ck_assert_int_eq(d.renewal_options[0].term_months, 12);
    ck_assert_int_eq(d.renewal_options[0].price.amount_minor, 9900);
    ck_assert_str_eq(d.renewal_options[0].price.currency, "EUR");
    ck_assert_str_eq(d.renewal_options[0].checkout_url, "https://shop.example/checkout/ren_1");
    lp_license_detail_clear(&d);
    ck_assert(all_zero(&d, sizeof d));
}
END_TEST

START_TEST(maps_activation_page_of_both_kinds)
{
    lp_activation_page page;
    ck_assert_int_eq(lp_parse_activation_page(activation_page_json, strlen(activation_page_json),
                                              &page, NULL),
                     LP_OK);
    ck_assert_uint_eq(page.count, 2);
    ck_assert_ptr_null(page.next_cursor);
    ck_assert_int_eq(page.total, 2);
    ck_assert_int_eq(page.items[0].kind, LP_ACTIVATION_DEVICE);
    ck_assert_str_eq(page.items[0].platform, "linux");
    ck_assert_str_eq(page.items[0].ip, "192.0.2.7");
    ck_assert_int_eq(page.items[0].last_seen_at, T_2026_11_28_0915 + 3600);
    ck_assert_int_eq(page.items[1].kind, LP_ACTIVATION_DOMAIN);
    ck_assert_str_eq(page.items[1].name, "example.org");
    ck_assert_ptr_null(page.items[1].platform);
    ck_assert_ptr_null(page.items[1].ip);
    ck_assert(page.items[1].last_seen_at == LP_TIME_NONE);
    lp_activation_page_clear(&page);
}
END_TEST

START_TEST(maps_download_and_lowercases_sha256)
{
    lp_download d;
    ck_assert_int_eq(lp_parse_download(download_json, strlen(download_json), &d, NULL), LP_OK);
    ck_assert_str_eq(d.id, "dl_1");
    ck_assert_str_eq(d.version, "4.2.0");
    ck_assert_str_eq(d.channel, "stable");
    ck_assert_str_eq(d.platform, "linux");
    ck_assert_str_eq(d.arch, "x86_64");
    ck_assert_int_eq(d.size_bytes, 1610612736);
    ck_assert_str_eq(d.sha256, "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08");
    ck_assert_ptr_null(d.release_notes);
    lp_download_clear(&d);

    lp_download_page page;
    ck_assert_int_eq(lp_parse_download_page(download_page_json, strlen(download_page_json), &page,
                                            NULL),
                     LP_OK);
    ck_assert_uint_eq(page.count, 1);
    ck_assert_str_eq(page.items[0].filename, "acme-studio-4.2.0.tar.gz");
    lp_download_page_clear(&page);
}
END_TEST

START_TEST(maps_user_and_tokens)
{
    lp_user u;
    ck_assert_int_eq(lp_parse_user(user_json, strlen(user_json), &u, NULL), LP_OK);
    ck_assert_str_eq(u.email, "ada@example.com");
    ck_assert_ptr_null(u.organization);
    lp_user_clear(&u);

    char *with_org = fixture_edit(user_json, "", "organization", "\"Acme GmbH\"");
    ck_assert_int_eq(lp_parse_user(with_org, strlen(with_org), &u, NULL), LP_OK);
    ck_assert_str_eq(u.organization, "Acme GmbH");
    lp_user_clear(&u);
    free(with_org);

    lp_tokens t;
    ck_assert_int_eq(lp_parse_tokens(tokens_json, strlen(tokens_json), &t, NULL), LP_OK);
    ck_assert_str_eq(t.access_token, "at.1");
    ck_assert_str_eq(t.token_type, "Bearer");
    ck_assert_int_eq(t.expires_in, 900);
    ck_assert_str_eq(t.refresh_token, "rt.1");
    ck_assert_int_eq(t.refresh_expires_in, 2592000);
    ck_assert_str_eq(t.user.name, "Ada");
    ck_assert_ptr_null(t.user.organization);
    lp_tokens_clear(&t);
}
END_TEST

START_TEST(maps_revealed_key)
{
    const char *json = "{\"key\":\"ABCD-1234-EF56-7F3A\"}";
    char *key = NULL;
    ck_assert_int_eq(lp_parse_revealed_key(json, strlen(json), &key, NULL), LP_OK);
    ck_assert_str_eq(key, "ABCD-1234-EF56-7F3A");
    free(key);
    lp_error err;
    lp_error_clear(&err);
    ck_assert_int_eq(lp_parse_revealed_key("{\"key\":7}", 9, &key, &err), LP_ERR_PROTOCOL);
    ck_assert_ptr_null(key);
    ck_assert_str_eq(err.message, "key: expected a string");
}
END_TEST

START_TEST(maps_personal_tokens_with_the_secret_only_when_created)
{
    const char *created =
        "{\"id\":\"pat_7\",\"name\":\"cron\",\"scope\":\"read\",\"token\":\"lpt_abc\","
        "\"created_at\":\"2026-11-28T09:15:00Z\",\"expires_at\":null,\"last_used_at\":null}";
    lp_personal_token token;
    ck_assert_int_eq(lp_parse_personal_token(created, strlen(created), &token, NULL), LP_OK);
    ck_assert_str_eq(token.token, "lpt_abc");
    ck_assert_str_eq(token.scope, "read");
    ck_assert(token.created_at == T_2026_11_28_0915);
    ck_assert(token.expires_at == LP_TIME_NONE);
    ck_assert(token.last_used_at == LP_TIME_NONE);
    lp_personal_token_clear(&token);
    const char *page =
        "{\"items\":[{\"id\":\"pat_7\",\"name\":\"cron\",\"scope\":\"read_write\","
        "\"created_at\":\"2026-11-28T09:15:00Z\",\"expires_at\":\"2026-11-28T09:15:00Z\","
        "\"last_used_at\":\"2026-11-28T09:15:00Z\"}],\"next_cursor\":null,\"total\":1}";
    lp_personal_token_page tokens;
    ck_assert_int_eq(lp_parse_personal_token_page(page, strlen(page), &tokens, NULL), LP_OK);
    ck_assert_uint_eq(tokens.count, 1);
    ck_assert_ptr_null(tokens.items[0].token);
    ck_assert_str_eq(tokens.items[0].scope, "read_write");
    ck_assert(tokens.items[0].last_used_at == T_2026_11_28_0915);
    lp_personal_token_page_clear(&tokens);
    EXPECT_REFUSED(
        lp_parse_personal_token, lp_personal_token, lp_personal_token_clear,
        "{\"id\":\"pat_7\",\"name\":\"cron\",\"scope\":\"admin\",\"token\":\"lpt_abc\","
        "\"created_at\":\"2026-11-28T09:15:00Z\",\"expires_at\":null,\"last_used_at\":null}",
        "scope: unknown value \"admin\"");
}
END_TEST

START_TEST(maps_products_with_license_counts)
{
    const char *json = "{\"items\":[{\"id\":\"prd_a\",\"name\":\"Atlas Studio\",\"licenses\":3}],"
                       "\"next_cursor\":null,\"total\":1}";
    lp_product_page page;
    ck_assert_int_eq(lp_parse_product_page(json, strlen(json), &page, NULL), LP_OK);
    ck_assert_uint_eq(page.count, 1);
    ck_assert_str_eq(page.items[0].name, "Atlas Studio");
    ck_assert_int_eq(page.items[0].licenses, 3);
    lp_product_page_clear(&page);
    EXPECT_REFUSED(
        lp_parse_product_page, lp_product_page, lp_product_page_clear,
        "{\"items\":[{\"id\":\"prd_a\",\"name\":\"A\",\"licenses\":-1}],\"next_cursor\":null,"
        "\"total\":1}",
        "items[0].licenses: must not be negative");
}
END_TEST

START_TEST(ignores_unknown_extra_fields)
{
    char *json = fixture_edit(license_page_json, "items.0", "colour", "{\"deep\":[1,2,{}]}");
    char *json2 = fixture_edit(json, "", "server_extension", "true");
    lp_license_page page;
    ck_assert_int_eq(lp_parse_license_page(json2, strlen(json2), &page, NULL), LP_OK);
    ck_assert_uint_eq(page.count, 2);
    lp_license_page_clear(&page);
    free(json);
    free(json2);
}
END_TEST

START_TEST(reads_bodies_that_are_not_nul_terminated)
{
    size_t len = strlen(user_json);
    char *copy = malloc(len);
    memcpy(copy, user_json, len);
    lp_user u;
    ck_assert_int_eq(lp_parse_user(copy, len, &u, NULL), LP_OK);
    ck_assert_str_eq(u.id, "usr_1");
    lp_user_clear(&u);
    free(copy);
}
END_TEST

/* ---- missing and mistyped fields ------------------------------------------------------ */

START_TEST(refuses_each_missing_license_field_naming_it)
{
    static const char *required[] = {"id",     "key_masked", "product",
                                     "status", "added_at",   "activations_in_use"};
    for (size_t i = 0; i < sizeof required / sizeof required[0]; i++) {
        char *json = fixture_edit(license_page_json, "items.1", required[i], NULL);
        char message[128];
        snprintf(message, sizeof message, "items[1].%s: required field missing", required[i]);
        PAGE_REFUSED(json, message);
        free(json);
    }
    for (size_t i = 0; i < 2; i++) {
        static const char *fields[] = {"id", "name"};
        char *json = fixture_edit(license_page_json, "items.0.product", fields[i], NULL);
        char message[128];
        snprintf(message, sizeof message, "items[0].product.%s: required field missing", fields[i]);
        PAGE_REFUSED(json, message);
        free(json);
    }
    static const char *envelope[] = {"items", "total"};
    for (size_t i = 0; i < 2; i++) {
        char *json = fixture_edit(license_page_json, "", envelope[i], NULL);
        char message[128];
        snprintf(message, sizeof message, "%s: required field missing", envelope[i]);
        PAGE_REFUSED(json, message);
        free(json);
    }
}
END_TEST

/* Element paths are written out digit by digit; indexes of several digits
 * must come out whole, down to a field of a nested object. */
START_TEST(names_elements_past_the_first_ten)
{
    enum { items = 101 };
    size_t cap = items * sizeof LICENSE_ACTIVE + 256, len = 0;
    char *json = malloc(cap);
    ck_assert_ptr_nonnull(json);
    len += (size_t)snprintf(json + len, cap - len, "{\"items\":[");
    for (int i = 0; i < items; i++)
        len += (size_t)snprintf(json + len, cap - len, "%s%s", i ? "," : "", LICENSE_ACTIVE);
    snprintf(json + len, cap - len, "],\"next_cursor\":null,\"total\":%d}", items);
    char *broken_id = fixture_edit(json, "items.10", "id", "7");
    PAGE_REFUSED(broken_id, "items[10].id: expected a string");
    char *broken_product = fixture_edit(json, "items.100.product", "name", "null");
    PAGE_REFUSED(broken_product, "items[100].product.name: expected a string");
    free(broken_id);
    free(broken_product);
    free(json);
}
END_TEST

START_TEST(refuses_each_missing_activation_field)
{
    static const char *required[] = {"id",   "license_id", "license_key_masked", "product",
                                     "kind", "name",       "fingerprint",        "activated_at"};
    for (size_t i = 0; i < sizeof required / sizeof required[0]; i++) {
        char *json = fixture_edit(activation_page_json, "items.1", required[i], NULL);
        char message[128];
        snprintf(message, sizeof message, "items[1].%s: required field missing", required[i]);
        EXPECT_REFUSED(lp_parse_activation_page, lp_activation_page, lp_activation_page_clear, json,
                       message);
        free(json);
    }
}
END_TEST

START_TEST(refuses_each_missing_download_field)
{
    static const char *required[] = {"id",   "product",  "version",    "channel", "platform",
                                     "arch", "filename", "size_bytes", "sha256",  "released_at"};
    for (size_t i = 0; i < sizeof required / sizeof required[0]; i++) {
        char *json = fixture_edit(download_json, "", required[i], NULL);
        char message[128];
        snprintf(message, sizeof message, "%s: required field missing", required[i]);
        EXPECT_REFUSED(lp_parse_download, lp_download, lp_download_clear, json, message);
        free(json);
        json = fixture_edit(download_page_json, "items.0", required[i], NULL);
        snprintf(message, sizeof message, "items[0].%s: required field missing", required[i]);
        EXPECT_REFUSED(lp_parse_download_page, lp_download_page, lp_download_page_clear, json,
                       message);
        free(json);
    }
}
END_TEST

START_TEST(refuses_each_missing_dashboard_field)
{
    static const char *kpis[] = {"total_licenses", "active_licenses", "activations_in_use",
                                 "expiring_soon", "expiring_window_days"};
    for (size_t i = 0; i < sizeof kpis / sizeof kpis[0]; i++) {
        char *json = fixture_edit(dashboard_json, "kpis", kpis[i], NULL);
        char message[128];
        snprintf(message, sizeof message, "kpis.%s: required field missing", kpis[i]);
        EXPECT_REFUSED(lp_parse_dashboard, lp_dashboard, lp_dashboard_clear, json, message);
        free(json);
    }
    static const char *top[] = {"kpis", "recent_licenses", "generated_at"};
    for (size_t i = 0; i < 3; i++) {
        char *json = fixture_edit(dashboard_json, "", top[i], NULL);
        char message[128];
        snprintf(message, sizeof message, "%s: required field missing", top[i]);
        EXPECT_REFUSED(lp_parse_dashboard, lp_dashboard, lp_dashboard_clear, json, message);
        free(json);
    }
    char *json = fixture_edit(dashboard_json, "recent_licenses.1", "status", NULL);
    EXPECT_REFUSED(lp_parse_dashboard, lp_dashboard, lp_dashboard_clear, json,
                   "recent_licenses[1].status: required field missing");
    free(json);
}
END_TEST

START_TEST(refuses_each_missing_detail_field)
{
    struct {
        const char *path, *field, *message;
    } cases[] = {
        {"", "features", "features: required field missing"},
        {"", "renewal", "renewal: required field missing"},
        {"", "key_masked", "key_masked: required field missing"},
        {"renewal", "renewable", "renewal.renewable: required field missing"},
        {"renewal", "options", "renewal.options: required field missing"},
        {"renewal.options.0", "id", "renewal.options[0].id: required field missing"},
        {"renewal.options.0", "label", "renewal.options[0].label: required field missing"},
        {"renewal.options.0", "term_months",
         "renewal.options[0].term_months: required field missing"},
        {"renewal.options.0", "price", "renewal.options[0].price: required field missing"},
        {"renewal.options.0", "checkout_url",
         "renewal.options[0].checkout_url: required field missing"},
        {"renewal.options.0.price", "amount_minor",
         "renewal.options[0].price.amount_minor: required field missing"},
        {"renewal.options.0.price", "currency",
         "renewal.options[0].price.currency: required field missing"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char *json = fixture_edit(license_detail_json, cases[i].path, cases[i].field, NULL);
        EXPECT_REFUSED(lp_parse_license_detail, lp_license_detail, lp_license_detail_clear, json,
                       cases[i].message);
        free(json);
    }
}
END_TEST

START_TEST(refuses_each_missing_token_field)
{
    static const char *required[] = {"access_token",  "token_type",         "expires_in",
                                     "refresh_token", "refresh_expires_in", "user"};
    for (size_t i = 0; i < sizeof required / sizeof required[0]; i++) {
        char *json = fixture_edit(tokens_json, "", required[i], NULL);
        char message[128];
        snprintf(message, sizeof message, "%s: required field missing", required[i]);
        EXPECT_REFUSED(lp_parse_tokens, lp_tokens, lp_tokens_clear, json, message);
        free(json);
    }
    static const char *user[] = {"id", "email", "name"};
    for (size_t i = 0; i < 3; i++) {
        char *json = fixture_edit(tokens_json, "user", user[i], NULL);
        char message[128];
        snprintf(message, sizeof message, "user.%s: required field missing", user[i]);
        EXPECT_REFUSED(lp_parse_tokens, lp_tokens, lp_tokens_clear, json, message);
        free(json);
        json = fixture_edit(user_json, "", user[i], NULL);
        snprintf(message, sizeof message, "%s: required field missing", user[i]);
        EXPECT_REFUSED(lp_parse_user, lp_user, lp_user_clear, json, message);
        free(json);
    }
}
END_TEST

START_TEST(refuses_a_token_type_other_than_bearer)
{
    char *json = fixture_edit(tokens_json, "", "token_type", "\"MAC\"");
    EXPECT_REFUSED(lp_parse_tokens, lp_tokens, lp_tokens_clear, json,
                   "token_type: expected \"Bearer\"");
    free(json);
}
END_TEST

START_TEST(refuses_wrong_types_naming_the_field)
{
    struct {
        const char *path, *field, *value, *message;
    } cases[] = {
        {"items.0", "id", "5", "items[0].id: expected a string"},
        {"items.0", "edition", "[]", "items[0].edition: expected a string or null"},
        {"items.0", "product", "\"Acme\"", "items[0].product: expected an object"},
        {"items.0", "status", "1", "items[0].status: expected a string"},
        {"items.0", "max_activations", "\"5\"",
         "items[0].max_activations: expected a non-negative integer"},
        {"items.0", "activations_in_use", "true",
         "items[0].activations_in_use: expected a non-negative integer"},
        {"items.0", "activations_in_use", "null",
         "items[0].activations_in_use: expected a non-negative integer"},
        {"items.0", "added_at", "1795857300", "items[0].added_at: not an RFC 3339 time stamp"},
        {"items.0", "added_at", "null", "items[0].added_at: not an RFC 3339 time stamp"},
        {"", "items", "{}", "items: expected an array"},
        {"", "total", "\"57\"", "total: expected a non-negative integer"},
        {"", "next_cursor", "5", "next_cursor: expected a string or null"},
        {"", "next_cursor", "false", "next_cursor: expected a string or null"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char *json = fixture_edit(license_page_json, cases[i].path, cases[i].field, cases[i].value);
        PAGE_REFUSED(json, cases[i].message);
        free(json);
    }
    PAGE_REFUSED("{\"items\":[7],\"next_cursor\":null,\"total\":1}",
                 "items[0]: expected an object");
    char *json = fixture_edit(license_detail_json, "renewal", "renewable", "\"yes\"");
    EXPECT_REFUSED(lp_parse_license_detail, lp_license_detail, lp_license_detail_clear, json,
                   "renewal.renewable: expected true or false");
    free(json);
    json = fixture_edit(license_detail_json, "", "features", "[\"a\", 2]");
    EXPECT_REFUSED(lp_parse_license_detail, lp_license_detail, lp_license_detail_clear, json,
                   "features[1]: expected a string");
    free(json);
}
END_TEST

/* ---- numbers -------------------------------------------------------------------------- */

START_TEST(refuses_negative_fractional_and_huge_counts)
{
    struct {
        const char *value, *message;
    } cases[] = {
        {"-1", "items[1].activations_in_use: must not be negative"},
        {"1.5", "items[1].activations_in_use: expected an integer, not a fraction"},
        {"1e300", "items[1].activations_in_use: number out of range"},
        {"9223372036854775807", "items[1].activations_in_use: number out of range"},
        {"18446744073709551616", "items[1].activations_in_use: number out of range"},
        {"9007199254740993", "items[1].activations_in_use: number out of range"},
        {"-1e300", "items[1].activations_in_use: number out of range"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char *json = fixture_edit(license_page_json, "items.1", "activations_in_use",
                                  cases[i].value);
        PAGE_REFUSED(json, cases[i].message);
        free(json);
    }
    char *json = fixture_edit(license_page_json, "", "total", "-3");
    PAGE_REFUSED(json, "total: must not be negative");
    free(json);
    json = fixture_edit(dashboard_json, "kpis", "expiring_soon", "2.25");
    EXPECT_REFUSED(lp_parse_dashboard, lp_dashboard, lp_dashboard_clear, json,
                   "kpis.expiring_soon: expected an integer, not a fraction");
    free(json);
    json = fixture_edit(download_json, "", "size_bytes", "-1");
    EXPECT_REFUSED(lp_parse_download, lp_download, lp_download_clear, json,
                   "size_bytes: must not be negative");
    free(json);
    json = fixture_edit(tokens_json, "", "expires_in", "1e400");
    EXPECT_REFUSED(lp_parse_tokens, lp_tokens, lp_tokens_clear, json,
                   "expires_in: number out of range");
    free(json);
}
END_TEST

START_TEST(refuses_numbers_outside_the_json_grammar)
{
    static const char *bad[] = {"+1", "01", "1.", ".5", "-", "1e", "1e+", "1.5.2", "--1"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        char *json = fixture_edit(license_page_json, "", "total", "999");
        char *at = strstr(json, "999");
        char spliced[2048];
        snprintf(spliced, sizeof spliced, "%.*s%s%s", (int)(at - json), json, bad[i], at + 3);
        PAGE_REFUSED(spliced, "response body: not valid JSON (malformed number)");
        free(json);
    }
    PAGE_REFUSED("{\"items\":[],\"next_cursor\":null,\"total\":0x10}",
                 "response body: not valid JSON");
    const char *fine = "{\"items\":[],\"next_cursor\":null,\"total\":0,\"x\":[-0.5e-3,1E+2,0,-0]}";
    lp_license_page page;
    ck_assert_int_eq(lp_parse_license_page(fine, strlen(fine), &page, NULL), LP_OK);
    lp_license_page_clear(&page);
}
END_TEST

START_TEST(accepts_the_largest_exact_integer)
{
    char *json = fixture_edit(download_json, "", "size_bytes", "9007199254740991");
    lp_download d;
    ck_assert_int_eq(lp_parse_download(json, strlen(json), &d, NULL), LP_OK);
    ck_assert_int_eq(d.size_bytes, INT64_C(9007199254740991));
    lp_download_clear(&d);
    free(json);
}
END_TEST

START_TEST(allows_negative_money_but_not_fractional)
{
    char *json = fixture_edit(license_detail_json, "renewal.options.0.price", "amount_minor",
                              "-250");
    lp_license_detail d;
    ck_assert_int_eq(lp_parse_license_detail(json, strlen(json), &d, NULL), LP_OK);
    ck_assert_int_eq(d.renewal_options[0].price.amount_minor, -250);
    lp_license_detail_clear(&d);
    free(json);
    json = fixture_edit(license_detail_json, "renewal.options.0.price", "amount_minor", "99.5");
    EXPECT_REFUSED(lp_parse_license_detail, lp_license_detail, lp_license_detail_clear, json,
                   "renewal.options[0].price.amount_minor: expected an integer, not a fraction");
    free(json);
}
END_TEST

/* ---- time stamps, enumerations, formats ------------------------------------------------ */

START_TEST(refuses_bad_time_stamps)
{
    static const char *bad[] = {"\"2026-11-28\"", "\"yesterday\"", "\"2026-11-28T09:15:00\"",
                                "\"2026-02-30T00:00:00Z\"", "\"\""};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        char *json = fixture_edit(license_page_json, "items.1", "expires_at", bad[i]);
        PAGE_REFUSED(json, "items[1].expires_at: not an RFC 3339 time stamp");
        free(json);
    }
    char *json = fixture_edit(activation_page_json, "items.0", "last_seen_at", "\"soon\"");
    EXPECT_REFUSED(lp_parse_activation_page, lp_activation_page, lp_activation_page_clear, json,
                   "items[0].last_seen_at: not an RFC 3339 time stamp");
    free(json);
    json = fixture_edit(dashboard_json, "", "generated_at", "\"2026-11-28 09:15\"");
    EXPECT_REFUSED(lp_parse_dashboard, lp_dashboard, lp_dashboard_clear, json,
                   "generated_at: not an RFC 3339 time stamp");
    free(json);
}
END_TEST

START_TEST(refuses_unknown_enumeration_values)
{
    char *json = fixture_edit(license_page_json, "items.0", "status", "\"frozen\"");
    PAGE_REFUSED(json, "items[0].status: unknown value \"frozen\"");
    free(json);
    json = fixture_edit(license_page_json, "items.0", "status", "\"Active\"");
    PAGE_REFUSED(json, "items[0].status: unknown value \"Active\"");
    free(json);
    json = fixture_edit(license_page_json, "items.0", "status", "\"\\u001b[2Jx\"");
    PAGE_REFUSED(json, "items[0].status: unknown value \"x\"");
    free(json);
    json = fixture_edit(activation_page_json, "items.1", "kind", "\"vm\"");
    EXPECT_REFUSED(lp_parse_activation_page, lp_activation_page, lp_activation_page_clear, json,
                   "items[1].kind: unknown value \"vm\"");
    free(json);
    struct {
        const char *field, *value;
    } downloads[] = {{"channel", "\"nightly\""}, {"platform", "\"beos\""}, {"arch", "\"mips\""}};
    for (size_t i = 0; i < 3; i++) {
        json = fixture_edit(download_json, "", downloads[i].field, downloads[i].value);
        char message[64];
        snprintf(message, sizeof message, "%s: unknown value %s", downloads[i].field,
                 downloads[i].value);
        EXPECT_REFUSED(lp_parse_download, lp_download, lp_download_clear, json, message);
        free(json);
    }
}
END_TEST

START_TEST(refuses_malformed_sha256_and_currency)
{
    static const char *sha[] = {
        "\"abc\"", "\"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a0\"",
        "\"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a0g\"",
        "\"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08 \""};
    for (size_t i = 0; i < 4; i++) {
        char *json = fixture_edit(download_json, "", "sha256", sha[i]);
        EXPECT_REFUSED(lp_parse_download, lp_download, lp_download_clear, json,
                       "sha256: expected 64 hexadecimal digits");
        free(json);
    }
    static const char *currency[] = {"\"eur\"", "\"EURO\"", "\"E1R\"", "\"\"", "7"};
    for (size_t i = 0; i < 5; i++) {
        char *json = fixture_edit(license_detail_json, "renewal.options.0.price", "currency",
                                  currency[i]);
        EXPECT_REFUSED(lp_parse_license_detail, lp_license_detail, lp_license_detail_clear, json,
                       i == 4 ? "renewal.options[0].price.currency: expected a string"
                              : "renewal.options[0].price.currency: expected three upper-case "
                                "letters (ISO 4217)");
        free(json);
    }
}
END_TEST

START_TEST(refuses_more_than_five_recent_licenses)
{
    char *json = fixture_edit(dashboard_json, "", "recent_licenses",
                              "[" LICENSE_ACTIVE "," LICENSE_ACTIVE "," LICENSE_ACTIVE
                              "," LICENSE_ACTIVE "," LICENSE_ACTIVE "," LICENSE_ACTIVE "]");
    EXPECT_REFUSED(lp_parse_dashboard, lp_dashboard, lp_dashboard_clear, json,
                   "recent_licenses: more than 5 entries");
    free(json);
    json = fixture_edit(dashboard_json, "", "recent_licenses",
                        "[" LICENSE_ACTIVE "," LICENSE_ACTIVE "," LICENSE_ACTIVE "," LICENSE_ACTIVE
                        "," LICENSE_ACTIVE "]");
    lp_dashboard d;
    ck_assert_int_eq(lp_parse_dashboard(json, strlen(json), &d, NULL), LP_OK);
    ck_assert_uint_eq(d.recent_count, 5);
    lp_dashboard_clear(&d);
    free(json);
}
END_TEST

/* ---- hostile bodies ------------------------------------------------------------------- */

START_TEST(refuses_invalid_utf8_in_strings)
{
    static const char *bad[] = {
        "\xC0\xAF",         /* overlong '/' */
        "\xED\xA0\x80",     /* UTF-16 surrogate */
        "\xF4\x90\x80\x80", /* past U+10FFFF */
        "ab\xE2\x82",       /* truncated */
        "\xFF",
        "\x80",
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        char json[256];
        snprintf(json, sizeof json,
                 "{\"id\":\"usr_1\",\"email\":\"a@example.com\",\"name\":\"%s\"}", bad[i]);
        EXPECT_REFUSED(lp_parse_user, lp_user, lp_user_clear, json, "name: invalid UTF-8");
    }
    char json[256];
    snprintf(json, sizeof json, "{\"items\":[],\"next_cursor\":\"c\xC3\",\"total\":0}");
    PAGE_REFUSED(json, "next_cursor: invalid UTF-8");
}
END_TEST

START_TEST(accepts_valid_multibyte_strings)
{
    const char *json =
        "{\"id\":\"usr_1\",\"email\":\"a@example.com\",\"name\":\"J\xC3\xBCrgen \xE5\xB1\xB1"
        "\xE7\x94\xB0 \xF0\x9F\x98\x80 \\u00e9\"}";
    lp_user u;
    ck_assert_int_eq(lp_parse_user(json, strlen(json), &u, NULL), LP_OK);
    ck_assert_str_eq(u.name, "J\xC3\xBCrgen \xE5\xB1\xB1\xE7\x94\xB0 \xF0\x9F\x98\x80 \xC3\xA9");
    lp_user_clear(&u);
}
END_TEST

START_TEST(refuses_an_escaped_nul_in_a_string)
{
    const char *json = "{\"id\":\"usr_1\\u0000admin\",\"email\":\"a@b\",\"name\":\"A\"}";
    EXPECT_REFUSED(lp_parse_user, lp_user, lp_user_clear, json,
                   "response body: a string contains a NUL character");
}
END_TEST

START_TEST(refuses_ten_thousand_levels_of_nesting)
{
    size_t depth = 10000;
    char *json = malloc(depth * 2 + 64);
    size_t n = (size_t)sprintf(json, "{\"items\":");
    for (size_t i = 0; i < depth; i++)
        json[n++] = '[';
    for (size_t i = 0; i < depth; i++)
        json[n++] = ']';
    sprintf(json + n, ",\"next_cursor\":null,\"total\":0}");
    PAGE_REFUSED(json, "response body: nested deeper than 64 levels");
    free(json);
}
END_TEST

START_TEST(refuses_nesting_just_past_the_limit_but_not_at_it)
{
    char json[512];
    size_t n = (size_t)sprintf(json, "{\"items\":[],\"next_cursor\":null,\"total\":0,\"x\":");
    for (int i = 0; i < LP_JSON_MAX_DEPTH - 1; i++)
        json[n++] = '[';
    for (int i = 0; i < LP_JSON_MAX_DEPTH - 1; i++)
        json[n++] = ']';
    strcpy(json + n, "}");
    lp_license_page page;
    ck_assert_int_eq(lp_parse_license_page(json, strlen(json), &page, NULL), LP_OK);
    lp_license_page_clear(&page);
    /* Brackets inside strings are text, not nesting. */
    char *quoted = fixture_edit(
        license_page_json, "", "note",
        "\"[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[\"");
    ck_assert_int_eq(lp_parse_license_page(quoted, strlen(quoted), &page, NULL), LP_OK);
    lp_license_page_clear(&page);
    free(quoted);
    n = (size_t)sprintf(json, "{\"items\":[],\"next_cursor\":null,\"total\":0,\"x\":");
    for (int i = 0; i < LP_JSON_MAX_DEPTH; i++)
        json[n++] = '[';
    json[n] = '\0';
    PAGE_REFUSED(json, "response body: nested deeper than 64 levels");
}
END_TEST

START_TEST(refuses_a_hostile_sixteen_mib_of_brackets)
{
    size_t len = LP_JSON_MAX_BYTES;
    char *json = malloc(len);
    memset(json, '[', len);
    lp_license_page page;
    lp_error err;
    lp_error_clear(&err);
    ck_assert_int_eq(lp_parse_license_page(json, len, &page, &err), LP_ERR_PROTOCOL);
    ck_assert_str_eq(err.message, "response body: nested deeper than 64 levels");
    free(json);
}
END_TEST

START_TEST(refuses_a_body_over_sixteen_mib)
{
    size_t len = LP_JSON_MAX_BYTES + 1;
    char *json = malloc(len);
    memset(json, ' ', len);
    memcpy(json, user_json, strlen(user_json));
    lp_user u;
    lp_error err;
    lp_error_clear(&err);
    ck_assert_int_eq(lp_parse_user(json, len, &u, &err), LP_ERR_PROTOCOL);
    ck_assert_ptr_nonnull(strstr(err.message, "larger than 16777216 bytes"));
    ck_assert(all_zero(&u, sizeof u));
    /* The same body within the limit is fine: the size alone was refused. */
    ck_assert_int_eq(lp_parse_user(json, len - 1, &u, &err), LP_OK);
    lp_user_clear(&u);
    free(json);
}
END_TEST

START_TEST(refuses_every_truncation_of_a_valid_body)
{
    size_t len = strlen(license_detail_json);
    for (size_t cut = 0; cut < len; cut++) {
        char *prefix = malloc(cut + 1);
        memcpy(prefix, license_detail_json, cut);
        lp_license_detail d;
        lp_error err;
        lp_error_clear(&err);
        ck_assert_int_eq(lp_parse_license_detail(prefix, cut, &d, &err), LP_ERR_PROTOCOL);
        ck_assert(all_zero(&d, sizeof d));
        free(prefix);
    }
}
END_TEST

START_TEST(refuses_non_objects_and_trailing_text)
{
    PAGE_REFUSED("[]", "response body: expected a JSON object");
    PAGE_REFUSED("null", "response body: expected a JSON object");
    PAGE_REFUSED("not json", "response body: not valid JSON");
    PAGE_REFUSED("", "response body: empty");
    PAGE_REFUSED("{\"items\":[],\"next_cursor\":null,\"total\":0} {}",
                 "response body: not valid JSON (text after the value)");
    /* A control character after the value is named; an escape cJSON would
     * misread there leaves the text after the value as the problem. */
    PAGE_REFUSED("{\"items\":[],\"next_cursor\":null,\"total\":0} \"\x01\"",
                 "response body: not valid JSON (control character in a string)");
    PAGE_REFUSED("{\"items\":[],\"next_cursor\":null,\"total\":0} \"\\u00ZZ\"",
                 "response body: not valid JSON (text after the value)");
    PAGE_REFUSED("{\"items\":[],\"next_cursor\":\"\\u00ZZ\",\"total\":0}",
                 "response body: not valid JSON");
    lp_license_page page;
    const char *ok = "{\"items\":[],\"next_cursor\":null,\"total\":0}\r\n ";
    ck_assert_int_eq(lp_parse_license_page(ok, strlen(ok), &page, NULL), LP_OK);
    lp_license_page_clear(&page);
}
END_TEST

/* A fixed-seed generator, so that a failure can be replayed. */
static uint32_t next_random(uint32_t *state)
{
    *state = *state * 1664525u + 1013904223u;
    return *state >> 8;
}

START_TEST(survives_random_corruption_of_valid_bodies)
{
    static const char *const bodies[] = {dashboard_json,      license_page_json,
                                         license_detail_json, activation_page_json,
                                         download_page_json,  tokens_json};
    uint32_t seed = 12345;
    for (size_t b = 0; b < sizeof bodies / sizeof bodies[0]; b++) {
        size_t len = strlen(bodies[b]);
        char *copy = malloc(len);
        for (int round = 0; round < 3000; round++) {
            memcpy(copy, bodies[b], len);
            int edits = 1 + (int)(next_random(&seed) % 4);
            for (int e = 0; e < edits; e++)
                copy[next_random(&seed) % len] = (char)(next_random(&seed) & 0xFF);
            size_t cut = len - next_random(&seed) % 3;
            lp_error err;
            lp_error_clear(&err);
            lp_status st;
            switch (b) {
            case 0: {
                lp_dashboard v;
                st = lp_parse_dashboard(copy, cut, &v, &err);
                lp_dashboard_clear(&v);
                break;
            }
            case 1: {
                lp_license_page v;
                st = lp_parse_license_page(copy, cut, &v, &err);
                lp_license_page_clear(&v);
                break;
            }
            case 2: {
                lp_license_detail v;
                st = lp_parse_license_detail(copy, cut, &v, &err);
                lp_license_detail_clear(&v);
                break;
            }
            case 3: {
                lp_activation_page v;
                st = lp_parse_activation_page(copy, cut, &v, &err);
                lp_activation_page_clear(&v);
                break;
            }
            case 4: {
                lp_download_page v;
                st = lp_parse_download_page(copy, cut, &v, &err);
                lp_download_page_clear(&v);
                break;
            }
            default: {
                lp_tokens v;
                st = lp_parse_tokens(copy, cut, &v, &err);
                lp_tokens_clear(&v);
                break;
            }
            }
            ck_assert(st == LP_OK || (st == LP_ERR_PROTOCOL && err.message[0] != '\0'));
        }
        free(copy);
    }
}
END_TEST

/* ---- error bodies --------------------------------------------------------------------- */

START_TEST(fills_error_from_error_body_sanitising_the_message)
{
    const char *json =
        "{\"error\":{\"code\":\"token_expired\",\"message\":\"Token \\u001b[31mexpired\\n now\","
        "\"request_id\":\"req-42\"}}";
    lp_error err;
    lp_error_clear(&err);
    err.status = LP_ERR_AUTH;
    ck_assert(lp_parse_error_body(json, strlen(json), &err));
    ck_assert_int_eq(err.status, LP_ERR_AUTH);
    ck_assert_str_eq(err.code, "token_expired");
    ck_assert_str_eq(err.request_id, "req-42");
    ck_assert_str_eq(err.message, "Token expired  now");
}
END_TEST

START_TEST(keeps_error_untouched_for_a_body_that_is_not_an_error)
{
    static const char *bodies[] = {
        "{\"detail\":\"nope\"}", "<html>502</html>", "{\"error\":\"boom\"}",
        "{\"error\":{\"code\":5,\"message\":\"m\"}}", "{\"error\":{\"code\":\"x\"}}"};
    for (size_t i = 0; i < sizeof bodies / sizeof bodies[0]; i++) {
        lp_error err;
        lp_error_clear(&err);
        lp_error_set(&err, LP_ERR_SERVER, "HTTP 502");
        strcpy(err.request_id, "from-header");
        ck_assert(!lp_parse_error_body(bodies[i], strlen(bodies[i]), &err));
        ck_assert_int_eq(err.status, LP_ERR_SERVER);
        ck_assert_str_eq(err.message, "HTTP 502");
        ck_assert_str_eq(err.code, "");
        ck_assert_str_eq(err.request_id, "from-header");
    }
}
END_TEST

START_TEST(keeps_header_request_id_when_the_body_has_none)
{
    const char *json = "{\"error\":{\"code\":\"not_found\",\"message\":\"No such license\"}}";
    lp_error err;
    lp_error_clear(&err);
    strcpy(err.request_id, "hdr-1");
    ck_assert(lp_parse_error_body(json, strlen(json), &err));
    ck_assert_str_eq(err.code, "not_found");
    ck_assert_str_eq(err.message, "No such license");
    ck_assert_str_eq(err.request_id, "hdr-1");
}
END_TEST

int main(void)
{
    Suite *s = suite_create("json_map");
    TCase *valid = tcase_create("valid");
    tcase_add_test(valid, maps_dashboard_example);
    tcase_add_test(valid, maps_license_page_with_nullable_fields);
    tcase_add_test(valid, maps_last_page_with_null_cursor_and_no_items);
    tcase_add_test(valid, maps_license_detail_with_features_and_renewal);
    tcase_add_test(valid, maps_activation_page_of_both_kinds);
    tcase_add_test(valid, maps_download_and_lowercases_sha256);
    tcase_add_test(valid, maps_user_and_tokens);
    tcase_add_test(valid, maps_revealed_key);
    tcase_add_test(valid, maps_personal_tokens_with_the_secret_only_when_created);
    tcase_add_test(valid, maps_products_with_license_counts);
    tcase_add_test(valid, ignores_unknown_extra_fields);
    tcase_add_test(valid, reads_bodies_that_are_not_nul_terminated);
    tcase_add_test(valid, accepts_the_largest_exact_integer);
    tcase_add_test(valid, accepts_valid_multibyte_strings);
    suite_add_tcase(s, valid);

    TCase *refused = tcase_create("refused");
    tcase_set_timeout(refused, 60);
    tcase_add_test(refused, refuses_each_missing_license_field_naming_it);
    tcase_add_test(refused, names_elements_past_the_first_ten);
    tcase_add_test(refused, refuses_each_missing_activation_field);
    tcase_add_test(refused, refuses_each_missing_download_field);
    tcase_add_test(refused, refuses_each_missing_dashboard_field);
    tcase_add_test(refused, refuses_each_missing_detail_field);
    tcase_add_test(refused, refuses_each_missing_token_field);
    tcase_add_test(refused, refuses_a_token_type_other_than_bearer);
    tcase_add_test(refused, refuses_wrong_types_naming_the_field);
    tcase_add_test(refused, refuses_negative_fractional_and_huge_counts);
    tcase_add_test(refused, allows_negative_money_but_not_fractional);
    tcase_add_test(refused, refuses_numbers_outside_the_json_grammar);
    tcase_add_test(refused, refuses_bad_time_stamps);
    tcase_add_test(refused, refuses_unknown_enumeration_values);
    tcase_add_test(refused, refuses_malformed_sha256_and_currency);
    tcase_add_test(refused, refuses_more_than_five_recent_licenses);
    tcase_add_test(refused, refuses_invalid_utf8_in_strings);
    tcase_add_test(refused, refuses_an_escaped_nul_in_a_string);
    tcase_add_test(refused, refuses_ten_thousand_levels_of_nesting);
    tcase_add_test(refused, refuses_nesting_just_past_the_limit_but_not_at_it);
    tcase_add_test(refused, refuses_a_hostile_sixteen_mib_of_brackets);
    tcase_add_test(refused, refuses_a_body_over_sixteen_mib);
    tcase_add_test(refused, refuses_every_truncation_of_a_valid_body);
    tcase_add_test(refused, refuses_non_objects_and_trailing_text);
    tcase_add_test(refused, survives_random_corruption_of_valid_bodies);
    suite_add_tcase(s, refused);

    TCase *errors = tcase_create("error_body");
    tcase_add_test(errors, fills_error_from_error_body_sanitising_the_message);
    tcase_add_test(errors, keeps_error_untouched_for_a_body_that_is_not_an_error);
    tcase_add_test(errors, keeps_header_request_id_when_the_body_has_none);
    suite_add_tcase(s, errors);
    return lp_run_suite(s);
}
