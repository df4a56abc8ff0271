"""The decision log as the service uses it: entries made from decisions and reviews, written
before the reply, counted in the metrics, and the supervision queue read from them."""
from __future__ import annotations

import datetime as dt
import logging
import threading
from pathlib import Path
from typing import Any, Sequence

from ..ids import digest_json
from . import metrics
from .log import Entry, LogUnavailable, Store, open_store
from .supervision import Policy, Queue, flags_outside_crimes, items_for, provisional_crimes, watches_deadline

log = logging.getLogger("hocr.record")
UTC = dt.timezone.utc


def _iso(value: dt.datetime | None) -> str | None:
    return value.isoformat().replace("+00:00", "Z") if value is not None else None


_SCALARS = frozenset({str, int, float, bool, type(None)})


def _plain(value: Any) -> Any:
    """Dataclasses, lists, dicts and times as JSON values (as Decision.to_dict, without deep copies)."""
    kind = type(value)
    if kind in _SCALARS:
        return value
    if isinstance(value, dt.datetime):
        return _iso(value)
    if isinstance(value, list):  # mostly lists of strings: no call per string
        return [v if type(v) in _SCALARS else _plain(v) for v in value]
    if isinstance(value, dict):
        return {k: v if type(v) in _SCALARS else _plain(v) for k, v in value.items()}
    if hasattr(value, "__dataclass_fields__"):
        return {k: _plain(getattr(value, k)) for k in value.__dataclass_fields__}
    return value


def logged_decision(decision: Any) -> dict:
    """The decision as logged: all of it but the trace of firings (replaying the incident under the
    same revision makes the trace again)."""
    return {k: _plain(getattr(decision, k)) for k in decision.__dataclass_fields__ if k != "trace"}


class DecisionRecord:
    def __init__(self, store: Store, policy: Policy, editions: dict | None = None,
                 retention_days: float | None = None):
        self.store, self.policy = store, policy
        self.backend = type(store).__name__.replace("Store", "").lower()
        self.queue = Queue(store, policy, editions)
        self.retention_days = retention_days
        metrics.watch_queue(self.queue)
        self._stop = threading.Event()

    @classmethod
    def open(cls, url: str, rules_dir: Path, editions: dict | None = None,
             retention_days: float | None = None) -> "DecisionRecord":
        return cls(open_store(url), Policy.load(rules_dir, editions), editions, retention_days)

    # ---------------------------------------------------------------- entries
    def decision_entry(self, decision: Any, incident: Any, edition: Any, caller: str, received_at: dt.datetime,
                       requested_edition: str | None = None, as_of: dt.datetime | None = None) -> Entry:
        d = logged_decision(decision)
        provisional = provisional_crimes(d, self.policy)
        for c in d["crimes"]:
            c.setdefault("provisional", c["id"] in provisional)
        inc = incident.model_dump(mode="json", exclude_none=True)
        outside = flags_outside_crimes({"acts": d["acts"], "trace": _plain(decision.trace)}, edition)
        items = items_for(d, inc, outside, self.policy)
        body = {"request": {"edition": requested_edition, "as_of": _iso(as_of)}, "incident": inc,
                "decision": d, "flags_outside_crimes": outside}
        return Entry(decision.decision_id, "decide", decision.request_digest, received_at, caller, decision.edition,
                     decision.rules_revision, decision.incident_id, decision.outcome, decision.record_by, body,
                     items, watches_deadline(d, items, self.policy))

    def review_entry(self, result: Any, request: dict, edition: Any, caller: str,
                     received_at: dt.datetime) -> Entry:
        r = {k: _plain(getattr(result, k)) for k in result.__dataclass_fields__ if k not in ("decision", "decided")}
        d = logged_decision(result.decided) if result.decided is not None else None
        items: list = []
        watch = False
        if result.decided is not None and d is not None:
            provisional = provisional_crimes(d, self.policy)
            for c in d["crimes"]:
                c.setdefault("provisional", c["id"] in provisional)
            outside = flags_outside_crimes({"acts": d["acts"], "trace": _plain(result.decided.trace)}, edition)
            items = items_for(d, request.get("incident") or {}, outside, self.policy)
            watch = watches_deadline(d, items, self.policy)
        body = {"request": request, "incident": request.get("incident"), "review": r, "decision": d}
        outcome = f"{result.action}:{'allowed' if result.allowed else 'not_allowed'}"
        return Entry(result.review_id, "review", digest_json(request), received_at, caller, edition.name,
                     edition.revision, result.crime, outcome,
                     result.decided.record_by if result.decided is not None else None, body, items, watch)

    # ---------------------------------------------------------------- writing
    def write(self, entries: Sequence[Entry]) -> None:
        """On the record before the reply; a failure is counted and raised (LogUnavailable)."""
        if not entries:
            return
        try:
            self.store.write(entries)
        except LogUnavailable:
            metrics.LOG_FAILURES.labels(self.backend).inc(len(entries))
            log.error("decision log write failed for %d entr%s", len(entries), "y" if len(entries) == 1 else "ies")
            raise
        metrics.LOG_WRITES.labels(self.backend).inc(len(entries))

    # ---------------------------------------------------------------- retention
    def purge_expired(self, now: dt.datetime | None = None) -> int:
        if not self.retention_days:
            return 0
        cutoff = (now or dt.datetime.now(UTC)) - dt.timedelta(days=self.retention_days)
        n = self.store.purge(cutoff)
        if n:
            log.info("retention: purged %d decision log entries received before %s", n, _iso(cutoff))
        return n

    def start_retention(self, every_seconds: float = 3600) -> None:
        """Purge now and then every hour, in a daemon thread (no-op without a retention period)."""
        if not self.retention_days:
            return

        def loop():
            while True:
                try:
                    self.purge_expired()
                except LogUnavailable:
                    log.error("retention purge failed; will try again")
                if self._stop.wait(every_seconds):
                    return

        threading.Thread(target=loop, name="hocr-retention", daemon=True).start()

    def close(self) -> None:
        self._stop.set()
        metrics.unwatch_queue(self.queue)
        self.store.close()
