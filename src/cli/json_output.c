/* JSON for scripts: own writer, because cJSON leaves C1 and BiDi characters raw. */
#include "cli/json_output.h"

#include <inttypes.h>
#include <math.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

#include "licportal/sanitize.h"

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

/* The text goes through the same sanitiser as table output, so that JSON
 * drops exactly what tables drop; line feeds and tabs stay, escaped. */
static void put_string(buffer *b, const char *text)
{
    const char *raw = text != NULL ? text : "";
    char *clean = lp_sanitize_keep_lines(raw, strlen(raw));
    if (clean == NULL) {
        b->failed = true;
        return;
    }
    put(b, "\"", 1);
    for (const char *s = clean; *s != '\0'; s++) {
        unsigned char c = (unsigned char)*s;
        if (c == '"' || c == '\\') {
            put(b, "\\", 1);
            put(b, s, 1);
        } else if (c == '\n') {
            puts_(b, "\\n");
        } else if (c == '\t') {
            puts_(b, "\\t");
        } else if (c < 0x20) {
            char esc[8];
            snprintf(esc, sizeof esc, "\\u%04x", c);
            puts_(b, esc);
        } else {
            put(b, s, 1);
        }
    }
    put(b, "\"", 1);
    free(clean);
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
