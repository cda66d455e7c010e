/* Fuzz target for where a download goes: the server's filename can never name a path outside the target. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fuzz_check.h"
#include "licportal/download.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char TARGET[] = "fuzz_download_target";

static char dir_path[64];

static void remove_dir(void)
{
    if (dir_path[0] != '\0')
        rmdir(dir_path);
}

/* An existing folder for the "-o DIR" case, made once per process. */
static const char *existing_dir(void)
{
    if (dir_path[0] != '\0')
        return dir_path;
    snprintf(dir_path, sizeof dir_path, "/tmp/licportal-fuzz-dl-XXXXXX");
    if (mkdtemp(dir_path) == NULL) {
        dir_path[0] = '\0';
        return NULL;
    }
    atexit(remove_dir);
    return dir_path;
}

/* A plain file name: not empty, not hidden, no separator, no control byte,
 * and shown as it is (valid UTF-8, no BiDi, invisible or control character). */
static void check_name(const char *name)
{
    FUZZ_REQUIRE(TARGET, name[0] != '\0', "empty file name accepted");
    FUZZ_REQUIRE(TARGET, fuzz_terminal_safe(name, strlen(name)),
                 "a name that does not print as it is was accepted");
    FUZZ_REQUIRE(TARGET, name[0] != '.', "hidden, . or .. file name accepted");
    for (const unsigned char *p = (const unsigned char *)name; *p; p++) {
        FUZZ_REQUIRE(TARGET, *p != '/' && *p != '\\', "a path separator survived in the name");
        FUZZ_REQUIRE(TARGET, *p >= 0x20 && *p != 0x7f, "a control byte survived in the name");
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    char *filename = malloc(size);
    if (filename == NULL)
        return 0;
    memcpy(filename, data + 1, size - 1);
    filename[size - 1] = '\0';

    const char *output = NULL;
    switch (data[0] % 4) {
    case 0:
        output = NULL;
        break; /* the current directory */
    case 1:
        output = existing_dir();
        break; /* -o DIR */
    case 2:
        output = "";
        break; /* an empty -o counts as none */
    default:
        output = "chosen-name.bin";
        break; /* -o FILE: the user's name wins */
    }
    if (data[0] % 4 == 1 && output == NULL) {
        free(filename);
        return 0;
    }

    lp_error err;
    lp_error_clear(&err);
    char *path = lp_download_target_path(output, filename, &err);
    if (path == NULL) {
        FUZZ_REQUIRE(TARGET, err.status != LP_OK && err.message[0] != '\0',
                     "refused without a status and message");
    } else if (data[0] % 4 == 3) {
        FUZZ_REQUIRE(TARGET, strcmp(path, output) == 0, "an explicit -o FILE was not kept");
    } else if (data[0] % 4 == 1) {
        size_t n = strlen(output);
        FUZZ_REQUIRE(TARGET, strncmp(path, output, n) == 0 && path[n] == '/',
                     "the path does not lie directly inside the folder");
        check_name(path + n + 1);
    } else {
        check_name(path);
    }
    free(path);
    free(filename);
    return 0;
}
