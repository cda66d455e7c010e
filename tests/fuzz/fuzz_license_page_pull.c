/* Fuzz target holding the one-pass page reader to the tree reader: whatever it takes, the tree reader reads alike. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz_check.h"
#include "lib/model/license_json.h"
#include "../unit/lib/model/model_compare.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char TARGET[] = "fuzz_license_page_pull";

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *json = (const char *)data;
    lp_license_page pulled;
    if (!lp_pull_license_page(json, size, &pulled)) {
        FUZZ_REQUIRE(TARGET, fuzz_all_zero(&pulled, sizeof pulled), "gave up but left a page");
        return 0;
    }
    lp_license_page tree;
    lp_error err;
    lp_error_clear(&err);
    FUZZ_REQUIRE(TARGET, lp_read_license_page_tree(json, size, &tree, &err) == LP_OK,
                 "taken by the one-pass reader, refused by the tree reader");
    FUZZ_REQUIRE(TARGET, same_license_page(&pulled, &tree), "the readers disagree on the page");
    lp_license_page_clear(&pulled);
    lp_license_page_clear(&tree);
    return 0;
}
