/* A --product value against the user's products: an exact id, or a name matched without regard to case. */
#ifndef LICPORTAL_CLI_PRODUCT_MATCH_H
#define LICPORTAL_CLI_PRODUCT_MATCH_H

#include <stddef.h>

#include "licportal/model.h"

typedef enum cli_product_match_kind {
    CLI_PRODUCT_FOUND,
    CLI_PRODUCT_AMBIGUOUS, /* several products bear that name */
    CLI_PRODUCT_UNKNOWN,
} cli_product_match_kind;

/* An id equal to `given` wins; otherwise the one product whose name equals
 * `given` ignoring ASCII case. *index is the product found. */
cli_product_match_kind cli_product_match(const lp_product_page *products, const char *given,
                                         size_t *index);

/* "Name (id), Name (id), ..." of the products that `given` names (all of
 * them when it names none), sanitised, for a usage error. */
void cli_product_candidates(const lp_product_page *products, const char *given, char *out,
                            size_t size);

#endif
