/* Rate-limit keys for client addresses: an IPv6 /64 is one key, IPv4 addresses stay apart. */
#include "../suite_runner.h"
#include "server/address_group.h"

static const char *group(const char *addr)
{
    static char out[LP_ADDRESS_GROUP_LEN];
    lpd_address_group(addr, out);
    return out;
}

START_TEST(ipv6_addresses_of_one_64_share_a_group)
{
    ck_assert_str_eq(group("2001:db8:1:2::1"), "2001:db8:1:2::/64");
    ck_assert_str_eq(group("2001:db8:1:2:ffff:ffff:ffff:ffff"), "2001:db8:1:2::/64");
    ck_assert_str_eq(group("2001:db8:1:2:a:b:c:d"), "2001:db8:1:2::/64");
    ck_assert_str_eq(group("2001:db8:1:3::1"), "2001:db8:1:3::/64");
    ck_assert_str_eq(group("::1"), "::/64");
    ck_assert_str_eq(group("fe80::1"), "fe80::/64");
}
END_TEST

START_TEST(ipv4_addresses_stay_apart)
{
    ck_assert_str_eq(group("127.0.0.2"), "127.0.0.2");
    ck_assert_str_eq(group("127.0.0.3"), "127.0.0.3");
    ck_assert_str_eq(group("::ffff:192.0.2.7"), "192.0.2.7");
}
END_TEST

START_TEST(other_text_is_kept)
{
    ck_assert_str_eq(group("-"), "-");
    ck_assert_str_eq(group("not:an:address"), "not:an:address");
}
END_TEST

int main(void)
{
    Suite *s = suite_create("address_group");
    TCase *tc = tcase_create("address_group");
    tcase_add_test(tc, ipv6_addresses_of_one_64_share_a_group);
    tcase_add_test(tc, ipv4_addresses_stay_apart);
    tcase_add_test(tc, other_text_is_kept);
    suite_add_tcase(s, tc);
    return lp_run_suite(s);
}
