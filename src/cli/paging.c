/* A hostile or broken server must not keep a list walk fetching and buffering forever. */
#include "cli/paging.h"

#include <stdlib.h>
#include <string.h>

static int already_seen(const cli_paging *paging, const char *cursor)
{
    for (size_t i = 0; i < paging->seen_count; i++) {
        if (strcmp(paging->seen[i], cursor) == 0) {
            return 1;
        }
    }
    return 0;
}

static int remember(cli_paging *paging, const char *cursor)
{
    if (paging->seen_count == paging->seen_capacity) {
        size_t capacity = paging->seen_capacity > 0 ? 2 * paging->seen_capacity : 16;
        char **grown = realloc(paging->seen, capacity * sizeof *grown);
        if (grown == NULL) {
            return 0;
        }
        paging->seen = grown;
        paging->seen_capacity = capacity;
    }
    char *copy = strdup(cursor);
    if (copy == NULL) {
        return 0;
    }
    paging->seen[paging->seen_count++] = copy;
    return 1;
}

cli_paging_step cli_paging_next(cli_paging *paging, size_t count, const char *next_cursor,
                                int64_t total, const char **why)
{
    *why = NULL;
    /* The largest total announced: a list may grow while it is walked. */
    if (paging->pages++ == 0 || total > paging->total) {
        paging->total = total;
    }
    paging->collected += count;
    if (paging->total >= 0 && paging->collected > (uint64_t)paging->total) {
        *why = "more items came than the total it announced";
        return CLI_PAGING_BROKEN;
    }
    if (next_cursor == NULL) {
        return CLI_PAGING_DONE;
    }
    if (count == 0) {
        *why = "an empty page named another page";
        return CLI_PAGING_BROKEN;
    }
    if (already_seen(paging, next_cursor)) {
        *why = "it named a page it had already sent";
        return CLI_PAGING_BROKEN;
    }
    if (!remember(paging, next_cursor)) {
        *why = "out of memory to follow it";
        return CLI_PAGING_BROKEN;
    }
    return CLI_PAGING_MORE;
}

void cli_paging_free(cli_paging *paging)
{
    for (size_t i = 0; i < paging->seen_count; i++) {
        free(paging->seen[i]);
    }
    free(paging->seen);
    memset(paging, 0, sizeof *paging);
}
