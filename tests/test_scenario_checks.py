"""The checks of the feature suite itself: Examples columns a step must read, asserted rule coverage."""
import subprocess
import sys
import textwrap

import pytest

from service.rules.coverage import report, unread_example_columns
from service.rules.load import load_editions

from .conftest import ROOT

OUTLINE = """\
Feature: f

  Background:
    Given an incident reported at "2026-06-01T10:00:00Z" by the victim

  Scenario Outline: the <class> title names a column, which no step reads
    Given act "a1" has drug "<drug>"
    # a comment naming <code> is no step either
    And the acts are:
      | act | type         | injury   |
      | a2  | use of force | <injury> |
    And a doc string:
      \"\"\"
      <note>
      \"\"\"
    Then a crime of 92A "092/11" is recorded with no victim

    Examples:
      | drug   | class | code   | injury | note |
      | heroin | 92A   | 092/11 | none   | n    |

    Examples: a second table of the same outline
      | drug    | class |
      | cocaine | 92A   |

  Scenario: a plain scenario's table is no Examples table
    Given the acts are:
      | act | type | unread |
      | a3  | x    | y      |
"""


def test_unread_examples_columns_are_found(tmp_path):
    f = tmp_path / "x.feature"
    f.write_text(textwrap.dedent(OUTLINE), encoding="utf-8")
    got = [u.split(":", 1)[1] for u in unread_example_columns(tmp_path)]
    # drug (a step), injury (a step's data table) and note (a step's doc string) are read;
    # the title and the comment do not count
    assert got == ["19 <class>", "19 <code>", "23 <class>"]


def test_every_examples_column_of_the_suite_is_read():
    assert unread_example_columns(ROOT / "features") == []


def test_rules_check_fails_on_an_unread_column(tmp_path):
    (tmp_path / "rules").symlink_to(ROOT / "rules")
    (tmp_path / "features").mkdir()
    (tmp_path / "features" / "x.feature").write_text(OUTLINE, encoding="utf-8")
    out = subprocess.run([sys.executable, "-m", "service.cli", "--rules-dir",
                          str(tmp_path / "rules"), "rules", "check", "--coverage", "/dev/null"], capture_output=True, text=True,
                         cwd=ROOT)
    assert out.returncode == 1, out.stdout + out.stderr
    assert "x.feature:19 <code>: an Examples column that no step of the outline reads" in out.stderr


def test_coverage_counts_asserted_effects_not_firings():
    editions = load_editions(ROOT / "rules")
    ids = {r.id for e in editions.values() for book in (e, e.reviews) if book for r in book.rules}
    everything = {rid: ["s"] for rid in ids}
    fired_only = report(editions, {"rules": everything, "asserted": {}, "classifications": {}})
    assert fired_only.rules_fired == fired_only.rules_total and fired_only.rules_covered == 0
    assert fired_only.share == 0.0 and len(fired_only.uncovered_rules) == fired_only.rules_total
    both = report(editions, {"rules": everything, "asserted": everything, "classifications": {}})
    assert both.share == 100.0 and not both.uncovered_rules
    assert any("asserted in" in line for line in both.lines)



@pytest.mark.parametrize("procs", [[], ["-n", "1"]], ids=["one-process", "xdist"])
def test_the_suite_fails_on_an_outline_whose_code_column_no_step_reads(tmp_path, procs):
    """The scenario itself passes (it records a crime), but its `code` column claims a code nobody
    checks: the run fails all the same (also under pytest-xdist, as make test runs it, where the
    controller makes the check)."""
    import os

    f = tmp_path / "claims.feature"
    f.write_text(textwrap.dedent("""\
        Feature: a scenario that claims more than it checks
          Scenario Outline: heroin production
            Given an incident reported at "2026-06-01T10:00:00Z" by a third party
            And "S" is a man aged 19
            And act "d1" is a controlled drug activity by "S"
            And act "d1" has activity "production"
            And act "d1" has drug "<drug>"
            And act "d1" has identification "lab or field test"
            And act "d1" has points to prove made out "yes"
            When the incident is decided
            Then 1 crime is recorded

            Examples:
              | drug   | code   |
              | heroin | 092/10 |
        """), encoding="utf-8")
    cucumber = tmp_path / "cucumber.json"
    out = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *procs, "tests/test_features.py",
                          f"--cucumberjson={cucumber}"],
                         capture_output=True, text=True, cwd=ROOT, env={**os.environ, "HOCR_FEATURES": str(f)})
    assert "1 passed" in out.stdout, out.stdout
    assert out.returncode != 0 and "claims.feature:14 <code>" in out.stdout, out.stdout
    # the cucumber JSON (reports/features.html is made from it) has the scenario and its steps
    import json

    (feature,) = json.loads(cucumber.read_text(encoding="utf-8"))
    (element,) = feature["elements"]
    assert element["name"] == "heroin production" and len(element["steps"]) == 9
    assert {s["result"]["status"] for s in element["steps"]} == {"passed"}
