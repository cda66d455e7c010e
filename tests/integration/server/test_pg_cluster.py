# The throwaway PostgreSQL cluster of the postgresql suite: private, fresh databases, gone after stop.
import os
import pwd
import stat
import subprocess
import sys
import time
import unittest
from unittest import mock

import harness
import pg_cluster


class ClusterTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.cluster = pg_cluster.Cluster()
        cls.addClassCleanup(cls.cluster.stop)
        cls.cluster.start()

    def psql(self, uri, query):
        proc = subprocess.run(self.cluster.psql_command(uri) + ["--tuples-only", "--no-align", "--command", query],
                              capture_output=True, timeout=60, check=True)
        return proc.stdout.decode().strip()

    def test_only_its_owner_reaches_the_socket_and_no_tcp_address_is_open(self):
        expected = "nobody" if os.geteuid() == 0 else pwd.getpwuid(os.geteuid()).pw_name
        for path in (self.cluster.path, self.cluster.socket_dir):
            info = os.stat(path)
            self.assertEqual(stat.S_IMODE(info.st_mode), 0o700, path)
            self.assertEqual(pwd.getpwuid(info.st_uid).pw_name, expected, path)
        uri = self.cluster.create_database()
        self.assertEqual(self.psql(uri, "SHOW listen_addresses"), "")
        self.assertEqual(self.psql(uri, "SELECT current_setting('is_superuser')"), "on")

    def test_each_database_is_fresh(self):
        first, second = self.cluster.create_database(), self.cluster.create_database()
        self.assertNotEqual(first, second)
        self.assertTrue(first.startswith("postgresql:///"), first)
        self.psql(first, "CREATE TABLE marker (x int)")
        self.assertEqual(self.psql(second, "SELECT count(*) FROM pg_tables WHERE tablename = 'marker'"), "0")

    def test_stop_removes_the_cluster(self):
        other = pg_cluster.Cluster()
        other.start()
        other.stop()
        self.assertFalse(os.path.exists(other.path))

    def test_a_cluster_outlives_no_killed_test_process(self):
        code = ("import os, sys, time; sys.path.insert(0, sys.argv[1]); import pg_cluster; "
                "c = pg_cluster.Cluster(); c.start(); c.stop_when_gone(os.getpid()); "
                "print(c.path, flush=True); time.sleep(600)")
        child = subprocess.Popen([sys.executable, "-c", code, os.path.dirname(pg_cluster.__file__)],
                                 stdout=subprocess.PIPE)
        path = child.stdout.readline().decode().strip()
        self.assertTrue(os.path.isdir(path), path)
        child.kill()
        child.wait()
        child.stdout.close()
        deadline = time.monotonic() + 30
        while os.path.exists(path) and time.monotonic() < deadline:
            time.sleep(0.2)
        self.assertFalse(os.path.exists(path), "the cluster of a killed process is still there")

    def test_missing_binaries_are_one_clear_line(self):
        with mock.patch.dict(os.environ, {"LP_PG_BINDIR": "/nonexistent"}):
            with self.assertRaises(pg_cluster.ClusterError) as caught:
                pg_cluster.Cluster()
        message = str(caught.exception)
        self.assertNotIn("\n", message)
        self.assertIn("/nonexistent", message)
        self.assertIn("install the postgresql package", message)


class ParameterTest(unittest.TestCase):
    def test_parameters_become_literals_outside_quotes_only(self):
        self.assertEqual(harness.bind_parameters("SELECT ?, '?', \"a?\" WHERE x = ? AND y IS ?",
                                                 ("it's", 7, None)),
                         "SELECT 'it''s', '?', \"a?\" WHERE x = 7 AND y IS NULL")
        self.assertEqual(harness.bind_parameters("SELECT ?", (b"\x00\xff",)), "SELECT '\\x00ff'::bytea")

    def test_a_wrong_number_of_parameters_is_refused(self):
        with self.assertRaises(harness.HarnessError):
            harness.bind_parameters("SELECT ?, ?", (1,))
        with self.assertRaises(harness.HarnessError):
            harness.bind_parameters("SELECT ?", (1, 2))
        with self.assertRaises(harness.HarnessError):
            harness.bind_parameters("SELECT ?", (1, None))


class StoreSqlTest(harness.PortalTestCase):
    demo_users = 1

    def test_sql_reads_and_writes_the_servers_store_with_the_same_text(self):
        sql = self.portal.sql
        self.assertEqual(sql("SELECT email, license_count FROM users WHERE email = ?",
                             ("DEMO1@example.com",))[0][0], "demo1@example.com")
        sql("UPDATE users SET name = ? WHERE email = ?", ("O'Brien", "demo1@example.com"), write=True)
        self.assertEqual(self.login().get("/me").json["name"], "O'Brien")
        self.assertEqual(sql("SELECT COUNT(*), MAX(id) FROM users WHERE name = 'O''Brien'"), [(1, 1)])


if __name__ == "__main__":
    unittest.main()
