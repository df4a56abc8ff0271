"""Shared fixtures, the BDD step vocabulary, and the rule-coverage check of the feature suite."""
from __future__ import annotations

from pathlib import Path

import pytest

from service.api import DecisionService

from .steps import *  # noqa: F401,F403  (the step definitions pytest-bdd looks up)

ROOT = Path(__file__).resolve().parent.parent
FEATURES = ROOT / "features"
_FIRED: set[str] = set()
_COVERAGE: dict = {"rules": {}, "classifications": {}}
REPORTS = ROOT / "reports"


@pytest.fixture(scope="session")
def service() -> DecisionService:
    svc = DecisionService(ROOT / "rules")
    svc.fired_rules = _FIRED  # steps add the rules each scenario fired
    svc.coverage = _COVERAGE  # rule id / classification -> scenarios, written to reports/
    return svc


def pytest_collection_modifyitems(session, config, items):
    config._hocr_feature_total = sum(1 for i in items if i.nodeid.startswith("tests/test_features.py"))


def pytest_sessionfinish(session, exitstatus):
    """Every rule of every edition must be fired by at least one scenario of the feature suite.

    Checked only when the whole feature suite ran (not when a subset was selected).
    """
    config = session.config
    total = getattr(config, "_hocr_feature_total", 0)
    ran = sum(1 for r in getattr(session, "_hocr_reports", []) if r)
    if not total or ran != _count_scenarios() or exitstatus != 0:
        return
    import json

    REPORTS.mkdir(exist_ok=True)
    (REPORTS / "rule-coverage.json").write_text(json.dumps({
        "scenarios": ran,
        "rules": {k: sorted(v) for k, v in sorted(_COVERAGE["rules"].items())},
        "classifications": {k: sorted(v) for k, v in sorted(_COVERAGE["classifications"].items())},
    }, indent=1), encoding="utf-8")
    rules, missing = uncovered_rules(ROOT / "rules", _FIRED)
    reporter = config.pluginmanager.get_plugin("terminalreporter")
    if missing:
        if reporter:
            reporter.write_line(f"rule coverage: {len(missing)} rule(s) never fired by any scenario: "
                                + ", ".join(missing), red=True)
        session.exitstatus = 1
    elif reporter:
        reporter.write_line(f"rule coverage: all {len(rules)} rules fired by the feature suite")


def uncovered_rules(rules_dir: Path, fired: set[str]) -> tuple[set[str], list[str]]:
    """All rule ids of every edition, and those that no scenario fired."""
    from service.rulebook import load_editions

    rules = {r.id for e in load_editions(rules_dir).values()
             for book in (e, e.reviews) if book is not None for r in book.rules}
    return rules, sorted(rules - fired)


def _count_scenarios() -> int:
    n = 0
    for f in FEATURES.rglob("*.feature"):
        text = f.read_text(encoding="utf-8")
        in_examples = False
        for line in text.splitlines():
            s = line.strip()
            if s.startswith(("Scenario:", "Example:")):
                n += 1
                in_examples = False
            elif s.startswith("Scenario Outline:"):
                in_examples = False
            elif s.startswith("Examples:"):
                in_examples = "header"
            elif in_examples and s.startswith("|"):
                if in_examples == "header":
                    in_examples = True
                else:
                    n += 1
    return n


def pytest_runtest_logreport(report):
    if report.when == "call" and report.nodeid.startswith("tests/test_features.py") and report.passed:
        sess = _SESSION.get("s")
        if sess is not None:
            sess._hocr_reports.append(True)


_SESSION: dict = {}


def pytest_sessionstart(session):
    session._hocr_reports = []
    _SESSION["s"] = session
