# import licenses --csv (one transaction, dry run, every bad line named, all or nothing) and export licenses --csv.
import csv
import io
import os
import re
import sys
import time

import harness
from admin_support import AdminTestCase, run

HEADER = ["email", "product", "key", "edition", "seats", "expires", "status", "allow_deactivation",
          "features", "renewal_options"]
USERS = [f"customer{i}@example.com" for i in range(1, 21)]
BULK_ROWS = 10_000
BULK_SECONDS = 10.0


def write_csv(path, rows, header=HEADER):
    with open(path, "w", newline="") as f:
        writer = csv.writer(f)  # RFC 4180 quoting, CRLF line ends
        if header is not None:
            writer.writerow(header)
        writer.writerows(rows)


def build_catalogue(portal):
    """The users (without passwords: no hashing) and products the files below name."""
    for email in USERS:
        proc = run(portal, "user", "add", "--email", email)
        if proc.returncode != 0:
            raise AssertionError(proc)
    portal.admin("product", "add", "--db", portal.db, "--id", "prd_orbit", "--name", "Orbit",
                 "--renewal", "1 year,12,99.00 EUR")
    portal.admin("product", "add", "--db", portal.db, "--id", "prd_quill", "--name", "Quill",
                 "--kind", "domain")


class LicenseCsvTest(AdminTestCase):
    demo_users = 0

    @classmethod
    def prepare(cls, portal):
        build_catalogue(portal)
        portal.add_user("reader@example.com")

    def path(self, name):
        return os.path.join(self.portal.dir, name)

    def count(self):
        return self.portal.sql("SELECT COUNT(*) FROM licenses")[0][0]

    def export_rows(self, portal=None):
        proc = run(portal or self.portal, "export", "licenses", "--csv")
        self.assertEqual(proc.returncode, 0, proc)
        self.assertTrue(proc.stdout.startswith(b"email,product,key,"), proc.stdout[:80])
        self.assertIn(b"\r\n", proc.stdout)
        return list(csv.reader(io.StringIO(proc.stdout.decode(), newline="")))

    def test_export_imports_again_as_it_was_with_quoting(self):
        rows = [
            ["reader@example.com", "prd_orbit", "ORBI-CSV1-0000-0001", 'Pro, "Max" edition', "5",
             "2031-01-31", "active", "no", "editor;export-pdf",
             "2 years,24,179.50 EUR;3 years,36,250 EUR"],
            ["reader@example.com", "prd_quill", "", "", "unlimited", "never", "pending", "yes", "",
             ""],
            ["customer1@example.com", "prd_quill", "QUIL-CSV1-0000-0002", "Cloud", "2",
             "2020-06-01T12:00:00Z", "suspended", "", "dashboards", "1 year,12,12000 JPY"],
        ]
        write_csv(self.path("three.csv"), rows)
        before = self.count()
        out = self.ok("import", "licenses", "--csv", self.path("three.csv"))
        self.assertEqual(out, "imported 3 licenses\n")
        self.assertEqual(self.count(), before + 3)
        exported = self.export_rows()
        self.assertEqual(exported[0], HEADER)
        mine = [r for r in exported[1:] if r[2] in ("ORBI-CSV1-0000-0001", "QUIL-CSV1-0000-0002")
                or (r[0] == "reader@example.com" and r[1] == "prd_quill")]
        self.assertEqual(mine[0], ["reader@example.com", "prd_orbit", "ORBI-CSV1-0000-0001",
                                   'Pro, "Max" edition', "5", "2031-01-31T23:59:59Z", "active", "no",
                                   "editor;export-pdf", "2 years,24,179.50 EUR;3 years,36,250.00 EUR"])
        self.assertRegex(mine[1][2], r"^QUIL-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$")
        self.assertEqual(mine[1][3:], ["", "unlimited", "never", "pending", "yes", "", ""])
        self.assertEqual(mine[2][5:], ["2020-06-01T12:00:00Z", "suspended", "yes", "dashboards",
                                       "1 year,12,12000 JPY"])
        # The API serves what the file said.
        api = self.login("reader@example.com", harness.ADDED_PASSWORD)
        items, _ = api.list_all("/licenses")
        orbit = next(x for x in items if x["product"]["id"] == "prd_orbit")
        detail = api.get(f"/licenses/{orbit['id']}").json
        self.assertEqual(detail["edition"], 'Pro, "Max" edition')
        self.assertEqual(detail["features"], ["editor", "export-pdf"])
        self.assertEqual([o["label"] for o in detail["renewal"]["options"]],
                         ["1 year", "2 years", "3 years"])
        # Round trip: the export imported into another portal exports the same.
        other = harness.Portal()
        self.addCleanup(other.cleanup)
        build_catalogue(other)
        run(other, "user", "add", "--email", "reader@example.com")
        export_path = self.path("export.csv")
        with open(export_path, "w", newline="") as f:
            csv.writer(f).writerows(exported)
        proc = run(other, "import", "licenses", "--csv", export_path)
        self.assertEqual(proc.returncode, 0, proc)
        self.assertEqual(self.export_rows(other), exported)

    def test_one_bad_row_writes_nothing_and_names_its_line(self):
        good = ["customer2@example.com", "prd_orbit", "", "", "1", "never", "", "", "", ""]
        rows = [good] * 5 + [["customer2@example.com", "prd_orbit", "", "", "many", "", "", "", "",
                              ""]] + [good] * 3
        write_csv(self.path("one-bad.csv"), rows)
        before = self.count()
        proc = self.admin("import", "licenses", "--csv", self.path("one-bad.csv"))
        self.assertEqual(proc.returncode, 1, proc)
        lines = proc.stderr.decode().splitlines()
        self.assertEqual(len(lines), 2, proc)
        self.assertTrue(lines[0].startswith(f"licportald: {self.path('one-bad.csv')}:7: seats"), lines)
        self.assertIn("nothing was imported", lines[1])
        self.assertEqual(proc.stdout, b"")
        self.assertEqual(self.count(), before)

    def test_every_bad_row_is_reported_by_line(self):
        path = self.path("many-bad.csv")
        with open(path, "w", newline="") as f:
            f.write(",".join(HEADER) + "\r\n")
            f.write("customer3@example.com,prd_orbit,,,,,,,,\r\n")                   # 2 good
            f.write("nobody@example.com,prd_orbit,,,,,,,,\r\n")                      # 3 no user
            f.write("customer3@example.com,prd_none,,,,,,,,\r\n")                    # 4 no product
            f.write('customer3@example.com,prd_orbit,,"Multi\r\nline",,,,,,\r\n')    # 5-6 control char
            f.write('customer3@example.com,prd_orbit,"unclosed,,,,,,,,\r\n')         # 7 ...
        proc = self.admin("import", "licenses", "--csv", path)
        self.assertEqual(proc.returncode, 1, proc)
        reported = [re.search(r"\.csv:(\d+): ", line).group(1)
                    for line in proc.stderr.decode().splitlines()[:-1]]
        self.assertEqual(reported, ["3", "4", "5", "7"], proc.stderr.decode())
        for text in ("no user with e-mail 'nobody@example.com'", "no product 'prd_none'",
                     "control characters", "not closed"):
            self.assertIn(text, proc.stderr.decode())

    def test_duplicate_keys_in_one_file_and_a_wrong_header_are_refused(self):
        row = ["customer4@example.com", "prd_orbit", "ORBI-DUPE-0000-0001", "", "", "", "", "", "", ""]
        write_csv(self.path("dupe.csv"), [row, row])
        before = self.count()
        proc = self.admin("import", "licenses", "--csv", self.path("dupe.csv"))
        self.assertEqual(proc.returncode, 1, proc)
        self.assertIn(":3: license key 'ORBI-DUPE-0000-0001' exists already", proc.stderr.decode())
        write_csv(self.path("header.csv"), [row], header=["mail"] + HEADER[1:])
        proc = self.admin("import", "licenses", "--csv", self.path("header.csv"))
        self.assertEqual(proc.returncode, 1, proc)
        self.assertIn(":1: the first line must be the header", proc.stderr.decode())
        self.assertEqual(self.count(), before)
        self.assertFails(self.admin("import", "licenses", "--csv", self.path("missing.csv")), 1,
                         "cannot read")
        self.assertFails(self.admin("import", "licenses"), 2, "--csv")

    def test_dry_run_checks_everything_and_writes_nothing(self):
        write_csv(self.path("dry.csv"), [["customer5@example.com", "prd_quill", "", "", "", "", "",
                                          "", "", ""]] * 4)
        before = self.count()
        out = self.ok("import", "licenses", "--csv", self.path("dry.csv"), "--dry-run")
        self.assertIn("4 licenses checked", out)
        self.assertEqual(self.count(), before)
        # '-' reads standard input.
        with open(self.path("dry.csv"), "rb") as f:
            out = self.ok("import", "licenses", "--csv", "-", "--dry-run", stdin=f.read())
        self.assertIn("4 licenses checked", out)
        self.assertEqual(self.count(), before)

    def test_ten_thousand_licenses_import_in_one_go(self):
        rows = []
        for i in range(BULK_ROWS):
            product = "prd_orbit" if i % 3 else "prd_quill"
            rows.append([USERS[i % len(USERS)], product, f"BULK-{i:05d}-0000-AAAA", "Team", str(1 + i % 5),
                         f"20{27 + i % 5}-0{1 + i % 9}-15", "active", "yes" if i % 2 else "no",
                         "sync;shared-folders" if i % 4 else "", "1 year,12,59.00 EUR" if i % 7 == 0 else ""])
        write_csv(self.path("bulk.csv"), rows)
        before = self.count()
        started = time.monotonic()
        proc = self.admin("import", "licenses", "--csv", self.path("bulk.csv"))
        elapsed = time.monotonic() - started
        self.assertEqual(proc.returncode, 0, proc)
        print(f"# import of {BULK_ROWS} licenses took {elapsed:.2f} s", file=sys.stderr)
        self.assertLess(elapsed, BULK_SECONDS)
        self.assertEqual(self.count(), before + BULK_ROWS)
        self.assertEqual(self.portal.sql(
            "SELECT license_count FROM users WHERE email = ?", (USERS[0],))[0][0],
            self.portal.sql("SELECT COUNT(*) FROM licenses l JOIN users u ON u.id = l.user_id "
                            "WHERE u.email = ?", (USERS[0],))[0][0])
