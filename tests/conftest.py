"""Shared fixtures, the BDD step vocabulary, and the checks of the feature suite as a whole.

- Rule coverage: every rule of every edition must have had its effect asserted by a scenario (a
  Then-step checked the crime, negation, flag, note, review marker, question or count it produced;
  tests/steps.py records which). Firing alone, or firing and being overridden, does not count.
- Examples columns: every column of a Scenario Outline's Examples must be read by one of its steps.

Under pytest-xdist (`make test` runs `-n 2`) the scenarios run in worker processes: each worker hands
its share of the coverage to the controller (xdist's workeroutput), and each scenario's report
carries pytest-bdd's scenario record over, so that the controller checks coverage over the union
and writes one cucumber JSON, as a run in one process does.
"""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from service.api import DecisionService
from service.rules.coverage import unread_example_columns

from .steps import *  # noqa: F401,F403  (the step definitions pytest-bdd looks up)

ROOT = Path(__file__).resolve().parent.parent
FEATURES = ROOT / "features"
_FIRED: set[str] = set()
_COVERAGE: dict = {"rules": {}, "asserted": {}, "classifications": {}}
REPORTS = ROOT / "reports"


@pytest.fixture(scope="module")
def channel(service):
    """A real gRPC server on a loopback port (plaintext, the local developer), and a channel to it."""
    import grpc

    from service.server import create_server

    server, port = create_server("127.0.0.1:0", service, workers=2)
    server.start()
    ch = grpc.insecure_channel(f"127.0.0.1:{port}")
    grpc.channel_ready_future(ch).result(timeout=10)
    yield ch
    ch.close()
    server.stop(grace=None)


@pytest.fixture(scope="session")
def service() -> DecisionService:
    svc = DecisionService(ROOT / "rules")
    svc.fired_rules = _FIRED  # steps add the rules each scenario fired
    svc.coverage = _COVERAGE  # rule id / classification -> scenarios, written to reports/
    return svc


def _is_worker(config) -> bool:
    return hasattr(config, "workerinput")


def _feature_collected(config, nodeids) -> None:
    config._hocr_feature_total = sum(1 for i in nodeids if i.startswith("tests/test_features.py"))
    # the feature files collected (all, or those HOCR_FEATURES names): Examples columns no step reads
    config._hocr_unread_columns = unread_example_columns(
        Path(os.environ.get("HOCR_FEATURES") or FEATURES)) if config._hocr_feature_total else []


def pytest_collection_finish(session):
    """Each test process, once its modules (and the editions several of them load at import) are
    in: the heap frozen and collections made rarer, as each long-running door does
    (service/heap.py). Without it, walking the ever larger heap in full collections was about a
    fifth of the suite's time. HOCR_GC=default leaves the collector as Python sets it."""
    from service import heap
    heap.settle()


def pytest_collection_modifyitems(session, config, items):
    if not _is_worker(config):  # under xdist the controller counts (pytest_xdist_node_collection_finished)
        _feature_collected(config, [i.nodeid for i in items])


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_node_collection_finished(node, ids):
    """xdist's controller: every worker collects the same tests; count them once."""
    if not hasattr(node.config, "_hocr_feature_total"):
        _feature_collected(node.config, ids)
        node.config._hocr_order = {i.rsplit("::", 1)[-1]: n for n, i in enumerate(ids)}


def _order_cucumber(session) -> None:
    """xdist's controller, before pytest-bdd writes the cucumber JSON: each feature's scenarios in
    the order of collection (as one process runs them), not in the order the workers finished them."""
    order = getattr(session.config, "_hocr_order", None)
    cucumber = getattr(session.config, "_bddcucumberjson", None)
    if order and cucumber is not None:
        def first(e) -> int:
            return order.get(e["id"], len(order))
        for feature in cucumber.features.values():
            feature["elements"].sort(key=first)
        cucumber.features = dict(sorted(cucumber.features.items(), key=lambda kv: min(map(first, kv[1]["elements"]))))


@pytest.hookimpl(optionalhook=True)
def pytest_testnodedown(node, error):
    """xdist's controller: a worker's rule coverage joins the controller's."""
    part = getattr(node, "workeroutput", {}).get("hocr_coverage")
    if not part:
        return
    _FIRED.update(part["fired"])
    for kind in ("rules", "asserted", "classifications"):
        for key, scenarios in part[kind].items():
            _COVERAGE[kind].setdefault(key, set()).update(scenarios)


@pytest.hookimpl(tryfirst=True)  # before pytest-bdd writes the cucumber JSON
def pytest_sessionfinish(session, exitstatus):
    """Every rule of every edition must be fired by at least one scenario of the feature suite.

    Checked only when the whole feature suite ran (not when a subset was selected).
    """
    config = session.config
    _order_cucumber(session)
    if _is_worker(config):  # the controller checks the union of every worker's coverage
        config.workeroutput["hocr_coverage"] = {
            "fired": sorted(_FIRED),
            **{kind: {k: sorted(v) for k, v in _COVERAGE[kind].items()}
               for kind in ("rules", "asserted", "classifications")}}
        return
    reporter = config.pluginmanager.get_plugin("terminalreporter")
    unread = getattr(config, "_hocr_unread_columns", [])
    if unread:
        if reporter:
            reporter.write_line(f"{len(unread)} Examples column(s) that no step of the outline reads "
                                "(a scenario that claims more than it checks): " + ", ".join(unread), red=True)
        session.exitstatus = 1
        return
    # the passed scenarios are counted from their reports, here (the controller, under xdist)
    ran = sum(1 for r in getattr(session, "_hocr_reports", []) if r)
    if ran != _count_scenarios() or exitstatus != 0:
        return
    import json

    REPORTS.mkdir(exist_ok=True)
    (REPORTS / "rule-coverage.json").write_text(json.dumps({
        "scenarios": ran,
        "rules": {k: sorted(v) for k, v in sorted(_COVERAGE["rules"].items())},
        "asserted": {k: sorted(v) for k, v in sorted(_COVERAGE["asserted"].items())},
        "classifications": {k: sorted(v) for k, v in sorted(_COVERAGE["classifications"].items())},
    }, indent=1), encoding="utf-8")
    rules, missing = uncovered_rules(ROOT / "rules", set(_COVERAGE["asserted"]))
    fired = len(rules & _FIRED)
    if missing:
        if reporter:
            reporter.write_line(f"rule coverage: {len(missing)} rule(s) whose effect no scenario asserts "
                                f"({fired}/{len(rules)} fired): " + ", ".join(missing), red=True)
        session.exitstatus = 1
    elif reporter:
        reporter.write_line(f"rule coverage: the effect of all {len(rules)} rules asserted by the feature suite")


def uncovered_rules(rules_dir: Path, covered: set[str]) -> tuple[set[str], list[str]]:
    """All rule ids of every edition, and those not in `covered`."""
    from service.rules.load import load_editions

    rules = {r.id for e in load_editions(rules_dir).values()
             for book in (e, e.reviews) if book is not None for r in book.rules}
    return rules, sorted(rules - covered)


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


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_logreport(report):
    _carry_scenario_record(report)
    if report.when == "call" and report.nodeid.startswith("tests/test_features.py") and report.passed:
        sess = _SESSION.get("s")
        if sess is not None:
            sess._hocr_reports.append(True)


_SESSION: dict = {}


def pytest_sessionstart(session):
    session._hocr_reports = []
    _SESSION["s"] = session


def _carry_scenario_record(report) -> None:
    """pytest-bdd keeps a scenario's record (steps, results; what the cucumber JSON is written from)
    beside the report, in its worker: put it on the report, which xdist sends to the controller
    (before xdist's own hook does), and on the controller put it back where pytest-bdd looks."""
    from pytest_bdd.reporting import ReportContext, test_report_context_registry

    config = _SESSION["s"].config if "s" in _SESSION else None
    if config is not None and _is_worker(config):
        ctx = test_report_context_registry.get(report)
        if ctx is not None:
            report.hocr_bdd_scenario = {"scenario": ctx.scenario, "name": ctx.name}
    elif getattr(report, "hocr_bdd_scenario", None) and report not in test_report_context_registry:
        test_report_context_registry[report] = ReportContext(**report.hocr_bdd_scenario)
