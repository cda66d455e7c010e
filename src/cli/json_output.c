/* JSON for scripts: own writer, because cJSON leaves C1 and BiDi characters raw. */
#include "cli/json_output.h"

#include <inttypes.h>
#include <math.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

typedef struct buffer {
    char *data;
    size_t len;
    size_t cap;
    bool failed;
} buffer;

static void put(buffer *b, const char *text, size_t len)
{
    if (b->failed) {
        return;
    }
    if (b->len + len + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 256;
        while (b->len + len + 1 > cap) {
            cap *= 2;
        }
        char *grown = realloc(b->data, cap);
        if (grown == NULL) {
            b->failed = true;
            return;
        }
        b->data = grown;
        b->cap = cap;
    }
    memcpy(b->data + b->len, text, len);
    b->len += len;
    b->data[b->len] = '\0';
}

static void puts_(buffer *b, const char *text)
{
    put(b, text, strlen(text));
}

/* Decodes one UTF-8 character; returns its length, or 0 when the bytes are invalid. */
static size_t decode_utf8(const unsigned char *s, uint32_t *cp)
{
    if (s[0] < 0x80) {
        *cp = s[0];
        return 1;
    }
    size_t len;
    uint32_t min;
    if ((s[0] & 0xE0) == 0xC0) {
        len = 2, *cp = s[0] & 0x1F, min = 0x80;
    } else if ((s[0] & 0xF0) == 0xE0) {
        len = 3, *cp = s[0] & 0x0F, min = 0x800;
    } else if ((s[0] & 0xF8) == 0xF0) {
        len = 4, *cp = s[0] & 0x07, min = 0x10000;
    } else {
        return 0;
    }
    for (size_t i = 1; i < len; i++) {
        if ((s[i] & 0xC0) != 0x80) {
            return 0;
        }
        *cp = (*cp << 6) | (s[i] & 0x3F);
    }
    if (*cp < min || *cp > 0x10FFFF || (*cp >= 0xD800 && *cp <= 0xDFFF)) {
        return 0;
    }
    return len;
}

/* Characters a terminal would act on or that reorder or hide the text around them. */
static bool must_escape(uint32_t cp)
{
    return cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp <= 0x9F) || cp == 0x061C
           || cp == 0x200B || cp == 0x200E || cp == 0x200F || (cp >= 0x2028 && cp <= 0x202E)
           || (cp >= 0x2060 && cp <= 0x2069) || cp == 0xFEFF;
}

static void put_escaped(buffer *b, uint32_t cp)
{
    char esc[8];
    switch (cp) {
    case '\n':
        puts_(b, "\\n");
        return;
    case '\t':
        puts_(b, "\\t");
        return;
    case '\r':
        puts_(b, "\\r");
        return;
    default:
        snprintf(esc, sizeof esc, "\\u%04" PRIx32, cp);
        puts_(b, esc);
    }
}

static void put_string(buffer *b, const char *text)
{
    const unsigned char *s = (const unsigned char *)(text != NULL ? text : "");
    put(b, "\"", 1);
    while (*s != '\0') {
        uint32_t cp;
        size_t len = decode_utf8(s, &cp);
        if (len == 0) {
            puts_(b, "\\ufffd");
            s++;
        } else if (cp == '"' || cp == '\\') {
            put(b, "\\", 1);
            put(b, (const char *)s, 1);
            s++;
        } else if (must_escape(cp)) {
            put_escaped(b, cp);
            s += len;
        } else {
            put(b, (const char *)s, len);
            s += len;
        }
    }
    put(b, "\"", 1);
}

static void put_number(buffer *b, double value)
{
    char text[64];
    if (!isfinite(value)) {
        puts_(b, "null");
        return;
    }
    if (value == floor(value) && fabs(value) < 9007199254740992.0) {
        snprintf(text, sizeof text, "%" PRId64, (int64_t)value);
    } else {
        snprintf(text, sizeof text, "%.17g", value);
    }
    puts_(b, text);
}

static void indent(buffer *b, int depth)
{
    put(b, "\n", 1);
    for (int i = 0; i < depth; i++) {
        put(b, "  ", 2);
    }
}

static void put_value(buffer *b, const cJSON *item, int depth)
{
    if (cJSON_IsNull(item)) {
        puts_(b, "null");
    } else if (cJSON_IsTrue(item)) {
        puts_(b, "true");
    } else if (cJSON_IsFalse(item)) {
        puts_(b, "false");
    } else if (cJSON_IsNumber(item)) {
        put_number(b, item->valuedouble);
    } else if (cJSON_IsString(item)) {
        put_string(b, item->valuestring);
    } else if (cJSON_IsArray(item) || cJSON_IsObject(item)) {
        bool object = cJSON_IsObject(item);
        put(b, object ? "{" : "[", 1);
        const cJSON *child = item->child;
        for (; child != NULL; child = child->next) {
            indent(b, depth + 1);
            if (object) {
                put_string(b, child->string);
                put(b, ": ", 2);
            }
            put_value(b, child, depth + 1);
            if (child->next != NULL) {
                put(b, ",", 1);
            }
        }
        if (item->child != NULL) {
            indent(b, depth);
        }
        put(b, object ? "}" : "]", 1);
    } else {
        puts_(b, "null");
    }
}

char *cli_json_text(const cJSON *document)
{
    buffer b = {0};
    put_value(&b, document, 0);
    put(&b, "\n", 1);
    if (b.failed) {
        free(b.data);
        return NULL;
    }
    return b.data;
}

bool cli_json_print(FILE *out, const cJSON *document)
{
    char *text = cli_json_text(document);
    if (text == NULL) {
        return false;
    }
    bool ok = fputs(text, out) >= 0 && fflush(out) == 0;
    free(text);
    return ok;
}
