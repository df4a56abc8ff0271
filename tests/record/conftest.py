"""Fixtures of the decision log tests: a real PostgreSQL server started by the suite (Debian's
postgresql package; `make test` installs it when initdb is missing), fresh databases in it, and
incidents that put decisions on the supervision queue."""
from __future__ import annotations

import glob
import os
import shutil
import subprocess
import tempfile
import uuid
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _pg_bin(name: str) -> str:
    dirs = sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=lambda d: int(Path(d).parent.name.split(".")[0]),
                  reverse=True)
    for d in dirs:
        if (Path(d) / name).exists():
            return str(Path(d) / name)
    found = shutil.which(name)
    if not found:
        pytest.fail(f"PostgreSQL's {name} is not installed: run `make postgres` (Debian package postgresql)")
    return found


@pytest.fixture(scope="session")
def postgres_server():
    """A PostgreSQL server in a temporary folder, on a Unix socket there; yields the socket folder."""
    base = Path(tempfile.mkdtemp(prefix="hocr-pg-"))
    as_root = os.geteuid() == 0  # postgres refuses to run as root: run it as the postgres user
    prefix = ["runuser", "-u", "postgres", "--"] if as_root else []
    if as_root:
        shutil.chown(base, "postgres", "postgres")
    base.chmod(0o700)
    data = base / "data"

    def run(*cmd):
        subprocess.run(prefix + [str(c) for c in cmd], check=True, capture_output=True, timeout=120)

    run(_pg_bin("initdb"), "-D", data, "-U", "hocr", "-A", "trust", "-E", "UTF8", "--no-sync")
    # fsync off for speed: what the tests prove is that a commit the hocr server was told of
    # survives the hocr server being killed (the database server itself keeps running)
    run(_pg_bin("pg_ctl"), "-D", data, "-l", base / "server.log", "-w", "-t", "60", "-o",
        f"-k {base} -c listen_addresses='' -p 5432 -c fsync=off -c synchronous_commit=on", "start")
    try:
        yield base
    finally:
        subprocess.run(prefix + [_pg_bin("pg_ctl"), "-D", str(data), "-m", "immediate", "-w", "stop"],
                       capture_output=True, timeout=60)
        shutil.rmtree(base, ignore_errors=True)


@pytest.fixture
def pg_url(postgres_server):
    """A new, empty database on the test server."""
    import psycopg

    name = f"t_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(f"postgresql://hocr@/postgres?host={postgres_server}&port=5432", autocommit=True) as c:
        c.execute(f"CREATE DATABASE {name}")
    return f"postgresql://hocr@/{name}?host={postgres_server}&port=5432"


@pytest.fixture
def sqlite_url(tmp_path):
    return f"sqlite:///{tmp_path / 'decision-log.db'}"


@pytest.fixture(params=["sqlite", "postgresql"])
def log_url(request, tmp_path):
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'decision-log.db'}"
    return request.getfixturevalue("pg_url")


def person(pid, age, sex, **attributes):
    return {"id": pid, "age": age, "sex": sex, "attributes": attributes}


def n100_incident(iid="N1"):
    """A rape reported by a third party, the victim not yet asked: a reported incident N100/01."""
    return {"id": iid, "reported_at": "2026-06-01T10:00:00Z",
            "reporter": {"role": "third_party", "channel": "phone_101"},
            "persons": [person("V", 25, "female", confirmation="not_yet_asked"), person("S", 30, "male")],
            "relationships": [{"a": "S", "b": "V", "kind": "stranger"}],
            "acts": [{"id": "a1", "type": "sexual_contact", "by": ["S"], "against": "V",
                      "attributes": {"penetration": "penis", "consent": "not_given"}}]}


def negated_incident(iid="C1"):
    """A third party reports an ex-partner's assault and the victim cannot be traced: a crime related
    incident (a negation of a victim-based report) on which the domestic abuse flag was raised."""
    return {"id": iid, "reported_at": "2026-06-01T10:00:00Z",
            "reporter": {"role": "third_party", "channel": "phone_999"},
            "persons": [person("V", 30, "female", confirmation="not_traced"), person("S", 33, "male")],
            "relationships": [{"a": "S", "b": "V", "kind": "ex_partner"}],
            "acts": [{"id": "a1", "type": "use_of_force", "by": ["S"], "against": "V",
                      "attributes": {"injury": "minor"}}]}


def assault_incident(iid="A1", injury="minor", reported_at="2026-06-01T10:00:00Z"):
    """A victim reports an ex-partner's assault: a crime."""
    return {"id": iid, "reported_at": reported_at,
            "reporter": {"role": "victim", "person": "V", "channel": "phone_999"},
            "persons": [person("V", 34, "female"), person("S", 36, "male")],
            "relationships": [{"a": "S", "b": "V", "kind": "ex_partner"}],
            "acts": [{"id": "a1", "type": "use_of_force", "by": ["S"], "against": "V",
                      "attributes": {"injury": injury} if injury else {}}]}


def burglary_incident(iid="B1"):
    """A burglary of a home with no purpose given: recorded (28I), provisional on the assumed purpose."""
    return {"id": iid, "reported_at": "2026-06-01T10:00:00Z",
            "reporter": {"role": "victim", "person": "V", "channel": "phone_101"},
            "persons": [person("V", 40, "female"), person("S", 30, "male")],
            "acts": [{"id": "a1", "type": "entry_as_trespasser", "by": ["S"], "against": "V",
                      "attributes": {"building": "home", "entry": "entered"}}]}
