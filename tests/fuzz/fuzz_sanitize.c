/* Fuzz target for the sanitiser: whatever the server sends, what reaches the terminal is inert. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz_check.h"
#include "licportal/sanitize.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char TARGET[] = "fuzz_sanitize";

static void require_safe(const char *out, const char *what)
{
    FUZZ_REQUIRE(TARGET, out != NULL, what);
    FUZZ_REQUIRE(TARGET, fuzz_terminal_safe(out, strlen(out)), what);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *text = (const char *)data;

    char *out = lp_sanitize(text, size);
    require_safe(out, "lp_sanitize output is not valid UTF-8 free of control characters");
    /* Sanitising never makes text longer than U+FFFD for every byte. */
    FUZZ_REQUIRE(TARGET, strlen(out) <= 3 * size,
                 "lp_sanitize output grew beyond 3 bytes per input byte");

    /* The NUL-terminated form stops at the first NUL and agrees with the
     * counted form on that prefix. */
    char *copy = malloc(size + 1);
    if (copy == NULL) {
        free(out);
        return 0;
    }
    memcpy(copy, data, size);
    copy[size] = '\0';
    char *out_str = lp_sanitize_str(copy);
    require_safe(out_str, "lp_sanitize_str output is not valid UTF-8 free of control characters");
    char *prefix = lp_sanitize(copy, strlen(copy));
    FUZZ_REQUIRE(TARGET, prefix != NULL && strcmp(prefix, out_str) == 0,
                 "lp_sanitize_str disagrees with lp_sanitize on the same text");

    /* Into a caller buffer of every small size, and one from the input:
     * always terminated, never past the end, a prefix of the full result,
     * cut on a character boundary. */
    size_t full = strlen(out_str);
    size_t sizes[] = {1, 2, 3, 4, 5, 8, 13, 64, size % 97 + 1, full + 1};
    for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
        size_t cap = sizes[i];
        char *buf = malloc(cap + 8);
        if (buf == NULL)
            break;
        memset(buf, 'Z', cap + 8);
        char *ret = lp_sanitize_into(copy, buf, cap);
        FUZZ_REQUIRE(TARGET, ret == buf, "lp_sanitize_into did not return its buffer");
        size_t got = strnlen(buf, cap);
        FUZZ_REQUIRE(TARGET, got < cap, "lp_sanitize_into left the buffer unterminated");
        for (size_t k = cap; k < cap + 8; k++)
            FUZZ_REQUIRE(TARGET, buf[k] == 'Z', "lp_sanitize_into wrote past the buffer");
        require_safe(buf, "lp_sanitize_into output is not valid UTF-8 free of control characters");
        FUZZ_REQUIRE(TARGET, got <= full && memcmp(buf, out_str, got) == 0,
                     "lp_sanitize_into output is not a prefix of lp_sanitize_str's");
        if (cap > full)
            FUZZ_REQUIRE(TARGET, got == full, "lp_sanitize_into truncated text that fits");
        free(buf);
    }

    free(prefix);
    free(out_str);
    free(copy);
    free(out);
    return 0;
}
