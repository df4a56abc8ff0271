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


def test_a_cached_start_decides_as_a_start_from_yaml(cache):
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
    cached = DecisionService()  # editions and searches read from the copies
    assert _decided(cached) == _decided(first)


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
    calls = []
    edition_cache.load_editions(default_rules_dir(), _yaml_loader(calls))  # saves a copy
    (path,) = cache.glob("editions-*.pickle")
    path.write_bytes(b"not a pickle")
    calls.clear()
    got = edition_cache.load_editions(default_rules_dir(), _yaml_loader(calls))
    assert len(calls) == 1 and sorted(got) == ["2022-23", "2026-27"]  # fell back to the YAML loader
    again = edition_cache.load_editions(default_rules_dir(), lambda d: calls.append(d) or {})
    assert len(calls) == 1 and sorted(again) == sorted(got)  # ... and saved a good copy in its place


def test_a_copy_others_can_write_is_not_read(cache):
    calls = []
    edition_cache.load_editions(default_rules_dir(), _yaml_loader(calls))  # saves a copy
    (path,) = cache.glob("editions-*.pickle")
    os.chmod(path, 0o666)
    calls.clear()
    edition_cache.load_editions(default_rules_dir(), _yaml_loader(calls))
    assert calls, "a world-writable copy was read"
    os.chmod(cache, 0o777)
    calls.clear()
    edition_cache.load_editions(default_rules_dir(), _yaml_loader(calls))
    assert calls, "a copy in a world-writable folder was read"


# ------------------------------------------------------------ the question search, made at start-up

def _searches(service: DecisionService) -> dict:
    """Every edition's act types -> the source of the search the service made for it."""
    from service.decision.index import index_of
    out = {}
    for name, edition in service.editions.items():
        index = index_of(edition)
        out[name] = {t: index._every_type()[t]._search.source for t in index.search_types()}
    return out


def _mark(path: Path, edit) -> None:
    """Rewrite the copy on disk with `edit(edition name, act type, (source, consts, fallback,
    code))` giving each entry's new value (None: leave the type out)."""
    import marshal
    got = marshal.loads(path.read_bytes())
    out = {name: {t: v for t, m in types.items() if (v := edit(name, t, m)) is not None}
           for name, types in got.items()}
    path.write_bytes(marshal.dumps(out))


def _marked(name, t, m):
    """An entry whose source says it came from the copy (the code is the same)."""
    return (m[0] + "# from the copy\n", *m[1:])


@pytest.fixture(scope="module")
def warm(tmp_path_factory):
    """A cache folder a service has filled (editions and searches), made once for the module:
    (the folder, the searches that service made, its decision of the example)."""
    folder = tmp_path_factory.mktemp("warm") / "cache"
    saved = {k: os.environ.get(k) for k in ("HOCR_CACHE_DIR", "HOCR_EDITION_CACHE")}
    os.environ["HOCR_CACHE_DIR"] = str(folder)
    os.environ.pop("HOCR_EDITION_CACHE", None)
    try:
        service = DecisionService()
    finally:
        for k, v in saved.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v
    return folder, _searches(service), _decided(service)


@pytest.fixture
def warmed(warm, cache):
    """`cache` holding a copy of the warm folder (its modes kept: private)."""
    shutil.copytree(warm[0], cache)
    return warm


def test_the_service_makes_every_act_types_search_at_start_up(cache, monkeypatch):
    """No request compiles a search: every act type's (and the unknown type's) is made when the
    service starts, and kept in one copy beside the editions, under their key; the next start
    reads it back without working out any source, and decides the same."""
    from service.decision.index import EditionIndex
    service = DecisionService()
    made = _searches(service)
    for types in made.values():
        assert types and all(src.startswith("def search(") for src in types.values())
    (copy,) = cache.glob("searches-*.marshal")
    (editions,) = cache.glob("editions-*.pickle")
    assert copy.name.split("-")[1].split(".")[0] == editions.name.split("-")[1].split(".")[0]

    def no_sources(self):
        raise AssertionError("a source was worked out although the copy holds them")
    monkeypatch.setattr(EditionIndex, "search_sources", no_sources)
    again = DecisionService()
    assert list(cache.glob("searches-*.marshal")) == [copy]
    assert _searches(again) == made
    assert _decided(again) == _decided(service)


def test_the_searches_are_read_from_the_copy_for_the_same_rules_only(warmed, cache, tmp_path):
    (path,) = cache.glob("searches-*.marshal")
    _mark(path, _marked)
    read = _searches(DecisionService())  # the copy is what is read
    assert all(src.endswith("# from the copy\n") for types in read.values() for src in types.values())
    rules = tmp_path / "rules"  # other rules (a comment changes the key): a copy of their own
    shutil.copytree(default_rules_dir(), rules)
    manifest = next(rules.glob("*/edition.yaml"))
    manifest.write_text(manifest.read_text(encoding="utf-8") + "\n# another key\n", encoding="utf-8")
    other = _searches(DecisionService(rules))
    assert not any(src.endswith("# from the copy\n") for types in other.values() for src in types.values())
    assert len(list(cache.glob("searches-*.marshal"))) == 2


@pytest.mark.parametrize("spoil", ["corrupt", "others_can_write", "a_type_missing", "no_key"])
def test_a_bad_or_unsafe_copy_of_the_searches_is_not_read(warmed, cache, spoil):
    """A copy that is corrupt, that others could have written, or that lacks an act type, and
    searches asked for with no editions' key: the searches are made afresh, every act type's, and
    decide as before."""
    _folder, fresh, decided = warmed
    (path,) = cache.glob("searches-*.marshal")
    _mark(path, _marked)  # a copy that shows when it is read
    if spoil == "corrupt":
        path.write_bytes(b"not marshal")
    elif spoil == "others_can_write":
        os.chmod(path, 0o666)
    elif spoil == "a_type_missing":
        _mark(path, lambda name, t, m: None if t is None else m)
    if spoil == "no_key":
        got = edition_cache.searches(None, lambda: {"x": {}})
        assert got == {"x": {}}  # made, not read
        return
    service = DecisionService()
    assert _searches(service) == fresh
    assert _decided(service) == decided


def test_searches_compiles_what_it_makes():
    """Made (nothing read): each source compiled, with its constants and fallback as given."""
    got = edition_cache.searches(None, lambda: {"e": {"t": ("def search():\n    return C0\n", {"C0": 7}, False)}})
    source, consts, fallback, code = got["e"]["t"]
    ns = dict(consts)
    exec(code, ns)
    assert ns["search"]() == 7 and fallback is False and source.startswith("def search")


def _counted(monkeypatch) -> list[str]:
    compiled: list[str] = []
    real = edition_cache._compile

    def counting(source, filename, mode):
        compiled.append(source)
        return real(source, filename, mode)
    monkeypatch.setattr(edition_cache, "_compile", counting)
    return compiled


def _made(**sources: str):
    return lambda: {"e": {t: (src, {}, False) for t, src in sources.items()}}


def test_a_new_rules_key_compiles_only_the_searches_whose_source_changed(cache, monkeypatch):
    """A rule author's edit gives the whole tree a new key, but only the act types it touches get a
    new search: the others' code is taken from the copy kept by source (and runs the same)."""
    compiled = _counted(monkeypatch)
    a, b, b2 = "def search():\n    return 1\n", "def search():\n    return 2\n", "def search():\n    return 3\n"
    edition_cache.searches("k1", _made(a=a, b=b))
    assert sorted(compiled) == [a, b]
    compiled.clear()
    got = edition_cache.searches("k2", _made(a=a, b=b2))  # b edited, a as it was
    assert compiled == [b2]
    for t, want in (("a", 1), ("b", 3)):
        ns: dict = {}
        exec(got["e"][t][3], ns)
        assert ns["search"]() == want
    compiled.clear()
    edition_cache.searches("k3", _made(a=a, b=b))  # and back: both are still kept
    assert compiled == []
    (cache / edition_cache.BY_SOURCE).chmod(0o664)  # a copy others could write is not read
    edition_cache.searches("k4", _made(a=a, b=b))
    assert sorted(compiled) == [a, b]


def test_the_searches_kept_by_source_are_bounded_newest_first(cache, monkeypatch):
    import marshal

    monkeypatch.setattr(edition_cache, "BY_SOURCE_ENTRIES", 3)
    sources = [f"def search():\n    return {i}\n" for i in range(5)]
    for i, src in enumerate(sources):
        edition_cache.searches(f"k{i}", _made(t=src))
    kept = marshal.loads((cache / edition_cache.BY_SOURCE).read_bytes())
    assert list(kept) == [edition_cache._source_key(s, "<question search>") for s in reversed(sources[2:])]
