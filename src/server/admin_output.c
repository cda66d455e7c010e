/* Tab-separated rows and one-line JSON for the administration listings. */
#include "server/admin_output.h"

#include <stdlib.h>
#include <string.h>

static void print_field(FILE *out, const char *field)
{
    if (field == NULL) {
        fputc('-', out);
        return;
    }
    for (const unsigned char *p = (const unsigned char *)field; *p != '\0'; p++) {
        /* C1 controls in UTF-8 are 0xC2 0x80..0x9F. */
        if (p[0] == 0xC2 && p[1] >= 0x80 && p[1] <= 0x9F) {
            fputc('?', out);
            p++;
        } else {
            fputc(*p < 0x20 || *p == 0x7F ? '?' : *p, out);
        }
    }
}

void lp_admin_print_row(FILE *out, const char *const *fields, size_t count)
{
    for (size_t i = 0; i < count; i++) {
        if (i > 0)
            fputc('\t', out);
        print_field(out, fields[i]);
    }
    fputc('\n', out);
}

bool lp_admin_print_json(FILE *out, cJSON *json)
{
    char *text = json != NULL ? cJSON_PrintUnformatted(json) : NULL;
    cJSON_Delete(json);
    if (text == NULL)
        return false;
    fputs(text, out);
    fputc('\n', out);
    free(text);
    return true;
}

const char *lp_admin_time_text(lp_time t, char out[LP_TIMESTAMP_LEN])
{
    if (t == LP_TIME_NONE || !lp_timestamp_format(t, out))
        snprintf(out, LP_TIMESTAMP_LEN, "never");
    return out;
}
