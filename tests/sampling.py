"""How much of the large equivalence inputs a test run takes.

`make test` (the three-minute suite) decides a deterministic share of the generated and directed
incidents in the equivalence tests (cache, index, proto path) and a shorter JSON Lines file;
`make test-long` sets HOCR_THOROUGH=1 and runs them whole. The share is the same on every run, so a
failure is reproducible; what it leaves out is the same code on more inputs, not other code."""
from __future__ import annotations

import os
from typing import Sequence, TypeVar

T = TypeVar("T")
THOROUGH = os.environ.get("HOCR_THOROUGH") == "1"


def share(items: Sequence[T], every: int) -> list[T]:
    """All of `items` in a thorough run, else every `every`-th of them."""
    return list(items) if THOROUGH else list(items)[::every]


def size(quick: int, thorough: int) -> int:
    return thorough if THOROUGH else quick
