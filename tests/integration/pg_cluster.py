# A throwaway PostgreSQL cluster for tests and benchmarks, reachable only on a private Unix socket.
"""Starts a PostgreSQL cluster with Debian's server binaries in a directory of its own.

    cluster = pg_cluster.Cluster()          # a new temporary directory
    cluster.start()
    uri = cluster.create_database()         # a fresh database: postgresql:///NAME?host=...&user=...
    cluster.stop()                          # stops the server and removes the directory

The cluster trusts every connection (initdb --auth=trust), but listens on no
TCP address (listen_addresses = '') and keeps its socket in a 0700 directory,
so only its owner (and root) can connect. PostgreSQL refuses to run as root:
when this process is root, initdb, pg_ctl and postgres run as `nobody` and
the directory is handed to that user.

Binaries come from `pg_config --bindir`, else the newest /usr/lib/postgresql/*/bin,
else LP_PG_BINDIR when set (which wins over both).

Command line (for the benchmark and the build):
    python3 pg_cluster.py bindir            # prints the folder of the server binaries
    python3 pg_cluster.py start DIR         # prints the URI of a fresh database
    python3 pg_cluster.py database DIR      # another fresh database in the running cluster
    python3 pg_cluster.py stop DIR          # stops the cluster and removes DIR
    python3 pg_cluster.py watch PID DIR     # waits for process PID to end, then stops DIR
"""

import glob
import grp
import itertools
import os
import pwd
import re
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.parse

SUPERUSER = "postgres"
UNPRIVILEGED_USER = "nobody"
UNPRIVILEGED_GROUP = "nogroup"
START_TIMEOUT = 60
# Room for the temporary folder in a socket path: 107 bytes less this module's
# folder name (licportal-pg-XXXXXXXX), /socket and /.s.PGSQL.5432.
SOCKET_PATH_ROOM = 60
# Throwaway data: durability costs time and buys nothing.
SETTINGS = {
    "listen_addresses": "''",
    "max_connections": "300",
    "shared_buffers": "64MB",
    "fsync": "off",
    "synchronous_commit": "off",
    "full_page_writes": "off",
    "log_min_messages": "warning",
    "log_min_error_statement": "error",
}


class ClusterError(RuntimeError):
    """PostgreSQL is missing, or the cluster could not be made, started or stopped."""


def find_bindir():
    """The folder of initdb, pg_ctl and postgres; ClusterError when there is none."""
    candidates = []
    override = os.environ.get("LP_PG_BINDIR")
    if override:
        candidates.append(override)
    else:
        try:
            out = subprocess.run(["pg_config", "--bindir"], capture_output=True, timeout=30, check=True)
            candidates.append(out.stdout.decode().strip())
        except (OSError, subprocess.CalledProcessError, subprocess.TimeoutExpired):
            pass

        def version(path):
            match = re.search(r"/postgresql/(\d+)/bin$", path)
            return int(match.group(1)) if match else -1

        candidates += sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=version, reverse=True)
    for bindir in candidates:
        if all(os.access(os.path.join(bindir, name), os.X_OK) for name in ("initdb", "pg_ctl", "postgres")):
            return bindir
    where = override or "pg_config --bindir or /usr/lib/postgresql/*/bin"
    raise ClusterError(f"PostgreSQL server binaries (initdb, pg_ctl, postgres) not found in {where}: "
                       "install the postgresql package")


def available():
    """True when a cluster can be started here."""
    try:
        find_bindir()
        return True
    except ClusterError:
        return False


def _traversable_by_others(path):
    """Every folder above `path` lets other users pass (o+x)."""
    parent = os.path.dirname(os.path.abspath(path))
    while True:
        if not os.stat(parent).st_mode & 0o001:
            return False
        if parent == "/":
            return True
        parent = os.path.dirname(parent)


class Cluster:
    """One cluster in `path` (a new temporary directory when None). The directory must not
    exist yet or be empty; stop() removes it."""

    _names = itertools.count(1)

    def __init__(self, path=None):
        self.bindir = find_bindir()
        self.as_root = os.geteuid() == 0
        if path is None:
            # As root, the server's user must reach the folder: the system's temporary
            # folder is open to all, a private TMPDIR may not be. A socket's path must
            # also fit in sun_path (108 bytes with its name, .s.PGSQL.5432).
            base = None
            if self.as_root or len(tempfile.gettempdir()) > SOCKET_PATH_ROOM:
                base = "/tmp"
            path = tempfile.mkdtemp(prefix="licportal-pg-", dir=base)
        self.path = os.path.abspath(path)
        self.data = os.path.join(self.path, "data")
        self.socket_dir = os.path.join(self.path, "socket")
        self.log_path = os.path.join(self.path, "server.log")
        self.running = False

    # --- running the server's programs ---------------------------------------------------
    def _owner(self):
        if not self.as_root:
            return os.geteuid(), os.getegid()
        try:
            return pwd.getpwnam(UNPRIVILEGED_USER).pw_uid, grp.getgrnam(UNPRIVILEGED_GROUP).gr_gid
        except KeyError as exc:
            raise ClusterError(f"running as root, but there is no user {UNPRIVILEGED_USER} or group "
                               f"{UNPRIVILEGED_GROUP} to run PostgreSQL as") from exc

    def _server_command(self, argv):
        if not self.as_root:
            return argv
        setpriv = shutil.which("setpriv")
        if setpriv is None:
            raise ClusterError("running as root, but setpriv (util-linux) is missing to drop to "
                               f"{UNPRIVILEGED_USER}")
        return [setpriv, f"--reuid={UNPRIVILEGED_USER}", f"--regid={UNPRIVILEGED_GROUP}", "--clear-groups",
                *argv]

    def _run(self, argv, what, server=False, timeout=120):
        command = self._server_command(argv) if server else argv
        env = dict(os.environ, LC_ALL="C", PGTZ="UTC")
        if server and self.as_root:
            env["HOME"] = self.path
        try:
            proc = subprocess.run(command, capture_output=True, timeout=timeout, env=env,
                                  stdin=subprocess.DEVNULL, cwd=self.path)
        except subprocess.TimeoutExpired as exc:
            raise ClusterError(f"{what} did not finish within {timeout} s") from exc
        except OSError as exc:
            raise ClusterError(f"{what}: {exc}") from exc
        if proc.returncode != 0:
            text = (proc.stdout + proc.stderr).decode(errors="replace").strip()
            raise ClusterError(f"{what} failed ({proc.returncode}): {text}")
        return proc.stdout.decode(errors="replace")

    def _tool(self, name):
        return os.path.join(self.bindir, name)

    # --- life cycle -------------------------------------------------------------------------
    def start(self):
        os.makedirs(self.path, mode=0o700, exist_ok=True)
        if os.listdir(self.path):
            raise ClusterError(f"{self.path} is not empty")
        if self.as_root and not _traversable_by_others(self.path):
            raise ClusterError(f"{self.path}: {UNPRIVILEGED_USER} cannot reach it (a folder above it "
                               "is closed to other users); choose one under /tmp")
        uid, gid = self._owner()
        os.chmod(self.path, 0o700)
        os.mkdir(self.socket_dir, 0o700)
        os.chown(self.path, uid, gid)
        os.chown(self.socket_dir, uid, gid)
        self._run([self._tool("initdb"), "--pgdata", self.data, "--auth=trust", "--username", SUPERUSER,
                   "--encoding=UTF8", "--locale=C", "--no-sync"], "initdb", server=True)
        with open(os.path.join(self.data, "postgresql.conf"), "a", encoding="utf-8") as conf:
            conf.write("\n# licportal tests: a private socket only\n")
            conf.write(f"unix_socket_directories = '{self.socket_dir}'\n")
            for name, value in SETTINGS.items():
                conf.write(f"{name} = {value}\n")
        self.start_server()
        return self

    def start_server(self):
        """Starts the PostgreSQL server of the initialised cluster (again, after stop_server)."""
        try:
            self._run([self._tool("pg_ctl"), "start", "--pgdata", self.data, "--wait",
                       f"--timeout={START_TIMEOUT}", "--log", self.log_path, "--silent"],
                      "pg_ctl start", server=True, timeout=START_TIMEOUT + 30)
        except ClusterError as exc:
            try:
                with open(self.log_path, "rb") as log:
                    said = log.read().decode(errors="replace")
            except OSError:
                said = ""
            raise ClusterError(f"{exc}\n{said}".strip()) from exc
        self.running = True

    def stop_server(self):
        """Stops the PostgreSQL server and keeps its data, as a restart or a failover would."""
        self._run([self._tool("pg_ctl"), "stop", "--pgdata", self.data, "--mode=fast", "--wait", "--silent"],
                  "pg_ctl stop", server=True)
        self.running = False

    def stop(self, remove=True):
        """Stops the server (when it runs) and removes the directory unless `remove` is False."""
        problem = None
        if self.running or os.path.exists(os.path.join(self.data, "postmaster.pid")):
            try:
                self._run([self._tool("pg_ctl"), "stop", "--pgdata", self.data, "--mode=fast", "--wait",
                           "--silent"], "pg_ctl stop", server=True)
            except ClusterError as exc:
                problem = exc
        self.running = False
        if remove:
            shutil.rmtree(self.path, ignore_errors=True)
        if problem is not None:
            raise problem

    def stop_when_gone(self, pid):
        """Stops the cluster once process `pid` has ended, even by SIGKILL, when no atexit
        handler runs: a watcher in a session of its own checks once a second."""
        subprocess.Popen([sys.executable, os.path.abspath(__file__), "watch", str(pid), self.path],
                         stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                         start_new_session=True, close_fds=True)

    # --- databases --------------------------------------------------------------------------
    def uri(self, database):
        query = urllib.parse.urlencode({"host": self.socket_dir, "user": SUPERUSER}, safe="/")
        return f"postgresql:///{database}?{query}"

    def create_database(self, name=None):
        """A new, empty database; returns its URI."""
        if name is None:
            name = f"portal_{os.getpid()}_{next(self._names)}"
        if not re.fullmatch(r"[a-z_][a-z0-9_]{0,62}", name):
            raise ClusterError(f"database name {name!r}: use lower-case letters, digits and _")
        self._run([self._tool("createdb"), "--host", self.socket_dir, "--username", SUPERUSER, name],
                  f"createdb {name}")
        return self.uri(name)

    def psql_command(self, uri):
        """argv of psql connected to `uri`, quiet and stopping at the first error."""
        return [self._tool("psql"), "--no-psqlrc", "--quiet", "--set", "ON_ERROR_STOP=1", "--dbname", uri]


def _attached(path):
    """The cluster in `path` started earlier by `start`."""
    cluster = Cluster(path)
    cluster.running = os.path.exists(os.path.join(cluster.data, "postmaster.pid"))
    return cluster


def main(argv):
    usage = "usage: pg_cluster.py bindir | start DIR | database DIR | stop DIR | watch PID DIR"
    if argv[1:] == ["bindir"]:
        try:
            print(find_bindir())
            return 0
        except ClusterError as exc:
            print(f"pg_cluster: {exc}", file=sys.stderr)
            return 1
    if len(argv) == 4 and argv[1] == "watch" and argv[2].isdigit():
        while os.path.exists(f"/proc/{argv[2]}") and os.path.isdir(argv[3]):
            time.sleep(1)
        if os.path.isdir(argv[3]):
            argv = [argv[0], "stop", argv[3]]
        else:
            return 0
    if len(argv) != 3 or argv[1] not in ("start", "database", "stop"):
        print(usage, file=sys.stderr)
        return 2
    command, path = argv[1], argv[2]
    try:
        if command == "start":
            cluster = Cluster(path)
            try:
                cluster.start()
                print(cluster.create_database("licportal"))
            except ClusterError:
                cluster.stop()
                raise
        elif command == "database":
            cluster = _attached(path)
            if not cluster.running:
                raise ClusterError(f"no cluster runs in {path}")
            print(cluster.create_database(f"licportal_{os.urandom(4).hex()}"))
        else:
            _attached(path).stop()
    except ClusterError as exc:
        print(f"pg_cluster: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
