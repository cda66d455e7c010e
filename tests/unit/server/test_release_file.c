/* Release files: used in place inside the files directory, copied in (never over an existing file) otherwise. */
#include <dirent.h>
#include <ftw.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../suite_runner.h"
#include "server/release_file.h"

#define ABC_SHA256 "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
#define EMPTY_SHA256 "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"

static char root[64];
static char files[128];

static void write_file(const char *path, const char *text)
{
    FILE *f = fopen(path, "wb");
    ck_assert_ptr_nonnull(f);
    ck_assert_int_eq(fwrite(text, 1, strlen(text), f), strlen(text));
    ck_assert_int_eq(fclose(f), 0);
}

static void read_file(const char *path, char *out, size_t size)
{
    FILE *f = fopen(path, "rb");
    ck_assert_msg(f != NULL, "cannot open %s", path);
    size_t n = fread(out, 1, size - 1, f);
    out[n] = '\0';
    fclose(f);
}

static int remove_entry(const char *path, const struct stat *info, int flag, struct FTW *ftw)
{
    (void)info;
    (void)flag;
    (void)ftw;
    return remove(path);
}

static void make_root(void)
{
    snprintf(root, sizeof root, "/tmp/lp-release-file-XXXXXX");
    ck_assert_ptr_nonnull(mkdtemp(root));
    snprintf(files, sizeof files, "%s/files", root);
    ck_assert_int_eq(mkdir(files, 0755), 0);
}

static void remove_root(void)
{
    nftw(root, remove_entry, 16, FTW_DEPTH | FTW_PHYS);
}

static int entries_in(const char *dir)
{
    DIR *d = opendir(dir);
    ck_assert_ptr_nonnull(d);
    int n = 0;
    for (struct dirent *e = readdir(d); e != NULL; e = readdir(d)) {
        if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0)
            n++;
    }
    closedir(d);
    return n;
}

START_TEST(a_file_outside_is_copied_in_with_its_hash)
{
    char source[256], copy[256], text[16], err[512] = "";
    snprintf(source, sizeof source, "%s/abc.bin", root);
    write_file(source, "abc");
    struct lpd_release_file file;
    ck_assert_msg(lpd_release_file_place(files, source, "prd_x/1.0/abc.bin", &file, err, sizeof err), "%s", err);
    ck_assert_str_eq(file.relative, "prd_x/1.0/abc.bin");
    ck_assert(file.copied);
    ck_assert_uint_eq(file.size, 3);
    ck_assert_str_eq(file.sha256_hex, ABC_SHA256);
    snprintf(copy, sizeof copy, "%s/prd_x/1.0/abc.bin", files);
    read_file(copy, text, sizeof text);
    ck_assert_str_eq(text, "abc");
    read_file(source, text, sizeof text);
    ck_assert_str_eq(text, "abc");
    /* Only the finished copy is left in its folder. */
    char folder[256];
    snprintf(folder, sizeof folder, "%s/prd_x/1.0", files);
    ck_assert_int_eq(entries_in(folder), 1);
}
END_TEST

START_TEST(a_file_inside_is_used_where_it_is)
{
    char sub[160], source[256], err[512] = "";
    snprintf(sub, sizeof sub, "%s/bench", files);
    ck_assert_int_eq(mkdir(sub, 0755), 0);
    snprintf(source, sizeof source, "%s/big.bin", sub);
    write_file(source, "");
    /* The files directory as given may take a detour; it is the same folder. */
    char detour[256];
    snprintf(detour, sizeof detour, "%s/../files/.", files);
    struct lpd_release_file file;
    ck_assert_msg(lpd_release_file_place(detour, source, "prd_x/1.0/big.bin", &file, err, sizeof err), "%s", err);
    ck_assert_str_eq(file.relative, "bench/big.bin");
    ck_assert(!file.copied);
    ck_assert_uint_eq(file.size, 0);
    ck_assert_str_eq(file.sha256_hex, EMPTY_SHA256);
    char never[256];
    snprintf(never, sizeof never, "%s/prd_x", files);
    ck_assert_int_ne(access(never, F_OK), 0);
    lpd_release_file_discard(files, &file);
    ck_assert_int_eq(access(source, F_OK), 0);
}
END_TEST

START_TEST(inside_means_below_the_folder_not_beside_it)
{
    char relative[256], path[256], sibling[160];
    snprintf(sibling, sizeof sibling, "%s/files2", root);
    ck_assert_int_eq(mkdir(sibling, 0755), 0);
    snprintf(path, sizeof path, "%s/x.bin", sibling);
    write_file(path, "x");
    ck_assert(!lpd_release_file_inside(files, path, relative, sizeof relative));
    ck_assert(!lpd_release_file_inside(files, files, relative, sizeof relative));
    snprintf(path, sizeof path, "%s/y.bin", files);
    write_file(path, "y");
    ck_assert(lpd_release_file_inside(files, path, relative, sizeof relative));
    ck_assert_str_eq(relative, "y.bin");
    /* A link inside pointing outside is a file outside. */
    char link_path[256], target[256];
    snprintf(target, sizeof target, "%s/files2/x.bin", root);
    snprintf(link_path, sizeof link_path, "%s/link.bin", files);
    ck_assert_int_eq(symlink(target, link_path), 0);
    ck_assert(!lpd_release_file_inside(files, link_path, relative, sizeof relative));
}
END_TEST

START_TEST(an_existing_file_is_never_replaced)
{
    char source[256], other[256], dest[256], text[16], err[512] = "";
    snprintf(source, sizeof source, "%s/abc.bin", root);
    write_file(source, "abc");
    snprintf(other, sizeof other, "%s/other.bin", root);
    write_file(other, "other");
    struct lpd_release_file file;
    ck_assert(lpd_release_file_place(files, source, "p/1/abc.bin", &file, err, sizeof err));
    ck_assert(!lpd_release_file_place(files, other, "p/1/abc.bin", &file, err, sizeof err));
    ck_assert_msg(strstr(err, "already exists") != NULL, "%s", err);
    snprintf(dest, sizeof dest, "%s/p/1/abc.bin", files);
    read_file(dest, text, sizeof text);
    ck_assert_str_eq(text, "abc");
    char folder[256];
    snprintf(folder, sizeof folder, "%s/p/1", files);
    ck_assert_int_eq(entries_in(folder), 1);
}
END_TEST

START_TEST(missing_sources_and_folders_are_refused_with_a_reason)
{
    char source[256], err[512] = "";
    struct lpd_release_file file;
    snprintf(source, sizeof source, "%s/missing.bin", root);
    ck_assert(!lpd_release_file_place(files, source, "p/1/missing.bin", &file, err, sizeof err));
    ck_assert_msg(strstr(err, "does not exist") != NULL, "%s", err);
    ck_assert(!lpd_release_file_place(files, root, "p/1/root", &file, err, sizeof err));
    ck_assert_msg(strstr(err, "not a regular file") != NULL, "%s", err);
    char never[256];
    snprintf(never, sizeof never, "%s/p", files);
    ck_assert_int_ne(access(never, F_OK), 0);
}
END_TEST

START_TEST(discard_removes_only_the_copy)
{
    char source[256], dest[256], err[512] = "";
    snprintf(source, sizeof source, "%s/abc.bin", root);
    write_file(source, "abc");
    struct lpd_release_file file;
    ck_assert(lpd_release_file_place(files, source, "p/1/abc.bin", &file, err, sizeof err));
    snprintf(dest, sizeof dest, "%s/p/1/abc.bin", files);
    ck_assert_int_eq(access(dest, F_OK), 0);
    lpd_release_file_discard(files, &file);
    ck_assert_int_ne(access(dest, F_OK), 0);
    ck_assert_int_eq(access(source, F_OK), 0);
    lpd_release_file_discard(files, NULL);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("release_file");
    TCase *tc = tcase_create("release_file");
    tcase_add_checked_fixture(tc, make_root, remove_root);
    tcase_add_test(tc, a_file_outside_is_copied_in_with_its_hash);
    tcase_add_test(tc, a_file_inside_is_used_where_it_is);
    tcase_add_test(tc, inside_means_below_the_folder_not_beside_it);
    tcase_add_test(tc, an_existing_file_is_never_replaced);
    tcase_add_test(tc, missing_sources_and_folders_are_refused_with_a_reason);
    tcase_add_test(tc, discard_removes_only_the_copy);
    suite_add_tcase(s, tc);
    return lp_run_suite(s);
}
