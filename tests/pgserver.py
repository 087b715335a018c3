"""A throwaway PostgreSQL server for the tests: ``initdb`` in a temporary folder, a server on
127.0.0.1 at a free port (and a socket in that folder), stopped and removed at the end.

``KOSPITL_TEST_PG=postgresql://USER@HOST:PORT/DB`` uses an existing server instead (the user
must be allowed to create databases). Without either, ``find()`` says why, and the PostgreSQL
cases skip with that message.

As root (CI runs as root) the cluster belongs to ``nobody``: PostgreSQL refuses to run as root.
The cluster is made for speed, not durability (``fsync=off``): it holds only test data.
"""
from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

USER = "kospitl"
UNPRIVILEGED = "nobody"


def _binary(name: str) -> str | None:
    found = shutil.which(name)
    if found:
        return found
    candidates = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"),
                        key=lambda p: int(Path(p).parent.parent.name) if Path(p).parent.parent.name.isdigit() else 0)
    return candidates[-1] if candidates else None


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _as_server_user() -> list[str]:
    """The prefix that runs a command as the cluster's owner: nothing, or ``nobody`` for root."""
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    if setpriv:
        import pwd

        pw = pwd.getpwnam(UNPRIVILEGED)
        return [setpriv, f"--reuid={pw.pw_uid}", f"--regid={pw.pw_gid}", "--clear-groups", "--"]
    runuser = shutil.which("runuser")
    if runuser:
        return [runuser, "-u", UNPRIVILEGED, "--"]
    raise RuntimeError("running as root, and neither setpriv nor runuser is there to start PostgreSQL as nobody")


@dataclass
class Server:
    """A running cluster: ``url`` reaches its ``postgres`` database as a superuser."""

    url: str
    folder: Path | None = None
    pg_ctl: str | None = None
    log: Path | None = None
    prefix: list[str] = field(default_factory=list)

    def stop(self) -> None:
        if self.folder is None or self.pg_ctl is None:
            return
        subprocess.run(self.prefix + [self.pg_ctl, "-D", str(self.folder / "data"), "-m", "immediate", "-w",
                                      "stop"], capture_output=True, timeout=60)
        shutil.rmtree(self.folder, ignore_errors=True)
        self.folder = None


def start() -> Server:
    """Start a new cluster (RuntimeError with the reason when it cannot)."""
    initdb, pg_ctl = _binary("initdb"), _binary("pg_ctl")
    if not initdb or not pg_ctl:
        raise RuntimeError("no PostgreSQL server installed (initdb not found on PATH or in /usr/lib/postgresql; "
                           "apt-get install postgresql, or set KOSPITL_TEST_PG=postgresql://...)")
    prefix = _as_server_user()
    folder = Path(tempfile.mkdtemp(prefix="kospitl-pg-"))
    if prefix:
        import pwd

        pw = pwd.getpwnam(UNPRIVILEGED)
        os.chown(folder, pw.pw_uid, pw.pw_gid)
    data, log = folder / "data", folder / "server.log"
    try:
        r = subprocess.run(prefix + [initdb, "-D", str(data), "-U", USER, "--auth=trust", "--encoding=UTF8",
                                     "--locale=C", "--no-sync"], capture_output=True, text=True, timeout=180,
                           cwd=folder)
        if r.returncode != 0:
            raise RuntimeError(f"initdb failed: {(r.stderr or r.stdout).strip()[-500:]}")
        last = ""
        for _attempt in range(3):  # another process may take the free port before the server does
            port = _free_port()
            options = (f"-p {port} -c listen_addresses=127.0.0.1 -k {folder} -c fsync=off "
                       "-c synchronous_commit=off -c full_page_writes=off -c max_connections=100")
            r = subprocess.run(prefix + [pg_ctl, "-D", str(data), "-l", str(log), "-o", options, "-w", "-t", "60",
                                         "start"], capture_output=True, text=True, timeout=90, cwd=folder)
            if r.returncode == 0:
                return Server(f"postgresql://{USER}@127.0.0.1:{port}/postgres", folder, pg_ctl, log, prefix)
            last = log.read_text(errors="replace")[-500:] if log.exists() else r.stderr
            time.sleep(0.2)
        raise RuntimeError(f"the PostgreSQL server did not start: {last.strip()}")
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise


def find() -> tuple[Server | None, str]:
    """The server to test on: ``KOSPITL_TEST_PG``, else a new cluster; (None, why) without one."""
    try:
        import psycopg  # noqa: F401
    except ImportError:
        return None, "psycopg is not installed (pip install -e '.[test]' brings it)"
    given = os.environ.get("KOSPITL_TEST_PG")
    if given:
        return Server(given), ""
    try:
        return start(), ""
    except (RuntimeError, OSError, subprocess.SubprocessError) as e:
        return None, str(e)
