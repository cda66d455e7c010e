/* QR encoding of checkout URLs: a square matrix with finder patterns and a quiet zone. */
#include <string.h>

#include "../suite_runner.h"
#include "tui/qr.h"

START_TEST(a_url_becomes_a_matrix_with_a_quiet_zone)
{
    tui_qr qr;
    ck_assert(tui_qr_encode("https://portal.example.com/checkout?license=lic_3&option=ren_3", &qr));
    ck_assert_int_ge(qr.size, 21 + 4);
    ck_assert_int_eq((qr.size - 4 - 21) % 4, 0); /* versions grow by 4 modules */
    for (int i = 0; i < qr.size; i++) {
        ck_assert_int_eq(qr.dark[i], 0);                          /* top quiet row */
        ck_assert_int_eq(qr.dark[i * qr.size], 0);                /* left quiet column */
        ck_assert_int_eq(qr.dark[(qr.size - 1) * qr.size + i], 0); /* bottom */
    }
    /* The top-left finder pattern: a dark 7x7 ring with a light ring inside. */
    ck_assert_int_eq(qr.dark[2 * qr.size + 2], 1);
    ck_assert_int_eq(qr.dark[2 * qr.size + 8], 1);
    ck_assert_int_eq(qr.dark[3 * qr.size + 3], 0);
    ck_assert_int_eq(qr.dark[5 * qr.size + 5], 1);
    tui_qr_clear(&qr);
    ck_assert_ptr_null(qr.dark);
}
END_TEST

START_TEST(empty_text_is_refused)
{
    tui_qr qr;
    ck_assert(!tui_qr_encode("", &qr));
    ck_assert(!tui_qr_encode(NULL, &qr));
    tui_qr_clear(&qr);
    tui_qr_clear(NULL);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("tui_qr");
    TCase *tc = tcase_create("qr");
    tcase_add_test(tc, a_url_becomes_a_matrix_with_a_quiet_zone);
    tcase_add_test(tc, empty_text_is_refused);
    suite_add_tcase(s, tc);
    return lp_run_suite(s);
}
