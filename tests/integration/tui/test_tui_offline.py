# End-to-end test of offline activation from the terminal UI: a machine request in, a signed license file out.
"""licportal in tmux against a real licportald, as in test_tui.py: a request made by
`licportal offline-request` (with a machine id the test chooses) is activated from a
license's detail; the license file lands beside the request, 0600, and verifies on the
"machine" with saved keys; the activation shows in the activations list and the dashboard's
KPI at once; an existing license file and a request used twice are refused in words."""

import os
import re
import shutil
import stat
import subprocess

import harness
from test_tui import TuiTestCase, kpis_on_screen

MACHINE_ID = "5d2e1f0a9b8c7d6e5f4a3b2c1d0e9f8a\n"


def needed_size(screen):
    """The terminal size the QR overlay asks for, as (columns, lines)."""
    match = re.search(r"Make the terminal at least (\d+)x(\d+)", screen)
    return (int(match.group(1)), int(match.group(2))) if match else None


class OfflineActivationTest(TuiTestCase):
    def licportal(self, *args, env=None):
        """The CLI, as on either side of the air gap, with a home of its own."""
        home = os.path.join(self.home, "cli")
        os.makedirs(home, exist_ok=True)
        full_env = {"HOME": home, "XDG_CONFIG_HOME": os.path.join(home, ".config"),
                    "XDG_STATE_HOME": os.path.join(home, ".state"),
                    "XDG_CACHE_HOME": os.path.join(home, ".cache"),
                    "LICPORTAL_SERVER": self.portal.origin, "LANG": "C.UTF-8",
                    "PATH": os.environ.get("PATH", "/usr/bin:/bin")}
        full_env.update(env or {})
        return subprocess.run([harness.required_binary("LICPORTAL"), "--cacert", self.portal.ca_file,
                               *args], env=full_env, capture_output=True, text=True,
                              timeout=60 * harness.slowdown())

    def free_license(self, api):
        for lic in api.list_all("/licenses", {"status": "active"})[0]:
            if lic["max_activations"] is None or lic["max_activations"] > lic["activations_in_use"]:
                return lic
        self.skipTest("no active license with a free seat")
        return None

    def offline_request(self, path):
        machine_id = os.path.join(self.home, "machine-id")
        with open(machine_id, "w", encoding="utf-8") as f:
            f.write(MACHINE_ID)
        res = self.licportal("offline-request", "--out", path,
                             env={"LICPORTAL_MACHINE_ID_FILE": machine_id})
        self.assertEqual(res.returncode, 0, res.stderr)
        return machine_id

    def activate_from_detail(self, t, license_id, request, open_it=True):
        """A, the request's path, Enter; from the license's detail, opened first unless it
        is shown already (opening it again would show it loading for a moment)."""
        if open_it:
            t.keys(":")
            t.text(f"open {license_id}")
            t.keys("Enter")
            t.wait_text("License key")
        t.keys("A")
        t.wait_text("Machine request file:")
        t.text(request)
        t.keys("Enter")

    def show_license_file_qr(self, t, size, block):
        """F: too small a terminal is told the size it needs; at that size the whole file
        shows as one QR code."""
        t.keys("F")
        screen = t.wait_text("Make the terminal at least")
        cols, lines = needed_size(screen)
        t.keys("x")
        t.resize(cols, lines)
        t.keys("F")
        label = f"The license file ({size} bytes), whole"
        t.wait_for(lambda s: label in s and s.count(block) > 500, "the QR code drawn whole")
        t.keys("x")
        t.resize(100, 30)
        t.wait_for(lambda s: "The license file (" not in s, "the QR code closed")
        return cols, lines

    def test_a_request_is_activated_from_the_license_detail_and_its_file_verifies(self):
        api = self.login()
        lic = self.free_license(api)
        before = api.list_all("/activations", {"license_id": lic["id"]})[0]
        airgap = os.path.join(self.home, "airgap")
        os.makedirs(airgap)
        request = os.path.join(airgap, "vault.json")
        machine_id = self.offline_request(request)

        t = self.start()
        self.log_in(t)
        kpi = kpis_on_screen(self.wait_dashboard(t))["activations_in_use"]
        self.activate_from_detail(t, lic["id"], request)
        license_path = os.path.join(airgap, "vault.license")
        screen = t.wait_text("license file written to")
        self.assertIn("Activated", screen)
        self.assertTrue(os.path.exists(license_path))
        self.assertEqual(stat.S_IMODE(os.stat(license_path).st_mode), 0o600)
        self.show_license_file_qr(t, os.path.getsize(license_path), "\u2588")  # full blocks

        # On the machine: no server, only keys saved on the connected host.
        keys = os.path.join(self.home, "keys.json")
        res = self.licportal("verify", "--save-keys", keys)
        self.assertEqual(res.returncode, 0, res.stderr)
        res = self.licportal("verify", license_path, "--keys", keys,
                             env={"LICPORTAL_MACHINE_ID_FILE": machine_id})
        self.assertEqual(res.returncode, 0, res.stdout + res.stderr)
        self.assertTrue(res.stdout.startswith("Valid: "), res.stdout)

        # Counted at once: the dashboard's KPI and the license's activations.
        after = api.list_all("/activations", {"license_id": lic["id"]})[0]
        self.assertEqual(len(after), len(before) + 1)
        t.keys("1")
        t.wait_for(lambda s: kpis_on_screen(s).get("activations_in_use") == kpi + 1,
                   f"the activations KPI at {kpi + 1}")
        t.keys(":")
        t.text(f"open {lic['id']}")
        t.keys("Enter")
        t.wait_text("License key")
        t.keys("a")
        t.wait_text(f"Activations ({len(after)})")

        # The license file beside the request is never replaced, and a request is used once.
        self.activate_from_detail(t, lic["id"], request)
        t.wait_text("exists already")
        copy = os.path.join(airgap, "copy.json")
        shutil.copyfile(request, copy)
        self.activate_from_detail(t, lic["id"], copy, open_it=False)
        t.wait_text("was used before")
        self.assertFalse(os.path.exists(os.path.join(airgap, "copy.license")))
        t.keys("M")
        screen = t.wait_text("Messages (")
        self.assertIn("exists already", screen)
        self.assertIn("license file written to", screen)
        t.keys("Escape")
        self.assertEqual(len(api.list_all("/activations", {"license_id": lic["id"]})[0]),
                         len(after))
        self.quit_and_check_terminal(t)

    def test_read_only_refuses_offline_activation(self):
        api = self.login()
        lic = self.free_license(api)
        t = self.start(args=("--credential-store", "none", "--read-only"))
        self.log_in(t)
        self.wait_dashboard(t)
        t.keys(":")
        t.text(f"open {lic['id']}")
        t.keys("Enter")
        t.wait_text("License key")
        t.keys("A")
        t.wait_text("Read-only")
        self.assertNotIn("Machine request file:", t.screen())
        self.quit_and_check_terminal(t)

    def test_an_unreadable_request_is_said_in_one_line(self):
        api = self.login()
        lic = self.free_license(api)
        missing = os.path.join(self.home, "nowhere.json")
        bad = os.path.join(self.home, "bad.json")
        with open(bad, "w", encoding="utf-8") as f:
            f.write("this is not json")
        t = self.start()
        self.log_in(t)
        self.wait_dashboard(t)
        self.activate_from_detail(t, lic["id"], missing)
        t.wait_text("does not exist")
        self.activate_from_detail(t, lic["id"], bad, open_it=False)
        t.wait_text("is not a machine request")
        self.quit_and_check_terminal(t)

    def test_without_utf8_the_license_file_qr_code_is_ascii(self):
        api = self.login()
        lic = self.free_license(api)
        request = os.path.join(self.home, "ascii.json")
        self.offline_request(request)
        t = self.start(term="screen", extra_env={"LANG": "C", "LC_ALL": "C"})
        self.log_in(t)
        self.wait_dashboard(t)
        self.activate_from_detail(t, lic["id"], request)
        t.wait_text("license file written to")
        license_path = os.path.join(self.home, "ascii.license")
        t.keys("F")
        cols, lines = needed_size(t.wait_text("Make the terminal at least"))
        t.keys("x")
        t.resize(cols, lines)
        t.keys("F")
        t.wait_text(f"The license file ({os.path.getsize(license_path)} bytes), whole")
        # Modules are drawn in reverse video, once the frame is whole.
        t.wait_for(lambda s: s.count("\n") >= lines - 1 and "\x1b[7m" in t.screen(escapes=True),
                   "the QR code in reverse video")
        raw = t.tmux("capture-pane", "-p", "-e").encode("utf-8", "surrogateescape")
        self.assertEqual([b for b in raw if b > 0x7F], [], "bytes above 0x7F")
        t.keys("x")
        self.quit_and_check_terminal(t)
