/* Signing keys: made once, rotated with the old key kept, loaded only from a private file that matches. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../suite_runner.h"
#include "server/license_file.h"
#include "server/schema.h"
#include "server/signing_key.h"

static char dir[] = "/tmp/lp-signing-key-XXXXXX";
static char db_path[256];
static char keys_dir[300];

static struct lpd_db *fresh_db(void)
{
    ck_assert_ptr_nonnull(mkdtemp(dir));
    snprintf(db_path, sizeof db_path, "%s/portal.db", dir);
    char err[512] = "";
    ck_assert_msg(lpd_signing_key_dir(db_path, NULL, keys_dir, sizeof keys_dir, err, sizeof err), "%s", err);
    struct lpd_db *db = lpd_schema_open(db_path, err, sizeof err);
    ck_assert_msg(db != NULL, "%s", err);
    return db;
}

static void key_path(const char *id, char *out, size_t size)
{
    snprintf(out, size, "%s.signing-keys/%s.key", db_path, id);
}

/* A fresh database with its first key loaded into `key`, whose file is `path`. */
static struct lpd_db *db_with_key(struct lpd_signing_key *key, char *path, size_t path_size)
{
    struct lpd_db *db = fresh_db();
    char err[512] = "";
    bool created;
    ck_assert_msg(lpd_signing_key_ensure(db, keys_dir, 1000, &created, err, sizeof err), "%s", err);
    ck_assert_msg(lpd_signing_key_current(db, keys_dir, key, err, sizeof err), "%s", err);
    key_path(key->id, path, path_size);
    return db;
}

static void remove_all(struct lpd_db *db)
{
    lpd_db_free(db);
    char cmd[600];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    ck_assert_int_eq(system(cmd), 0);
    strcpy(dir, "/tmp/lp-signing-key-XXXXXX");
}

START_TEST(ensure_makes_one_private_key_and_only_once)
{
    struct lpd_db *db = fresh_db();
    char err[512] = "";
    bool created = false;
    ck_assert_msg(lpd_signing_key_ensure(db, keys_dir, 1000, &created, err, sizeof err), "%s", err);
    ck_assert(created);
    ck_assert(lpd_signing_key_ensure(db, keys_dir, 1001, &created, err, sizeof err));
    ck_assert(!created);
    struct lpd_signing_key key;
    ck_assert_msg(lpd_signing_key_current(db, keys_dir, &key, err, sizeof err), "%s", err);
    ck_assert_int_eq((int)strlen(key.id), 20);
    char path[512], folder[512];
    key_path(key.id, path, sizeof path);
    struct stat sb;
    ck_assert_int_eq(stat(path, &sb), 0);
    ck_assert_int_eq(sb.st_mode & 0777, 0600);
    char err2[512];
    ck_assert(lpd_signing_key_dir(db_path, NULL, folder, sizeof folder, err2, sizeof err2));
    ck_assert_int_eq(stat(folder, &sb), 0);
    ck_assert_int_eq(sb.st_mode & 0777, 0700);
    remove_all(db);
}
END_TEST

START_TEST(the_key_folder_is_the_option_else_beside_a_sqlite_file)
{
    char folder[512], err[512] = "";
    ck_assert(lpd_signing_key_dir("/srv/portal.db", NULL, folder, sizeof folder, err, sizeof err));
    ck_assert_str_eq(folder, "/srv/portal.db.signing-keys");
    ck_assert(lpd_signing_key_dir("/srv/portal.db", "/etc/keys", folder, sizeof folder, err, sizeof err));
    ck_assert_str_eq(folder, "/etc/keys");
    ck_assert(lpd_signing_key_dir("postgresql:///portal", "/etc/keys", folder, sizeof folder, err, sizeof err));
    ck_assert_str_eq(folder, "/etc/keys");
    /* A PostgreSQL database has no file to sit beside. */
    ck_assert(!lpd_signing_key_dir("postgres://db.example/portal", NULL, folder, sizeof folder, err, sizeof err));
    ck_assert_ptr_nonnull(strstr(err, "--signing-keys DIR is required"));
}
END_TEST

START_TEST(rotation_keeps_the_old_key_listed_as_retired)
{
    struct lpd_db *db = fresh_db();
    char err[512] = "", new_id[LP_SIGNING_KEY_ID_LEN];
    bool created;
    ck_assert(lpd_signing_key_ensure(db, keys_dir, 1000, &created, err, sizeof err));
    struct lpd_signing_key before, after;
    ck_assert(lpd_signing_key_current(db, keys_dir, &before, err, sizeof err));
    ck_assert_msg(lpd_signing_key_rotate(db, keys_dir, 2000, new_id, err, sizeof err), "%s", err);
    ck_assert(lpd_signing_key_current(db, keys_dir, &after, err, sizeof err));
    ck_assert_str_eq(after.id, new_id);
    ck_assert_str_ne(after.id, before.id);
    cJSON *keys = lpd_signing_keys_json(db);
    cJSON *list = cJSON_GetObjectItem(keys, "keys");
    ck_assert_int_eq(cJSON_GetArraySize(list), 2);
    ck_assert_str_eq(cJSON_GetObjectItem(cJSON_GetArrayItem(list, 0), "id")->valuestring, before.id);
    ck_assert_str_eq(cJSON_GetObjectItem(cJSON_GetArrayItem(list, 0), "retired_at")->valuestring,
                     "1970-01-01T00:33:20Z");
    ck_assert(cJSON_IsNull(cJSON_GetObjectItem(cJSON_GetArrayItem(list, 1), "retired_at")));
    cJSON_Delete(keys);
    remove_all(db);
}
END_TEST

START_TEST(a_key_file_others_may_read_is_refused)
{
    char err[512] = "", path[512];
    struct lpd_signing_key key;
    struct lpd_db *db = db_with_key(&key, path, sizeof path);
    ck_assert_int_eq(chmod(path, 0644), 0);
    ck_assert(!lpd_signing_key_current(db, keys_dir, &key, err, sizeof err));
    ck_assert_ptr_nonnull(strstr(err, "chmod 600"));
    remove_all(db);
}
END_TEST

START_TEST(a_key_file_for_another_key_is_refused)
{
    char err[512] = "", path[512];
    struct lpd_signing_key key;
    struct lpd_db *db = db_with_key(&key, path, sizeof path);
    FILE *f = fopen(path, "w");
    ck_assert_ptr_nonnull(f);
    fputs("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\n", f);
    fclose(f);
    ck_assert(!lpd_signing_key_current(db, keys_dir, &key, err, sizeof err));
    ck_assert_ptr_nonnull(strstr(err, "does not match"));
    remove_all(db);
}
END_TEST

START_TEST(a_signed_file_verifies_over_the_exact_payload_bytes)
{
    char path[512];
    struct lpd_signing_key key;
    struct lpd_db *db = db_with_key(&key, path, sizeof path);
    cJSON *payload = cJSON_Parse("{\"license_id\":\"lic_1\",\"features\":[\"a\"]}");
    cJSON *file = lpd_license_file_sign(payload, &key);
    ck_assert_ptr_nonnull(file);
    unsigned char bytes[256], signature[crypto_sign_BYTES];
    size_t len = 0, sig_len = 0;
    ck_assert_int_eq(sodium_base642bin(bytes, sizeof bytes, cJSON_GetObjectItem(file, "payload")->valuestring,
                                       strlen(cJSON_GetObjectItem(file, "payload")->valuestring), NULL, &len, NULL,
                                       sodium_base64_VARIANT_URLSAFE_NO_PADDING),
                     0);
    ck_assert_int_eq(sodium_base642bin(signature, sizeof signature, cJSON_GetObjectItem(file, "signature")->valuestring,
                                       strlen(cJSON_GetObjectItem(file, "signature")->valuestring), NULL, &sig_len,
                                       NULL, sodium_base64_VARIANT_URLSAFE_NO_PADDING),
                     0);
    ck_assert_int_eq((int)sig_len, crypto_sign_BYTES);
    ck_assert_int_eq((int)len, (int)strlen("{\"license_id\":\"lic_1\",\"features\":[\"a\"]}"));
    ck_assert(memcmp(bytes, "{\"license_id\":\"lic_1\",\"features\":[\"a\"]}", len) == 0);
    unsigned char public_key[crypto_sign_PUBLICKEYBYTES];
    crypto_sign_ed25519_sk_to_pk(public_key, key.secret);
    ck_assert_int_eq(crypto_sign_verify_detached(signature, bytes, len, public_key), 0);
    bytes[3] ^= 1;
    ck_assert_int_ne(crypto_sign_verify_detached(signature, bytes, len, public_key), 0);
    ck_assert_str_eq(cJSON_GetObjectItem(file, "key_id")->valuestring, key.id);
    cJSON_Delete(payload);
    cJSON_Delete(file);
    remove_all(db);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("signing_key");
    TCase *tc = tcase_create("signing_key");
    tcase_add_test(tc, ensure_makes_one_private_key_and_only_once);
    tcase_add_test(tc, the_key_folder_is_the_option_else_beside_a_sqlite_file);
    tcase_add_test(tc, rotation_keeps_the_old_key_listed_as_retired);
    tcase_add_test(tc, a_key_file_others_may_read_is_refused);
    tcase_add_test(tc, a_key_file_for_another_key_is_refused);
    tcase_add_test(tc, a_signed_file_verifies_over_the_exact_payload_bytes);
    suite_add_tcase(s, tc);
    return lp_run_suite(s);
}
