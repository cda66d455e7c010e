/* JSON for scripts: own writer, because cJSON leaves C1 and BiDi characters raw. */
#include "cli/json_output.h"

#include <inttypes.h>
#include <math.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

#include "licportal/buffer.h"
#include "licportal/sanitize.h"

/* The text goes through the same sanitiser as table output, so that JSON
 * drops exactly what tables drop; line feeds and tabs stay, escaped. */
static void put_string(lp_buffer *b, const char *text)
{
    const char *raw = text != NULL ? text : "";
    char *clean = lp_sanitize_keep_lines(raw, strlen(raw));
    if (clean == NULL) {
        b->failed = true; /* the document is incomplete: nothing is printed */
        return;
    }
    lp_buffer_add(b, "\"", 1);
    for (const char *s = clean; *s != '\0'; s++) {
        unsigned char c = (unsigned char)*s;
        if (c == '"' || c == '\\') {
            lp_buffer_add(b, "\\", 1);
            lp_buffer_add(b, s, 1);
        } else if (c == '\n') {
            lp_buffer_add_str(b, "\\n");
        } else if (c == '\t') {
            lp_buffer_add_str(b, "\\t");
        } else if (c < 0x20) {
            char esc[8];
            snprintf(esc, sizeof esc, "\\u%04x", c);
            lp_buffer_add_str(b, esc);
        } else {
            lp_buffer_add(b, s, 1);
        }
    }
    lp_buffer_add(b, "\"", 1);
    free(clean);
}

static void put_number(lp_buffer *b, double value)
{
    char text[64];
    if (!isfinite(value)) {
        lp_buffer_add_str(b, "null");
        return;
    }
    if (value == floor(value) && fabs(value) < 9007199254740992.0) {
        snprintf(text, sizeof text, "%" PRId64, (int64_t)value);
    } else {
        snprintf(text, sizeof text, "%.17g", value);
    }
    lp_buffer_add_str(b, text);
}

static void indent(lp_buffer *b, int depth)
{
    lp_buffer_add(b, "\n", 1);
    for (int i = 0; i < depth; i++) {
        lp_buffer_add(b, "  ", 2);
    }
}

static void put_value(lp_buffer *b, const cJSON *item, int depth)
{
    if (cJSON_IsNull(item)) {
        lp_buffer_add_str(b, "null");
    } else if (cJSON_IsTrue(item)) {
        lp_buffer_add_str(b, "true");
    } else if (cJSON_IsFalse(item)) {
        lp_buffer_add_str(b, "false");
    } else if (cJSON_IsNumber(item)) {
        put_number(b, item->valuedouble);
    } else if (cJSON_IsString(item)) {
        put_string(b, item->valuestring);
    } else if (cJSON_IsArray(item) || cJSON_IsObject(item)) {
        bool object = cJSON_IsObject(item);
        lp_buffer_add(b, object ? "{" : "[", 1);
        const cJSON *child = item->child;
        for (; child != NULL; child = child->next) {
            indent(b, depth + 1);
            if (object) {
                put_string(b, child->string);
                lp_buffer_add(b, ": ", 2);
            }
            put_value(b, child, depth + 1);
            if (child->next != NULL) {
                lp_buffer_add(b, ",", 1);
            }
        }
        if (item->child != NULL) {
            indent(b, depth);
        }
        lp_buffer_add(b, object ? "}" : "]", 1);
    } else {
        lp_buffer_add_str(b, "null");
    }
}

char *cli_json_text(const cJSON *document)
{
    lp_buffer b;
    lp_buffer_init(&b, 0);
    put_value(&b, document, 0);
    lp_buffer_add(&b, "\n", 1);
    return lp_buffer_take(&b);
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
