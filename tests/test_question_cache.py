"""The open-question cache gives the same decisions, byte for byte, as the search without it.

Every feature incident (bench/data), the docs/examples and generated incidents are decided with the
cache off, then twice with it on (the second time from the cache), and once more under other ids
(the incident renamed, so the cached answers are mapped back to other refs); the full decision JSON
must be identical except decision_id, decided_at and the incident id itself."""
from __future__ import annotations

import copy
import datetime as dt
import json
from pathlib import Path

import pytest

from service.contract import check_incident, parse_incident
from service.decision import decide
from service.decision import questions as qmod
from service.rulebook import load_editions

from .gen_incidents import directed_incidents, example_incidents, random_incidents

ROOT = Path(__file__).resolve().parent.parent
EDITIONS = load_editions(ROOT / "rules")
AS_OF = dt.datetime(2026, 6, 1, 12, 0, tzinfo=dt.timezone.utc)


def _feature_incidents() -> list[dict]:
    out = []
    for path in sorted((ROOT / "bench" / "data").glob("feature-incidents-*.jsonl")):
        out += [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return out


def _decided(raw: dict, edition) -> str | None:
    try:
        inc = check_incident(parse_incident(copy.deepcopy(raw)), edition)
    except Exception:  # invalid for this edition: nothing to compare
        return None
    d = decide(inc, edition, AS_OF).to_dict()
    for k in ("decision_id", "decided_at", "request_digest", "incident_id"):
        d.pop(k, None)
    # crime ids are made from the incident id: name it the same in both
    return json.dumps(d, sort_keys=True, default=str).replace(json.dumps(str(raw.get("id")))[1:-1], "<INC>")


@pytest.mark.parametrize("name", sorted(EDITIONS))
def test_question_cache_gives_the_same_decisions(name, monkeypatch):
    edition = EDITIONS[name]
    incidents = _feature_incidents() + example_incidents(edition) + random_incidents(edition, 200, seed=23) + \
        [raw for _, raw in directed_incidents(edition, seed=23)]
    monkeypatch.setattr(qmod, "CACHE_SIZE", 0)
    edition.__dict__.pop("_question_cache", None)
    without = [_decided(raw, edition) for raw in incidents]
    monkeypatch.setattr(qmod, "CACHE_SIZE", 4096)
    edition.__dict__.pop("_question_cache", None)
    first = [_decided(raw, edition) for raw in incidents]
    again = [_decided(raw, edition) for raw in incidents]
    renamed = [_decided({**raw, "id": f"{raw.get('id', 'X')}-other"}, edition) for raw in incidents]
    cache = qmod.cache_of(edition)
    compared = 0
    for raw, a, b, c, d in zip(incidents, without, first, again, renamed):
        assert b == a, raw.get("id")
        assert c == a, raw.get("id")
        assert d == a, raw.get("id")
        compared += a is not None
    assert compared > 200
    assert cache.hits > cache.misses > 0  # the cache was really used
    edition.__dict__.pop("_question_cache", None)
