"""The editions kept on disk for start-up (service/edition_cache.py): the same decisions as loading
from YAML, a new copy whenever a rule file changes, and nothing read that another user could have
written or that is corrupt."""
from __future__ import annotations

import datetime as dt
import json
import os
import shutil
from pathlib import Path

import pytest

from service import edition_cache
from service.api import DecisionService
from service.rules.load import default_rules_dir, load_editions

AS_OF = dt.datetime(2026, 6, 1, 12, tzinfo=dt.timezone.utc)
EXAMPLE = json.loads((Path(__file__).resolve().parent.parent / "docs" / "examples" /
                      "ex-partner-assault.json").read_text(encoding="utf-8"))


@pytest.fixture
def cache(tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    monkeypatch.setenv("HOCR_CACHE_DIR", str(folder))
    monkeypatch.delenv("HOCR_EDITION_CACHE", raising=False)
    return folder


_LOADED: dict = {}


def _yaml_loader(calls: list):
    """A loader that records its call and loads from YAML, once per module (a test that only asks
    whether the loader was called need not pay for a load from YAML each time)."""
    def load(d):
        calls.append(d)
        if d not in _LOADED:
            _LOADED[d] = load_editions(d)
        return _LOADED[d]
    return load


def _decided(service: DecisionService) -> dict:
    d = service.decide(EXAMPLE, as_of=AS_OF).to_dict()
    for volatile in ("decision_id", "decided_at"):
        d.pop(volatile, None)
    return d


def test_a_cached_start_decides_as_a_start_from_yaml(cache, monkeypatch):
    first = DecisionService()  # loads from YAML and saves
    saved = list(cache.glob("editions-*.pickle"))
    assert len(saved) == 1
    calls = []
    again = edition_cache.load_editions(default_rules_dir(), lambda d: calls.append(d) or load_editions(d))
    assert calls == []  # read from the copy, the YAML loader not called
    assert sorted(again) == sorted(first.editions)
    for name, e in first.editions.items():
        assert again[name].revision == e.revision
        assert [r.id for r in again[name].rules] == [r.id for r in e.rules]
        assert again[name].ruleset_json == e.ruleset_json
    cached = DecisionService()
    monkeypatch.setenv("HOCR_EDITION_CACHE", "0")
    plain = DecisionService()
    assert _decided(cached) == _decided(plain) == _decided(first)


def test_a_changed_rule_file_is_loaded_afresh(cache, tmp_path):
    rules = tmp_path / "rules"
    shutil.copytree(default_rules_dir(), rules)
    before = edition_cache.load_editions(rules)
    key_before = edition_cache.key(rules)
    manifest = next(rules.glob("*/edition.yaml"))
    manifest.write_text(manifest.read_text(encoding="utf-8") + "\n# a comment changes the digest\n",
                        encoding="utf-8")
    assert edition_cache.key(rules) != key_before
    after = edition_cache.load_editions(rules)
    name = next(n for n, e in after.items() if e.root == manifest.parent)
    assert after[name].revision != before[name].revision  # loaded from the changed files, not the old copy
    assert len(list(cache.glob("editions-*.pickle"))) == 2


def test_a_corrupt_copy_means_loading_from_yaml(cache):
    DecisionService()
    (path,) = cache.glob("editions-*.pickle")
    path.write_bytes(b"not a pickle")
    calls = []
    got = edition_cache.load_editions(default_rules_dir(), _yaml_loader(calls))
    assert len(calls) == 1 and sorted(got) == ["2022-23", "2026-27"]  # fell back to the YAML loader
    again = edition_cache.load_editions(default_rules_dir(), lambda d: calls.append(d) or {})
    assert len(calls) == 1 and sorted(again) == sorted(got)  # ... and saved a good copy in its place


def test_a_copy_others_can_write_is_not_read(cache):
    DecisionService()
    (path,) = cache.glob("editions-*.pickle")
    os.chmod(path, 0o666)
    calls = []
    edition_cache.load_editions(default_rules_dir(), _yaml_loader(calls))
    assert calls, "a world-writable copy was read"
    os.chmod(cache, 0o777)
    calls.clear()
    edition_cache.load_editions(default_rules_dir(), _yaml_loader(calls))
    assert calls, "a copy in a world-writable folder was read"


# ------------------------------------------------------------ the question search's compiled code

_SOURCES = ["def search():\n    return 1\n", "def search():\n    return 2\n"]


def _run(code) -> int:
    ns: dict = {}
    exec(code, ns)
    return ns["search"]()


def test_the_service_makes_every_act_types_search_at_start_up(cache):
    """No request compiles a search: every act type's (and the unknown type's) is made when the
    service starts, from code the next start reads back."""
    service = DecisionService()
    from service.decision.index import index_of
    for edition in service.editions.values():
        index = index_of(edition)
        for t in [*index.types.values(), index.any_type]:
            assert t._search is not None and t._search.source.startswith("def search(")
    assert len(list(cache.glob("code-*.marshal"))) == len(service.editions)
    again = DecisionService()  # the same sources: each edition's code read back, no new file
    assert len(list(cache.glob("code-*.marshal"))) == len(again.editions)
    assert _decided(again) == _decided(service)


def test_compiled_code_is_read_back_for_the_same_sources_only(cache):
    codes = edition_cache.compiled(_SOURCES)
    assert [_run(codes[s]) for s in _SOURCES] == [1, 2]
    (path,) = cache.glob("code-*.marshal")
    # the copy is what is read: swap its two codes and the same sources give the swapped answers
    import marshal
    a, b = marshal.loads(path.read_bytes())
    path.write_bytes(marshal.dumps([b, a]))
    got = edition_cache.compiled(_SOURCES)
    assert [_run(got[s]) for s in _SOURCES] == [2, 1]
    other = edition_cache.compiled(_SOURCES[:1])  # other sources: another copy, compiled afresh
    assert _run(other[_SOURCES[0]]) == 1 and len(list(cache.glob("code-*.marshal"))) == 2


@pytest.mark.parametrize("spoil", ["corrupt", "others_can_write", "off"])
def test_a_bad_or_unsafe_code_copy_is_not_read(cache, monkeypatch, spoil):
    import marshal
    edition_cache.compiled(_SOURCES)
    (path,) = cache.glob("code-*.marshal")
    a, b = marshal.loads(path.read_bytes())
    path.write_bytes(marshal.dumps([b, a]))  # a copy that would give the wrong answers if read
    if spoil == "corrupt":
        path.write_bytes(b"not marshal")
    elif spoil == "others_can_write":
        os.chmod(path, 0o666)
    else:
        monkeypatch.setenv("HOCR_EDITION_CACHE", "0")
    got = edition_cache.compiled(_SOURCES)
    assert [_run(got[s]) for s in _SOURCES] == [1, 2]
