"""An edition's run-time state, kept apart from its data (``service.rules.model.Edition``).

A loaded edition is immutable data and its compiled ruleset. Deciding under it also needs state that
is built on first use and lives as long as the edition: the engine session with the ruleset
registered in durable-rules, the principal crime ranker (``service.decision.counting``), and the question
search's index, cache and memos (``service.decision``). ``runtime_of(edition)`` returns that state; it goes away
with the edition (the runtime holds no reference back to it).
"""
from __future__ import annotations

import threading
import weakref
from typing import Any

from ..rules.model import Edition
from .driver import Engine


class EditionRuntime:
    def __init__(self, edition: Edition):
        self.engine_name = f"hocr_{edition.name.replace('-', '_')}"
        self._ruleset = edition.ruleset_json
        self._joins = edition.ruleset_joins or None
        self._engine: Engine | None = None
        self._lock = threading.Lock()
        self.ranker: Any = None  # service.decision.counting.Ranker, set by counting.ranker_for
        self.question_cache: Any = None  # service.decision.questions._Lru, set by questions.cache_of
        self.question_index: Any = None  # service.decision.index.EditionIndex, set by index_of
        # (alias, attr, act type) -> a question's texts; (alias, attr, act type, placeholder, skip) ->
        # a cached plan's parts for a need, shared by every plan (questions.py)
        self.question_parts: dict = {}
        self.checklist_of: dict | None = None  # attribute -> its checklist (questions.py)

    @property
    def engine(self) -> Engine:
        """The edition's engine (its ruleset registered once, one long-lived session)."""
        if self._engine is None:
            with self._lock:
                if self._engine is None:
                    self._engine = Engine(self.engine_name, self._ruleset, self._joins)
        return self._engine


_RUNTIMES: "weakref.WeakKeyDictionary[Edition, EditionRuntime]" = weakref.WeakKeyDictionary()
_LOCK = threading.Lock()


# the edition asked for last and its runtime: nearly every call asks for the same edition, and a
# weak dictionary's look-up (a new weak reference each time) was a tenth of a first-seen decision
# (held weakly, so the edition still goes away when nothing else holds it)
_last: tuple[Any, Any] = (lambda: None, lambda: None)


def runtime_of(edition: Edition) -> EditionRuntime:
    """The runtime of a loaded edition (created on first use)."""
    global _last
    last_edition, last_rt = _last
    if last_edition() is edition:
        rt = last_rt()
        if rt is not None:
            return rt
    rt = _RUNTIMES.get(edition)
    if rt is None:
        with _LOCK:
            rt = _RUNTIMES.get(edition)
            if rt is None:
                rt = _RUNTIMES[edition] = EditionRuntime(edition)
    _last = (weakref.ref(edition), weakref.ref(rt))
    return rt


def engine_of(edition: Edition) -> Engine:
    """The engine that runs an edition's ruleset (built on first use)."""
    return runtime_of(edition).engine
