"""A durable-rules driver that never loses a result and never leaks engine state.

It drives the C module (``durable_rules_engine``) directly, as measured in
shared/design/engine-notes.md:

* one ruleset per edition, registered once; a fresh session id per evaluation, always deleted;
* a sentinel fact with a no-op rule in every session, so that deleting the session is safe even
  when nothing else matched (deleting a session in which no action ever started crashes);
* facts are asserted as a batch through the C API, which runs the actions of the facts that
  matched even when some facts match nothing (the stock ``Host`` raises instead and loses them);
* no ``Host``, hence no background timer threads;
* every firing is returned to the caller (rule id + the facts it matched) for the trace;
* the C extension holds the GIL and its handle table is not thread-safe: one lock per process;
* facts are size-checked before they reach the engine (oversized facts are dropped silently in a
  batch and can crash the next call).
"""
from __future__ import annotations

import contextvars
import itertools
import json
import threading
import time
from dataclasses import dataclass
import durable_rules_engine as _dre

from .rulebook import SENTINEL_RULE

MAX_FACT_PROPERTIES = 200  # the engine rejects facts with more than ~250 leaves
_LOCK = threading.Lock()  # the C module's handle table is process-global
_SIDS = itertools.count(1)


class EngineError(RuntimeError):
    """The engine could not complete an evaluation; the caller must not use a partial result."""


class EngineTimeout(EngineError):
    """The evaluation passed the deadline of the call it serves and was stopped."""


# time.monotonic() after which a running evaluation stops (set by the transport per call)
DEADLINE: contextvars.ContextVar[float | None] = contextvars.ContextVar("hocr_engine_deadline", default=None)


def past_deadline() -> bool:
    deadline = DEADLINE.get()
    return deadline is not None and time.monotonic() > deadline


@dataclass(frozen=True)
class Firing:
    rule_id: str
    facts: dict[str, dict]  # pattern alias (without prefix) -> the fact it matched


def _leaves(value) -> int:
    if isinstance(value, dict):
        return sum(_leaves(v) for v in value.values())
    if isinstance(value, list):
        return sum(_leaves(v) for v in value) or 1
    return 1


def _dumps(obj) -> str:
    # Rules and facts are serialised the same way, or unicode values silently fail to match.
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"))


class Engine:
    def __init__(self, name: str, ruleset: dict):
        self.name = name
        with _LOCK:
            self._handle = _dre.create_ruleset(name, _dumps(ruleset))

    def run(self, facts: list[dict]) -> list[Firing]:
        """Assert the facts in a fresh session, run to quiescence, and return every firing in order."""
        for fact in facts:
            if "id" not in fact or "t" not in fact:
                raise EngineError(f"fact without id or type: {fact!r}")
            if _leaves(fact) > MAX_FACT_PROPERTIES:
                raise EngineError(f"fact {fact['id']} has more than {MAX_FACT_PROPERTIES} properties")
        sid = f"r{next(_SIDS)}"
        batch = [{"t": "sentinel", "id": "sentinel", "sid": sid}] + [{**f, "sid": sid} for f in facts]
        firings: list[Firing] = []
        refused: str | None = None
        if past_deadline():
            raise EngineTimeout("the call's time limit passed before the engine started")
        with _LOCK:
            try:
                code, state = _dre.assert_facts(self._handle, _dumps(batch))
            except _dre.error as exc:
                raise EngineError(f"durable-rules refused the facts: {exc}") from exc
            try:
                if code == 2:
                    refused = "two facts with identical content (give each a distinct id)"
                elif code not in (0, 1, 3):  # 1: some facts matched no rule, which is expected
                    refused = f"engine refused the facts (code {code})"
                # Drain every action, even when the result will be refused: the sentinel guarantees
                # at least one, so deleting the session below is always safe.
                result = _dre.start_action_for_state(self._handle, state)
                while result:
                    if past_deadline():  # stop the loop; the session is deleted below
                        _dre.abandon_action(self._handle, state)
                        raise EngineTimeout("the call's time limit passed while the engine ran; no decision was made")
                    action = json.loads(result[1] if isinstance(result, tuple) else result)
                    try:
                        (rule_id, matched), = action.items()
                        if rule_id != SENTINEL_RULE:
                            firings.append(Firing(rule_id, {k[2:] if k.startswith("p_") else k: v
                                                            for k, v in matched.items()}))
                    except Exception as exc:  # a firing we cannot read must not leave a silent gap
                        _dre.abandon_action(self._handle, state)
                        raise EngineError(f"could not read a firing: {exc}") from exc
                    result = _dre.complete_and_start_action(self._handle, state)
            except _dre.error as exc:
                raise EngineError(f"durable-rules error: {exc}") from exc
            finally:
                try:
                    _dre.delete_state(self._handle, sid)
                except _dre.error:
                    pass
        if refused:
            raise EngineError(refused)
        return firings

    def close(self) -> None:
        with _LOCK:
            if self._handle is not None:
                _dre.delete_ruleset(self._handle)
                self._handle = None
