"""Declared precedence by role (`rule_precedence` in general/counting.yaml): the entries order the
rules they select as explicit `overrides` links would, and replacing the links by them changed no
precedence and no decision.

The equivalence test compares with the rules as they were before the entries replaced the links
(commit BASE, read with git): every rule has exactly the same overriders, and every feature incident
gets the same decision. A later change that means to change precedence moves BASE forward."""
from __future__ import annotations

import datetime as dt
import io
import shutil
import subprocess
import tarfile
from pathlib import Path

import pytest

from service.explain import explain_rule
from service.rules.counting import declared_entries
from service.rules.load import load_editions
from service.rules.model import Negate, Note, Rule
from service.rules.problems import RulebookError
from service.rules.ranking import declared_pairs

from .editions import rules_editions
from .gen_incidents import decided_json, feature_incidents
from .sampling import share

ROOT = Path(__file__).resolve().parent.parent
BASE = "562a796"  # the last commit with the hand-written links the entries replaced
AS_OF = dt.datetime(2026, 6, 1, 12, 0, tzinfo=dt.timezone.utc)


def _rule(rid: str, *consequences, overrides=(), act_types=None) -> Rule:
    return Rule(rid, "cite", "summary", "f.yaml", 1, (), tuple(consequences), tuple(overrides), act_types)


NOTE, NEG = Note("recorded after all"), Negate("crime_related_incident", "not recorded")


def test_an_entry_orders_the_rules_it_selects_within_each_family():
    rules = [_rule("a.records", NOTE), _rule("a.waits", NEG), _rule("b.records", NOTE), _rule("b.waits", NEG),
             _rule("c.records", NOTE), _rule("c.waits", NEG)]
    entries = declared_entries({"rule_precedence": [
        {"id": "p", "cite": "c", "text": "t", "within": ["a", "b"], "rules": [{"does": ["note"]}],
         "over": [{"does": ["negate"]}]}]})
    assert declared_pairs(rules, entries) == {("a.records", "a.waits"): "p", ("b.records", "b.waits"): "p"}


def test_an_explicit_link_the_other_way_and_disjoint_act_types_win():
    rules = [_rule("x.one", NOTE, act_types=("use_of_force",)), _rule("x.two", NOTE),
             _rule("y.one", NEG, overrides=["x.two"]), _rule("y.two", NEG, act_types=("taking_property",))]
    entries = declared_entries({"rule_precedence": [
        {"id": "p", "cite": "c", "text": "t", "rules": [{"family": ["x"]}], "over": [{"family": ["y"]}]}]})
    # x.two over y.one is set aside by y.one's own link; x.one and y.two never meet on one act
    assert declared_pairs(rules, entries) == {("x.one", "y.one"): "p", ("x.two", "y.two"): "p"}


def test_selectors_ids_does_and_except():
    rules = [_rule("m.a", NOTE), _rule("m.b", NOTE), _rule("n.a", NEG), _rule("n.b", NOTE)]
    entries = declared_entries({"rule_precedence": [
        {"id": "p", "cite": "c", "text": "t", "rules": [{"family": ["m"], "except": [{"ids": ["m.b"]}]}],
         "over": [{"family": ["n"], "does": ["negate"]}]}]})
    assert declared_pairs(rules, entries) == {("m.a", "n.a"): "p"}


EDITIONS = rules_editions(ROOT / "rules")


def test_the_real_entries_order_what_the_links_did_and_explain_names_them():
    ed = EDITIONS["2026-27"]
    assert ed.ranked_precedence[("location.air.departed-here", "location.outside-uk")] == \
        "declared precedence.the-air-decides-who-records"
    # within a family only: the footage rule does not set aside the third-party rules
    assert "ncrs.video.necessary-or-appropriate" not in ed.overriders["ncrs.third-party.victim-declines"]
    assert "ncrs.third-party.necessary-or-appropriate" in ed.overriders["ncrs.third-party.victim-declines"]
    text = explain_rule(ed, "schools.crime-related-incident")
    assert "by declared precedence precedence.recorded-despite-the-general-reason" in text


def _copy_rules(tmp_path: Path) -> Path:
    dst = tmp_path / "rules"
    shutil.copytree(ROOT / "rules", dst)
    return dst


def test_an_entry_selecting_no_rule_fails_the_check(tmp_path):
    rules = _copy_rules(tmp_path)
    counting = rules / "2026-27" / "general" / "counting.yaml"
    counting.write_text(counting.read_text(encoding="utf-8").replace(
        "rules: [family: [location.air]]", "rules: [family: [location.aire]]"), encoding="utf-8")
    with pytest.raises(RulebookError) as err:
        load_editions(rules)
    assert "precedence.the-air-decides-who-records [rule_precedence.rules] selects no rule" in str(err.value)


def test_without_the_entries_the_rules_they_order_are_no_longer_ordered(tmp_path):
    rules = _copy_rules(tmp_path)
    counting = rules / "2026-27" / "general" / "counting.yaml"
    text = counting.read_text(encoding="utf-8")
    counting.write_text(text[:text.index("\nrule_precedence:")] + "\n", encoding="utf-8")
    ed = load_editions(rules)["2026-27"]
    assert "location.air.departed-here" not in ed.overriders["location.outside-uk"]
    assert "schools.serious-offence" not in ed.overriders["schools.crime-related-incident"]


def _base_rules(tmp_path: Path) -> Path | None:
    try:
        tar = subprocess.run(["git", "-C", str(ROOT), "archive", BASE, "rules"], capture_output=True, check=True).stdout
    except (OSError, subprocess.CalledProcessError):
        return None
    with tarfile.open(fileobj=io.BytesIO(tar)) as t:
        t.extractall(tmp_path, filter="data")
    return tmp_path / "rules"


def _decided(raw: dict, edition) -> str | None:
    return decided_json(raw, edition, AS_OF, ignore=("rules_revision",))  # two loads: two revisions


def test_the_entries_changed_no_precedence_and_no_decision(tmp_path):
    base_dir = _base_rules(tmp_path)
    if base_dir is None:
        pytest.skip(f"the commit {BASE} is not in this checkout")
    base = load_editions(base_dir)
    for name, ed in EDITIONS.items():
        for b, n in ((base[name], ed), (base[name].reviews, ed.reviews)):
            assert {k: v for k, v in n.overriders.items() if v} == {k: v for k, v in b.overriders.items() if v}
    incidents = feature_incidents()
    compared = 0
    for name in sorted(EDITIONS):
        for raw in share(incidents, 8):
            got, want = _decided(raw, EDITIONS[name]), _decided(raw, base[name])
            assert got == want, raw.get("id")
            compared += got is not None
    assert compared > 200


def test_every_declared_entry_is_named_by_a_scenario():
    """Each `specificity` and `rule_precedence` entry is asserted by a scenario that names it (the
    step `rule "<a>" was overridden by "<b>" under "<entry id>"`, or an Examples cell it reads)."""
    text = "\n".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "features").rglob("*.feature")))
    for ed in EDITIONS.values():
        raw = ed.counting.raw
        ids = [str(e["id"]) for key in ("specificity", "rule_precedence") for e in raw.get(key) or []]
        assert ids
        missing = [i for i in ids if i not in text]
        assert not missing, f"{ed.name}: no scenario names {missing}"


def test_a_loop_of_links_and_entries_fails_the_check(tmp_path):
    rules = _copy_rules(tmp_path)
    counting = rules / "2026-27" / "general" / "counting.yaml"
    # fraud.abroad.no-connection overrides fraud.report-fraud (an explicit link); two entries close
    # the circle through the fraud note
    counting.write_text(counting.read_text(encoding="utf-8") + """
  - id: precedence.probe-one
    cite: {source: CRR-2026-27, page: 8}
    text: probe
    rules: [ids: [fraud.report-fraud]]
    over: [ids: [fraud.call-for-service.note]]
  - id: precedence.probe-two
    cite: {source: CRR-2026-27, page: 8}
    text: probe
    rules: [ids: [fraud.call-for-service.note]]
    over: [ids: [fraud.abroad.no-connection]]
""", encoding="utf-8")
    with pytest.raises(RulebookError) as err:
        load_editions(rules)
    assert "rule fraud.report-fraud [overrides] takes precedence over itself" in str(err.value)
