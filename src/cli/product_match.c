/* Matching a product name or id given on the command line to the products the user holds. */
#include "cli/product_match.h"

#include <stdbool.h>
#include <stdio.h>
#include <strings.h>
#include <string.h>

#include "licportal/sanitize.h"

static bool names(const lp_owned_product *product, const char *given)
{
    return strcasecmp(product->name, given) == 0;
}

cli_product_match_kind cli_product_match(const lp_product_page *products, const char *given,
                                         size_t *index)
{
    for (size_t i = 0; i < products->count; i++) {
        if (strcmp(products->items[i].id, given) == 0) {
            *index = i;
            return CLI_PRODUCT_FOUND;
        }
    }
    size_t found = 0;
    for (size_t i = 0; i < products->count; i++) {
        if (names(&products->items[i], given)) {
            if (found++ == 0) {
                *index = i;
            }
        }
    }
    return found == 1 ? CLI_PRODUCT_FOUND : found > 1 ? CLI_PRODUCT_AMBIGUOUS : CLI_PRODUCT_UNKNOWN;
}

void cli_product_candidates(const lp_product_page *products, const char *given, char *out,
                            size_t size)
{
    size_t index;
    bool only_named = cli_product_match(products, given, &index) == CLI_PRODUCT_AMBIGUOUS;
    size_t used = 0;
    out[0] = '\0';
    for (size_t i = 0; i < products->count && used < size; i++) {
        const lp_owned_product *p = &products->items[i];
        if (only_named && !names(p, given)) {
            continue;
        }
        char name[128];
        char id[96];
        lp_sanitize_into(p->name, name, sizeof name);
        lp_sanitize_into(p->id, id, sizeof id);
        used += (size_t)snprintf(out + used, size - used, "%s%s (%s)", used > 0 ? ", " : "", name,
                                 id);
    }
    if (products->count == 0) {
        snprintf(out, size, "none (no licenses)");
    }
}
