/* Invariant checks shared by the fuzz targets: a violation aborts so the fuzzer reports it. */
#ifndef LICPORTAL_FUZZ_CHECK_H
#define LICPORTAL_FUZZ_CHECK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Prints what broke and aborts: the fuzzer (and the replay driver) then
 * report the input that caused it. */
void fuzz_fail(const char *target, const char *what);

#define FUZZ_REQUIRE(target, cond, what) \
    do {                                 \
        if (!(cond))                     \
            fuzz_fail((target), (what)); \
    } while (0)

/* Strict UTF-8: no overlong forms, no surrogates, nothing above U+10FFFF. */
bool fuzz_utf8_valid(const char *text, size_t len);

/* Valid UTF-8 holding no C0 control, DEL, C1 control (U+0080..U+009F), BiDi
 * embedding/override/isolate or mark, or line/paragraph separator. */
bool fuzz_terminal_safe(const char *text, size_t len);

/* True when `len` bytes at `p` are all zero. */
bool fuzz_all_zero(const void *p, size_t len);

#endif
