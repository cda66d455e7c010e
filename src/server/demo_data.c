/* Demo data generation. The first licenses of every user cover each edge case the client
 * must show (every status, expiry at the 30-day edge, unlimited seats, locked deactivation);
 * the rest are drawn from a seeded generator. */
#include "server/demo_data.h"

#include <errno.h>
#include <inttypes.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "server/kpi.h"
#include "server/license_key.h"
#include "server/password.h"
#include "server/schema.h"

#define DAY LP_SECONDS_PER_DAY

struct product {
    const char *id;
    const char *name;
    const char *kind;
    const char *key_prefix;
    const char *slug;
    const char *editions[3];
    const char *features[3];
};

/* A table, laid out by hand. */
/* clang-format off */
static const struct product products[] = {
    {"prd_atlas", "Atlas Studio", "device", "ATLS", "atlas-studio", {"Standard", "Professional", "Enterprise"},
     {"[\"editor\",\"export-pdf\"]", "[\"editor\",\"export-pdf\",\"collaboration\",\"plugins\"]",
      "[\"editor\",\"export-pdf\",\"collaboration\",\"plugins\",\"sso\",\"audit-trail\"]"}},
    {"prd_beacon", "Beacon Server", "domain", "BCSV", "beacon-server", {"Starter", "Business", NULL},
     {"[\"monitoring\"]", "[\"monitoring\",\"alerting\",\"status-page\"]", NULL}},
    {"prd_cobalt", "Cobalt CLI", "device", "CBLT", "cobalt-cli", {NULL, NULL, NULL},
     {"[\"cli\",\"scripting\"]", NULL, NULL}},
    {"prd_driftwood", "Driftwood Sync", "device", "DRFT", "driftwood-sync", {"Personal", "Team", NULL},
     {"[\"sync\"]", "[\"sync\",\"shared-folders\",\"admin-console\"]", NULL}},
    {"prd_ember", "Ember Analytics", "domain", "EMBR", "ember-analytics", {"Cloud", "On-Premises", NULL},
     {"[\"dashboards\",\"reports\"]", "[\"dashboards\",\"reports\",\"data-residency\"]", NULL}},
};
/* clang-format on */
#define PRODUCT_COUNT (sizeof products / sizeof products[0])

struct renewal {
    const char *product_id;
    const char *label;
    int term_months;
    int64_t amount_minor;
    const char *currency;
};

static const struct renewal renewals[] = {
    {"prd_atlas", "1 year", 12, 9900, "EUR"},           {"prd_atlas", "3 years", 36, 26900, "EUR"},
    {"prd_beacon", "1 year", 12, 49900, "USD"},         {"prd_beacon", "2 years", 24, 89900, "USD"},
    {"prd_cobalt", "1 year", 12, 2900, "GBP"},          {"prd_driftwood", "1 year", 12, 5900, "EUR"},
    {"prd_driftwood", "1 year (USD)", 12, 6400, "USD"}, {"prd_ember", "1 year", 12, 120000, "JPY"},
    {"prd_ember", "1 year (CHF)", 12, 89000, "CHF"},
};

struct release {
    const char *version;
    const char *channel;
    const char *platform;
    const char *arch;
    const char *extension;
    int age_days;
};

static const struct release release_plan[] = {
    {"2.5.0-beta.1", "beta", "linux", "x86_64", "tar.gz", 3},
    {"2.5.0-beta.1", "beta", "windows", "x86_64", "zip", 3},
    {"2.4.1", "stable", "linux", "x86_64", "tar.gz", 20},
    {"2.4.1", "stable", "linux", "aarch64", "tar.gz", 20},
    {"2.4.1", "stable", "windows", "x86_64", "msi", 20},
    {"2.4.1", "stable", "macos", "aarch64", "dmg", 20},
    {"2.4.1", "stable", "any", "any", "zip", 20},
    {"2.4.0", "stable", "linux", "x86_64", "tar.gz", 75},
    {"2.4.0", "stable", "windows", "x86_64", "msi", 75},
    {"2.4.0", "stable", "macos", "x86_64", "dmg", 75},
};

/* splitmix64: small, fast and the same on every platform. */
static uint64_t next_random(uint64_t *state)
{
    uint64_t z = (*state += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

static int64_t random_between(uint64_t *state, int64_t low, int64_t high)
{
    return low + (int64_t)(next_random(state) % (uint64_t)(high - low + 1));
}

static bool step_done(struct lpd_db *db, struct lpd_stmt *st, char *err, size_t err_size)
{
    int rc = lpd_step(st);
    lpd_stmt_reset(st);
    if (rc != LPD_DONE) {
        snprintf(err, err_size, "database error: %s", lpd_db_errmsg(db));
        return false;
    }
    return true;
}

/* Steps an INSERT ... RETURNING id and resets it: the new row's id, or 0
 * with a message in `err`. */
static int64_t step_inserted_id(struct lpd_db *db, struct lpd_stmt *st, char *err, size_t err_size)
{
    int64_t id = lpd_step(st) == LPD_ROW ? lpd_col_int(st, 0, 0) : 0;
    lpd_stmt_reset(st);
    if (id == 0)
        snprintf(err, err_size, "database error: %s", lpd_db_errmsg(db));
    return id;
}

static bool make_dir(const char *path, char *err, size_t err_size)
{
    if (mkdir(path, 0755) != 0 && errno != EEXIST) {
        snprintf(err, err_size, "cannot create %s: %s", path, strerror(errno));
        return false;
    }
    return true;
}

/* Writes a release file of pseudo-random bytes and returns its SHA-256. */
static bool write_release_file(const char *path, uint64_t seed, size_t size, char sha_hex[65], char *err,
                               size_t err_size)
{
    FILE *f = fopen(path, "wb");
    if (f == NULL) {
        snprintf(err, err_size, "cannot write %s: %s", path, strerror(errno));
        return false;
    }
    crypto_hash_sha256_state hash;
    crypto_hash_sha256_init(&hash);
    unsigned char block[4096];
    size_t written = 0;
    while (written < size) {
        size_t n = size - written < sizeof block ? size - written : sizeof block;
        for (size_t i = 0; i < n; i += 8) {
            uint64_t r = next_random(&seed);
            memcpy(block + i, &r, n - i < 8 ? n - i : 8);
        }
        crypto_hash_sha256_update(&hash, block, n);
        if (fwrite(block, 1, n, f) != n) {
            fclose(f);
            snprintf(err, err_size, "cannot write %s: %s", path, strerror(errno));
            return false;
        }
        written += n;
    }
    if (fclose(f) != 0) {
        snprintf(err, err_size, "cannot write %s: %s", path, strerror(errno));
        return false;
    }
    unsigned char digest[32];
    crypto_hash_sha256_final(&hash, digest);
    sodium_bin2hex(sha_hex, 65, digest, sizeof digest);
    return true;
}

static bool add_catalogue(struct lpd_db *db, const struct lpd_demo_options *o, char *err, size_t err_size)
{
    static const char *const insert_product =
        "INSERT INTO products(id, name, activation_kind) VALUES (:id, :name, :kind) ON CONFLICT DO NOTHING";
    static const char *const insert_renewal = "INSERT INTO renewal_options(product_id, label, term_months, "
                                              "amount_minor, currency) VALUES (:product, :label, :term, :amount, :cur)";
    static const char *const insert_release =
        "INSERT INTO releases(product_id, version, channel, platform, arch, filename, path, size_bytes, sha256, "
        "released_at, release_notes) VALUES (:product, :version, :channel, :platform, :arch, :filename, :path, "
        ":size, :sha, :released, :notes)";
    if (!make_dir(o->files_dir, err, err_size))
        return false;
    for (size_t p = 0; p < PRODUCT_COUNT; p++) {
        const struct product *product = &products[p];
        struct lpd_stmt *st = lpd_db_stmt(db, insert_product);
        if (st == NULL)
            return false;
        lpd_bind_text(st, ":id", product->id);
        lpd_bind_text(st, ":name", product->name);
        lpd_bind_text(st, ":kind", product->kind);
        if (!step_done(db, st, err, err_size))
            return false;
        bool is_new = lpd_db_changes(db) > 0;

        char dir[4096];
        snprintf(dir, sizeof dir, "%s/%s", o->files_dir, product->slug);
        if (!make_dir(dir, err, err_size))
            return false;
        for (size_t r = 0; r < sizeof release_plan / sizeof release_plan[0]; r++) {
            const struct release *rel = &release_plan[r];
            char filename[256], relative[512], path[4608], sha[65];
            snprintf(filename, sizeof filename, "%s-%s-%s-%s.%s", product->slug, rel->version, rel->platform, rel->arch,
                     rel->extension);
            snprintf(relative, sizeof relative, "%s/%s", product->slug, filename);
            snprintf(path, sizeof path, "%s/%s", o->files_dir, relative);
            /* File contents depend on the catalogue only, so rerunning the
             * demo into another --files DIR reproduces the same bytes. */
            uint64_t file_seed = (uint64_t)(p * 131 + r * 7 + 1);
            size_t size = (size_t)(16384 + (next_random(&file_seed) % (240 * 1024)));
            if (!write_release_file(path, file_seed, size, sha, err, err_size))
                return false;
            if (!is_new)
                continue;
            st = lpd_db_stmt(db, insert_release);
            if (st == NULL)
                return false;
            char notes[256];
            snprintf(notes, sizeof notes, "%s %s: %s", product->name, rel->version,
                     strcmp(rel->channel, "beta") == 0 ? "preview of the next release; not for production"
                                                       : "bug fixes and performance improvements");
            lpd_bind_text(st, ":product", product->id);
            lpd_bind_text(st, ":version", rel->version);
            lpd_bind_text(st, ":channel", rel->channel);
            lpd_bind_text(st, ":platform", rel->platform);
            lpd_bind_text(st, ":arch", rel->arch);
            lpd_bind_text(st, ":filename", filename);
            lpd_bind_text(st, ":path", relative);
            lpd_bind_int(st, ":size", (int64_t)size);
            lpd_bind_text(st, ":sha", sha);
            /* Older products' releases are a little older, so dates differ. */
            lpd_bind_int(st, ":released", o->now - (int64_t)rel->age_days * DAY - (int64_t)p * 3600);
            lpd_bind_text(st, ":notes", strcmp(rel->platform, "any") == 0 ? NULL : notes);
            if (!step_done(db, st, err, err_size))
                return false;
        }
        if (!is_new)
            continue;
        for (size_t i = 0; i < sizeof renewals / sizeof renewals[0]; i++) {
            if (strcmp(renewals[i].product_id, product->id) != 0)
                continue;
            st = lpd_db_stmt(db, insert_renewal);
            if (st == NULL)
                return false;
            lpd_bind_text(st, ":product", product->id);
            lpd_bind_text(st, ":label", renewals[i].label);
            lpd_bind_int(st, ":term", renewals[i].term_months);
            lpd_bind_int(st, ":amount", renewals[i].amount_minor);
            lpd_bind_text(st, ":cur", renewals[i].currency);
            if (!step_done(db, st, err, err_size))
                return false;
        }
    }
    return true;
}

/* One license to write. LP_TIME_NONE expiry means perpetual; cap 0 means unlimited. */
struct license_plan {
    size_t product;
    int edition;
    const char *status;
    lp_time expires_at;
    int cap;
    int activations;
    bool allow_deactivation;
};

/* The fixed cases every demo user starts with, in this order. */
static struct license_plan edge_case(size_t index, lp_time now)
{
    static const struct {
        size_t product;
        int edition;
        const char *status;
        int64_t expires_offset; /* seconds from now; INT64_MIN: perpetual */
        int cap;
        int activations;
        bool allow_deactivation;
    } cases[] = {
        {0, 1, "active", 10 * DAY, 3, 2, true},      /* expiring soon */
        {0, 2, "active", 30 * DAY, 5, 1, true},      /* exactly at the 30-day edge */
        {1, 1, "active", 30 * DAY + 1, 3, 2, false}, /* one second past the edge */
        {2, 0, "active", INT64_MIN, 0, 3, true},     /* perpetual, unlimited seats */
        {3, 1, "expired", -40 * DAY, 10, 1, true},   /* expired */
        {4, 0, "suspended", 200 * DAY, 2, 1, true},  /* suspended */
        {0, 0, "revoked", 100 * DAY, 1, 0, true},    /* revoked */
        {1, 0, "pending", INT64_MIN, 3, 0, true},    /* pending */
        {3, 0, "active", -2 * DAY, 2, 1, true},      /* active but lapsed: reads expired */
        {4, 1, "active", 400 * DAY, 5, 2, false},    /* long-running, locked seats */
        {2, 0, "active", 0, 1, 1, true},             /* expires exactly now */
    };
    struct license_plan plan = {0};
    if (index >= sizeof cases / sizeof cases[0])
        return plan;
    plan.product = cases[index].product;
    plan.edition = cases[index].edition;
    plan.status = cases[index].status;
    plan.expires_at = cases[index].expires_offset == INT64_MIN ? LP_TIME_NONE : now + cases[index].expires_offset;
    plan.cap = cases[index].cap;
    plan.activations = cases[index].activations;
    plan.allow_deactivation = cases[index].allow_deactivation;
    return plan;
}
#define EDGE_CASES 11

static int edition_count(const struct product *p)
{
    int n = 0;
    while (n < 3 && p->editions[n] != NULL)
        n++;
    return n;
}

static struct license_plan random_plan(uint64_t *rng, lp_time now)
{
    static const int caps[] = {1, 2, 3, 5, 10, 25};
    struct license_plan plan = {0};
    plan.product = (size_t)(next_random(rng) % PRODUCT_COUNT);
    int editions = edition_count(&products[plan.product]);
    plan.edition = editions == 0 ? 0 : (int)(next_random(rng) % (uint64_t)editions);
    int roll = (int)random_between(rng, 0, 99);
    plan.status = roll < 70   ? "active"
                  : roll < 82 ? "expired"
                  : roll < 88 ? "suspended"
                  : roll < 94 ? "revoked"
                              : "pending";
    int when = (int)random_between(rng, 0, 99);
    if (strcmp(plan.status, "active") == 0) {
        if (when < 15)
            plan.expires_at = LP_TIME_NONE;
        else if (when < 25)
            plan.expires_at = now + random_between(rng, 0, 30 * DAY);
        else if (when < 28)
            plan.expires_at = now - random_between(rng, 1, 60 * DAY);
        else
            plan.expires_at = now + random_between(rng, 31 * DAY, 3 * 365 * DAY);
    } else if (strcmp(plan.status, "expired") == 0) {
        plan.expires_at = now - random_between(rng, DAY, 2 * 365 * DAY);
    } else {
        plan.expires_at = when < 30 ? LP_TIME_NONE : now + random_between(rng, -90 * DAY, 2 * 365 * DAY);
    }
    plan.cap = random_between(rng, 0, 99) < 25 ? 0 : caps[next_random(rng) % (sizeof caps / sizeof caps[0])];
    bool in_use = strcmp(plan.status, "revoked") != 0 && strcmp(plan.status, "pending") != 0;
    int most = plan.cap == 0 ? 4 : plan.cap < 3 ? plan.cap : 3;
    plan.activations = in_use ? (int)random_between(rng, 0, most) : 0;
    plan.allow_deactivation = random_between(rng, 0, 99) < 85;
    return plan;
}

static void make_key(uint64_t *rng, const char *prefix, char out[LP_LICENSE_KEY_LEN])
{
    uint64_t draws[LP_LICENSE_KEY_DRAWS];
    for (int i = 0; i < LP_LICENSE_KEY_DRAWS; i++)
        draws[i] = next_random(rng);
    lpd_license_key_format(prefix, draws, out);
}

static bool add_activations(struct lpd_db *db, uint64_t *rng, int64_t user_id, int64_t license_id,
                            const struct product *product, const struct license_plan *plan, lp_time added_at,
                            lp_time now, char *err, size_t err_size)
{
    static const char *const insert_activation =
        "INSERT INTO activations(license_id, user_id, kind, name, fingerprint, platform, ip, activated_at, "
        "last_seen_at) VALUES (:license, :user, :kind, :name, :fp, :platform, :ip, :at, :seen)";
    static const char *const platforms[] = {"linux-x86_64", "linux-aarch64", "windows-x86_64", "macos-aarch64"};
    static const char *const hosts[] = {"build-server", "laptop", "workstation", "ci-runner", "studio-mac"};
    static const char *const sites[] = {"shop", "status", "intranet", "api", "www"};
    bool domain = strcmp(product->kind, "domain") == 0;
    for (int a = 0; a < plan->activations; a++) {
        struct lpd_stmt *st = lpd_db_stmt(db, insert_activation);
        if (st == NULL)
            return false;
        char name[96], fingerprint[48], ip[32];
        uint64_t tag = next_random(rng);
        if (domain)
            snprintf(name, sizeof name, "%s%u.customer%" PRId64 ".example.com", sites[tag % 5],
                     (unsigned)(tag >> 8) % 100, user_id);
        else
            snprintf(name, sizeof name, "%s-%04x", hosts[tag % 5], (unsigned)(tag >> 16) & 0xffff);
        snprintf(fingerprint, sizeof fingerprint, "fp:%016" PRIx64, next_random(rng));
        snprintf(ip, sizeof ip, "203.0.113.%u", (unsigned)(tag >> 40) % 254 + 1);
        lp_time activated = added_at + random_between(rng, 0, now > added_at ? now - added_at : 0);
        lpd_bind_int(st, ":license", license_id);
        lpd_bind_int(st, ":user", user_id);
        lpd_bind_text(st, ":kind", product->kind);
        lpd_bind_text(st, ":name", name);
        lpd_bind_text(st, ":fp", fingerprint);
        lpd_bind_text(st, ":platform", domain ? NULL : platforms[(tag >> 24) % 4]);
        lpd_bind_text(st, ":ip", (tag & 16) ? ip : NULL);
        lpd_bind_int(st, ":at", activated);
        if ((tag & 3) != 0)
            lpd_bind_int(st, ":seen", activated + random_between(rng, 0, now > activated ? now - activated : 0));
        if (!step_done(db, st, err, err_size))
            return false;
    }
    return true;
}

static bool add_user(struct lpd_db *db, const struct lpd_demo_options *o, long index, const char *hash, char *err,
                     size_t err_size)
{
    static const char *const insert_user = "INSERT INTO users(email, name, organization, password_hash, created_at) "
                                           "VALUES (:email, :name, :org, :hash, :now) RETURNING id";
    static const char *const insert_license =
        "INSERT INTO licenses(user_id, product_id, product_name, edition, license_key, status, added_at, "
        "expires_at, expires_key, max_activations, activations_in_use, allow_deactivation, features) VALUES (:user, "
        ":product, :product_name, :edition, :key, :status, :added, :expires, :expires_key, :cap, :in_use, :allow, "
        ":features) RETURNING id";
    static const char *const set_counters =
        "UPDATE users SET license_count = :licenses, active_stored_count = :active, "
        "activation_count = :activations, kpi_version = kpi_version + 1 WHERE id = :user";
    static const char *const organizations[] = {"Northwind Traders", "Contoso Ltd", NULL, "Fabrikam GmbH"};
    char email[64], name[64];
    snprintf(email, sizeof email, "demo%ld@example.com", index);
    snprintf(name, sizeof name, "Demo User %ld", index);
    struct lpd_stmt *st = lpd_db_stmt(db, insert_user);
    if (st == NULL)
        return false;
    lpd_bind_text(st, ":email", email);
    lpd_bind_text(st, ":name", name);
    lpd_bind_text(st, ":org", organizations[index % 4]);
    lpd_bind_text(st, ":hash", hash);
    lpd_bind_int(st, ":now", o->now);
    int64_t user_id = step_inserted_id(db, st, err, err_size);
    if (user_id == 0 && lpd_db_failed_constraint(db))
        snprintf(err, err_size, "user %s already exists: use a fresh database for the demo", email);
    if (user_id == 0)
        return false;

    uint64_t rng = o->seed * 0x100000001B3ULL + (uint64_t)index;
    int64_t active_stored = 0, activations = 0;
    for (long i = 0; i < o->licenses_per_user; i++) {
        struct license_plan plan = i < EDGE_CASES ? edge_case((size_t)i, o->now) : random_plan(&rng, o->now);
        const struct product *product = &products[plan.product];
        /* The edge cases are the newest, so they lead the dashboard. */
        lp_time added = i < EDGE_CASES ? o->now - (i + 1) * 3 * DAY - 3600
                                       : o->now - random_between(&rng, 40 * DAY, 4 * 365 * DAY);
        char key[LP_LICENSE_KEY_LEN];
        make_key(&rng, product->key_prefix, key);
        st = lpd_db_stmt(db, insert_license);
        if (st == NULL)
            return false;
        lpd_bind_int(st, ":user", user_id);
        lpd_bind_text(st, ":product", product->id);
        lpd_bind_text(st, ":product_name", product->name);
        lpd_bind_text(st, ":edition", product->editions[plan.edition]);
        lpd_bind_text(st, ":key", key);
        lpd_bind_text(st, ":status", plan.status);
        lpd_bind_int(st, ":added", added);
        if (plan.expires_at != LP_TIME_NONE)
            lpd_bind_int(st, ":expires", plan.expires_at);
        lpd_bind_int(st, ":expires_key", plan.expires_at == LP_TIME_NONE ? INT64_MAX : plan.expires_at);
        if (plan.cap > 0)
            lpd_bind_int(st, ":cap", plan.cap);
        lpd_bind_int(st, ":in_use", plan.activations);
        lpd_bind_int(st, ":allow", plan.allow_deactivation);
        const char *features = product->features[plan.edition] ? product->features[plan.edition] : "[]";
        lpd_bind_text(st, ":features", features);
        int64_t license_id = step_inserted_id(db, st, err, err_size);
        if (license_id == 0)
            return false;
        if (!add_activations(db, &rng, user_id, license_id, product, &plan, added, o->now, err, err_size))
            return false;
        active_stored += strcmp(plan.status, "active") == 0;
        activations += plan.activations;
    }
    st = lpd_db_stmt(db, set_counters);
    if (st == NULL)
        return false;
    lpd_bind_int(st, ":licenses", o->licenses_per_user);
    lpd_bind_int(st, ":active", active_stored);
    lpd_bind_int(st, ":activations", activations);
    lpd_bind_int(st, ":user", user_id);
    return step_done(db, st, err, err_size);
}

/* The secondary indexes of the bulk-loaded tables, as CREATE statements. */
struct index_set {
    char *sql[32];
    size_t count;
};

static void index_set_clear(struct index_set *set)
{
    for (size_t i = 0; i < set->count; i++)
        free(set->sql[i]);
    set->count = 0;
}

/* Drops the indexes of licenses and activations, remembering them: building
 * an index once over sorted data is much cheaper than updating it per row. */
static bool drop_indexes(struct lpd_db *db, struct index_set *set, char *err, size_t err_size)
{
    /* Indexes that back a constraint stay: they are not theirs to drop. */
    static const char *const sqlite_list = "SELECT name, sql FROM sqlite_master WHERE type = 'index' "
                                           "AND sql IS NOT NULL AND tbl_name IN ('licenses', 'activations')";
    static const char *const postgres_list =
        "SELECT i.relname, pg_get_indexdef(i.oid) FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid "
        "JOIN pg_class t ON t.oid = x.indrelid WHERE t.relname IN ('licenses', 'activations') "
        "AND pg_table_is_visible(t.oid) AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.oid)";
    struct lpd_stmt *st = lpd_db_prepare(db, lpd_db_dialect(db) == LPD_DIALECT_POSTGRES ? postgres_list : sqlite_list);
    if (st == NULL) {
        snprintf(err, err_size, "database error: %s", lpd_db_errmsg(db));
        return false;
    }
    char names[32][64];
    while (lpd_step(st) == LPD_ROW && set->count < 32) {
        snprintf(names[set->count], sizeof names[0], "%s", lpd_col_text(st, 0));
        set->sql[set->count++] = strdup(lpd_col_text(st, 1));
    }
    lpd_stmt_free(st);
    for (size_t i = 0; i < set->count; i++) {
        /* The names are the schema's own: plain identifiers. */
        char drop[96];
        snprintf(drop, sizeof drop, "DROP INDEX \"%s\"", names[i]);
        if (!lpd_db_exec(db, drop, err, err_size))
            return false;
    }
    return true;
}

static bool restore_indexes(struct lpd_db *db, const struct index_set *set, char *err, size_t err_size)
{
    for (size_t i = 0; i < set->count; i++) {
        if (set->sql[i] == NULL || !lpd_db_exec(db, set->sql[i], err, err_size))
            return false;
    }
    return true;
}

bool lpd_demo_generate(struct lpd_db *db, const struct lpd_demo_options *o, char *err, size_t err_size)
{
    char hash[LP_PASSWORD_HASH_LEN];
    /* argon2id is deliberately slow: one hash serves every demo user. */
    if (!lpd_password_hash(o->password, hash)) {
        snprintf(err, err_size, "cannot hash the password (out of memory)");
        return false;
    }
    /* The whole data set is one transaction: keep its pages in memory
     * instead of spilling them to the WAL while it grows, and keep the
     * statement journals that the counting triggers need off the disk. */
    bool sqlite = lpd_db_dialect(db) == LPD_DIALECT_SQLITE;
    if ((sqlite && !lpd_db_exec(db, "PRAGMA cache_size = -524288; PRAGMA temp_store = MEMORY", err, err_size)) ||
        !lpd_db_begin_write(db, err, err_size))
        return false;
    /* Per-row counting triggers would double the work of a 100,000-license
     * load; the generator knows the counts and writes them itself. */
    struct index_set indexes = {0};
    bool ok = lpd_schema_suspend_counters(db, err, err_size) && drop_indexes(db, &indexes, err, err_size) &&
              add_catalogue(db, o, err, err_size);
    for (long u = 1; ok && u <= o->users; u++)
        ok = add_user(db, o, u, hash, err, err_size);
    if (ok)
        ok = restore_indexes(db, &indexes, err, err_size) && lpd_schema_resume_counters(db, err, err_size);
    index_set_clear(&indexes);
    if (ok)
        ok = lpd_db_commit(db, err, err_size);
    if (!ok) {
        if (err[0] == '\0')
            snprintf(err, err_size, "database error: %s", lpd_db_errmsg(db));
        lpd_db_rollback(db);
    }
    return ok;
}
