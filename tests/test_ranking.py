"""The principal crime ranker's look-ups by bit mask (service/rules/ranking.py) say what reading
the edition's entries one by one, in their order, says: which precedence exception (the first
that speaks of the pair) puts which of two classifications first, and which specificity entry
records one instead of the other."""
from __future__ import annotations

import pytest

from service.rules.counting import Precedence, Selector, _any
from service.rules.ranking import Candidate, Ranker

from .editions import rules_editions
from .sampling import share

EDITIONS = rules_editions()


def _candidates(edition) -> list[Candidate]:
    keys = {r.consequence("classify") for r in edition.rules if r.consequence("classify")}
    return [Candidate("", 0, cls, code, None, frozenset(), None) for cls, code in sorted(keys)]


def _first_exception(ranker: Ranker, a: Candidate, b: Candidate):
    """The precedence entries read in their order: the first that puts a over b, or b over a."""
    if (a.cls, a.code) == (b.cls, b.code):
        return 0, None
    oa, ob = ranker.offence(a), ranker.offence(b)
    for p in ranker.precedence:
        if _any(p.principal, a.cls, a.code, oa) and _any(p.over, b.cls, b.code, ob):
            return -1, p
        if _any(p.principal, b.cls, b.code, ob) and _any(p.over, a.cls, a.code, oa):
            return 1, p
    return 0, None


def _first_specificity(ranker: Ranker, a: Candidate, b: Candidate):
    if (a.cls, a.code) == (b.cls, b.code):
        return None
    oa, ob = ranker.offence(a), ranker.offence(b)
    for s in ranker.specificity:
        if _any(s.specific, a.cls, a.code, oa) and _any(s.general, b.cls, b.code, ob) \
                and not _any(s.specific, b.cls, b.code, ob) and not (s.same_code and a.code != b.code):
            return s
    return None


@pytest.mark.parametrize("name", sorted(EDITIONS))
def test_the_masks_give_what_reading_the_entries_in_order_gives(name):
    edition = EDITIONS[name]
    ranker = Ranker(edition.offences, edition.counting)
    cands = _candidates(edition)
    assert len(cands) > 100 and ranker.precedence and ranker.specificity
    spoken = 0
    for a in cands:  # against a sixth of them, every pair with HOCR_THOROUGH (tests/sampling.py)
        for b in share(cands, 6) + [a]:
            got, want = ranker.precedence_of(a, b), _first_exception(ranker, a, b)
            assert got[0] == want[0] and got[1] is want[1], (a.cls, a.code, b.cls, b.code)
            assert ranker.more_specific(a, b) is _first_specificity(ranker, a, b), (a.cls, a.code, b.cls, b.code)
            spoken += bool(want[0])
    assert spoken > 50  # the exceptions speak of many of the pairs


def test_the_first_exception_that_speaks_of_a_pair_decides_it():
    """Two exceptions ordering one pair both ways: the earlier one wins, either way round."""
    edition = EDITIONS[max(EDITIONS)]
    cands = _candidates(edition)
    a, b = cands[0], cands[-1]

    def only(c: Candidate):
        return (Selector(classes=frozenset([c.cls]), codes=frozenset([c.code])),)
    a_over_b = Precedence("a-over-b", "", only(a), only(b))
    b_over_a = Precedence("b-over-a", "", only(b), only(a))
    for entries, first in (((a_over_b, b_over_a), -1), ((b_over_a, a_over_b), 1)):
        r = Ranker(edition.offences, edition.counting)
        r.precedence = entries
        assert r.precedence_of(a, b) == (first, entries[0])
        assert r.precedence_of(b, a) == (-first, entries[0])
        assert r.compare(a, b) == first
