/* Replays fuzz corpus files (or folders of them) through LLVMFuzzerTestOneInput, as TAP. */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int replayed;

static int compare_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static int replay_file(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (f == NULL) {
        printf("not ok %d - %s (cannot open)\n", ++replayed, path);
        return 1;
    }
    size_t cap = 4096, len = 0;
    uint8_t *data = malloc(cap);
    size_t n;
    while (data != NULL && (n = fread(data + len, 1, cap - len, f)) > 0) {
        len += n;
        if (len == cap) {
            uint8_t *bigger = realloc(data, cap * 2);
            if (bigger == NULL) {
                free(data);
                data = NULL;
                break;
            }
            data = bigger;
            cap *= 2;
        }
    }
    fclose(f);
    if (data == NULL) {
        printf("not ok %d - %s (out of memory)\n", ++replayed, path);
        return 1;
    }
    /* An exact-size copy so reads past the input are caught by the sanitizers. */
    uint8_t *exact = malloc(len > 0 ? len : 1);
    if (exact == NULL) {
        free(data);
        return 1;
    }
    memcpy(exact, data, len);
    free(data);
    fflush(stdout);
    LLVMFuzzerTestOneInput(exact, len);
    free(exact);
    printf("ok %d - %s (%zu bytes)\n", ++replayed, path, len);
    return 0;
}

static int replay_dir(const char *path)
{
    DIR *d = opendir(path);
    if (d == NULL) {
        printf("not ok %d - %s (cannot open folder)\n", ++replayed, path);
        return 1;
    }
    char **names = NULL;
    size_t count = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.')
            continue;
        char **more = realloc(names, (count + 1) * sizeof *names);
        if (more == NULL)
            break;
        names = more;
        names[count] = strdup(e->d_name);
        if (names[count] != NULL)
            count++;
    }
    closedir(d);
    qsort(names, count, sizeof *names, compare_names);
    int failed = 0;
    for (size_t i = 0; i < count; i++) {
        size_t need = strlen(path) + strlen(names[i]) + 2;
        char *full = malloc(need);
        if (full != NULL) {
            snprintf(full, need, "%s/%s", path, names[i]);
            failed |= replay_file(full);
            free(full);
        }
        free(names[i]);
    }
    free(names);
    return failed;
}

int main(int argc, char **argv)
{
    int failed = 0;
    for (int i = 1; i < argc; i++) {
        struct stat st;
        if (stat(argv[i], &st) == 0 && S_ISDIR(st.st_mode))
            failed |= replay_dir(argv[i]);
        else
            failed |= replay_file(argv[i]);
    }
    if (replayed == 0) {
        printf("not ok 1 - no corpus input replayed\n");
        replayed = 1;
        failed = 1;
    }
    printf("1..%d\n", replayed);
    return failed;
}
