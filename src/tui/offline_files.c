/* Offline activation's two files: the machine request read in, the signed license file written out. */
#include "tui/offline_files.h"

#include <cjson/cJSON.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "licportal/private_file.h"

#define REQUEST_MAX (64 * 1024)

static bool exists(const char *path)
{
    struct stat st;
    return lstat(path, &st) == 0;
}

lp_status tui_offline_read_request(const char *request_path, const char *license_path,
                                   char **request, size_t *len, lp_error *err)
{
    *request = NULL;
    *len = 0;
    if (!request_path[0])
        return lp_error_set(err, LP_ERR_USAGE, "no machine request file given");
    if (strcmp(request_path, license_path) == 0)
        return lp_error_set(err, LP_ERR_USAGE, "the license file would replace the request %.300s",
                            request_path);
    if (exists(license_path))
        return lp_error_set(err, LP_ERR_EXISTS,
                            "%.300s exists already; move it away first (it is never "
                            "overwritten)",
                            license_path);
    lp_error read_err;
    lp_error_clear(&read_err);
    if (lp_private_read(request_path, REQUEST_MAX, request, len, &read_err) != LP_OK)
        return lp_error_set(err, LP_ERR_IO, "cannot read %.300s: %.180s", request_path,
                            read_err.message);
    if (!*request)
        return lp_error_set(err, LP_ERR_IO, "%.300s does not exist", request_path);
    cJSON *parsed = cJSON_ParseWithLength(*request, *len);
    bool is_object = cJSON_IsObject(parsed);
    cJSON_Delete(parsed);
    if (is_object)
        return LP_OK;
    free(*request);
    *request = NULL;
    *len = 0;
    return lp_error_set(err, LP_ERR_USAGE,
                        "%.300s is not a machine request (a JSON object from "
                        "`licportal offline-request`)",
                        request_path);
}

lp_status tui_offline_write_license(const char *license_path, const char *license_file,
                                    lp_error *err)
{
    if (!license_file)
        return lp_error_set(err, LP_ERR_PROTOCOL, "the answer held no license file");
    if (exists(license_path))
        return lp_error_set(err, LP_ERR_EXISTS, "%.300s appeared meanwhile and is not overwritten",
                            license_path);
    lp_error write_err;
    lp_error_clear(&write_err);
    if (lp_private_write_atomic(license_path, license_file, strlen(license_file), &write_err) !=
        LP_OK)
        return lp_error_set(err, LP_ERR_IO, "%.400s", write_err.message);
    return LP_OK;
}
