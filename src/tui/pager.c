/* Bounded window over a cursor-paginated list: memory stays flat for any list size. */
#include "tui/pager.h"

#include <stdlib.h>
#include <string.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

void tui_pager_init(tui_pager *pager, size_t item_size, void (*clear_item)(void *item))
{
    memset(pager, 0, sizeof *pager);
    pager->item_size = item_size;
    pager->clear_item = clear_item;
    pager->total = -1;
    pager->loading_page = -1;
}

/* glibc keeps freed pages of a dropped window resident (they lie below
 * newer allocations, so the heap top cannot shrink): hand them back. */
static void give_back_freed_memory(void)
{
#ifdef __GLIBC__
    malloc_trim(0);
#endif
}

void tui_pager_build_rows_with(tui_pager *pager,
                               void (*build_row)(const void *item, tui_clean_row *row))
{
    pager->build_row = build_row;
}

static void clear_slot(tui_pager *pager, tui_page_slot *slot)
{
    if (!slot->used)
        return;
    for (size_t i = 0; i < slot->count; i++) {
        pager->clear_item((char *)slot->items + i * pager->item_size);
        if (slot->rows)
            tui_clean_row_clear(&slot->rows[i]);
    }
    free(slot->items);
    free(slot->rows);
    memset(slot, 0, sizeof *slot);
}

void tui_pager_reset(tui_pager *pager)
{
    size_t dropped = tui_pager_loaded_pages(pager);
    for (int i = 0; i < TUI_PAGES_KEPT; i++)
        clear_slot(pager, &pager->slots[i]);
    if (dropped > 0)
        give_back_freed_memory();
    for (size_t i = 0; i < pager->mark_count; i++)
        free(pager->marks[i].cursor);
    free(pager->marks);
    pager->marks = NULL;
    pager->mark_count = 0;
    pager->total = -1;
    pager->end_known = false;
    pager->selected = 0;
    pager->top = 0;
    pager->loading_page = -1;
    pager->from_end = false;
    pager->select_id[0] = '\0';
    tui_marks_clear(&pager->marked);
}

void tui_pager_reload(tui_pager *pager)
{
    size_t dropped = tui_pager_loaded_pages(pager);
    for (int i = 0; i < TUI_PAGES_KEPT; i++)
        clear_slot(pager, &pager->slots[i]);
    if (dropped > 0)
        give_back_freed_memory();
    pager->loading_page = -1;
}

void tui_pager_free(tui_pager *pager)
{
    if (pager)
        tui_pager_reset(pager);
}

static const tui_page_slot *slot_of_page(const tui_pager *pager, size_t page)
{
    for (int i = 0; i < TUI_PAGES_KEPT; i++)
        if (pager->slots[i].used && pager->slots[i].page == page)
            return &pager->slots[i];
    return NULL;
}

/* The page that holds row `index`, as far as the marks tell. */
static long page_of_row(const tui_pager *pager, long index)
{
    if (pager->mark_count == 0)
        return 0;
    if (pager->from_end) {
        long back = (pager->total - 1 - index) / TUI_PAGE_SIZE;
        if (back < 0)
            back = 0;
        if ((size_t)back >= pager->mark_count)
            back = (long)pager->mark_count - 1;
        return back;
    }
    size_t lo = 0, hi = pager->mark_count;
    while (hi - lo > 1) {
        size_t mid = (lo + hi) / 2;
        if (pager->marks[mid].start <= index)
            lo = mid;
        else
            hi = mid;
    }
    return (long)lo;
}

/* The row a loaded page starts at: counted back from the total when the
 * window is anchored at the end. */
static long slot_start(const tui_pager *pager, const tui_page_slot *slot)
{
    if (pager->from_end)
        return pager->total - (long)slot->page * TUI_PAGE_SIZE - (long)slot->count;
    return pager->marks[slot->page].start;
}

/* The loaded page holding row `index` and the row's place in it, or NULL. */
static const tui_page_slot *slot_of_row(const tui_pager *pager, long index, size_t *offset)
{
    if (index < 0 || pager->mark_count == 0)
        return NULL;
    long page = page_of_row(pager, index);
    const tui_page_slot *slot = slot_of_page(pager, (size_t)page);
    if (!slot)
        return NULL;
    long at = index - slot_start(pager, slot);
    if (at < 0 || (size_t)at >= slot->count)
        return NULL;
    *offset = (size_t)at;
    return slot;
}

void *tui_pager_item(const tui_pager *pager, long index)
{
    size_t offset;
    const tui_page_slot *slot = slot_of_row(pager, index, &offset);
    return slot ? (char *)slot->items + offset * pager->item_size : NULL;
}

const tui_clean_row *tui_pager_row(const tui_pager *pager, long index)
{
    size_t offset;
    const tui_page_slot *slot = slot_of_row(pager, index, &offset);
    return slot && slot->rows ? &slot->rows[offset] : NULL;
}

bool tui_pager_rows_loaded_apart_from(const tui_pager *pager, long first, long count, size_t page)
{
    long end = first + count < tui_pager_count(pager) ? first + count : tui_pager_count(pager);
    if (first >= end)
        return false;
    for (long index = first; index < end; index++) {
        size_t offset;
        const tui_page_slot *slot = slot_of_row(pager, index, &offset);
        if (!slot || slot->page == page || !slot->rows)
            return false;
    }
    return true;
}

long tui_pager_find(const tui_pager *pager, bool (*matches)(const void *item, const void *ctx),
                    const void *ctx)
{
    for (int i = 0; i < TUI_PAGES_KEPT; i++) {
        const tui_page_slot *slot = &pager->slots[i];
        if (!slot->used)
            continue;
        for (size_t k = 0; k < slot->count; k++)
            if (matches((const char *)slot->items + k * pager->item_size, ctx))
                return slot_start(pager, slot) + (long)k;
    }
    return -1;
}

long tui_pager_count(const tui_pager *pager)
{
    return pager->total < 0 ? 0 : pager->total;
}

size_t tui_pager_loaded_pages(const tui_pager *pager)
{
    size_t n = 0;
    for (int i = 0; i < TUI_PAGES_KEPT; i++)
        n += pager->slots[i].used;
    return n;
}

long tui_pager_wanted(const tui_pager *pager, const char **cursor)
{
    *cursor = NULL;
    if (pager->mark_count == 0)
        return 0;
    long page = page_of_row(pager, pager->selected);
    const tui_page_slot *slot = slot_of_page(pager, (size_t)page);
    if (!slot) {
        *cursor = pager->marks[page].cursor;
        return page;
    }
    /* The rows above the selection on screen, when they are on another page. */
    long top_page = page_of_row(pager, pager->top);
    if (top_page != page && !slot_of_page(pager, (size_t)top_page)) {
        *cursor = pager->marks[top_page].cursor;
        return top_page;
    }
    if (pager->from_end) {
        /* Anchored at the end, "ahead" is towards the first row. */
        long offset = pager->selected - slot_start(pager, slot);
        bool near_start = offset < TUI_PAGE_SIZE / 5 && slot_start(pager, slot) > 0;
        if (near_start && (size_t)page + 1 < pager->mark_count &&
            !slot_of_page(pager, (size_t)page + 1)) {
            *cursor = pager->marks[page + 1].cursor;
            return page + 1;
        }
        return -1;
    }
    /* Fetch ahead when the selection nears the end of its page. */
    long offset = pager->selected - pager->marks[page].start;
    bool near_end = (size_t)offset + TUI_PAGE_SIZE / 5 >= slot->count;
    if (near_end && (size_t)page + 1 < pager->mark_count &&
        !slot_of_page(pager, (size_t)page + 1)) {
        *cursor = pager->marks[page + 1].cursor;
        return page + 1;
    }
    return -1;
}

static bool add_mark(tui_pager *pager, const char *cursor, long start)
{
    tui_page_mark *grown = realloc(pager->marks, (pager->mark_count + 1) * sizeof *grown);
    if (!grown)
        return false;
    pager->marks = grown;
    char *copy = NULL;
    if (cursor) {
        copy = strdup(cursor);
        if (!copy)
            return false;
    }
    grown[pager->mark_count].cursor = copy;
    grown[pager->mark_count].start = start;
    pager->mark_count++;
    return true;
}

/* A page of the reversed sort, put back into the list's own order. */
static void reverse_items(const tui_pager *pager, void *items, size_t count)
{
    size_t size = pager->item_size;
    if (count < 2)
        return;
    char *base = items;
    for (size_t i = 0, j = count - 1; i < j; i++, j--) {
        char *x = base + i * size, *y = base + j * size;
        for (size_t b = 0; b < size; b++) {
            char t = x[b];
            x[b] = y[b];
            y[b] = t;
        }
    }
}

/* The sanitised cells of every item, made once here instead of in each frame. */
static void build_rows(const tui_pager *pager, tui_page_slot *slot)
{
    if (!pager->build_row || slot->count == 0)
        return;
    slot->rows = calloc(slot->count, sizeof *slot->rows);
    if (!slot->rows)
        return; /* drawn as "loading..." rather than unsanitised */
    for (size_t i = 0; i < slot->count; i++)
        pager->build_row((char *)slot->items + i * pager->item_size, &slot->rows[i]);
}

bool tui_pager_anchor_end(tui_pager *pager, int visible)
{
    if (pager->total <= 0)
        return false;
    long total = pager->total;
    tui_pager_reset(pager);
    pager->total = total;
    pager->end_known = true;
    pager->from_end = true;
    /* A forward page still on its way is no longer wanted. */
    pager->loading_seq = 0;
    add_mark(pager, NULL, 0);
    tui_pager_select(pager, total - 1, visible);
    return true;
}

void tui_pager_anchor_start(tui_pager *pager)
{
    if (pager->from_end) {
        long total = pager->total;
        tui_pager_reset(pager);
        pager->total = total;
        pager->loading_seq = 0;
    }
    pager->selected = 0;
    pager->top = 0;
}

void tui_pager_accept(tui_pager *pager, size_t page, void *items, size_t count,
                      const char *next_cursor, long total)
{
    if (pager->mark_count == 0)
        add_mark(pager, NULL, 0);
    if (page >= pager->mark_count) {
        /* A page we cannot place: drop it. */
        for (size_t i = 0; i < count; i++)
            pager->clear_item((char *)items + i * pager->item_size);
        free(items);
        return;
    }
    tui_page_slot *slot = (tui_page_slot *)slot_of_page(pager, page);
    if (slot)
        clear_slot(pager, slot);
    if (!slot) {
        for (int i = 0; i < TUI_PAGES_KEPT && !slot; i++)
            if (!pager->slots[i].used)
                slot = &pager->slots[i];
    }
    if (!slot) {
        long want = page_of_row(pager, pager->selected);
        long worst = -1;
        for (int i = 0; i < TUI_PAGES_KEPT; i++) {
            long dist = labs((long)pager->slots[i].page - want);
            if (dist > worst) {
                worst = dist;
                slot = &pager->slots[i];
            }
        }
        clear_slot(pager, slot);
        give_back_freed_memory();
    }
    slot->used = true;
    slot->page = page;
    slot->items = items;
    slot->count = count;
    if (pager->from_end)
        reverse_items(pager, items, count);
    build_rows(pager, slot);
    if (pager->from_end) {
        if (next_cursor && page + 1 == pager->mark_count && count > 0)
            add_mark(pager, next_cursor, 0);
        if (total >= 0)
            pager->total = total;
        pager->end_known = true;
        if (pager->selected >= tui_pager_count(pager))
            pager->selected = tui_pager_count(pager) > 0 ? tui_pager_count(pager) - 1 : 0;
        return;
    }
    long end = pager->marks[page].start + (long)count;
    if (next_cursor && page + 1 == pager->mark_count && count > 0)
        add_mark(pager, next_cursor, end);
    if (!next_cursor) {
        pager->end_known = true;
        pager->total = end;
    } else {
        pager->total = total > end ? total : end + 1;
    }
    if (pager->selected >= tui_pager_count(pager))
        pager->selected = tui_pager_count(pager) > 0 ? tui_pager_count(pager) - 1 : 0;
}

bool tui_pager_remove(tui_pager *pager, long index)
{
    if (pager->from_end)
        return false; /* only lists with a reversible sort are anchored at the end */
    long page = page_of_row(pager, index);
    tui_page_slot *slot = (tui_page_slot *)slot_of_page(pager, (size_t)page);
    if (!slot)
        return false;
    long offset = index - pager->marks[page].start;
    if (offset < 0 || (size_t)offset >= slot->count)
        return false;
    char *base = slot->items;
    pager->clear_item(base + (size_t)offset * pager->item_size);
    memmove(base + (size_t)offset * pager->item_size,
            base + ((size_t)offset + 1) * pager->item_size,
            (slot->count - (size_t)offset - 1) * pager->item_size);
    if (slot->rows) {
        tui_clean_row_clear(&slot->rows[offset]);
        memmove(&slot->rows[offset], &slot->rows[offset + 1],
                (slot->count - (size_t)offset - 1) * sizeof *slot->rows);
        memset(&slot->rows[slot->count - 1], 0, sizeof *slot->rows);
    }
    slot->count--;
    for (size_t p = (size_t)page + 1; p < pager->mark_count; p++)
        pager->marks[p].start--;
    if (pager->total > 0)
        pager->total--;
    if (pager->selected >= tui_pager_count(pager))
        pager->selected = tui_pager_count(pager) > 0 ? tui_pager_count(pager) - 1 : 0;
    return true;
}

void tui_pager_select(tui_pager *pager, long index, int visible)
{
    long count = tui_pager_count(pager);
    if (index >= count)
        index = count - 1;
    if (index < 0)
        index = 0;
    pager->selected = index;
    if (visible < 1)
        visible = 1;
    if (pager->selected < pager->top)
        pager->top = pager->selected;
    if (pager->selected >= pager->top + visible)
        pager->top = pager->selected - visible + 1;
    if (pager->top < 0)
        pager->top = 0;
}

void tui_pager_move(tui_pager *pager, long delta, int visible)
{
    tui_pager_select(pager, pager->selected + delta, visible);
}
