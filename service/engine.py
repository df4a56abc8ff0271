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

import itertools
import json
import threading
from dataclasses import dataclass
from typing import Callable

import durable_rules_engine as _dre

from .rulebook import SENTINEL_RULE

MAX_FACT_PROPERTIES = 200  # the engine rejects facts with more than ~250 leaves
_LOCK = threading.Lock()  # the C module's handle table is process-global
_SIDS = itertools.count(1)


class EngineError(RuntimeError):
    """The engine could not complete an evaluation; the caller must not use a partial result."""


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

    def run(self, stages: list[list[dict]],
            between: Callable[[int, list[Firing]], list[dict]] | None = None) -> list[Firing]:
        """Assert each stage's facts and run to quiescence; return every firing in order.

        ``between(stage_index, firings_so_far)`` may return extra facts to assert as the next stage
        (facts derived from what has fired so far).
        """
        for stage in stages:
            for fact in stage:
                if "id" not in fact or "t" not in fact:
                    raise EngineError(f"fact without id or type: {fact!r}")
                if _leaves(fact) > MAX_FACT_PROPERTIES:
                    raise EngineError(f"fact {fact['id']} has more than {MAX_FACT_PROPERTIES} properties")
        sid = f"r{next(_SIDS)}"
        firings: list[Firing] = []
        pending = list(stages)
        with _LOCK:
            started = False
            try:
                index = 0
                while pending:
                    facts = pending.pop(0)
                    if index == 0:
                        facts = [{"t": "sentinel", "id": "sentinel"}] + facts
                    for f in facts:
                        f["sid"] = sid
                    code, state = _dre.assert_facts(self._handle, _dumps(facts))
                    if code == 2:
                        raise EngineError("two facts with identical content (give each a distinct id)")
                    if code not in (0, 1, 3):
                        raise EngineError(f"engine refused the facts (code {code})")
                    started = True
                    result = _dre.start_action_for_state(self._handle, state)
                    while result:
                        action = json.loads(result[1] if isinstance(result, tuple) else result)
                        try:
                            (rule_id, matched), = action.items()
                            if rule_id != SENTINEL_RULE:
                                facts_by_alias = {k[2:] if k.startswith("p_") else k: v for k, v in matched.items()}
                                firings.append(Firing(rule_id, facts_by_alias))
                        except Exception as exc:  # a consequence failing must not leave a silent gap
                            _dre.abandon_action(self._handle, state)
                            raise EngineError(f"could not apply a firing: {exc}") from exc
                        result = _dre.complete_and_start_action(self._handle, state)
                    index += 1
                    if between is not None:
                        extra = between(index, firings)
                        if extra:
                            pending.append(extra)
            except _dre.error as exc:
                raise EngineError(f"durable-rules error: {exc}") from exc
            finally:
                if started:
                    try:
                        _dre.delete_state(self._handle, sid)
                    except _dre.error:
                        pass
        return firings

    def close(self) -> None:
        with _LOCK:
            if self._handle is not None:
                _dre.delete_ruleset(self._handle)
                self._handle = None
