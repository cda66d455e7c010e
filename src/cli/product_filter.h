/* --product by name or id: asks the server for the user's products and picks the one meant. */
#ifndef LICPORTAL_CLI_PRODUCT_FILTER_H
#define LICPORTAL_CLI_PRODUCT_FILTER_H

#include "cli/context.h"

/* Replaces *product (a name or an id) by the product's id, in *owned (the
 * caller frees it). An unknown or ambiguous name is a usage error (exit 2)
 * that lists the candidates. Returns an exit code, any failure reported. */
int cli_resolve_product(cli_context *ctx, const char **product, char **owned);

#endif
