/* A one-pass reader of JSON text into the model, for the bodies where building a tree costs most: pages of items.
 *
 * A page of 200 licenses is 50 KB of text. cJSON turns it into some 4,000
 * nodes and strings before the mapper copies out what it needs; reading the
 * text once and copying straight into the items costs 1.2 M instructions a
 * page instead of 3.0 M.
 *
 * This reader handles only the common form of a valid body: strings without
 * escapes or control characters, integers without a sign, fraction or
 * exponent, members named once, nesting at most a few levels below the item,
 * JSON's four whitespace bytes. On anything else it gives up: `failed` is set,
 * every later call does nothing, and the caller reads the same text with the
 * tree reader (json_reader.h). That reader stays the only judge of what is
 * accepted and the author of every message, so this one must never accept a
 * body the tree reader refuses, nor read a value differently; the unit tests
 * and the fuzz_page_pull target hold the two to that on every body this
 * reader accepts. */
#ifndef LICPORTAL_LIB_MODEL_JSON_PULL_H
#define LICPORTAL_LIB_MODEL_JSON_PULL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "licportal/timestamp.h"

typedef struct lp_json_pull {
    const unsigned char *at;
    const unsigned char *end;
    bool failed;
} lp_json_pull;

/* A plain string's bytes inside the text (no quotes, not NUL-terminated). */
typedef struct lp_json_span {
    const char *text;
    size_t len;
} lp_json_span;

void lp_json_pull_init(lp_json_pull *r, const char *json, size_t len);

/* Sets `failed`; returns false, for `return lp_json_pull_give_up(r);`. */
bool lp_json_pull_give_up(lp_json_pull *r);

/* Takes `c` ('{' or '['), after any whitespace; gives up when something else comes. */
bool lp_json_pull_open(lp_json_pull *r, char c);

/* Steps to the next member of an object whose '{' has been taken: true with
 * its name and the ':' taken, false after the closing '}' or on giving up.
 * `*first` starts true. */
bool lp_json_pull_member(lp_json_pull *r, bool *first, lp_json_span *name);

/* Steps to the next element of an array whose '[' has been taken, as above. */
bool lp_json_pull_element(lp_json_pull *r, bool *first);

/* Takes null when it comes next (and says so); gives up on nothing. */
bool lp_json_pull_null(lp_json_pull *r);

/* A plain string, with its bytes still in the text. */
bool lp_json_pull_string(lp_json_pull *r, lp_json_span *out);

/* A plain string checked to be UTF-8, as a malloc'd copy (NULL on giving up). */
char *lp_json_pull_string_copy(lp_json_pull *r);

/* A plain string that is one of `names` (NULL-terminated): its index. */
bool lp_json_pull_enum(lp_json_pull *r, const char *const *names, int *index);

/* A plain string that is an RFC 3339 time stamp. */
bool lp_json_pull_time(lp_json_pull *r, lp_time *out);

/* A count: digits only, at most LP_JSON_MAX_EXACT_INTEGER. */
bool lp_json_pull_count(lp_json_pull *r, int64_t *out);

/* Any value of the handled form, passed over. */
bool lp_json_pull_skip(lp_json_pull *r);

/* True when nothing but whitespace is left and the reader never gave up. */
bool lp_json_pull_finish(lp_json_pull *r);

/* Whether a span holds exactly `word`. */
bool lp_json_span_is(lp_json_span span, const char *word);

#endif
