"""The rule compiler rejects mistakes at load time with file, line, rule id, field and a hint; the
engine driver loses nothing and leaks nothing."""
from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from service.api import DecisionService
from service.engine.driver import Engine, EngineError
from service.rules.compile import compile_ruleset
from service.rules.load import load_edition
from service.rules.problems import RulebookError

from .conftest import ROOT

EDITION_DIR = ROOT / "rules" / "2026-27"
ASSAULTS = "offences/violence/assaults.yaml"


@pytest.fixture
def edition_copy(tmp_path):
    dst = tmp_path / "rules" / "2026-27"
    shutil.copytree(EDITION_DIR, dst)
    return dst


def edit(folder: Path, rel: str, old: str, new: str, count: int = 1) -> int:
    path = folder / rel
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, count), encoding="utf-8")
    return text[: text.index(old)].count("\n") + 1  # line of the edit


def problems(folder: Path) -> list:
    with pytest.raises(RulebookError) as err:
        load_edition(folder, lint=True)
    return err.value.problems


def test_the_bundled_rules_load():
    e = load_edition(EDITION_DIR)
    assert e.name == "2026-27" and len(e.rules) >= 20


def test_attribute_typo_names_file_line_rule_and_suggests(edition_copy):
    line = edit(edition_copy, ASSAULTS, "act: {type: use_of_force, injury: minor}", "act: {type: use_of_force, injurry: minor}")
    (p,) = problems(edition_copy)
    assert p.file.endswith(ASSAULTS) and p.rule_id == "assault.with-injury.abh"
    assert p.field == "when.act.injurry" and p.suggestion == "injury"
    assert abs(p.line - line) <= 1
    assert "did you mean 'injury'" in str(p)


def test_value_outside_the_vocabulary_is_rejected(edition_copy):
    edit(edition_copy, ASSAULTS, "injury: minor}", "injury: minnor}")
    (p,) = problems(edition_copy)
    assert p.field == "when.act.injury" and p.suggestion == "minor"


def test_code_missing_from_the_offence_list_is_rejected(edition_copy):
    edit(edition_copy, ASSAULTS, 'classify: {class: 8N, code: "008/06"}', 'classify: {class: 8N, code: "008/66"}')
    (p,) = problems(edition_copy)
    assert p.field == "then.classify" and "not listed under class 8N" in p.message


def test_missing_citation_and_duplicate_id_are_rejected(edition_copy):
    edit(edition_copy, ASSAULTS, "    cite: {source: CRR-2026-27, page: 45, section: 105A Assault without injury}\n", "")
    edit(edition_copy, ASSAULTS, "id: assault.with-injury.gbh", "id: assault.with-injury.abh")
    found = {(p.rule_id, p.field) for p in problems(edition_copy)}
    assert ("assault.without-injury", "cite") in found
    assert ("assault.with-injury.abh", "id") in found


ABH_CITE = "cite: {source: CRR-2026-27, page: 43, section: Section 47 assault (actual bodily harm)}"


def test_a_citation_renders_as_one_readable_string():
    e = load_edition(EDITION_DIR)
    assert e.rule_by_id["assault.with-injury.abh"].cite == "CRR 2026/27 p.43 Section 47 assault (actual bodily harm)"
    # several references: the source once, and the pages left out where they repeat
    assert e.rule_by_id["assault.strangulation"].cite.startswith("CRR 2026/27 pp.42-43 Non-fatal strangulation")
    assert e.counting.section("principal_crime")["cite"] == "CRR 2026/27 pp.12-14 The Principal Crime Rule and look-up table"


def test_unknown_source_is_rejected_with_a_suggestion(edition_copy):
    line = edit(edition_copy, ASSAULTS, ABH_CITE, ABH_CITE.replace("CRR-2026-27", "CRR-2026-72"))
    (p,) = problems(edition_copy)
    assert p.file.endswith(ASSAULTS) and p.rule_id == "assault.with-injury.abh" and p.line == line
    assert p.field == "cite.source" and p.suggestion == "CRR-2026-27"


def test_page_out_of_range_is_rejected(edition_copy):
    edit(edition_copy, ASSAULTS, ABH_CITE, ABH_CITE.replace("page: 43", "pages: 97-143"))
    (p,) = problems(edition_copy)
    assert p.field == "cite.pages" and "page 143 is out of range" in p.message and "98 pages" in p.message


def test_free_text_citation_is_rejected(edition_copy):
    edit(edition_copy, ASSAULTS, ABH_CITE, "cite: CRR 2026/27 p.43 Section 47 assault")
    (p,) = problems(edition_copy)
    assert p.rule_id == "assault.with-injury.abh" and p.field == "cite" and "free text" in p.message


def test_counting_citations_are_checked_too(edition_copy):
    edit(edition_copy, "general/counting.yaml", "page: 10, section: \"When to record?\"", "page: 100, section: \"When to record?\"")
    (p,) = problems(edition_copy)
    assert p.file.endswith("general/counting.yaml") and p.field == "deadline.cite.page" and "out of range" in p.message


def test_the_register_rejects_a_source_without_its_details(edition_copy):
    edit(edition_copy, "data/sources.yaml", "    publisher: Home Office\n", "", count=1)
    found = [p for p in problems(edition_copy)]
    assert any(p.field == "sources.CRR-2026-27.publisher" for p in found), found


ABH_THEN = '    then:\n      classify: {class: 8N, code: "008/06"}\n'
GBH_THEN = '    then:\n      classify: {class: 8N, code: "008/01"}\n'


def test_unknown_override_and_override_loops_are_rejected(edition_copy):
    edit(edition_copy, ASSAULTS, ABH_THEN, ABH_THEN + "    overrides: [assault.strangulaton]\n")
    (p,) = problems(edition_copy)
    assert p.field == "overrides" and p.suggestion == "assault.strangulation"


def test_override_loop_is_rejected(edition_copy):
    edit(edition_copy, ASSAULTS, ABH_THEN, ABH_THEN + "    overrides: [assault.with-injury.gbh]\n")
    edit(edition_copy, ASSAULTS, GBH_THEN, GBH_THEN + "    overrides: [assault.with-injury.abh]\n")
    assert any("loop" in p.message for p in problems(edition_copy))


def test_unknown_consequence_and_flag_are_rejected(edition_copy):
    edit(edition_copy, "general/flags.yaml", "flag: domestic_abuse", "flag: domestic_abuze")
    (p,) = problems(edition_copy)
    assert p.suggestion == "domestic_abuse"


def test_yaml_syntax_error_names_the_line(edition_copy):
    edit(edition_copy, "general/flags.yaml", "section: Crime Flags", "section: [Crime Flags")
    (p,) = problems(edition_copy)
    assert "YAML error" in p.message and p.line > 0


def test_no_offence_knowledge_in_python():
    """Rules are data: no Home Office class or code literal in the service package."""
    pattern = re.compile(r"""["'](\d{1,3}[A-Z]{1,2}|\d{3}/\d{2})["']""")
    hits = []
    for path in (ROOT / "service").rglob("*.py"):
        if "gen" in path.parts:
            continue
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if pattern.search(line):
                hits.append(f"{path.name}:{n}: {line.strip()}")
    assert not hits, hits


def test_engine_keeps_results_when_some_facts_match_nothing():
    edition = load_edition(EDITION_DIR)
    engine = Engine("test_unmatched", compile_ruleset(edition.rules))
    facts = [{"t": "act", "id": "act:a1", "ref": "a1", "type": "use_of_force", "injury": "minor"},
             {"t": "nothing-matches-this", "id": "x1"}]
    firings = engine.run(facts)
    assert [f.rule_id for f in firings] == ["assault.with-injury.abh"]
    engine.close()


def test_engine_sessions_are_always_deleted():
    """A ruleset holds at most 1,023 live sessions: 1,500 runs prove each one is deleted."""
    edition = load_edition(EDITION_DIR)
    engine = Engine("test_sessions", compile_ruleset(edition.rules))
    for i in range(1500):
        engine.run([{"t": "act", "id": f"act:{i}", "ref": str(i), "type": "use_of_force"}])
    engine.close()


def test_engine_refusal_still_deletes_the_session():
    """Identical facts are refused; 1,100 refusals in a row must not exhaust the 1,023 sessions."""
    edition = load_edition(EDITION_DIR)
    engine = Engine("test_refusals", compile_ruleset(edition.rules))
    fact = {"t": "act", "id": "act:a1", "ref": "a1", "type": "use_of_force", "injury": "none"}
    for _ in range(1100):
        with pytest.raises(EngineError, match="identical"):
            engine.run([fact, dict(fact)])
    assert [f.rule_id for f in engine.run([fact])] == ["assault.without-injury"]
    engine.close()


def test_engine_rejects_oversized_and_anonymous_facts():
    edition = load_edition(EDITION_DIR)
    engine = Engine("test_sizes", compile_ruleset(edition.rules))
    with pytest.raises(EngineError):
        engine.run([{"t": "act", "id": "a", **{f"k{i}": i for i in range(300)}}])
    with pytest.raises(EngineError):
        engine.run([{"t": "act"}])
    engine.close()


def test_rules_check_cli_fails_on_a_broken_edition(edition_copy):
    edit(edition_copy, ASSAULTS, "act: {type: use_of_force, injury: minor}", "act: {type: use_of_force, injurry: minor}")
    out = subprocess.run([sys.executable, "-m", "service.cli", "--rules-dir", str(edition_copy.parent), "rules", "check"],
                         capture_output=True, text=True)
    assert out.returncode == 1
    assert "assaults.yaml" in out.stderr and "did you mean 'injury'" in out.stderr


def test_rule_coverage_hook_finds_a_rule_no_scenario_fires(edition_copy, tmp_path):
    """The feature-suite coverage check names a rule that no scenario exercises."""
    edit(edition_copy, "general/flags.yaml", "      flag: domestic_abuse\n",
         "      flag: domestic_abuse\n  - id: flag.unexercised\n    cite: {source: CRR-2026-27, page: 28}\n"
         "    summary: A rule with no scenario.\n    when:\n      act: {}\n"
         "      victim: {age: {\">=\": 120}}\n    then:\n      flag: domestic_abuse\n")
    from .conftest import uncovered_rules

    bundled = load_edition(EDITION_DIR)
    everything_bundled = {r.id for book in (bundled, bundled.reviews) for r in book.rules}
    _, missing = uncovered_rules(edition_copy.parent, everything_bundled)
    assert missing == ["flag.unexercised"]


def test_decision_service_picks_the_edition_in_force():
    svc = DecisionService(ROOT / "rules")
    import datetime as dt
    assert svc.edition_for(dt.datetime(2026, 4, 1, tzinfo=dt.timezone.utc)).name == "2026-27"


def _probe(rid: str, cls: str, age: int) -> str:
    """A rule for older victims' ABH classified under `cls`: 8S and 8T with the same code are
    ordered by none of the three orders (no override, neither is the other's specific form, the
    ranking ties them), so two such rules are an unordered pair."""
    return (f"  - id: {rid}\n    cite: {{source: CRR-2026-27, page: 45}}\n    summary: A probe.\n    when:\n"
            f"      act: {{type: use_of_force, injury: minor}}\n      victim: {{age: {{\">=\": {age}}}}}\n"
            f"    then:\n      classify: {{class: {cls}, code: \"008/06\"}}\n\n")


def _unordered(found, a: str, b: str) -> list:
    return [p for p in found if "neither overrides the other" in p.message
            and {p.rule_id, p.message.split(" facts that ")[1].split(" ")[0]} == {a, b}]


def test_two_rules_classifying_the_same_facts_differently_need_an_override(edition_copy):
    line = edit(edition_copy, ASSAULTS, "  - id: assault.with-injury.gbh\n",
                _probe("probe.a", "8S", 90) + _probe("probe.b", "8T", 95) + "  - id: assault.with-injury.gbh\n")
    found = load_edition(edition_copy, lint=True).warnings
    text = (edition_copy / ASSAULTS).read_text(encoding="utf-8").split("\n")
    at_b = text.index("  - id: probe.b") + 1
    unordered = _unordered(found, "probe.a", "probe.b")
    assert [(p.rule_id, p.file.endswith(ASSAULTS), p.line) for p in unordered] == [("probe.b", True, at_b)], \
        [str(p) for p in found]
    assert f"{ASSAULTS}:{line}" in unordered[0].message
    # `rules check --strict` fails on it, naming the file and line
    out = subprocess.run([sys.executable, "-m", "service.cli", "--rules-dir", str(edition_copy.parent),
                          "rules", "check", "--strict"], capture_output=True, text=True, cwd=ROOT)
    assert out.returncode != 0 and "probe.b" in out.stdout + out.stderr, out.stdout + out.stderr
    # stating the precedence orders the pair
    edit(edition_copy, ASSAULTS, '      classify: {class: 8T, code: "008/06"}\n',
         '      classify: {class: 8T, code: "008/06"}\n    overrides: [probe.a]\n')
    found = load_edition(edition_copy, lint=True).warnings
    assert not _unordered(found, "probe.a", "probe.b"), [str(p) for p in found]


def test_a_rule_that_can_never_take_effect_is_reported(edition_copy):
    # a rule for the same facts as the plain ABH rule that the plain rule overrides: never effective
    edit(edition_copy, ASSAULTS, "  - id: assault.with-injury.gbh\n",
         "  - id: assault.shadow\n    cite: {source: CRR-2026-27, page: 43}\n    summary: A shadow of ABH.\n    when:\n"
         "      act: {type: use_of_force, injury: minor}\n    then:\n      classify: {class: 8N, code: \"008/06\"}\n\n"
         "  - id: assault.with-injury.gbh\n")
    edit(edition_copy, ASSAULTS, "    then:\n      classify: {class: 8N, code: \"008/06\"}\n\n  - id: assault.shadow",
         "    then:\n      classify: {class: 8N, code: \"008/06\"}\n    overrides: [assault.shadow]\n\n  - id: assault.shadow")
    found = problems(edition_copy)
    assert any(p.rule_id == "assault.shadow" and "can never take effect" in p.message for p in found), \
        [str(p) for p in found]


def test_contradictory_conditions_are_reported(edition_copy):
    edit(edition_copy, "general/flags.yaml", 'victim: {age: {">=": 16}}',
         'victim: {age: {">=": 16}, occupation: {not_in: [constable, emergency_worker, other]}}')
    found = problems(edition_copy)
    assert [(p.rule_id, p.message) for p in found] == [
        ("flag.domestic-abuse", "can never fire: its conditions contradict each other")]


def test_assumptions_and_checklists_are_checked_against_the_vocabulary(edition_copy):
    """The edition's assumptions and checklists are data: a wrong attribute or value is refused."""
    edit(edition_copy, "data/assumptions.yaml", "fact: act.injury", "fact: act.injurry")
    edit(edition_copy, "data/assumptions.yaml", "value: alarm_or_distress", "value: alarmed")
    edit(edition_copy, "data/questions.yaml", "      spiking: \"no\"", "      spikng: \"no\"")
    found = {(p.rule_id, p.field) for p in problems(edition_copy)}
    assert found == {("assume.injury-none", "fact"), ("assume.conduct-effect-alarm-or-distress", "value"),
                     ("aggravating-features", "items")}, found


def test_no_default_of_a_fact_in_the_decision_code():
    """What an unstated fact is taken to be lives in rules/<edition>/data/assumptions.yaml only."""
    e = load_edition(EDITION_DIR)
    assert {a.id for a in e.assumptions} >= {"assume.injury-none", "assume.homicide-victim-adult"}
    for path in (ROOT / "service" / "decision").glob("*.py"):
        text = path.read_text(encoding="utf-8")
        for a in e.assumptions:
            if a.attr in ("age", "sex"):  # envelope fields of a person, named by the contract
                continue
            assert f'"{a.attr}"' not in text and f"'{a.attr}'" not in text, (path.name, a.attr)


def test_assumptions_cite_references_checked_against_the_register(edition_copy):
    """An assumption's citation is a reference like a rule's: rendered the same way, and an unknown
    source is refused."""
    e = load_edition(EDITION_DIR)
    for a in e.assumptions:
        assert a.cite.startswith("CRR 2026/27 p."), (a.id, a.cite)
    edit(edition_copy, "data/assumptions.yaml", "source: CRR-2026-27", "source: CRR-2062-27")
    assert any(p.rule_id.startswith("assume.") and p.field.startswith("cite") for p in problems(edition_copy))
