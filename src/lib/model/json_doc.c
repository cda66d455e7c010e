/* JSON bodies parsed by cJSON into a per-document arena: no malloc per node, one free per body.
 *
 * A page of 200 licenses is some 2,400 values and 4,000 strings; cJSON gives
 * each its own malloc and cJSON_Delete its own free, which together cost more
 * than the parse itself. cJSON's allocator hooks are set once for the whole
 * process; they draw from the arena of the document that this thread is
 * parsing at that moment, and from malloc at every other time, so cJSON used
 * anywhere else (by any thread) is unaffected. */
#include "lib/model/json_doc.h"

#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "lib/model/json_shape.h"

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
    bool out_of_memory;
};

/* The document this thread is parsing, while cJSON runs for it. */
static _Thread_local lp_json_doc *current;

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
static void *arena_grow(lp_json_doc *doc, size_t n)
{
    block *b = doc->blocks;
    size_t size = b->size * 2 > BLOCK_MAX ? BLOCK_MAX : b->size * 2;
    if (size < n + REDZONE)
        size = n + REDZONE;
    block *grown = block_new(size);
    if (!grown) {
        doc->out_of_memory = true;
        return NULL;
    }
    grown->next = b;
    doc->blocks = grown;
    return take(grown, 0, n);
}

static void *arena_alloc(lp_json_doc *doc, size_t n)
{
    block *b = doc->blocks;
    size_t start = round_up(b->used);
    if (start <= b->size && b->size - start >= n + REDZONE)
        return take(b, start, n);
    return arena_grow(doc, n);
}

static bool arena_holds(const lp_json_doc *doc, const void *p)
{
    uintptr_t at = (uintptr_t)p;
    for (const block *b = doc->blocks; b; b = b->next)
        if (at >= (uintptr_t)b->data && at - (uintptr_t)b->data < b->size)
            return true;
    return false;
}

static void *hook_malloc(size_t n)
{
    lp_json_doc *doc = current;
    return doc ? arena_alloc(doc, n) : malloc(n);
}

/* What cJSON frees of the document while parsing (a failed parse's partial
 * tree) goes with the blocks; anything else was malloc's. */
static void hook_free(void *p)
{
    const lp_json_doc *doc = current;
    if (doc && arena_holds(doc, p))
        return;
    free(p);
}

static pthread_once_t hooks_once = PTHREAD_ONCE_INIT;

/* cJSON's hooks are one global without a lock: set once, and from then on
 * they hold the same two functions. */
static void install_hooks(void)
{
    cJSON_Hooks hooks = {hook_malloc, hook_free};
    cJSON_InitHooks(&hooks);
}

#if defined(__GNUC__)
/* At load, before any thread can be inside cJSON reading the hooks. */
__attribute__((constructor)) static void install_hooks_at_load(void)
{
    pthread_once(&hooks_once, install_hooks);
}
#endif

/* The first block holds the document itself; sized so that a typical body
 * (cJSON's node of 64 bytes per value and a copy of each string, some four
 * bytes for each byte of text) needs no second one. */
static lp_json_doc *doc_new(size_t len)
{
    size_t size = len > FIRST_BLOCK_MAX / 4 ? FIRST_BLOCK_MAX : len * 4;
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
    doc->out_of_memory = false;
    return doc;
}

lp_json_doc *lp_json_doc_parse(const char *json, size_t len, const char **end, bool *out_of_memory)
{
    *out_of_memory = false;
    if (end)
        *end = NULL;
    if (!json || len == 0)
        return NULL;
    pthread_once(&hooks_once, install_hooks);
    /* cJSON reads only as far as the first problem: a value that ends
     * before it is whole, one that reaches it is refused. */
    size_t stop;
    lp_json_shape_scan(json, len, &stop, NULL);
    if (stop == 0)
        return NULL;
    lp_json_doc *doc = doc_new(len);
    if (!doc) {
        *out_of_memory = true;
        return NULL;
    }
    const char *parse_end = NULL;
    current = doc;
    doc->root = cJSON_ParseWithLengthOpts(json, stop, &parse_end, 0);
    current = NULL;
    if (!doc->root) {
        *out_of_memory = doc->out_of_memory;
        lp_json_doc_free(doc);
        return NULL;
    }
    if (end)
        *end = parse_end;
    return doc;
}

const cJSON *lp_json_doc_root(const lp_json_doc *doc)
{
    return doc ? doc->root : NULL;
}

/* No cJSON_Delete: every node and string is in the blocks, and the root is
 * handed out only as const, so nothing of the tree is freed on its own. */
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
