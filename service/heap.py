"""The garbage collector of a long-running process (issue 11).

A process that decides holds a large heap that lives as long as it does (the editions, their
compiled rules, indexes and caches: some 180,000 objects), and every collection of the oldest
generation walked all of it. Deciding creates no reference cycles (tests/test_heap.py checks), so
collecting is pure overhead: measured on first-seen incidents it was a third of a decision's time.

``settle()`` is called by each long-running door once its editions are loaded, before it takes
work: it moves what is there to the permanent generation (``gc.freeze``: never walked again, still
freed when nothing refers to it) and makes collections rarer. It does not collect first: loading
leaves no cycles behind (a collection there freed nothing and took 90 ms of each process's
start-up; were there any, they would stay, once). The collector
stays on, so a cycle made by a later change is still freed. ``paused()`` holds collections back
while the editions are loaded (service/api.py): loading builds that heap, and the collections it
set off walked it again and again: a service built from the copy on disk took 0.41-0.44 s in
process with them and 0.17-0.20 s without (`hocr serve` to SERVING gains less, 0.01-0.13 s of
0.8-0.9 s, as most of its start is elsewhere). ``HOCR_GC=default`` leaves the
collector as Python sets it; ``HOCR_GC_THRESHOLD`` (default "20000,20,20") sets the thresholds.
"""
from __future__ import annotations

import contextlib
import gc
import os
from typing import Iterator

DEFAULT_THRESHOLD = (20000, 20, 20)


def thresholds() -> tuple[int, int, int]:
    text = os.environ.get("HOCR_GC_THRESHOLD", "")
    if not text:
        return DEFAULT_THRESHOLD
    try:
        got = tuple(int(x) for x in text.split(","))
    except ValueError:
        raise SystemExit(f"HOCR_GC_THRESHOLD must be three whole numbers, like 20000,20,20: got {text!r}") from None
    if len(got) != 3 or min(got) < 1:
        raise SystemExit(f"HOCR_GC_THRESHOLD must be three whole numbers above 0, like 20000,20,20: got {text!r}")
    return got  # type: ignore[return-value]


def settle() -> bool:
    """Freeze the heap built so far and set the thresholds; False when HOCR_GC=default."""
    if os.environ.get("HOCR_GC", "") == "default":
        return False
    gc.freeze()
    gc.set_threshold(*thresholds())
    return True


@contextlib.contextmanager
def paused() -> Iterator[None]:
    """No collection inside (the collector is turned back on after, if it was on before), unless
    HOCR_GC=default."""
    if os.environ.get("HOCR_GC", "") == "default" or not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()
