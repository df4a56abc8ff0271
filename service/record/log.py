"""The decision log: where every decision and review is kept, durably, before its reply is sent.

A small storage interface (:class:`Store`) with two backends, chosen by URL:

- ``sqlite:///PATH`` (a file; WAL journal, ``synchronous=FULL``: a write has reached the disk when
  :meth:`Store.write` returns; ``sqlite:///PATH?synchronous=normal`` trades power-loss durability
  for speed: a commit still survives the process being killed),
- ``postgresql://...`` (psycopg 3 with a connection pool; a write is committed when it returns).

The schema is versioned (migrations.py) and brought up to date when a store is opened. Both
backends run the same SQL (written with ``?`` placeholders; the PostgreSQL store converts them).
"""
from __future__ import annotations

import datetime as dt
import json
import sqlite3
import threading
from abc import ABC, abstractmethod
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator, Sequence

from . import migrations

UTC = dt.timezone.utc


class RecordError(Exception):
    """A request about the record that cannot be served; ``status`` names its gRPC status."""
    status = "FAILED_PRECONDITION"


class LogUnavailable(RecordError):
    """The decision log could not be written or read. A call that cannot be put on the record fails
    (gRPC UNAVAILABLE): no decision is given that is not on the record."""
    status = "UNAVAILABLE"


def ts(value: dt.datetime | None) -> str | None:
    """A time as the fixed-width UTC text the log stores (sorts as text)."""
    if value is None:
        return None
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def parse_ts(value: str | None) -> dt.datetime | None:
    if not value:
        return None
    return dt.datetime.strptime(value, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=UTC)


@dataclass
class Entry:
    """One logged call: a decision (kind ``decide``) or a review of a recorded crime (``review``)."""
    decision_id: str
    kind: str
    request_digest: str
    received_at: dt.datetime
    caller: str
    edition: str
    rules_revision: str
    incident_id: str
    outcome: str
    record_by: dt.datetime | None
    body: dict  # {"request": ..., "incident": ..., "decision": ... | "review": ...}
    # (kind, reason) supervision items the content puts on the queue (supervision.items_for)
    items: list[tuple[str, str]] = field(default_factory=list)
    watch_deadline: bool = False


@dataclass
class ResolutionRow:
    resolution_id: str
    decision_id: str
    verdict: str
    reason: str
    supervisor: str
    caller: str
    resolved_at: dt.datetime
    outcome: str = ""
    classifications: list[str] = field(default_factory=list)


_COLS = ("decision_id, kind, request_digest, received_at, caller, edition, rules_revision, incident_id, "
         "outcome, record_by, watch_deadline, body")
_RES_COLS = "resolution_id, decision_id, verdict, reason, supervisor, caller, resolved_at, outcome, classifications"


def _entry(row: Sequence[Any]) -> Entry:
    return Entry(row[0], row[1], row[2], parse_ts(row[3]), row[4], row[5], row[6], row[7], row[8],
                 parse_ts(row[9]), json.loads(row[11]), watch_deadline=bool(row[10]))


def _resolution(row: Sequence[Any]) -> ResolutionRow:
    return ResolutionRow(row[0], row[1], row[2], row[3], row[4], row[5], parse_ts(row[6]), row[7],
                         json.loads(row[8]))


class Store(ABC):
    """Storage of the decision log. Writes are durable when they return; reads see every write
    that has returned. All methods raise LogUnavailable when the database fails."""

    url: str

    # ---- the two primitives each backend provides
    @abstractmethod
    def _query(self, sql: str, params: Sequence[Any] = ()) -> list[tuple]:
        """Run one read statement; return its rows."""

    @abstractmethod
    def _transaction(self, batches: Sequence[tuple[str, Sequence[Sequence[Any]]]]) -> list[int]:
        """Run (statement, rows of parameters) pairs in one committed transaction; row counts."""

    @abstractmethod
    def close(self) -> None: ...

    def _migrate(self, applied: set[int]) -> None:
        for m in migrations.pending(applied):
            self._transaction([(s, [()]) for s in m.statements] + [(
                "INSERT INTO schema_migrations (version, description, applied_at) VALUES (?, ?, ?)",
                [(m.version, m.description, ts(dt.datetime.now(UTC)))])])

    def schema_version(self) -> int:
        rows = self._query("SELECT MAX(version) FROM schema_migrations")
        return int(rows[0][0] or 0)

    # ---- writing
    def write(self, entries: Sequence[Entry]) -> None:
        """Put entries on the record in one transaction; durable when this returns."""
        if not entries:
            return
        self._transaction([
            (f"INSERT INTO decision_log ({_COLS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
             [(e.decision_id, e.kind, e.request_digest, ts(e.received_at), e.caller, e.edition, e.rules_revision,
               e.incident_id, e.outcome, ts(e.record_by), int(e.watch_deadline),
               json.dumps(e.body, ensure_ascii=False, separators=(",", ":"))) for e in entries]),
            ("INSERT INTO supervision_item (decision_id, kind, reason) VALUES (?, ?, ?)",
             [(e.decision_id, k, r) for e in entries for k, r in dict.fromkeys(e.items)]),
        ])

    def add_resolution(self, r: ResolutionRow) -> None:
        self._transaction([(f"INSERT INTO resolution ({_RES_COLS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                            [(r.resolution_id, r.decision_id, r.verdict, r.reason, r.supervisor, r.caller,
                              ts(r.resolved_at), r.outcome, json.dumps(r.classifications, ensure_ascii=False))])])

    def purge(self, before: dt.datetime) -> int:
        """Delete what was received before a time (retention), with its items and resolutions."""
        old = "SELECT decision_id FROM decision_log WHERE received_at < ?"
        counts = self._transaction([
            (f"DELETE FROM resolution WHERE decision_id IN ({old})", [(ts(before),)]),
            (f"DELETE FROM supervision_item WHERE decision_id IN ({old})", [(ts(before),)]),
            ("DELETE FROM decision_log WHERE received_at < ?", [(ts(before),)]),
        ])
        return counts[-1]

    # ---- reading
    def count(self) -> int:
        return int(self._query("SELECT COUNT(*) FROM decision_log")[0][0])

    def get(self, decision_id: str) -> Entry | None:
        rows = self._query(f"SELECT {_COLS} FROM decision_log WHERE decision_id = ?", (decision_id,))
        if not rows:
            return None
        e = _entry(rows[0])
        e.items = self.items([decision_id]).get(decision_id, [])
        return e

    def ids(self) -> set[str]:
        return {r[0] for r in self._query("SELECT decision_id FROM decision_log")}

    def scan(self, since: dt.datetime | None = None, until: dt.datetime | None = None, kind: str | None = None,
             page: int = 500) -> Iterator[Entry]:
        """Entries oldest first, read a page at a time."""
        after = ("", "")
        while True:
            where, params = ["(received_at > ? OR (received_at = ? AND decision_id > ?))"], [after[0], after[0],
                                                                                             after[1]]
            if since is not None:
                where.append("received_at >= ?")
                params.append(ts(since))
            if until is not None:
                where.append("received_at < ?")
                params.append(ts(until))
            if kind:
                where.append("kind = ?")
                params.append(kind)
            rows = self._query(f"SELECT {_COLS} FROM decision_log WHERE {' AND '.join(where)} "
                               f"ORDER BY received_at, decision_id LIMIT {int(page)}", params)
            for row in rows:
                yield _entry(row)
            if len(rows) < page:
                return
            after = (rows[-1][3], rows[-1][0])

    def count_since(self, since: dt.datetime | None = None, kind: str | None = None) -> int:
        where, params = ["1 = 1"], []
        if since is not None:
            where.append("received_at >= ?")
            params.append(ts(since))
        if kind:
            where.append("kind = ?")
            params.append(kind)
        return int(self._query(f"SELECT COUNT(*) FROM decision_log WHERE {' AND '.join(where)}", params)[0][0])

    def items(self, decision_ids: Sequence[str]) -> dict[str, list[tuple[str, str]]]:
        out: dict[str, list[tuple[str, str]]] = {}
        for chunk in _chunks(list(decision_ids), 500):
            marks = ", ".join("?" * len(chunk))
            for d, k, r in self._query(f"SELECT decision_id, kind, reason FROM supervision_item "
                                       f"WHERE decision_id IN ({marks}) ORDER BY kind, reason", chunk):
                out.setdefault(d, []).append((k, r))
        return out

    def resolutions(self, decision_ids: Sequence[str]) -> dict[str, list[ResolutionRow]]:
        out: dict[str, list[ResolutionRow]] = {}
        for chunk in _chunks(list(decision_ids), 500):
            marks = ", ".join("?" * len(chunk))
            for row in self._query(f"SELECT {_RES_COLS} FROM resolution WHERE decision_id IN ({marks}) "
                                   "ORDER BY resolved_at, resolution_id", chunk):
                out.setdefault(row[1], []).append(_resolution(row))
        return out

    def queue(self, *, near_before: dt.datetime, kind: str = "", caller: str = "",
              since: dt.datetime | None = None, overdue_before: dt.datetime | None = None,
              include_resolved: bool = False, limit: int = 100) -> list[Entry]:
        """Entries on the supervision queue, oldest first. An entry is on it when its content put an
        item there, or when its deadline is watched and falls before ``near_before`` (kind
        ``deadline``); resolved entries are left out unless asked for (and never count as deadline
        items: the deadline kind means no supervisor has resolved it)."""
        unresolved = "NOT EXISTS (SELECT 1 FROM resolution r WHERE r.decision_id = d.decision_id)"
        deadline = f"(d.watch_deadline = 1 AND d.record_by IS NOT NULL AND d.record_by <= ? AND {unresolved})"
        where: list[str] = []
        params: list[Any] = []
        if kind == "deadline":
            where.append(deadline)
            params.append(ts(near_before))
        elif kind:
            where.append("EXISTS (SELECT 1 FROM supervision_item s WHERE s.decision_id = d.decision_id "
                         "AND s.kind = ?)")
            params.append(kind)
        else:
            where.append(f"(EXISTS (SELECT 1 FROM supervision_item s WHERE s.decision_id = d.decision_id) "
                         f"OR {deadline})")
            params.append(ts(near_before))
        if not include_resolved:
            where.append(unresolved)
        if caller:
            where.append("d.caller = ?")
            params.append(caller)
        if since is not None:
            where.append("d.received_at >= ?")
            params.append(ts(since))
        if overdue_before is not None:
            where.append("d.record_by IS NOT NULL AND d.record_by < ?")
            params.append(ts(overdue_before))
        cols = ", ".join(f"d.{c.strip()}" for c in _COLS.split(","))
        rows = self._query(f"SELECT {cols} FROM decision_log d WHERE {' AND '.join(where)} "
                           f"ORDER BY d.received_at, d.decision_id LIMIT {int(limit)}", params)
        entries = [_entry(r) for r in rows]
        items = self.items([e.decision_id for e in entries])
        for e in entries:
            e.items = items.get(e.decision_id, [])
        return entries

    def depth(self, near_before: dt.datetime) -> dict[str, int]:
        """Unresolved entries on the queue, by kind (an entry with two kinds counts in both)."""
        unresolved = "NOT EXISTS (SELECT 1 FROM resolution r WHERE r.decision_id = s.decision_id)"
        out = {k: int(n) for k, n in self._query(
            f"SELECT s.kind, COUNT(DISTINCT s.decision_id) FROM supervision_item s WHERE {unresolved} "
            "GROUP BY s.kind")}
        rows = self._query(
            "SELECT COUNT(*) FROM decision_log d WHERE d.watch_deadline = 1 AND d.record_by IS NOT NULL "
            "AND d.record_by <= ? AND NOT EXISTS (SELECT 1 FROM resolution r WHERE r.decision_id = d.decision_id)",
            (ts(near_before),))
        out["deadline"] = int(rows[0][0])
        return out


def _chunks(seq: list, n: int):
    for i in range(0, len(seq), n):
        yield seq[i:i + n]


class SQLiteStore(Store):
    """One connection (serialised by a lock), WAL journal, every commit synced to disk."""

    def __init__(self, path: str | Path, synchronous: str = "full"):
        if synchronous not in ("full", "normal"):
            raise ValueError("sqlite synchronous must be full or normal")
        self.path = Path(path)
        self.url = f"sqlite:///{path}" + ("" if synchronous == "full" else f"?synchronous={synchronous}")
        self._lock = threading.Lock()
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(str(self.path), check_same_thread=False, isolation_level=None, timeout=10)
            self._db.execute("PRAGMA journal_mode=WAL")
            # FULL: each commit is on the disk before the reply (power loss included). NORMAL: on
            # the disk at the next checkpoint; a commit still survives the process being killed.
            self._db.execute(f"PRAGMA synchronous={synchronous.upper()}")
            self._db.execute("PRAGMA foreign_keys=ON")
            self._db.execute(migrations.CREATE_VERSIONS)
            with self._lock:
                self._db.execute("BEGIN IMMEDIATE")  # one migrator at a time
                try:
                    applied = {r[0] for r in self._db.execute("SELECT version FROM schema_migrations")}
                finally:
                    self._db.execute("COMMIT")
        except (sqlite3.Error, OSError) as exc:
            raise LogUnavailable(f"cannot open the decision log {self.url}: {exc}") from None
        self._migrate(applied)

    def _query(self, sql, params=()):
        try:
            with self._lock:
                return self._db.execute(sql, tuple(params)).fetchall()
        except sqlite3.Error as exc:
            raise LogUnavailable(f"decision log read failed: {exc}") from None

    def _transaction(self, batches):
        try:
            with self._lock:
                self._db.execute("BEGIN IMMEDIATE")
                try:
                    counts = []
                    for sql, rows in batches:
                        cur = self._db.executemany(sql, [tuple(r) for r in rows]) if rows else None
                        counts.append(cur.rowcount if cur is not None else 0)
                    self._db.execute("COMMIT")
                    return counts
                except BaseException:
                    self._db.execute("ROLLBACK")
                    raise
        except sqlite3.Error as exc:
            raise LogUnavailable(f"decision log write failed: {exc}") from None

    def close(self):
        with self._lock:
            self._db.close()


class PostgresStore(Store):
    """psycopg 3 with a connection pool; every write is one committed transaction."""

    def __init__(self, url: str, min_size: int = 1, max_size: int = 8):
        import psycopg
        from psycopg_pool import ConnectionPool

        self.url = url
        self._errors = (psycopg.Error, OSError)
        try:
            from psycopg_pool import PoolTimeout
            self._errors = (psycopg.Error, OSError, PoolTimeout)
            self._pool = ConnectionPool(url, min_size=min_size, max_size=max_size, open=True, timeout=10,
                                        name="hocr-decision-log")
            self._pool.wait(timeout=10)
            with self._pool.connection() as conn:
                with conn.transaction():
                    conn.execute("SELECT pg_advisory_xact_lock(4242013)")  # one migrator at a time
                    conn.execute(migrations.CREATE_VERSIONS)
                applied = {r[0] for r in conn.execute("SELECT version FROM schema_migrations").fetchall()}
        except self._errors as exc:
            raise LogUnavailable(f"cannot open the decision log: {type(exc).__name__}: {exc}") from None
        self._migrate(applied)

    @staticmethod
    def _pg(sql: str) -> str:
        return sql.replace("?", "%s")

    def _query(self, sql, params=()):
        try:
            with self._pool.connection() as conn:
                return conn.execute(self._pg(sql), tuple(params)).fetchall()
        except self._errors as exc:
            raise LogUnavailable(f"decision log read failed: {type(exc).__name__}") from None

    def _transaction(self, batches):
        try:
            with self._pool.connection() as conn:
                with conn.transaction(), conn.cursor() as cur:
                    counts = []
                    for sql, rows in batches:
                        if not rows:
                            counts.append(0)
                            continue
                        cur.executemany(self._pg(sql), [tuple(r) for r in rows])
                        counts.append(cur.rowcount)
                    return counts
        except self._errors as exc:
            raise LogUnavailable(f"decision log write failed: {type(exc).__name__}") from None

    def close(self):
        self._pool.close()


def open_store(url: str) -> Store:
    """``sqlite:///PATH`` or ``postgresql://...``. As in SQLAlchemy, ``sqlite:///var/log.db`` is
    relative to the working folder and ``sqlite:////srv/log.db`` (``sqlite:///`` + an absolute
    path) is absolute."""
    if url.startswith("sqlite:///"):
        path, _, query = url[len("sqlite:///"):].partition("?")
        options = dict(p.partition("=")[::2] for p in query.split("&") if p)
        unknown = sorted(set(options) - {"synchronous"})
        if unknown:
            raise ValueError(f"unknown sqlite option(s) {', '.join(unknown)}: only synchronous=full|normal")
        return SQLiteStore(path, options.get("synchronous", "full").lower())
    if url.startswith(("postgresql://", "postgres://")):
        return PostgresStore(url)
    raise ValueError(f"unknown decision log URL {url.split(':', 1)[0]!r}: use sqlite:///PATH or postgresql://...")
