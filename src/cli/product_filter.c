/* Resolves --product through GET /products, so that a name works wherever an id does. */
#include "cli/product_filter.h"

#include <stdlib.h>
#include <string.h>

#include "cli/exit_code.h"
#include "cli/product_match.h"
#include "licportal/sanitize.h"

int cli_resolve_product(cli_context *ctx, const char **product, char **owned)
{
    *owned = NULL;
    lp_error err;
    lp_error_clear(&err);
    lp_call *done;
    int rc = cli_call(ctx, lp_client_list_products(ctx->client, &err), &err,
                      "looking up the product", &done);
    if (rc != CLI_EXIT_OK) {
        return rc;
    }
    const lp_product_page *products = &lp_call_result(done)->as.products;
    size_t index;
    cli_product_match_kind match = cli_product_match(products, *product, &index);
    if (match == CLI_PRODUCT_FOUND) {
        *owned = strdup(products->items[index].id);
        *product = *owned;
        lp_call_free(done);
        return *owned != NULL
                   ? CLI_EXIT_OK
                   : cli_fail(CLI_EXIT_ERROR, "looking up the product failed: out of memory");
    }
    char given[128];
    char candidates[2048];
    lp_sanitize_into(*product, given, sizeof given);
    cli_product_candidates(products, *product, candidates, sizeof candidates);
    lp_call_free(done);
    if (match == CLI_PRODUCT_AMBIGUOUS) {
        return cli_fail(CLI_EXIT_USAGE, "--product \"%s\" names several products: %s; pass the id",
                        given, candidates);
    }
    return cli_fail(CLI_EXIT_USAGE,
                    "--product \"%s\" is neither the name nor the id of one of your products: %s",
                    given, candidates);
}
