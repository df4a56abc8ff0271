"""Tables as data (service/tables.py): a table file is checked row by row, at the row's line, and a
rule that classifies by looking it up stands for one rule per row, which a later edition may
replace row by row."""
from __future__ import annotations

import shutil

import pytest

from service.api import DecisionService
from service.rulebook import RulebookError, load_edition, load_editions

from .conftest import ROOT
from .test_rulebook import edit, problems

DRUGS = "data/drug-classes.yaml"


@pytest.fixture
def edition_copy(tmp_path):
    dst = tmp_path / "rules" / "2026-27"
    shutil.copytree(ROOT / "rules" / "2026-27", dst)
    return dst


def test_each_row_is_a_rule_that_names_its_row_and_cites_it():
    e = load_edition(ROOT / "rules" / "2026-27")
    r = e.rule_by_id["drugs.supply.heroin"]
    assert r.row[:2] == ("drug-classes", ("supply", "heroin")) and r.row_ref == "drug-classes[supply, heroin]"
    assert r.row[2].endswith(DRUGS) and r.row[3] > 0
    assert r.consequence("classify") == ("92A", "092/31")
    # the rule's own conditions still apply beside the row's key
    tests = {(t.attr, t.op, t.value) for t in r.pattern("act").tests}
    assert ("activity", "eq", "supply") in tests and ("drug", "eq", "heroin") in tests
    assert ("points_to_prove_made_out", "eq", True) in tests
    # a row the rule's own conditions exclude is not one of its rules (possession is another rule's)
    assert "drugs.possession.cocaine" in e.rule_by_id and "drugs.possession.cannabis" in e.rule_by_id
    assert "drugs.possession.possession.cocaine" not in e.rule_by_id
    cannabis = e.rule_by_id["drugs.possession.cannabis"]
    assert cannabis.consequence("classify") == ("92E", "092/61")
    assert ("identification", "in", ("lab_or_field_test", "admission", "officer_experience")) in {
        (t.attr, t.op, t.value) for t in cannabis.pattern("act").tests}


def test_a_key_value_outside_the_vocabulary_is_reported_at_the_row(edition_copy):
    line = edit(edition_copy, DRUGS, "{activity: supply, drug: heroin,", "{activity: supply, drug: heroine,")
    found = problems(edition_copy)
    hits = [p for p in found if p.file.endswith(DRUGS) and p.line == line and p.field == "when.act.drug"]
    assert hits and hits[0].suggestion == "heroin" and hits[0].rule_id == "drugs.supply.heroine", [str(p) for p in found]
    assert "did you mean 'heroin'" in str(hits[0])


def test_an_unknown_code_is_reported_at_the_row(edition_copy):
    line = edit(edition_copy, DRUGS, 'drug: heroin, class: "92A", code: "092/31"', 'drug: heroin, class: "92A", code: "092/39x"')
    found = problems(edition_copy)
    assert any(p.line == line and p.rule_id == "drugs.supply.heroin" and "not listed under class 92A" in p.message
               for p in found), [str(p) for p in found]
    assert any(p.suggestion for p in found if p.line == line)


def test_duplicate_keys_and_rows_without_citation_are_rejected(edition_copy):
    text = (edition_copy / DRUGS).read_text(encoding="utf-8")
    lines = text.splitlines()
    at = next(i for i, line in enumerate(lines) if "{activity: supply, drug: heroin," in line)
    row = "\n".join(lines[at:at + 2])  # a row and its citation, as `hocr rules fmt` lays it out
    assert row.rstrip().endswith("}")
    text = text + row + "\n"
    lsd = next(i for i, line in enumerate(text.splitlines()) if "{activity: supply, drug: lsd," in line)
    lines = text.splitlines()
    lines[lsd:lsd + 2] = ['  - {activity: supply, drug: lsd, class: "92A", code: "092/32"}']
    (edition_copy / DRUGS).write_text("\n".join(lines) + "\n", encoding="utf-8")
    found = {(p.rule_id, p.field): p for p in problems(edition_copy)}
    dup = found[("drug-classes[supply, heroin]", "key")]
    assert "duplicate key [supply, heroin]" in dup.message and dup.file.endswith(DRUGS)
    assert ("drug-classes[supply, lsd]", "cite") in found


def test_an_unknown_table_or_column_gets_a_did_you_mean(edition_copy):
    edit(edition_copy, "offences/society/breaches.yaml", "table: breach-orders", "table: breach-order")
    edit(edition_copy, DRUGS, "{activity: supply, drug: heroin,", "{activity: supply, drugg: heroin, drug: heroin,")
    found = problems(edition_copy)
    assert any(p.field == "then.classify.table" and p.suggestion == "breach-orders" for p in found), [str(p) for p in found]
    assert any(p.field == "drugg" and p.suggestion == "drug" and p.file.endswith(DRUGS) for p in found)


def test_overriding_a_table_rule_overrides_every_row(edition_copy):
    edit(edition_copy, "offences/society/drugs.yaml", "  - id: drugs.possession.anabolic-steroids\n",
         "  - id: drugs.possession.anabolic-steroids\n    overrides: [drugs]\n")
    e = load_edition(edition_copy)
    assert "drugs.possession.anabolic-steroids" in e.overriders["drugs.supply.heroin"]
    assert "drugs.possession.anabolic-steroids" in e.overriders["drugs.import.khat"]


def _supply_heroin(svc: DecisionService, edition: str) -> dict:
    inc = {"id": "INC-T", "reported_at": "2020-06-01T10:00:00Z" if edition == "2022-23" else "2026-06-01T10:00:00Z",
           "reporter": {"role": "professional", "channel": "phone_101"},
           "persons": [{"id": "S", "age": 30, "sex": "male"}],
           "acts": [{"id": "d1", "type": "controlled_drug_activity", "by": ["S"],
                     "attributes": {"activity": "supply", "drug": "heroin", "points_to_prove_made_out": True}}]}
    return svc.decide(inc, edition=edition).to_dict()


def test_a_later_edition_replaces_and_removes_rows(tmp_path):
    rules = tmp_path / "rules"
    shutil.copytree(ROOT / "rules", rules)
    (rules / "2022-23" / "data" / "drug-classes.yaml").write_text(
        "# test: the earlier edition recorded supplying heroin under another code, and had no khat row\n"
        "rows:\n"
        '  - {activity: supply, drug: heroin, class: "92A", code: "092/30", cite: {source: CRR-2026-27, page: 93, section: an earlier table}}\n'
        "  - {activity: import, drug: khat, remove: true}\n", encoding="utf-8")
    eds = load_editions(rules)
    old, new = eds["2022-23"], eds["2026-27"]
    assert old.rule_by_id["drugs.supply.heroin"].consequence("classify") == ("92A", "092/30")
    assert old.rule_by_id["drugs.supply.heroin"].cite.endswith("p.93 an earlier table")
    assert old.rule_by_id["drugs.supply.heroin"].row[2].endswith("2022-23/data/drug-classes.yaml")
    assert new.rule_by_id["drugs.supply.heroin"].consequence("classify") == ("92A", "092/31")
    assert "drugs.import.khat" not in old.rule_by_id and "drugs.import.khat" in new.rule_by_id
    svc = DecisionService(rules)
    for edition, code in (("2022-23", "092/30"), ("2026-27", "092/31")):
        d = _supply_heroin(svc, edition)
        assert [(c["classification"], c["ho_code"]) for c in d["crimes"]] == [("92A", code)], d["crimes"]
        assert "drugs.supply.heroin" in d["crimes"][0]["rule_ids"]


def test_a_later_edition_cannot_remove_a_row_the_base_lacks(tmp_path):
    rules = tmp_path / "rules"
    shutil.copytree(ROOT / "rules", rules)
    (rules / "2022-23" / "data" / "drug-classes.yaml").write_text(
        "rows:\n  - {activity: supply, drug: heroine, remove: true}\n", encoding="utf-8")
    with pytest.raises(RulebookError) as err:
        load_editions(rules)
    assert any(p.field == "remove" and p.suggestion == "supply, heroin" for p in err.value.problems), err.value


def test_the_linter_reports_a_row_at_its_line(edition_copy):
    # a row whose summary names another class and code than its own: found by the linter, at the row
    table = (edition_copy / "data/conduct-classes.yaml").read_text(encoding="utf-8")
    line = table[:table.index("conduct: assist_escape")].count("\n") + 1
    edit(edition_copy, "data/conduct-classes.yaml", "Helping a prisoner to escape is 69 (069/01).",
         "Helping a prisoner to escape is 69 (069/02).")
    found = problems(edition_copy)
    assert any(p.rule_id == "prison.assist-escape" and p.field == "summary" and p.line in (line, line + 1)
               and p.file.endswith("data/conduct-classes.yaml") for p in found), [str(p) for p in found]


def test_a_key_cell_may_list_values_but_rows_must_not_overlap(edition_copy):
    e = load_edition(edition_copy)
    r = e.rule_by_id["weapons.offensive.public-place"]
    assert r.row_ref == "weapon-possession[offensive_weapon|prohibited_offensive_weapon, public_place]"
    assert ("weapon", "in", ("offensive_weapon", "prohibited_offensive_weapon")) in {
        (t.attr, t.op, t.value) for t in r.pattern("act").tests}
    # prohibited weapons in a public place are already a row (with offensive weapons): a second row overlaps
    path = edition_copy / "data/weapon-possession.yaml"
    path.write_text(path.read_text(encoding="utf-8") + '  - {weapon: [prohibited_offensive_weapon, corrosive_substance], '
                    'location_type: public_place, class: 10C, code: "008/11", id: extra, cite: {source: CRR-2026-27, page: 94}}\n'
                    '  - {weapon: [blade_or_point, firearm], location_type: private_place, class: 10C, code: "008/11", cite: {source: CRR-2026-27, page: 94}}\n',
                    encoding="utf-8")
    found = {p.field: p for p in problems(edition_copy) if p.file.endswith("weapon-possession.yaml")}
    assert "duplicate key [prohibited_offensive_weapon, public_place]" in found["key"].message
    assert "needs an `id`" in found["id"].message


def test_a_row_may_take_precedence_over_other_rules(edition_copy):
    e = load_edition(edition_copy)
    assert e.rule_by_id["driving.dangerous.death"].row_ref == "driving-standard[dangerous, death]"
    assert "driving.dangerous.death" in e.overriders["driving.disqualified.death"]  # the row's own overrides
    assert "driving.careless-impaired.death" in e.overriders["driving.careless.death"]  # a rule overriding a row
    edit(edition_copy, "data/driving-standard.yaml", "overrides: [driving.unlicensed-or-uninsured.death]",
         "overrides: [driving.unlicensed-or-uninsured.deaths]")
    found = problems(edition_copy)
    assert any(p.rule_id == "driving.careless.death" and p.field == "overrides"
               and p.suggestion == "driving.unlicensed-or-uninsured.death" for p in found), [str(p) for p in found]
