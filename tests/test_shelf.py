"""The memos' bounded shelf (service/shapes.py): least recently used out, by entries and bytes, and
pieces shared between kept values counted once and let go with the last value holding them."""
from __future__ import annotations

from service.shapes import Shelf

OVER = Shelf.PIECE_OVERHEAD


def test_a_shared_piece_counts_once_and_goes_with_its_last_holder():
    shelf: Shelf[str] = Shelf(entries=10, max_bytes=10_000, door="test")
    q = b"q" * 100
    shelf.put("a", "A", 10, (q,))
    assert shelf.bytes_held == 10 + 100 + OVER and shelf.pieces == 1
    again = bytes(bytearray(q))  # an equal piece made anew: the shelf gives back the copy it holds
    assert again is not q and shelf.share(again) is q
    shelf.put("b", "B", 20, (shelf.share(again),))
    assert shelf.bytes_held == 10 + 20 + 100 + OVER and shelf.pieces == 1
    shelf.put("a", "A2", 5, ())  # replaced: its old hold on the piece is let go
    assert shelf.bytes_held == 5 + 20 + 100 + OVER and shelf.pieces == 1
    shelf.put("b", "B2", 7, ())
    assert shelf.bytes_held == 5 + 7 and shelf.pieces == 0
    assert shelf.share(again) is again  # nothing held any more


def test_the_bytes_bound_counts_shared_pieces_once():
    piece = b"p" * 1000
    shelf: Shelf[int] = Shelf(entries=1000, max_bytes=1000 + OVER + 50 * 10, door="test")
    for i in range(50):  # 50 values of 10 bytes each, all holding the one piece: they all fit
        shelf.put(i, i, 10, (shelf.share(piece),))
    assert len(shelf) == 50 and shelf.get(0) == 0
    shelf.put("big", -1, 100, (b"x" * 10,))  # over the bound: the least recently used go first
    assert shelf.get(1) is None and shelf.get(0) == 0 and shelf.get("big") == -1
    assert shelf.bytes_held <= shelf.max_bytes
    held = {k for k in range(50) if shelf.get(k) is not None}
    assert shelf.bytes_held == 10 * len(held) + 100 + 10 + 1000 + 2 * OVER


def test_entries_bound_and_eviction_order():
    shelf: Shelf[int] = Shelf(entries=3, max_bytes=10**6, door="test")
    for k in "abc":
        shelf.put(k, 1, 1)
    shelf.get("a")  # now the most recently used
    shelf.put("d", 1, 1)
    assert [k for k in "abcd" if shelf.get(k) is not None] == ["a", "c", "d"]
