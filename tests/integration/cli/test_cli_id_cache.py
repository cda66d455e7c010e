# The id files the shell completions read: written whole after each successful listing, never a secret.
import json
import os
import stat

from cli_support import CliTestCase


class IdCacheTest(CliTestCase):
    demo_users = 1

    def setUp(self):
        self.cli = self.logged_in_home("demo1@example.com")
        self.api = self.login("demo1@example.com")
        self.ids_dir = os.path.join(self.cli.cache_home, "licportal", "ids")

    def lines_of(self, kind):
        with open(os.path.join(self.ids_dir, kind), encoding="utf-8") as f:
            return f.read().splitlines()

    def assertCached(self, kind, path, describe):
        items, _ = self.api.list_all(path)
        self.assertTrue(items)
        lines = self.lines_of(kind)
        self.assertEqual([line.split("\t")[0] for line in lines], [i["id"] for i in items])
        for line, item in zip(lines, items):
            self.assertEqual(line, f"{item['id']}\t{describe(item)}")
        mode = stat.S_IMODE(os.stat(os.path.join(self.ids_dir, kind)).st_mode)
        self.assertEqual(mode, 0o600)

    def test_each_listing_writes_its_ids_with_a_description(self):
        for kind in ("licenses", "activations", "downloads"):
            self.assertExit(self.cli.run(kind), 0)
        self.assertCached("licenses", "/licenses", lambda i: i["product"]["name"])
        self.assertCached("activations", "/activations", lambda i: i["name"])
        self.assertCached("downloads", "/downloads", lambda i: i["product"]["name"])
        # Written whole: no temporary file is left next to them.
        self.assertEqual(sorted(os.listdir(self.ids_dir)),
                         ["activations", "downloads", "licenses"])

    def test_json_listing_writes_the_cache_too(self):
        res = self.cli.run("downloads", "--json")
        self.assertExit(res, 0)
        self.assertEqual([line.split("\t")[0] for line in self.lines_of("downloads")],
                         [d["id"] for d in json.loads(res.out)["items"]])

    def test_cache_holds_no_keys_or_tokens(self):
        self.assertExit(self.cli.run("licenses"), 0)
        self.assertExit(self.cli.run("activations"), 0)
        with open(self.cli.credentials_path, encoding="utf-8", errors="replace") as f:
            secrets = [w for w in f.read().replace('"', " ").split() if len(w) >= 20]
        for kind in ("licenses", "activations"):
            text = "\n".join(self.lines_of(kind))
            self.assertNotIn("XXXX", text, "a masked key in the id cache")
            for secret in secrets:
                self.assertNotIn(secret, text)

    def test_each_listing_replaces_the_file(self):
        os.makedirs(self.ids_dir)
        with open(os.path.join(self.ids_dir, "licenses"), "w") as f:
            f.write("lic_stale\told\n")
        self.assertExit(self.cli.run("licenses", "--limit", "2"), 0)
        lines = self.lines_of("licenses")
        self.assertEqual(len(lines), 2)
        self.assertNotIn("lic_stale\told", lines)

    def test_unwritable_cache_never_fails_the_command(self):
        blocker = os.path.join(self.cli.dir, "not-a-directory")
        with open(blocker, "w") as f:
            f.write("x")
        expected = self.cli.run("licenses")
        res = self.cli.run("licenses", env={"XDG_CACHE_HOME": blocker})
        self.assertExit(res, 0)
        self.assertEqual(res.err, "")
        self.assertEqual(res.out, expected.out)

    def test_failed_listing_leaves_the_cache_alone(self):
        home = self.home("file")
        self.assertExit(home.run("licenses"), 4)
        self.assertFalse(os.path.exists(os.path.join(home.cache_home, "licportal", "ids",
                                                     "licenses")))
