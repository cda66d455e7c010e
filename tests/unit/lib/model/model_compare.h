/* Comparisons of model values for the tests of the JSON readers and the fuzz targets. */
#ifndef LICPORTAL_TESTS_MODEL_COMPARE_H
#define LICPORTAL_TESTS_MODEL_COMPARE_H

#include <stdbool.h>
#include <stddef.h>
#include <string.h>

#include "licportal/model.h"

/* True when `n` bytes at `p` are all zero: what a parser leaves on failure. */
static inline bool all_zero(const void *p, size_t n)
{
    const unsigned char *b = p;
    for (size_t i = 0; i < n; i++)
        if (b[i])
            return false;
    return true;
}

/* Both NULL, or both the same text. */
static inline bool same_text(const char *a, const char *b)
{
    return (a == NULL && b == NULL) || (a != NULL && b != NULL && strcmp(a, b) == 0);
}

static inline bool same_license_summary(const lp_license_summary *a, const lp_license_summary *b)
{
    return same_text(a->id, b->id) && same_text(a->key_masked, b->key_masked) &&
           same_text(a->product.id, b->product.id) && same_text(a->product.name, b->product.name) &&
           same_text(a->edition, b->edition) && a->status == b->status &&
           a->added_at == b->added_at && a->expires_at == b->expires_at &&
           a->max_activations == b->max_activations &&
           a->activations_in_use == b->activations_in_use;
}

/* The same items, envelope and emptiness (items NULL exactly when none). */
static inline bool same_license_page(const lp_license_page *a, const lp_license_page *b)
{
    if (a->count != b->count || a->total != b->total ||
        !same_text(a->next_cursor, b->next_cursor) || (a->items == NULL) != (b->items == NULL))
        return false;
    for (size_t i = 0; i < a->count; i++)
        if (!same_license_summary(&a->items[i], &b->items[i]))
            return false;
    return true;
}

#endif
