/* JSON bodies parsed into cJSON-shaped nodes in an arena: no malloc per node, one free per body.
 *
 * A page of 200 licences is some 2,400 values and 4,000 strings; cJSON gives
 * each its own malloc and cJSON_Delete its own free, which together cost more
 * than reading the text. Here the nodes and a copy of the text come from a
 * few large blocks owned by the document, and strings are ended (and
 * unescaped) in place in that copy. No allocator hooks are involved, so other
 * threads that use cJSON are unaffected. */
#include "lib/model/json_doc.h"

#include <limits.h>
#include <locale.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "licportal/json_map.h"

#if defined(__SANITIZE_ADDRESS__)
#define LP_ARENA_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define LP_ARENA_ASAN 1
#endif
#endif

#ifdef LP_ARENA_ASAN
#include <sanitizer/asan_interface.h>
/* Poisoned bytes after every allocation, so AddressSanitizer still reports
 * a read or write past the end of a node or string inside a block. */
#define REDZONE 16
#define POISON(p, n) ASAN_POISON_MEMORY_REGION((p), (n))
#define UNPOISON(p, n) ASAN_UNPOISON_MEMORY_REGION((p), (n))
#else
#define REDZONE 0
#define POISON(p, n) ((void)(p), (void)(n))
#define UNPOISON(p, n) ((void)(p), (void)(n))
#endif

#define ALIGNMENT 8
#define FIRST_BLOCK_MIN 1024
#define FIRST_BLOCK_MAX (4u * 1024u * 1024u)
#define BLOCK_MAX (16u * 1024u * 1024u)

typedef struct block {
    struct block *next;
    size_t size;
    size_t used;
    _Alignas(16) unsigned char data[];
} block;

struct lp_json_doc {
    block *blocks; /* the one being filled first */
    cJSON *root;
};

typedef struct parser {
    unsigned char *text; /* the document's own copy: strings end in it */
    size_t len;
    size_t pos;
    lp_json_doc *doc;
    int depth;
    bool out_of_memory;
} parser;

static block *block_new(size_t size)
{
    block *b = malloc(sizeof *b + size);
    if (!b)
        return NULL;
    b->next = NULL;
    b->size = size;
    b->used = 0;
    POISON(b->data, size);
    return b;
}

static size_t round_up(size_t n)
{
    return (n + ALIGNMENT - 1) & ~(size_t)(ALIGNMENT - 1);
}

static void *take(block *b, size_t start, size_t n)
{
    b->used = start + n + REDZONE;
    UNPOISON(b->data + start, n);
    return b->data + start;
}

/* Bodies are parsed once and dropped: growth by doubling keeps the number of
 * blocks small without sizing for the worst case up front. */
static void *arena_grow(parser *p, size_t n)
{
    block *b = p->doc->blocks;
    size_t size = b->size * 2 > BLOCK_MAX ? BLOCK_MAX : b->size * 2;
    if (size < n + REDZONE)
        size = n + REDZONE;
    block *grown = block_new(size);
    if (!grown) {
        p->out_of_memory = true;
        return NULL;
    }
    grown->next = b;
    p->doc->blocks = grown;
    return take(grown, 0, n);
}

static inline void *arena_alloc(parser *p, size_t n)
{
    block *b = p->doc->blocks;
    size_t start = round_up(b->used);
    if (start <= b->size && b->size - start >= n + REDZONE)
        return take(b, start, n);
    return arena_grow(p, n);
}

static cJSON *new_node(parser *p)
{
    cJSON *node = arena_alloc(p, sizeof *node);
    if (node)
        memset(node, 0, sizeof *node);
    return node;
}

static void skip_whitespace(parser *p)
{
    /* cJSON's notion of whitespace: every byte up to and including space. */
    while (p->pos < p->len && p->text[p->pos] <= 32)
        p->pos++;
}

static bool hex4(const unsigned char *s, unsigned *out)
{
    unsigned value = 0;
    for (int i = 0; i < 4; i++) {
        unsigned char c = s[i];
        unsigned digit;
        if (c >= '0' && c <= '9')
            digit = (unsigned)(c - '0');
        else if (c >= 'a' && c <= 'f')
            digit = (unsigned)(c - 'a' + 10);
        else if (c >= 'A' && c <= 'F')
            digit = (unsigned)(c - 'A' + 10);
        else
            return false;
        value = value << 4 | digit;
    }
    *out = value;
    return true;
}

/* One \uXXXX escape, or two for a surrogate pair, at `in` (before `end`):
 * writes UTF-8 at *out and returns the escape's length, 0 when invalid. */
static size_t unicode_escape(const unsigned char *in, const unsigned char *end, unsigned char **out)
{
    unsigned first, second;
    if (end - in < 6 || !hex4(in + 2, &first) || (first >= 0xDC00 && first <= 0xDFFF))
        return 0;
    uint32_t cp = first;
    size_t used = 6;
    if (first >= 0xD800 && first <= 0xDBFF) {
        const unsigned char *low = in + 6;
        if (end - low < 6 || low[0] != '\\' || low[1] != 'u' || !hex4(low + 2, &second) ||
            second < 0xDC00 || second > 0xDFFF)
            return 0;
        cp = 0x10000 + (((first & 0x3FF) << 10) | (second & 0x3FF));
        used = 12;
    }
    if (cp == 0)
        return 0; /* strings are C strings: a NUL would cut them short */
    unsigned char *o = *out;
    if (cp < 0x80) {
        *o++ = (unsigned char)cp;
    } else if (cp < 0x800) {
        *o++ = (unsigned char)(0xC0 | cp >> 6);
        *o++ = (unsigned char)(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        *o++ = (unsigned char)(0xE0 | cp >> 12);
        *o++ = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
        *o++ = (unsigned char)(0x80 | (cp & 0x3F));
    } else {
        *o++ = (unsigned char)(0xF0 | cp >> 18);
        *o++ = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
        *o++ = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
        *o++ = (unsigned char)(0x80 | (cp & 0x3F));
    }
    *out = o;
    return used;
}

/* The first byte from `q` on (before `limit`) that ends a plain run of string
 * text: a quote, a backslash or a control character. Eight bytes at a time,
 * since strings are most of a body. */
static unsigned char *string_stop(unsigned char *q, const unsigned char *limit)
{
    const uint64_t ones = 0x0101010101010101u, highs = 0x8080808080808080u;
    while (limit - q >= 8) {
        uint64_t w;
        memcpy(&w, q, 8);
        uint64_t quote = w ^ (ones * '"'), backslash = w ^ (ones * '\\');
        /* A byte below n shows in (x - n per byte) & ~x & highs, for n <= 128. */
        uint64_t hits = (((quote - ones) & ~quote) | ((backslash - ones) & ~backslash) |
                         ((w - ones * 0x20) & ~w)) &
                        highs;
        if (hits) {
#if defined(__GNUC__) && defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
            /* A borrow can only mark bytes after a true hit: the lowest mark is exact. */
            return q + __builtin_ctzll(hits) / 8;
#else
            break;
#endif
        }
        q += 8;
    }
    while (q < limit && *q != '"' && *q != '\\' && *q >= 0x20)
        q++;
    return q;
}

/* The rest of a string from `q`, its first escape or control character:
 * unescaped in place. Every escape is at least as long as what it stands
 * for, so the text is rewritten over itself, behind the reading position. */
static bool finish_string(parser *p, unsigned char *start, unsigned char *q, char **out)
{
    const unsigned char *limit = p->text + p->len;
    unsigned char *o = q;
    while (q < limit && *q != '"') {
        if (*q < 0x20)
            return false;
        if (*q != '\\') {
            *o++ = *q++;
            continue;
        }
        if (limit - q < 2)
            return false;
        size_t used = 2;
        switch (q[1]) {
        case 'b':
            *o++ = '\b';
            break;
        case 'f':
            *o++ = '\f';
            break;
        case 'n':
            *o++ = '\n';
            break;
        case 'r':
            *o++ = '\r';
            break;
        case 't':
            *o++ = '\t';
            break;
        case '"':
        case '\\':
        case '/':
            *o++ = q[1];
            break;
        case 'u':
            used = unicode_escape(q, limit, &o);
            if (used == 0)
                return false;
            break;
        default:
            return false;
        }
        q += used;
    }
    if (q >= limit)
        return false;
    *o = '\0';
    *out = (char *)start;
    p->pos = (size_t)(q - p->text) + 1;
    return true;
}

/* The string whose opening quote is at p->pos, ended in place. */
static inline bool parse_string(parser *p, char **out)
{
    unsigned char *start = p->text + p->pos + 1;
    unsigned char *q = string_stop(start, p->text + p->len);
    if (q < p->text + p->len && *q == '"') {
        *q = '\0';
        *out = (char *)start;
        p->pos = (size_t)(q - p->text) + 1;
        return true;
    }
    return finish_string(p, start, q, out);
}

static bool is_digit(unsigned char c)
{
    return c >= '0' && c <= '9';
}

/* cJSON copies a number into 64 bytes for strtod; a longer one fails there. */
#define NUMBER_MAX 63
/* Integers of up to 15 digits are exact in a double: no strtod needed. */
#define PLAIN_DIGITS_MAX 15

static bool parse_number(parser *p, cJSON *item)
{
    const unsigned char *s = p->text + p->pos;
    size_t left = p->len - p->pos, i = 0;
    bool negative = s[0] == '-', plain = true;
    if (negative)
        i++;
    if (i < left && s[i] == '0') {
        i++;
    } else if (i < left && is_digit(s[i])) {
        while (i < left && is_digit(s[i]))
            i++;
    } else {
        return false;
    }
    size_t digits = i - (negative ? 1 : 0);
    if (i < left && s[i] == '.') {
        plain = false;
        if (++i >= left || !is_digit(s[i]))
            return false;
        while (i < left && is_digit(s[i]))
            i++;
    }
    if (i < left && (s[i] == 'e' || s[i] == 'E')) {
        plain = false;
        i++;
        if (i < left && (s[i] == '+' || s[i] == '-'))
            i++;
        if (i >= left || !is_digit(s[i]))
            return false;
        while (i < left && is_digit(s[i]))
            i++;
    }
    if (i > NUMBER_MAX)
        return false;
    double number;
    if (plain && digits <= PLAIN_DIGITS_MAX) {
        int64_t value = 0;
        for (size_t d = negative ? 1 : 0; d < i; d++)
            value = value * 10 + (s[d] - '0');
        number = (double)value;
        if (negative)
            number = -number;
    } else {
        /* As cJSON does: strtod reads the locale's decimal point. */
        char copy[NUMBER_MAX + 1];
        char point = localeconv()->decimal_point[0];
        for (size_t d = 0; d < i; d++)
            copy[d] = s[d] == '.' ? point : (char)s[d];
        copy[i] = '\0';
        char *after = NULL;
        number = strtod(copy, &after);
        if (after != copy + i)
            return false;
    }
    item->type = cJSON_Number;
    item->valuedouble = number;
    if (number >= INT_MAX)
        item->valueint = INT_MAX;
    else if (number <= (double)INT_MIN)
        item->valueint = INT_MIN;
    else
        item->valueint = (int)number;
    p->pos += i;
    return true;
}

static bool parse_value(parser *p, cJSON *item);

/* Children are linked as cJSON links them: next/prev, the first's prev is the last. */
static void append_child(cJSON *parent, cJSON **last, cJSON *child)
{
    if (*last) {
        (*last)->next = child;
        child->prev = *last;
    } else {
        parent->child = child;
    }
    *last = child;
    parent->child->prev = child;
}

static bool enter(parser *p)
{
    return ++p->depth <= LP_JSON_MAX_DEPTH;
}

static bool parse_array(parser *p, cJSON *item)
{
    if (!enter(p))
        return false;
    item->type = cJSON_Array;
    p->pos++;
    skip_whitespace(p);
    if (p->pos < p->len && p->text[p->pos] == ']') {
        p->pos++;
        p->depth--;
        return true;
    }
    cJSON *last = NULL;
    for (;;) {
        cJSON *child = new_node(p);
        if (!child || !parse_value(p, child))
            return false;
        append_child(item, &last, child);
        skip_whitespace(p);
        if (p->pos >= p->len)
            return false;
        unsigned char c = p->text[p->pos++];
        if (c == ']')
            break;
        if (c != ',')
            return false;
        skip_whitespace(p);
    }
    p->depth--;
    return true;
}

static bool parse_object(parser *p, cJSON *item)
{
    if (!enter(p))
        return false;
    item->type = cJSON_Object;
    p->pos++;
    skip_whitespace(p);
    if (p->pos < p->len && p->text[p->pos] == '}') {
        p->pos++;
        p->depth--;
        return true;
    }
    cJSON *last = NULL;
    for (;;) {
        if (p->pos >= p->len || p->text[p->pos] != '"')
            return false;
        cJSON *child = new_node(p);
        if (!child || !parse_string(p, &child->string))
            return false;
        skip_whitespace(p);
        if (p->pos >= p->len || p->text[p->pos] != ':')
            return false;
        p->pos++;
        skip_whitespace(p);
        if (!parse_value(p, child))
            return false;
        append_child(item, &last, child);
        skip_whitespace(p);
        if (p->pos >= p->len)
            return false;
        unsigned char c = p->text[p->pos++];
        if (c == '}')
            break;
        if (c != ',')
            return false;
        skip_whitespace(p);
    }
    p->depth--;
    return true;
}

static bool parse_value(parser *p, cJSON *item)
{
    if (p->pos >= p->len)
        return false;
    const unsigned char *s = p->text + p->pos;
    size_t left = p->len - p->pos;
    switch (s[0]) {
    case 'n':
        if (left < 4 || memcmp(s, "null", 4) != 0)
            return false;
        item->type = cJSON_NULL;
        p->pos += 4;
        return true;
    case 'f':
        if (left < 5 || memcmp(s, "false", 5) != 0)
            return false;
        item->type = cJSON_False;
        p->pos += 5;
        return true;
    case 't':
        if (left < 4 || memcmp(s, "true", 4) != 0)
            return false;
        item->type = cJSON_True;
        item->valueint = 1;
        p->pos += 4;
        return true;
    case '"':
        if (!parse_string(p, &item->valuestring))
            return false;
        item->type = cJSON_String;
        return true;
    case '[':
        return parse_array(p, item);
    case '{':
        return parse_object(p, item);
    default:
        return (s[0] == '-' || is_digit(s[0])) && parse_number(p, item);
    }
}

/* The first block holds the document itself; sized so that a typical body
 * (its copy and about three bytes of nodes for each byte of text) needs no
 * second one. */
static lp_json_doc *doc_new(size_t len)
{
    size_t size = len > FIRST_BLOCK_MAX / 5 ? FIRST_BLOCK_MAX : len * 5;
    if (size < FIRST_BLOCK_MIN)
        size = FIRST_BLOCK_MIN;
    block *first = block_new(size);
    if (!first)
        return NULL;
    lp_json_doc *doc = (lp_json_doc *)(void *)first->data;
    UNPOISON(doc, sizeof *doc);
    first->used = round_up(sizeof *doc) + REDZONE;
    doc->blocks = first;
    doc->root = NULL;
    return doc;
}

lp_json_doc *lp_json_doc_parse(const char *json, size_t len, const char **end,
                               bool *out_of_memory)
{
    *out_of_memory = false;
    if (end)
        *end = NULL;
    if (!json || len == 0)
        return NULL;
    lp_json_doc *doc = doc_new(len);
    if (!doc) {
        *out_of_memory = true;
        return NULL;
    }
    parser p = {NULL, len, 0, doc, 0, false};
    p.text = arena_alloc(&p, len);
    if (!p.text) {
        *out_of_memory = true;
        lp_json_doc_free(doc);
        return NULL;
    }
    memcpy(p.text, json, len);
    if (len >= 5 && memcmp(json, "\xEF\xBB\xBF", 3) == 0)
        p.pos = 3;
    skip_whitespace(&p);
    cJSON *root = new_node(&p);
    if (!root || !parse_value(&p, root)) {
        *out_of_memory = p.out_of_memory;
        lp_json_doc_free(doc);
        return NULL;
    }
    doc->root = root;
    if (end)
        *end = json + p.pos;
    return doc;
}

const cJSON *lp_json_doc_root(const lp_json_doc *doc)
{
    return doc ? doc->root : NULL;
}

void lp_json_doc_free(lp_json_doc *doc)
{
    if (!doc)
        return;
    /* The document lives in the oldest block, so that one goes last. */
    block *b = doc->blocks;
    while (b) {
        block *next = b->next;
        UNPOISON(b->data, b->size);
        free(b);
        b = next;
    }
}
