"""An edition's runtime (engine, ranker, question index and caches) lives as long as its edition."""
from __future__ import annotations

import gc
import weakref
from pathlib import Path

from service import edition_cache
from service.engine.runtime import _RUNTIMES, runtime_of
from service.rules.load import load_editions

ROOT = Path(__file__).resolve().parent.parent


def test_a_runtime_goes_away_with_its_edition():
    editions = edition_cache.load_editions(ROOT / "rules", load_editions)
    a, b = sorted(editions)
    ea = editions[a]
    rt = runtime_of(ea)
    assert runtime_of(ea) is rt  # the same runtime each time (the last one asked for is remembered)
    assert runtime_of(editions[b]) is not rt and runtime_of(ea) is rt
    gone = weakref.ref(rt)
    before = len(_RUNTIMES)
    del ea, rt, editions
    gc.collect()
    assert gone() is None and len(_RUNTIMES) < before
