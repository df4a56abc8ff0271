"""The open-question cache gives the same decisions, byte for byte, as the search without it.

The feature incidents (bench/data), the docs/examples and generated incidents (a fixed share of
the feature and generated ones in make test, all in make test-long) are decided with the cache off, then twice with it on (the second time from the cache), and once more under other ids
(the incident renamed, so the cached answers are mapped back to other refs); the full decision JSON
must be identical except decision_id, decided_at and the incident id itself."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from service.decision import questions as qmod
from service.engine.runtime import runtime_of

from .editions import rules_editions
from .gen_incidents import decided_json, directed_incidents, example_incidents, feature_incidents, random_incidents
from .sampling import share

ROOT = Path(__file__).resolve().parent.parent
EDITIONS = rules_editions(ROOT / "rules")
AS_OF = dt.datetime(2026, 6, 1, 12, 0, tzinfo=dt.timezone.utc)


def _decided(raw: dict, edition) -> str | None:
    return decided_json(raw, edition, AS_OF)


@pytest.mark.parametrize("name", sorted(EDITIONS))
def test_question_cache_gives_the_same_decisions(name, monkeypatch):
    edition = EDITIONS[name]
    # half the feature incidents; the current edition gets half the generated incidents, an older
    # one (same engine and cache code, its own rules) a third of them; all with HOCR_THOROUGH
    # (tests/sampling.py)
    every = 2 if name == max(EDITIONS) else 3
    incidents = share(feature_incidents(), 2) + example_incidents(edition) + \
        share(random_incidents(edition, 200, seed=23), every) + \
        share([raw for _, raw in directed_incidents(edition, seed=23)], every)
    monkeypatch.setattr(qmod, "CACHE_SIZE", 0)
    runtime_of(edition).question_cache = None  # a fresh cache
    without = [_decided(raw, edition) for raw in incidents]
    monkeypatch.setattr(qmod, "CACHE_SIZE", 4096)
    runtime_of(edition).question_cache = None  # a fresh cache
    first = [_decided(raw, edition) for raw in incidents]
    # from the cache, as they are and under other ids: a half of them (all with HOCR_THOROUGH)
    picked = share(range(len(incidents)), 2)
    again = {i: _decided(incidents[i], edition) for i in picked}  # seen twice: planned and kept
    again = {i: _decided(incidents[i], edition) for i in picked}  # from the cache
    renamed = {i: _decided({**incidents[i], "id": f"{incidents[i].get('id', 'X')}-other"}, edition) for i in picked}
    cache = qmod.cache_of(edition)
    compared = 0
    for i, (raw, a, b) in enumerate(zip(incidents, without, first, strict=True)):
        assert b == a, raw.get("id")
        if i in again:
            assert again[i] == a, raw.get("id")
            assert renamed[i] == a, raw.get("id")
        compared += a is not None
    assert compared > 200
    assert cache.hits > 0 and cache.misses > 0 and cache.data  # the cache was really used
    runtime_of(edition).question_cache = None  # a fresh cache


def test_a_shape_is_kept_the_second_time_and_found_under_other_ids(monkeypatch):
    """A first-seen act builds no key (its sighting is new) and nothing is kept; the second time the
    shape is kept; under other ids it is then found (equal keys have equal sightings)."""
    edition = EDITIONS[max(EDITIONS)]
    monkeypatch.setattr(qmod, "CACHE_SIZE", 4096)
    tried = 0
    for raw in random_incidents(edition, 40, seed=47):
        runtime_of(edition).question_cache = None  # a fresh cache
        cache = qmod.cache_of(edition)
        once = _decided(raw, edition)
        if once is None or cache.data:  # refused, or two acts of one shape in the incident
            continue
        assert cache.misses > 0 and not cache.hits
        assert _decided(raw, edition) == once
        if not cache.data:  # no open question to keep
            continue
        hits = cache.hits
        assert _decided({**raw, "id": f"{raw.get('id', 'X')}-other"}, edition) == once
        assert cache.hits > hits
        # the acts under other ids too (the answers map back to them: test_question_cache_gives_the_same_decisions)
        ids = {a["id"]: f"{a['id']}-other" for a in raw["acts"]}
        other = {**raw, "acts": [{**a, "id": ids[a["id"]]} for a in raw["acts"]],
                 "evidence": [{**e, "acts": [ids[x] for x in e["acts"]]} for e in raw.get("evidence", [])]}
        hits = cache.hits
        assert _decided(other, edition) is not None
        assert cache.hits > hits
        tried += 1
    assert tried > 5
    runtime_of(edition).question_cache = None
