/* Sorted tables of code point ranges, looked up by binary search (widths, hidden characters). */
#ifndef LICPORTAL_LIB_TEXT_CODE_POINT_RANGES_H
#define LICPORTAL_LIB_TEXT_CODE_POINT_RANGES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct lp_code_point_range {
    uint32_t first, last;
} lp_code_point_range;

/* Whether `cp` falls in one of the `n` ranges of `table` (sorted, disjoint). */
static inline bool lp_code_point_in(const lp_code_point_range *table, size_t n, uint32_t cp)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (cp < table[mid].first)
            hi = mid;
        else if (cp > table[mid].last)
            lo = mid + 1;
        else
            return true;
    }
    return false;
}

#endif
