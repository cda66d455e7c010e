/* The bounded page window: placing pages, fetching ahead, eviction, removal. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../suite_runner.h"
#include "tui/pager.h"

static int cleared;

static void clear_int(void *item)
{
    (void)item;
    cleared++;
}

static int *page_of(int first, size_t count)
{
    int *items = malloc(count * sizeof *items);
    for (size_t i = 0; i < count; i++)
        items[i] = first + (int)i;
    return items;
}

#if defined(__SANITIZE_ADDRESS__)
#define LP_UNDER_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define LP_UNDER_ASAN 1
#endif
#endif
#ifndef LP_UNDER_ASAN
#define LP_UNDER_ASAN 0
#endif

START_TEST(the_first_wanted_page_is_page_zero_without_cursor)
{
    tui_pager p;
    tui_pager_init(&p, sizeof(int), clear_int);
    const char *cursor = "x";
    ck_assert_int_eq(tui_pager_wanted(&p, &cursor), 0);
    ck_assert_ptr_null(cursor);
    tui_pager_free(&p);
}
END_TEST

START_TEST(pages_are_fetched_ahead_as_the_cursor_moves)
{
    tui_pager p;
    tui_pager_init(&p, sizeof(int), clear_int);
    tui_pager_accept(&p, 0, page_of(0, TUI_PAGE_SIZE), TUI_PAGE_SIZE, "c1", 1000);
    ck_assert_int_eq(tui_pager_count(&p), 1000);
    ck_assert_int_eq(*(int *)tui_pager_item(&p, 5), 5);
    const char *cursor;
    ck_assert_int_eq(tui_pager_wanted(&p, &cursor), -1);
    tui_pager_select(&p, TUI_PAGE_SIZE - 5, 20);
    ck_assert_int_eq(tui_pager_wanted(&p, &cursor), 1);
    ck_assert_str_eq(cursor, "c1");
    tui_pager_accept(&p, 1, page_of(TUI_PAGE_SIZE, TUI_PAGE_SIZE), TUI_PAGE_SIZE, "c2", 1000);
    ck_assert_int_eq(*(int *)tui_pager_item(&p, TUI_PAGE_SIZE + 3), TUI_PAGE_SIZE + 3);
    tui_pager_free(&p);
}
END_TEST

START_TEST(memory_stays_bounded_over_a_long_list)
{
    tui_pager p;
    tui_pager_init(&p, sizeof(int), clear_int);
    cleared = 0;
    char cursor_text[32];
    for (size_t page = 0; page < 50; page++) {
        tui_pager_select(&p, (long)(page * TUI_PAGE_SIZE), 20);
        const char *cursor;
        ck_assert_int_eq(tui_pager_wanted(&p, &cursor), (long)page);
        snprintf(cursor_text, sizeof cursor_text, "c%zu", page + 1);
        tui_pager_accept(&p, page, page_of((int)(page * TUI_PAGE_SIZE), TUI_PAGE_SIZE),
                         TUI_PAGE_SIZE, page == 49 ? NULL : cursor_text, 50 * TUI_PAGE_SIZE);
        ck_assert_uint_le(tui_pager_loaded_pages(&p), TUI_PAGES_KEPT);
    }
    ck_assert(p.end_known);
    ck_assert_int_eq(tui_pager_count(&p), 50 * TUI_PAGE_SIZE);
    ck_assert_int_eq(cleared, (50 - TUI_PAGES_KEPT) * TUI_PAGE_SIZE);
    /* Scrolling back asks again for an evicted page with its own cursor. */
    tui_pager_select(&p, TUI_PAGE_SIZE + 50, 20);
    ck_assert_ptr_null(tui_pager_item(&p, TUI_PAGE_SIZE + 50));
    const char *cursor;
    ck_assert_int_eq(tui_pager_wanted(&p, &cursor), 1);
    ck_assert_str_eq(cursor, "c1");
    tui_pager_free(&p);
}
END_TEST

START_TEST(the_end_is_reached_through_the_reversed_sort_without_the_pages_between)
{
    tui_pager p;
    tui_pager_init(&p, sizeof(int), clear_int);
    const long total = 100000;
    tui_pager_accept(&p, 0, page_of(0, TUI_PAGE_SIZE), TUI_PAGE_SIZE, "c1", total);
    ck_assert(tui_pager_anchor_end(&p, 20));
    ck_assert_int_eq(p.selected, total - 1);
    ck_assert_int_eq(p.top, total - 20);
    ck_assert_uint_eq(tui_pager_loaded_pages(&p), 0);
    const char *cursor = "x";
    ck_assert_int_eq(tui_pager_wanted(&p, &cursor), 0);
    ck_assert_ptr_null(cursor);
    /* The reversed sort gives the last row first. */
    int *last = malloc(TUI_PAGE_SIZE * sizeof *last);
    for (int i = 0; i < TUI_PAGE_SIZE; i++)
        last[i] = (int)total - 1 - i;
    tui_pager_accept(&p, 0, last, TUI_PAGE_SIZE, "r1", total);
    ck_assert_int_eq(tui_pager_count(&p), total);
    ck_assert_int_eq(*(int *)tui_pager_item(&p, total - 1), total - 1);
    ck_assert_int_eq(*(int *)tui_pager_item(&p, total - TUI_PAGE_SIZE), total - TUI_PAGE_SIZE);
    ck_assert_ptr_null(tui_pager_item(&p, total - TUI_PAGE_SIZE - 1));
    ck_assert_int_eq(tui_pager_wanted(&p, &cursor), -1);
    /* Moving up from the end continues with the reversed cursor. */
    tui_pager_move(&p, -(TUI_PAGE_SIZE - 10), 20);
    ck_assert_int_eq(tui_pager_wanted(&p, &cursor), 1);
    ck_assert_str_eq(cursor, "r1");
    int *before = malloc(TUI_PAGE_SIZE * sizeof *before);
    for (int i = 0; i < TUI_PAGE_SIZE; i++)
        before[i] = (int)total - TUI_PAGE_SIZE - 1 - i;
    tui_pager_accept(&p, 1, before, TUI_PAGE_SIZE, "r2", total);
    ck_assert_int_eq(*(int *)tui_pager_item(&p, total - TUI_PAGE_SIZE - 1),
                     total - TUI_PAGE_SIZE - 1);
    ck_assert_int_eq(*(int *)tui_pager_item(&p, total - 2 * TUI_PAGE_SIZE),
                     total - 2 * TUI_PAGE_SIZE);
    ck_assert_uint_le(tui_pager_loaded_pages(&p), TUI_PAGES_KEPT);
    /* Home goes back to the first page in the list's own order. */
    tui_pager_anchor_start(&p);
    ck_assert_int_eq(p.selected, 0);
    ck_assert_ptr_null(tui_pager_item(&p, total - 1));
    ck_assert_int_eq(tui_pager_wanted(&p, &cursor), 0);
    ck_assert_ptr_null(cursor);
    tui_pager_accept(&p, 0, page_of(0, TUI_PAGE_SIZE), TUI_PAGE_SIZE, "c1", total);
    ck_assert_int_eq(*(int *)tui_pager_item(&p, 7), 7);
    tui_pager_free(&p);
}
END_TEST

START_TEST(a_short_list_is_not_anchored_before_its_total_is_known)
{
    tui_pager p;
    tui_pager_init(&p, sizeof(int), clear_int);
    ck_assert(!tui_pager_anchor_end(&p, 20));
    ck_assert(!p.from_end);
    tui_pager_free(&p);
}
END_TEST

static int rows_built;

static void build_int_row(const void *item, tui_clean_row *row)
{
    char text[32];
    snprintf(text, sizeof text, "\x1b[31m%d\x07", *(const int *)item);
    tui_clean_row_set(row, 0, text, TUI_ROLE_NORMAL);
    rows_built++;
}

START_TEST(rows_are_built_and_sanitised_once_when_their_page_arrives)
{
    tui_pager p;
    tui_pager_init(&p, sizeof(int), clear_int);
    tui_pager_build_rows_with(&p, build_int_row);
    rows_built = 0;
    tui_pager_accept(&p, 0, page_of(0, TUI_PAGE_SIZE), TUI_PAGE_SIZE, "c1", 1000);
    ck_assert_int_eq(rows_built, TUI_PAGE_SIZE);
    for (int frame = 0; frame < 3; frame++)
        for (long i = 0; i < 20; i++) {
            const tui_clean_row *row = tui_pager_row(&p, i);
            ck_assert_ptr_nonnull(row);
            char want[16];
            snprintf(want, sizeof want, "%ld", i);
            ck_assert_ptr_nonnull(strstr(tui_clean_row_cell(row, 0), want));
            ck_assert_ptr_null(strchr(tui_clean_row_cell(row, 0), 0x1b));
            ck_assert_ptr_null(strchr(tui_clean_row_cell(row, 0), 0x07));
        }
    ck_assert_int_eq(rows_built, TUI_PAGE_SIZE);
    ck_assert_ptr_null(tui_pager_row(&p, TUI_PAGE_SIZE));
    /* Removing a row keeps rows and items together. */
    ck_assert(tui_pager_remove(&p, 3));
    ck_assert_ptr_nonnull(strstr(tui_clean_row_cell(tui_pager_row(&p, 3), 0), "4"));
    tui_pager_free(&p);
}
END_TEST

START_TEST(tells_when_shown_rows_come_only_from_other_loaded_pages)
{
    tui_pager p;
    tui_pager_init(&p, sizeof(int), clear_int);
    tui_pager_build_rows_with(&p, build_int_row);
    ck_assert(!tui_pager_rows_loaded_apart_from(&p, 0, 20, 1)); /* nothing known yet */
    tui_pager_accept(&p, 0, page_of(0, TUI_PAGE_SIZE), TUI_PAGE_SIZE, "c1", 1000);
    /* Rows 180..199 are all on page 0, which is loaded. */
    ck_assert(tui_pager_rows_loaded_apart_from(&p, 180, 20, 1));
    ck_assert(!tui_pager_rows_loaded_apart_from(&p, 180, 20, 0));
    /* Row 200 is on page 1, not loaded yet. */
    ck_assert(!tui_pager_rows_loaded_apart_from(&p, 181, 20, 5));
    tui_pager_accept(&p, 1, page_of(TUI_PAGE_SIZE, TUI_PAGE_SIZE), TUI_PAGE_SIZE, "c2", 1000);
    ck_assert(tui_pager_rows_loaded_apart_from(&p, 181, 20, 2));
    ck_assert(!tui_pager_rows_loaded_apart_from(&p, 181, 20, 1));
    /* Rows past the end do not count; an empty range is not "loaded". */
    ck_assert(!tui_pager_rows_loaded_apart_from(&p, 1000, 20, 2));
    tui_pager_free(&p);

    /* Without a row builder nothing is drawn from the items: never "loaded". */
    tui_pager_init(&p, sizeof(int), clear_int);
    tui_pager_accept(&p, 0, page_of(0, TUI_PAGE_SIZE), TUI_PAGE_SIZE, "c1", 1000);
    ck_assert(!tui_pager_rows_loaded_apart_from(&p, 0, 20, 1));
    tui_pager_free(&p);
}
END_TEST

#if !LP_UNDER_ASAN
/* Items that own a heap block each, as decoded licenses own their strings. */
#define BLOCK_BYTES (16 * 1024)

static void free_block(void *item)
{
    free(*(char **)item);
}

/* Small blocks still in use between the items' blocks, as the rest of the
 * program's allocations are: freed items leave holes, not a free heap top. */
static char *kept[TUI_PAGES_KEPT * TUI_PAGE_SIZE];
static size_t kept_count;

static char **page_of_blocks(size_t count)
{
    char **items = malloc(count * sizeof *items);
    for (size_t i = 0; i < count; i++) {
        items[i] = malloc(BLOCK_BYTES);
        memset(items[i], 'x', BLOCK_BYTES); /* resident */
        if (kept_count < sizeof kept / sizeof kept[0])
            kept[kept_count++] = malloc(32);
    }
    return items;
}

static long resident_kib(void)
{
    FILE *f = fopen("/proc/self/statm", "r");
    long size = 0, resident = 0;
    if (f) {
        if (fscanf(f, "%ld %ld", &size, &resident) != 2)
            resident = 0;
        fclose(f);
    }
    return resident * (sysconf(_SC_PAGESIZE) / 1024);
}

START_TEST(dropped_pages_give_their_memory_back)
{
    tui_pager p;
    tui_pager_init(&p, sizeof(char *), free_block);
    for (size_t page = 0; page < TUI_PAGES_KEPT; page++) {
        char cursor_text[32];
        snprintf(cursor_text, sizeof cursor_text, "c%zu", page + 1);
        tui_pager_accept(&p, page, page_of_blocks(TUI_PAGE_SIZE), TUI_PAGE_SIZE, cursor_text,
                         100000);
    }
    long loaded = resident_kib();
    tui_pager_reset(&p);
    long dropped = resident_kib();
    long window_kib = (long)TUI_PAGES_KEPT * TUI_PAGE_SIZE * BLOCK_BYTES / 1024;
    ck_assert_msg(loaded - dropped > window_kib / 2,
                  "resident %ld KiB with the window, %ld KiB after dropping it", loaded, dropped);
    for (size_t i = 0; i < kept_count; i++)
        free(kept[i]);
    kept_count = 0;
    tui_pager_free(&p);
}
END_TEST
#endif

START_TEST(removing_a_row_shifts_the_rest)
{
    tui_pager p;
    tui_pager_init(&p, sizeof(int), clear_int);
    tui_pager_accept(&p, 0, page_of(0, 3), 3, NULL, 3);
    tui_pager_select(&p, 2, 10);
    ck_assert(tui_pager_remove(&p, 1));
    ck_assert_int_eq(tui_pager_count(&p), 2);
    ck_assert_int_eq(*(int *)tui_pager_item(&p, 1), 2);
    ck_assert_int_eq(p.selected, 1);
    ck_assert(!tui_pager_remove(&p, 7));
    tui_pager_free(&p);
}
END_TEST

START_TEST(selection_stays_inside_the_list_and_on_screen)
{
    tui_pager p;
    tui_pager_init(&p, sizeof(int), clear_int);
    tui_pager_accept(&p, 0, page_of(0, 50), 50, NULL, 50);
    tui_pager_move(&p, 1000, 10);
    ck_assert_int_eq(p.selected, 49);
    ck_assert_int_eq(p.top, 40);
    tui_pager_move(&p, -1000, 10);
    ck_assert_int_eq(p.selected, 0);
    ck_assert_int_eq(p.top, 0);
    tui_pager_free(&p);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("tui_pager");
    TCase *tc = tcase_create("pager");
    tcase_add_test(tc, the_first_wanted_page_is_page_zero_without_cursor);
    tcase_add_test(tc, pages_are_fetched_ahead_as_the_cursor_moves);
    tcase_add_test(tc, memory_stays_bounded_over_a_long_list);
    tcase_add_test(tc, the_end_is_reached_through_the_reversed_sort_without_the_pages_between);
    tcase_add_test(tc, a_short_list_is_not_anchored_before_its_total_is_known);
    tcase_add_test(tc, removing_a_row_shifts_the_rest);
#if !LP_UNDER_ASAN
    /* AddressSanitizer's allocator keeps freed memory in quarantine whatever
     * malloc_trim says, so resident memory is only measurable without it. */
    tcase_add_test(tc, dropped_pages_give_their_memory_back);
#endif
    tcase_add_test(tc, rows_are_built_and_sanitised_once_when_their_page_arrives);
    tcase_add_test(tc, tells_when_shown_rows_come_only_from_other_loaded_pages);
    tcase_add_test(tc, selection_stays_inside_the_list_and_on_screen);
    suite_add_tcase(s, tc);
    return lp_run_suite(s);
}
