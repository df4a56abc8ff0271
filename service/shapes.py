"""What the decision memos share (service/transport/memo.py for the gRPC and HTTP doors,
service/audit/memo.py for audits): incident shapes, the stand-in id, and a bounded shelf.

Two incidents have the same *shape* when they are equal once the incident's id is left out and
every time is taken relative to the report time, and when each act falls in the same span of days
between the commencements and repeals of the edition's offences (so the same offences are in force
for it). The decision depends on nothing else: the engine never sees the incident id (the decision
only copies it into incident_id, crime ids and texts that name a crime), and times are only
compared with one another (counting's episodes, "not after") or placed in the offence table's
spans. So a shape's decision is made once under a stand-in id as long as the caller's, and the
stand-in is replaced by each caller's id; what depends on the report time itself (record_by,
deadline_passed) and what is new per call (decision_id, decided_at, request_digest) is set for
each call.

A decision that quotes one of its request's dates (a classification set aside because its offence
was not yet in force names the day) differs from day to day and is never kept. ``HOCR_DECISION_MEMO=0``
turns every memo off."""
from __future__ import annotations

import bisect
import dataclasses
import datetime as dt
import os
import pickle
import re
import threading
from collections import Counter, OrderedDict
from pathlib import Path
from typing import Any, Generic, TypeVar

from .record import metrics
from .rules.model import Edition

DEFAULT_ENTRIES = 4096
DEFAULT_BYTES = 16 * 1024 * 1024
EPOCH = dt.date(1970, 1, 1)
EPOCH_UTC = dt.datetime(1970, 1, 1, tzinfo=dt.timezone.utc)
DAY = 86_400
# the contract's incident id (contract.Id), at least two characters: a valid id is unchanged by
# the models' normalisation, and a one-character id has no stand-in that could not be something else
INCIDENT_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.:\-]{1,63}")
DEL = b"\x7f"

V = TypeVar("V")


def stand_in(length: int) -> str:
    """The incident id a shape is decided under: as long as the caller's id (so length prefixes in
    an encoding hold), "~" then DEL (0x7f) characters. Memos keep only decisions of requests and
    rule files without a DEL byte, so the stand-in is the only text holding "~" then DEL."""
    return "~" + "\x7f" * (length - 1)


def enabled_by_default() -> bool:
    return os.environ.get("HOCR_DECISION_MEMO", "1") != "0"


def default_bounds() -> tuple[int, int]:
    """(entries, bytes) of a memo: 16 MiB, and as many shapes as it holds at 2 KiB each (at least
    4,096), unless HOCR_DECISION_MEMO=0 (none) or HOCR_DECISION_MEMO_MB=N (N MiB). A kept decision
    of the gRPC door holds 1-2 KB of its own; its questions' encodings (85% of a reply) are shared
    between shapes (Shelf pieces), so the default holds about 6,000-8,000 shapes (bench/data's
    incidents); a force whose working set is larger sets the MiB."""
    if not enabled_by_default():
        return 0, 0
    raw = os.environ.get("HOCR_DECISION_MEMO_MB", "")
    try:
        mb = float(raw) if raw else DEFAULT_BYTES / 2**20
    except ValueError:
        raise ValueError(f"HOCR_DECISION_MEMO_MB must be a number of MiB, not {raw!r}") from None
    if mb <= 0:
        return 0, 0
    size = int(mb * 2**20)
    return max(DEFAULT_ENTRIES, size // 2048), size


class Spans:
    """Per edition, the days (since 1970-01-01) on which some offence comes into force or ceases:
    within a span between two of them the same offences are in force. No edition at all when a rule
    file holds a DEL byte (the stand-in's)."""

    def __init__(self, editions: dict[str, Edition], rules_dir: Path | None):
        clean = rules_dir is not None and all(
            DEL not in p.read_bytes() for p in Path(rules_dir).rglob("*") if p.is_file())
        self.by_edition: dict[str, list[int]] = {}
        for name, e in editions.items() if clean else ():
            days = {d for o in e.offences.by_key.values() for d in (o.in_force_from, o.ceased) if d is not None}
            self.by_edition[name] = sorted((d - EPOCH).days for d in days)

    def of(self, edition: str) -> list[int] | None:
        return self.by_edition.get(edition)

    @staticmethod
    def span(days: list[int], epoch_day: int) -> int:
        return bisect.bisect_right(days, epoch_day)


_ISO_DAYS: dict[int, bytes] = {}  # epoch day -> its ISO date, as quotes_a_day searches for it (bounded)


def quotes_a_day(blob: bytes, epoch_days: set[int]) -> bool:
    """Whether `blob` holds one of these days as an ISO date (YYYY-MM-DD)."""
    for d in epoch_days:
        iso = _ISO_DAYS.get(d)
        if iso is None:
            if len(_ISO_DAYS) >= 4096:
                _ISO_DAYS.clear()
            iso = _ISO_DAYS[d] = (EPOCH + dt.timedelta(days=d)).isoformat().encode()
        if iso in blob:
            return True
    return False


def _count_in_texts(value, needle: str, seen: set[int]) -> int:
    """How often `needle` occurs in the distinct strings of a value (each string object once, as
    pickle writes it once)."""
    if isinstance(value, str):
        if id(value) in seen:
            return 0
        seen.add(id(value))
        return value.count(needle)
    if dataclasses.is_dataclass(value):
        return sum(_count_in_texts(getattr(value, f.name), needle, seen) for f in dataclasses.fields(value))
    if isinstance(value, dict):
        return sum(_count_in_texts(k, needle, seen) + _count_in_texts(v, needle, seen) for k, v in value.items())
    if isinstance(value, (list, tuple)):
        return sum(_count_in_texts(v, needle, seen) for v in value)
    return 0


def pickled_exactly(value, needle: str) -> bytes | None:
    """`value` pickled, when the stand-in `needle` occurs in the pickle's bytes exactly as often as
    in its texts (so replacing it in the bytes, by an id of the same length, replaces texts alone
    and every length in the pickle holds); else None. Times must have been taken out of `value`
    (their bytes are arbitrary)."""
    blob = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
    return blob if blob.count(needle.encode("ascii")) == _count_in_texts(value, needle, set()) else None


class Shelf(Generic[V]):
    """Kept values by key, least recently used first out, bounded by entries and by bytes. Counts
    what happens in ``stats`` and in the hocr_decision_memo metric.

    Values may share *pieces* (byte strings many of them hold, such as a question's encoding:
    the same few hundred questions come back in thousands of decisions). :meth:`share` gives the
    one copy held of a piece; a piece's bytes count once however many values hold it, and go when
    the last of them does."""

    PIECE_OVERHEAD = 64  # what holding a piece costs besides its bytes (its entry, its count)

    def __init__(self, entries: int, max_bytes: int = DEFAULT_BYTES, door: str = "grpc"):
        self.entries, self.max_bytes, self.door = entries, max_bytes, door
        self._kept: OrderedDict[Any, tuple[V, int, tuple[bytes, ...]]] = OrderedDict()
        self._pieces: dict[bytes, list] = {}  # piece -> [the one copy, how many values hold it]
        self._bytes = 0
        self._lock = threading.Lock()
        self.stats: Counter = Counter()  # reused, miss, kept, not_kept

    def __len__(self) -> int:
        return len(self._kept)

    @property
    def bytes_held(self) -> int:
        return self._bytes

    @property
    def pieces(self) -> int:
        return len(self._pieces)

    def share(self, piece: bytes) -> bytes:
        """The copy of `piece` already held, or `piece` itself."""
        got = self._pieces.get(piece)
        return got[0] if got is not None else piece

    def get(self, key, count_miss: bool = True) -> V | None:
        """The value kept under `key` (counted as reused), else None (counted as a miss, unless
        not `count_miss`: the caller goes on to a look-up that counts it)."""
        with self._lock:
            got = self._kept.get(key)
            if got is not None:
                self._kept.move_to_end(key)
        if got is not None or count_miss:
            self.count("reused" if got is not None else "miss")
        return got[0] if got is not None else None

    def put(self, key, value: V, size: int, pieces: tuple[bytes, ...] = ()) -> None:
        """Keep `value`: `size` bytes of its own, and `pieces` it shares (see :meth:`share`)."""
        with self._lock:
            old = self._kept.pop(key, None)
            if old is not None:
                self._release(old)
            for p in pieces:
                held = self._pieces.get(p)
                if held is None:
                    self._pieces[p] = [p, 1]
                    self._bytes += len(p) + self.PIECE_OVERHEAD
                else:
                    held[1] += 1
            self._kept[key] = (value, size, pieces)
            self._bytes += size
            while self._kept and (len(self._kept) > self.entries or self._bytes > self.max_bytes):
                _k, gone = self._kept.popitem(last=False)
                self._release(gone)
        self.count("kept")

    def _release(self, kept: tuple) -> None:
        _value, size, pieces = kept
        self._bytes -= size
        for p in pieces:
            held = self._pieces[p]
            held[1] -= 1
            if held[1] == 0:
                del self._pieces[p]
                self._bytes -= len(p) + self.PIECE_OVERHEAD

    def count(self, result: str) -> None:
        self.stats[result] += 1
        metrics.child(metrics.MEMO, self.door, result).inc()
