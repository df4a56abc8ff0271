"""A durable-rules driver that never loses a result and never leaks engine state.

It drives the C module (``durable_rules_engine``) directly. The traps it works around are in
docs/engine-notes.md; in short:

* one ruleset per edition, registered once, and one long-lived session per ruleset and process:
  each evaluation asserts its facts in one call, drains the actions, and retracts the same facts,
  so the session holds nothing but its sentinel between evaluations (creating a session costs far
  more than matching: it zeroes a state node for every beta node of every rule);
* after every retraction the driver checks that only the sentinel is left; on any failure, or if
  anything is left, the session is deleted and the next evaluation opens a new one, so a failed
  evaluation never leaves facts for the next one (a later fact joining to a left-over one can crash
  the process);
* a sentinel fact with a no-op rule opens every session, so that deleting it is always safe
  (deleting a session in which no action ever started crashes);
* facts are asserted as a batch through the C API, which runs the actions of the facts that
  matched even when some facts match nothing (the stock ``Host`` raises instead and loses them);
* no ``Host``, hence no background timer threads;
* every firing's joins are checked against the compiled rule's (the engine can skip a join);
* every firing is returned to the caller (rule id + the facts it matched) for the trace;
* the C extension holds the GIL and its handle table is not thread-safe: one lock per process;
* facts are size-checked before they reach the engine (oversized facts are dropped silently in a
  batch and can crash the next call).

``Engine(..., reuse=False)`` keeps the former path (a fresh session per evaluation, deleted
afterwards) for the tests and the benchmark that compare the two.
"""
from __future__ import annotations

import contextvars
import itertools
import json
import threading
import time
from dataclasses import dataclass

import durable_rules_engine as _dre
import orjson

from ..rules.compile import SENTINEL_RULE, engine_rule_id, join_table

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
        items = value.values()
    elif isinstance(value, list):
        items = value
    else:
        return 1
    n = 0
    for v in items:  # a scalar counts one, without a call (facts are nearly all flat)
        n += _leaves(v) if isinstance(v, (dict, list)) else 1
    return n or (1 if isinstance(value, list) else 0)


def _dumps(obj) -> str:
    # Rules and facts are serialised the same way, or unicode values silently fail to match.
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"))


# the exact value types of a flat fact: what _encode hands to orjson
_FLAT = frozenset({str, int, bool, type(None)})


def _encode(batch: list[dict], flat: bool) -> tuple[str, bool]:
    """The facts' JSON, exactly as :func:`_dumps` writes it, and whether :func:`_decode` may read
    the firings with orjson.

    For facts that are flat (`flat`: every value of the exact type str, int, bool or None) orjson
    writes the same text as ``_dumps``, several times faster: both write the keys in order, ints in
    decimal, true/false/null, and escape in strings exactly the quote, the backslash and U+0000 to
    U+001F (\\b \\t \\n \\f \\r short, the others as \\u00xx), nothing else
    (tests/test_engine.py checks every code point). What orjson refuses (a key that is not text, a
    lone surrogate, an int beyond 64 bits) is written by ``_dumps``, as is any fact that is not
    flat."""
    if flat:
        try:
            return orjson.dumps(batch).decode(), True
        except orjson.JSONEncodeError:
            pass
    return _dumps(batch), False


def _decode(text: str, fast: bool):
    """A firing's JSON as ``json.loads`` reads it. With `fast` (the facts were written by orjson, so
    their ints fit in 64 bits and their strings have no lone surrogate), orjson reads the same
    values; what it refuses (e.g. NaN) falls back to ``json.loads``."""
    if fast:
        try:
            return orjson.loads(text)
        except orjson.JSONDecodeError:
            pass
    return json.loads(text)


def _check_joins(name: str, joins: tuple, matched: dict[str, dict]) -> None:
    """Every join of the rule's compiled patterns must hold between the facts it matched:
    durable-rules can skip a join and pair facts of different acts (docs/engine-notes.md)."""
    for alias, attr, ref_alias, ref_attr in joins:
        fact, ref = matched.get(alias), matched.get(ref_alias)
        if fact is None or ref is None or attr not in fact or ref_attr not in ref \
                or fact[attr] != ref[ref_attr]:
            # names the rule and the join, never a value from the request
            raise EngineError(f"engine rule {name} fired with a broken join "
                              f"({alias}.{attr} != {ref_alias}.{ref_attr}); no decision was made")


class Engine:
    def __init__(self, name: str, ruleset: dict, joins: dict | None = None, reuse: bool = True):
        self.name = name
        self.reuse = reuse
        # engine rule name -> the joins each of its firings must satisfy (built when compiling;
        # read from the JSON here for a ruleset compiled elsewhere)
        self._joins = joins if joins is not None else join_table(ruleset)
        self._live: str | None = None  # the long-lived session's id, once opened
        self._live_facts = ""  # what get_facts returns for it when it holds only its sentinel
        self.sessions_opened = 0  # long-lived sessions opened (1 unless one had to be discarded)
        ruleset = {SENTINEL_RULE: {"all": [{"p_s": {"t": "sentinel"}}]}, **ruleset}
        with _LOCK:
            self._handle = _dre.create_ruleset(name, _dumps(ruleset))

    @staticmethod
    def _check(facts: list[dict]) -> bool:
        """Refuse a fact without id or type, or with too many properties; True when every fact is
        flat (each value exactly a str, int, bool or None: then its properties are its keys)."""
        flat = True
        for fact in facts:
            if "id" not in fact or "t" not in fact:
                raise EngineError(f"fact without id or type: {fact!r}")
            if set(map(type, fact.values())) <= _FLAT:
                leaves = len(fact)
            else:
                flat, leaves = False, _leaves(fact)
            if leaves > MAX_FACT_PROPERTIES:
                raise EngineError(f"fact {fact['id']} has more than {MAX_FACT_PROPERTIES} properties")
        return flat

    def run(self, facts: list[dict]) -> list[Firing]:
        """Assert the facts, run to quiescence, and return every firing in order."""
        flat = self._check(facts)
        if past_deadline():
            raise EngineTimeout("the call's time limit passed before the engine started")
        if not self.reuse:
            return self._run_fresh(facts, flat)
        return self._run_live(facts, flat)

    @staticmethod
    def _refusal(code: int) -> str | None:
        if code == 2:
            return "two facts with identical content (give each a distinct id)"
        if code not in (0, 1, 3):  # 1: some facts matched no rule, which is expected
            return f"engine refused the facts (code {code})"
        return None

    def _drain(self, state, fast: bool = False) -> list[Firing]:
        """Run every queued action, recording its firing; on a firing that cannot be read or whose
        joins do not hold, abandon the action and raise."""
        firings: list[Firing] = []
        result = _dre.start_action_for_state(self._handle, state)
        while result:
            if past_deadline():  # stop the loop; the caller discards the session's state
                _dre.abandon_action(self._handle, state)
                raise EngineTimeout("the call's time limit passed while the engine ran; no decision was made")
            action = _decode(result[1] if isinstance(result, tuple) else result, fast)
            try:
                (rule_name, matched), = action.items()
                if rule_name != SENTINEL_RULE:
                    _check_joins(rule_name, self._joins.get(rule_name, ()), matched)
                    firings.append(Firing(engine_rule_id(rule_name),
                                          {k[2:] if k.startswith("p_") else k: v for k, v in matched.items()}))
            except EngineError:
                _dre.abandon_action(self._handle, state)
                raise
            except Exception as exc:  # a firing we cannot read must not leave a silent gap
                _dre.abandon_action(self._handle, state)
                raise EngineError(f"could not read a firing: {exc}") from exc
            result = _dre.complete_and_start_action(self._handle, state)
        return firings

    # ------------------------------------------------------------------ one long-lived session

    def _open(self) -> str:
        """Open the long-lived session (under the lock). Its sentinel's action runs at once, so
        deleting the session later is always safe."""
        sid = f"live{next(_SIDS)}"
        code, state = _dre.assert_facts(self._handle, _dumps([{"t": "sentinel", "id": "sentinel", "sid": sid}]))
        ran = False
        try:
            result = _dre.start_action_for_state(self._handle, state)
            ran = bool(result)
            while result:
                action = json.loads(result[1] if isinstance(result, tuple) else result)
                if list(action) != [SENTINEL_RULE]:
                    _dre.abandon_action(self._handle, state)
                    raise EngineError("a new session fired a rule other than the sentinel")
                result = _dre.complete_and_start_action(self._handle, state)
            if not ran or self._refusal(code):
                raise EngineError(f"could not open an engine session (code {code})")
            self._live_facts = _dre.get_facts(self._handle, sid)
        except BaseException:
            if ran:  # never delete a session in which no action started
                _dre.delete_state(self._handle, sid)
            raise
        self._live = sid
        self.sessions_opened += 1
        return sid

    def _discard(self) -> None:
        """Delete the long-lived session (under the lock); the next evaluation opens another."""
        sid, self._live = self._live, None
        if sid is not None:
            try:
                _dre.delete_state(self._handle, sid)
            except _dre.error:
                pass

    def _run_live(self, facts: list[dict], flat: bool = False) -> list[Firing]:
        with _LOCK:
            clean = False
            try:
                sid = self._live or self._open()
                text, fast = _encode([{**f, "sid": sid} for f in facts], flat)
                code, state = _dre.assert_facts(self._handle, text)
                firings = self._drain(state, fast)  # drained even when refused: nothing stays queued
                refused = self._refusal(code)
                _dre.retract_facts(self._handle, text)
                # only the sentinel may be left: a fact left over could join a later one
                clean = _dre.get_facts(self._handle, sid) == self._live_facts
            except _dre.error as exc:
                raise EngineError(f"durable-rules error: {exc}") from exc
            finally:
                if not clean:
                    self._discard()
        if refused:
            raise EngineError(refused)
        return firings

    def held(self) -> list[dict]:
        """The facts the long-lived session holds besides its sentinel (none between evaluations);
        for tests and diagnosis."""
        with _LOCK:
            if self._live is None:
                return []
            return [f for f in json.loads(_dre.get_facts(self._handle, self._live)) if f.get("t") != "sentinel"]

    # ------------------------------------------------------------------ a session per evaluation

    def _run_fresh(self, facts: list[dict], flat: bool = False) -> list[Firing]:
        sid = f"r{next(_SIDS)}"
        batch = [{"t": "sentinel", "id": "sentinel", "sid": sid}] + [{**f, "sid": sid} for f in facts]
        with _LOCK:
            try:
                text, fast = _encode(batch, flat)
                code, state = _dre.assert_facts(self._handle, text)
            except _dre.error as exc:
                raise EngineError(f"durable-rules refused the facts: {exc}") from exc
            try:
                # Drain every action, even when the result will be refused: the sentinel guarantees
                # at least one, so deleting the session below is always safe.
                firings = self._drain(state, fast)
                refused = self._refusal(code)
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
                self._discard()
                _dre.delete_ruleset(self._handle)
                self._handle = None
