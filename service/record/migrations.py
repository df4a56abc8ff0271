"""The decision log's schema, as numbered migrations applied in order (SQLite and PostgreSQL).

Each migration runs once, in a transaction, and is recorded in ``schema_migrations``. Never edit a
migration that has shipped: add the next number. Times are stored as ISO 8601 text in UTC with a
fixed width (``2026-06-01T10:00:00.000000Z``) so that they sort as text in both databases.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Migration:
    version: int
    description: str
    statements: tuple[str, ...]  # portable SQL (the same text runs on SQLite and PostgreSQL)


MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "decision log, supervision items, resolutions", (
        """CREATE TABLE decision_log (
            decision_id    TEXT PRIMARY KEY,
            kind           TEXT NOT NULL,        -- decide | review
            request_digest TEXT NOT NULL,
            received_at    TEXT NOT NULL,
            caller         TEXT NOT NULL,
            edition        TEXT NOT NULL,
            rules_revision TEXT NOT NULL,
            incident_id    TEXT NOT NULL,
            outcome        TEXT NOT NULL,
            record_by      TEXT,
            watch_deadline INTEGER NOT NULL,     -- 1: its deadline puts it on the queue when near
            body           TEXT NOT NULL         -- JSON: request, incident, decision (see log.py)
        )""",
        "CREATE INDEX decision_log_received ON decision_log (received_at)",
        "CREATE INDEX decision_log_deadline ON decision_log (watch_deadline, record_by)",
        """CREATE TABLE supervision_item (
            decision_id TEXT NOT NULL REFERENCES decision_log (decision_id) ON DELETE CASCADE,
            kind        TEXT NOT NULL,
            reason      TEXT NOT NULL,
            PRIMARY KEY (decision_id, kind, reason)
        )""",
        "CREATE INDEX supervision_item_kind ON supervision_item (kind)",
        """CREATE TABLE resolution (
            resolution_id   TEXT PRIMARY KEY,
            decision_id     TEXT NOT NULL REFERENCES decision_log (decision_id) ON DELETE CASCADE,
            verdict         TEXT NOT NULL,       -- agree | differ
            reason          TEXT NOT NULL,
            supervisor      TEXT NOT NULL,
            caller          TEXT NOT NULL,
            resolved_at     TEXT NOT NULL,
            outcome         TEXT NOT NULL,       -- for differ: the supervisor's outcome
            classifications TEXT NOT NULL        -- JSON list of "class code"
        )""",
        "CREATE INDEX resolution_decision ON resolution (decision_id)",
    )),
)

LATEST = MIGRATIONS[-1].version

CREATE_VERSIONS = """CREATE TABLE IF NOT EXISTS schema_migrations (
    version     INTEGER PRIMARY KEY,
    description TEXT NOT NULL,
    applied_at  TEXT NOT NULL
)"""


def pending(applied: set[int]) -> list[Migration]:
    """The migrations not yet applied, in order. A database newer than this code is refused."""
    newer = [v for v in applied if v > LATEST]
    if newer:
        raise RuntimeError(f"the decision log has schema version {max(newer)}, newer than this service "
                           f"knows ({LATEST}): upgrade the service")
    return [m for m in MIGRATIONS if m.version not in applied]
