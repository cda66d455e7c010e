/* A one-pass reader of JSON text that gives up on anything beyond the common form of a valid body. */
#include "lib/model/json_pull.h"

#include <stdlib.h>
#include <string.h>

#include "licportal/utf8.h"
#include "lib/model/json_map.h"
#include "lib/model/json_reader.h"
#include "lib/model/json_shape.h"

/* How deep a skipped value may nest: far below LP_JSON_MAX_DEPTH, so no
 * body this reader accepts can be one the depth rule refuses. */
#define SKIP_DEPTH_MAX 16

/* Longer time stamps are not RFC 3339 ones; the tree reader says so. */
#define TIME_TEXT_MAX 64

/* Digits of LP_JSON_MAX_EXACT_INTEGER (2^53 - 1). */
#define COUNT_DIGITS_MAX 16

void lp_json_pull_init(lp_json_pull *r, const char *json, size_t len)
{
    r->at = (const unsigned char *)json;
    r->end = r->at + len;
    r->failed = json == NULL || len == 0 || len > LP_JSON_MAX_BYTES;
}

bool lp_json_pull_give_up(lp_json_pull *r)
{
    r->failed = true;
    return false;
}

/* JSON's whitespace only: cJSON also passes over other control bytes, which
 * this reader leaves to it. */
static void skip_whitespace(lp_json_pull *r)
{
    while (r->at < r->end && (*r->at == ' ' || *r->at == '\n' || *r->at == '\r' || *r->at == '\t'))
        r->at++;
}

/* The next byte after whitespace, or 0 at the end or after giving up. */
static unsigned char next(lp_json_pull *r)
{
    if (r->failed)
        return 0;
    skip_whitespace(r);
    return r->at < r->end ? *r->at : 0;
}

bool lp_json_pull_open(lp_json_pull *r, char c)
{
    if (next(r) != (unsigned char)c)
        return lp_json_pull_give_up(r);
    r->at++;
    return true;
}

/* After an element or member: ',' (taken, true) or `close` (taken, false). */
static bool step(lp_json_pull *r, bool *first, char close)
{
    unsigned char c = next(r);
    if (*first) {
        *first = false;
        if (c == (unsigned char)close) {
            r->at++;
            return false;
        }
        return !r->failed;
    }
    if (c == ',') {
        r->at++;
        return true;
    }
    if (c == (unsigned char)close) {
        r->at++;
        return false;
    }
    return lp_json_pull_give_up(r);
}

bool lp_json_pull_member(lp_json_pull *r, bool *first, lp_json_span *name)
{
    if (!step(r, first, '}') || !lp_json_pull_string(r, name))
        return false;
    if (next(r) != ':')
        return lp_json_pull_give_up(r);
    r->at++;
    return true;
}

bool lp_json_pull_element(lp_json_pull *r, bool *first)
{
    return step(r, first, ']');
}

/* Takes `word` (a literal) when it comes next. */
static bool take_literal(lp_json_pull *r, const char *word, size_t len)
{
    if (next(r) != (unsigned char)word[0] || (size_t)(r->end - r->at) < len ||
        memcmp(r->at, word, len) != 0)
        return false;
    r->at += len;
    return true;
}

bool lp_json_pull_null(lp_json_pull *r)
{
    return take_literal(r, "null", 4);
}

bool lp_json_pull_string(lp_json_pull *r, lp_json_span *out)
{
    if (next(r) != '"')
        return lp_json_pull_give_up(r);
    const unsigned char *text = r->at + 1;
    size_t len = (size_t)(r->end - text);
    size_t stop = lp_json_string_stop(text, 0, len);
    /* An escape or a control character is the tree reader's to judge. */
    if (stop == len || text[stop] != '"')
        return lp_json_pull_give_up(r);
    out->text = (const char *)text;
    out->len = stop;
    r->at = text + stop + 1;
    return true;
}

char *lp_json_pull_string_copy(lp_json_pull *r)
{
    lp_json_span s;
    if (!lp_json_pull_string(r, &s))
        return NULL;
    if (!lp_utf8_valid(s.text, s.len)) {
        lp_json_pull_give_up(r);
        return NULL;
    }
    char *copy = malloc(s.len + 1);
    if (!copy) {
        lp_json_pull_give_up(r);
        return NULL;
    }
    memcpy(copy, s.text, s.len);
    copy[s.len] = '\0';
    return copy;
}

bool lp_json_span_is(lp_json_span span, const char *word)
{
    return strlen(word) == span.len && memcmp(span.text, word, span.len) == 0;
}

bool lp_json_pull_enum(lp_json_pull *r, const char *const *names, int *index)
{
    lp_json_span s;
    if (!lp_json_pull_string(r, &s))
        return false;
    for (int i = 0; names[i]; i++) {
        if (lp_json_span_is(s, names[i])) {
            *index = i;
            return true;
        }
    }
    return lp_json_pull_give_up(r);
}

bool lp_json_pull_time(lp_json_pull *r, lp_time *out)
{
    lp_json_span s;
    if (!lp_json_pull_string(r, &s))
        return false;
    char text[TIME_TEXT_MAX];
    if (s.len >= sizeof text)
        return lp_json_pull_give_up(r);
    memcpy(text, s.text, s.len);
    text[s.len] = '\0';
    if (!lp_timestamp_parse(text, out))
        return lp_json_pull_give_up(r);
    return true;
}

/* The length of the number that comes next, by the grammar the tree reader
 * enforces; 0 (and giving up) when it is not one or is too long. */
static size_t number(lp_json_pull *r)
{
    size_t n = next(r) ? lp_json_number_length(r->at, (size_t)(r->end - r->at)) : 0;
    if (n == 0 || n > LP_JSON_NUMBER_MAX) {
        lp_json_pull_give_up(r);
        return 0;
    }
    return n;
}

bool lp_json_pull_count(lp_json_pull *r, int64_t *out)
{
    size_t n = number(r);
    if (n == 0 || n > COUNT_DIGITS_MAX)
        return lp_json_pull_give_up(r);
    int64_t value = 0;
    for (size_t i = 0; i < n; i++) {
        if (!lp_json_is_digit(r->at[i]))
            return lp_json_pull_give_up(r); /* a sign, fraction or exponent */
        value = value * 10 + (r->at[i] - '0');
    }
    if (value > LP_JSON_MAX_EXACT_INTEGER)
        return lp_json_pull_give_up(r);
    r->at += n;
    *out = value;
    return true;
}

static bool skip_at_depth(lp_json_pull *r, int depth)
{
    lp_json_span span;
    bool first = true;
    switch (next(r)) {
    case '"':
        return lp_json_pull_string(r, &span);
    case '{':
        if (depth >= SKIP_DEPTH_MAX)
            return lp_json_pull_give_up(r);
        r->at++;
        while (lp_json_pull_member(r, &first, &span))
            skip_at_depth(r, depth + 1);
        return !r->failed;
    case '[':
        if (depth >= SKIP_DEPTH_MAX)
            return lp_json_pull_give_up(r);
        r->at++;
        while (lp_json_pull_element(r, &first))
            skip_at_depth(r, depth + 1);
        return !r->failed;
    case 't':
        return take_literal(r, "true", 4) || lp_json_pull_give_up(r);
    case 'f':
        return take_literal(r, "false", 5) || lp_json_pull_give_up(r);
    case 'n':
        return lp_json_pull_null(r) || lp_json_pull_give_up(r);
    default: {
        size_t n = number(r);
        r->at += n;
        return n > 0;
    }
    }
}

bool lp_json_pull_skip(lp_json_pull *r)
{
    return skip_at_depth(r, 0);
}

bool lp_json_pull_finish(lp_json_pull *r)
{
    if (r->failed)
        return false;
    skip_whitespace(r);
    return r->at == r->end;
}
