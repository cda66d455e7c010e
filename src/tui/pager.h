/* A cursor-paginated list seen through a bounded window of loaded pages. */
#ifndef LICPORTAL_TUI_PAGER_H
#define LICPORTAL_TUI_PAGER_H

#include <stdbool.h>
#include <stddef.h>

#include "tui/clean_row.h"
#include "tui/marks.h"

/* The most the API gives in one page: fewer round trips over a slow link. */
#define TUI_PAGE_SIZE 200
#define TUI_PAGES_KEPT 5

typedef struct tui_page_slot {
    bool used;
    size_t page;         /* which page of the list */
    void *items;         /* `count` items of item_size bytes, owned */
    tui_clean_row *rows; /* what is drawn of each item, when the pager has a row builder */
    size_t count;
} tui_page_slot;

/* What is known of each page reached so far: how to ask for it (the
 * opaque cursor; NULL for the first) and which row it starts at. */
typedef struct tui_page_mark {
    char *cursor;
    long start;
} tui_page_mark;

typedef struct tui_pager {
    size_t item_size;
    void (*clear_item)(void *item);
    void (*build_row)(const void *item, tui_clean_row *row);
    tui_page_mark *marks;
    size_t mark_count;
    tui_page_slot slots[TUI_PAGES_KEPT];
    long total;        /* as the server counts it; -1 before the first page */
    bool end_known;    /* the last page has been seen */
    long selected;     /* row index in the whole list */
    long top;          /* first row shown */
    long loading_page; /* page requested and not yet answered, or -1 */
    int loading_seq;
    /* Pages are counted back from the end (fetched in the reversed sort),
     * page k holding rows [total - (k+1)*TUI_PAGE_SIZE, total - k*TUI_PAGE_SIZE);
     * the marks are then the reversed sort's cursors. */
    bool from_end;
    /* The id of the row to select once it is loaded again ("" for none):
     * a refreshed or returned-to list keeps its row even when rows moved. */
    char select_id[128];
    /* What the list was asked with (the view's query, without the page):
     * the same query again keeps the place, another starts at the top. */
    char query[768];
    /* Rows marked with Space; kept across a refresh, dropped with another query. */
    tui_marks marked;
    /* The id of an item, to find rows again and draw their marks, and the
     * words that name it (and what it belongs to) in a confirmation. */
    const char *(*id_of)(const void *item);
    void (*describe)(const void *item, char *label, size_t label_size, char *group,
                     size_t group_size);
} tui_pager;

void tui_pager_init(tui_pager *pager, size_t item_size, void (*clear_item)(void *item));
/* Pages accepted from now on get their rows built (and sanitised) once,
 * as they arrive. */
void tui_pager_build_rows_with(tui_pager *pager,
                               void (*build_row)(const void *item, tui_clean_row *row));
/* Forgets every page (filters changed, refresh); keeps the selection at 0. */
void tui_pager_reset(tui_pager *pager);
void tui_pager_free(tui_pager *pager);

/* Drops the loaded pages but keeps what is known of the list (cursors,
 * total), the selection and the scroll, so that the same rows are asked for
 * again: a refresh that keeps the place. */
void tui_pager_reload(tui_pager *pager);
/* The first loaded row whose item `matches`, or -1. */
long tui_pager_find(const tui_pager *pager, bool (*matches)(const void *item, const void *ctx),
                    const void *ctx);

/* Re-anchors the window at the end of a list whose total is known: every
 * page is dropped and the last row selected, so that the next wanted page
 * is the first of the reversed sort instead of every page in between.
 * False (nothing changed) when the total is not known yet. */
bool tui_pager_anchor_end(tui_pager *pager, int visible);
/* Back to the first row; a window anchored at the end is dropped so that
 * the first page is asked for again in the list's own sort. */
void tui_pager_anchor_start(tui_pager *pager);

/* The item at row `index`, or NULL when its page is not loaded. */
void *tui_pager_item(const tui_pager *pager, long index);
/* The drawn row at `index`, or NULL when its page is not loaded (or the
 * pager builds no rows). */
const tui_clean_row *tui_pager_row(const tui_pager *pager, long index);
/* Whether rows [first, first + count) that exist all come from loaded pages
 * (with drawn rows) other than `page`; false when the list is empty. */
bool tui_pager_rows_loaded_apart_from(const tui_pager *pager, long first, long count, size_t page);
/* Rows known to exist (total once known). */
long tui_pager_count(const tui_pager *pager);

/* The page to ask for next so that the selection (and a little beyond)
 * is loaded, or -1; *cursor is the cursor to send (NULL for page 0). */
long tui_pager_wanted(const tui_pager *pager, const char **cursor);

/* Takes a fetched page: `items` (count of them, malloc'd) become the
 * pager's; anchored at the end they arrive in the reversed sort and are
 * kept in the list's own order. Evicts the loaded page farthest from the selection when the
 * window is full. */
void tui_pager_accept(tui_pager *pager, size_t page, void *items, size_t count,
                      const char *next_cursor, long total);

/* Removes row `index` (a deactivated activation) without a reload. */
bool tui_pager_remove(tui_pager *pager, long index);

/* Moves the selection by `delta` rows (clamped) and keeps it on screen in
 * `visible` rows. */
void tui_pager_move(tui_pager *pager, long delta, int visible);
void tui_pager_select(tui_pager *pager, long index, int visible);

size_t tui_pager_loaded_pages(const tui_pager *pager);

#endif
