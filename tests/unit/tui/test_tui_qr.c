/* QR encoding of checkout URLs: a square matrix with finder patterns and a quiet zone,
 * with libqrencode loaded only when a code is drawn. */
#include <dlfcn.h>
#include <string.h>

#include "../suite_runner.h"
#include "tui/qr.h"

#define URL "https://portal.example.com/checkout?license=lic_3&option=ren_3"

/* RTLD_NOLOAD answers without loading: non-NULL only when already mapped. */
static bool qrencode_mapped(void)
{
    void *handle = dlopen(TUI_QR_LIBRARY_SONAME, RTLD_NOW | RTLD_NOLOAD);
    if (handle == NULL)
        return false;
    dlclose(handle);
    return true;
}

static void assert_is_code_of_url(const tui_qr *qr)
{
    ck_assert_int_ge(qr->size, 21 + 4);
    ck_assert_int_eq((qr->size - 4 - 21) % 4, 0); /* versions grow by 4 modules */
    for (int i = 0; i < qr->size; i++) {
        ck_assert_int_eq(qr->dark[i], 0);                             /* top quiet row */
        ck_assert_int_eq(qr->dark[i * qr->size], 0);                  /* left quiet column */
        ck_assert_int_eq(qr->dark[(qr->size - 1) * qr->size + i], 0); /* bottom */
    }
    /* The top-left finder pattern: a dark 7x7 ring with a light ring inside. */
    ck_assert_int_eq(qr->dark[2 * qr->size + 2], 1);
    ck_assert_int_eq(qr->dark[2 * qr->size + 8], 1);
    ck_assert_int_eq(qr->dark[3 * qr->size + 3], 0);
    ck_assert_int_eq(qr->dark[5 * qr->size + 5], 1);
}

START_TEST(libqrencode_is_loaded_by_the_first_code_only)
{
    ck_assert(!qrencode_mapped());
    tui_qr qr;
    ck_assert(!tui_qr_encode("", &qr));
    ck_assert(!qrencode_mapped());
    ck_assert(tui_qr_encode(URL, &qr));
    ck_assert(qrencode_mapped());
    tui_qr_clear(&qr);
}
END_TEST

START_TEST(a_url_becomes_a_matrix_with_a_quiet_zone)
{
    tui_qr qr;
    ck_assert(tui_qr_encode(URL, &qr));
    assert_is_code_of_url(&qr);
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

START_TEST(an_opened_library_encodes_the_same)
{
    tui_qr_library *lib = tui_qr_library_open(TUI_QR_LIBRARY_SONAME);
    ck_assert_ptr_nonnull(lib);
    tui_qr qr;
    ck_assert(tui_qr_encode_with(lib, URL, &qr));
    assert_is_code_of_url(&qr);
    tui_qr_clear(&qr);
    tui_qr_library_free(lib);
    tui_qr_library_free(NULL);
}
END_TEST

/* What the overlay meets on a system without libqrencode: no code, nothing to free. */
START_TEST(a_missing_library_draws_no_code)
{
    tui_qr_library *lib = tui_qr_library_open("libqrencode-absent.so.4");
    ck_assert_ptr_null(lib);
    tui_qr qr;
    memset(&qr, 0xAB, sizeof qr);
    ck_assert(!tui_qr_encode_with(lib, URL, &qr));
    ck_assert_int_eq(qr.size, 0);
    ck_assert_ptr_null(qr.dark);
    tui_qr_clear(&qr);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("tui_qr");
    TCase *tc = tcase_create("qr");
    /* First: with CK_FORK=no every case shares one process. */
    tcase_add_test(tc, libqrencode_is_loaded_by_the_first_code_only);
    tcase_add_test(tc, a_url_becomes_a_matrix_with_a_quiet_zone);
    tcase_add_test(tc, empty_text_is_refused);
    tcase_add_test(tc, an_opened_library_encodes_the_same);
    tcase_add_test(tc, a_missing_library_draws_no_code);
    suite_add_tcase(s, tc);
    return lp_run_suite(s);
}
