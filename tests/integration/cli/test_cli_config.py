# The configuration file as users write it: end-of-line comments, [keys] mistakes, unknown profiles.
import os

from cli_support import CliTestCase, harness

# Copied verbatim from README.md ("Configuration"); the test checks that the
# README still shows exactly this.
README_EXAMPLE = """[profile default]
server = https://portal.example.com
email = me@example.com
cacert = /etc/ssl/private-ca.pem      ; an extra CA, added to the system's
credential_store = auto               ; auto | keyring | file | none
read_only = false                     ; true: the terminal UI changes nothing
mouse = true                          ; false: the terminal keeps the mouse for selecting
download_dir = /srv/downloads         ; offered when the terminal UI saves a download
"""


class ConfigTest(CliTestCase):
    demo_users = 1

    def write_config(self, home, text):
        folder = os.path.join(home.config_home, "licportal")
        os.makedirs(folder, exist_ok=True)
        with open(os.path.join(folder, "config"), "w") as f:
            f.write(text)

    def test_the_readme_example_with_end_of_line_comments_parses(self):
        with open(os.path.join(harness.source_root(), "README.md"), encoding="utf-8") as f:
            self.assertIn("```ini\n" + README_EXAMPLE + "```", f.read())
        cli = self.logged_in_home()
        self.write_config(cli, README_EXAMPLE)
        # The flags name the test portal and its CA; the file's email is read (the
        # session stored is demo1's, so the profile's me@example.com is not logged in).
        res = cli.run("dashboard")
        self.assertExit(res, 4)
        self.assertIn("not logged in", self.assertOneLineError(res))

    def test_a_hash_inside_a_value_is_kept(self):
        cli = self.home()
        self.write_config(cli, "[profile default]\nserver = %s/#not-a-comment  # but this is\n"
                          % self.portal.origin)
        res = cli.run("status", server=False)
        self.assertIn("#not-a-comment", res.out + res.err)

    def test_an_unknown_profile_is_named_with_the_profiles_there_are(self):
        cli = self.home()
        self.write_config(cli, "[profile default]\nserver = https://portal.example.com\n\n"
                          "[profile work]\nserver = https://work.example.com\n")
        res = cli.run("--profile", "typo", "dashboard", server=False)
        self.assertExit(res, 2)
        line = self.assertOneLineError(res)
        self.assertIn('"typo"', line)
        self.assertIn("default, work", line)
        self.assertNotIn("no server is set", line)

    def keys_error(self, keys_section):
        """The one line the terminal UI stops with for this [keys] section (exit 2)."""
        cli = self.home()
        self.write_config(cli, "[keys]\n" + keys_section)
        res = cli.run()
        self.assertExit(res, 2)
        return self.assertOneLineError(res)

    def test_an_unknown_action_in_keys_is_an_error_naming_it(self):
        self.assertIn(':3: [keys] unknown action "refrsh"', self.keys_error("quit = x\nrefrsh = F5\n"))

    def test_one_key_for_two_actions_is_an_error_naming_both(self):
        line = self.keys_error("refresh = q\n")
        self.assertIn('key "q" is bound to both', line)
        self.assertIn("refresh", line)
        self.assertIn("quit", line)

    def test_an_unknown_key_name_is_an_error(self):
        self.assertIn('unknown key "F55"', self.keys_error("refresh = F55\n"))
