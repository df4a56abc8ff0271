"""The crime data integrity audit: statistics, matching, the whole run, sampling, the demonstration."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from service.audit import stats
from service.audit.records import read_lines
from service.audit.run import Auditor, Runs, Tally, _chunks, run
from service.audit.sample import sample
from service.audit.synth import generate
from service.transport.cli import main

ROOT = Path(__file__).resolve().parent.parent


# ------------------------------------------------------------------------------------------ statistics

def test_the_done_when_figure():
    w, s = stats.wald(80, 100), stats.wilson(80, 100)
    assert f"{w.rate * 100:.1f} {w.half_width * 100:.2f}" == "80.0 7.84"
    assert f"{s.lo * 100:.1f}-{s.hi * 100:.1f}" == "71.1-86.7"


def test_published_figures_are_reproduced():
    # cdi-audit-method.md s.5.1 and s.10: WM 2018 sexual offences 453/508 = 89.2 +/- 2.70, 2.46 with N = 3000
    assert round(stats.wald(453, 508).half_width * 100, 2) == 2.70
    assert round(stats.wald(453, 508, population=3000).half_width * 100, 2) == 2.46
    assert stats.matching_pairs(0.9272, 0.0156, rate_dp=2) == [(993, 1071)]  # Northumbria 2016: exactly one
    assert round(stats.implied_n(0.782, 0.0287), 1) == 795.1
    # s.5.3 Wiltshire 2017: 90.9% with about 41,530 recorded -> "over 4,100"
    assert stats.unrecorded_estimate(41530, stats.wald(909, 1000))["published_form"] == "over 4,100"
    u = stats.unrecorded_estimate(41530, stats.wald(909, 1000))
    assert u["lo"] < u["estimate"] < u["hi"]


def test_rate_and_implied_n_commands(capsys):
    assert main(["audit", "rate", "--correct", "80", "--total", "100", "--method", "wald"]) == 0
    out = capsys.readouterr().out
    assert "80.0% +/- 7.84 points" in out and "wilson: 71.1%-86.7%" in out
    assert main(["audit", "rate", "--correct", "80", "--total", "100", "--method", "wald-fpc", "--population", "400",
                 "--recorded-per-year", "10000", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["interval"]["method"] == "wald-fpc" and data["interval"]["half_width"] < 0.0784
    assert round(data["unrecorded_per_year"]["estimate"]) == 2500
    assert main(["audit", "rate", "--correct", "5", "--total", "4"]) == 2
    assert main(["audit", "implied-n", "--rate", "78.2", "--half-width", "2.87"]) == 0
    assert "795.1" in capsys.readouterr().out


# ------------------------------------------------------------------------------------------ matching

def _inc(iid: str, reported: str = "2026-06-01T10:00:00Z", **over) -> dict:
    inc = json.loads((ROOT / "docs/examples/ex-partner-assault.json").read_text())
    return {**inc, "id": iid, "reported_at": reported, **over}


def _crime(cls="8N", code="008/06", victim="V", at="2026-06-01T12:00:00Z", flags=("domestic_abuse",), ref="CR"):
    return {"reference": ref, "classification": cls, "ho_code": code, "victim": victim, "recorded_at": at,
            "flags": list(flags)}


RAPE_N100 = {"reporter": {"role": "third_party"}, "relationships": [],
             "persons": [{"id": "V", "age": 20, "sex": "female", "attributes": {"confirmation": "not_traced"}},
                         {"id": "S", "sex": "male"}],
             "acts": [{"id": "a1", "type": "sexual_contact", "by": ["S"], "against": "V",
                       "attributes": {"penetration": "penis", "consent": "not_given"}}]}


@pytest.fixture(scope="module")
def audited(tmp_path_factory, service):
    lines = [
        {"incident": _inc("OK"), "recorded": {"crimes": [_crime()]}},
        {"incident": _inc("LATE"), "recorded": {"crimes": [_crime(at="2026-06-03T10:00:00Z")]}},
        {"incident": _inc("CLASS"), "recorded": {"crimes": [_crime(cls="105A", code="105/01")]}},
        {"incident": _inc("FLAG"), "recorded": {"crimes": [_crime(flags=())]}},
        {"incident": _inc("MISSED"), "recorded": {"incident_records": [{"reference": "I1", "kind": "crime_related"}]}},
        {"incident": _inc("EXTRA"), "recorded": {"crimes": [_crime(ref="A"), _crime(cls="105A", code="105/01", ref="B")]}},
        {"incident": {**_inc("N100"), **RAPE_N100},
         "recorded": {"n_records": [{"classification": "N100", "ho_code": "100/01", "victim": "V"}]}},
        {"incident": _inc("CANCEL"), "recorded": {"crimes": [_crime()], "cancellations": [
            {"reference": "CR", "code": "C5", "facts": {"decided_by": "ddm", "independent_of_investigation": "yes",
                                                        "self_defence_evidence": "yes", "assault_is_s47": "yes",
                                                        "victim_informed": "yes"}}]}},
        {"incident": _inc("OLD", reported="2024-06-01T10:00:00Z"), "recorded": {"crimes": [_crime(at="2024-06-01T11:00:00Z")]}},
        "this is not json",
        {"incident": {**_inc("BADACT"), "acts": [{"id": "a1", "type": "punch", "against": "V"}]}},
        {"incident": _inc("BADREC"), "recorded": {"crimes": [{"victim": "V"}]}},
    ]
    path = tmp_path_factory.mktemp("audit") / "records.jsonl"
    path.write_text("\n".join(x if isinstance(x, str) else json.dumps(x) for x in lines) + "\n")
    csv = path.parent / "crimes.csv"
    csv.write_text("incident_id,reference,classification,ho_code,victim,recorded_at,flags\n"
                   "MISSED,CSV-1,8N,008/06,V,2026-06-01T11:00:00Z,domestic_abuse\n"
                   "MISSED,CSV-2,,,V,,\n")
    out = path.parent / "out"
    summary = run(path, out, progress=False, workers=1)
    forced = run(path, path.parent / "forced", edition="2026-27", crimes_csv=csv, progress=False, workers=1)
    findings = [json.loads(x) for x in (out / "findings.jsonl").read_text().splitlines()]
    by = {}
    for f in findings:
        by.setdefault(f["incident_id"], []).append(f)
    forced_findings = [json.loads(x) for x in (path.parent / "forced" / "findings.jsonl").read_text().splitlines()]
    return summary, by, forced, forced_findings, out


def test_each_kind_of_finding(audited):
    _, by, *_ = audited
    kinds = {k: [f["finding"] for f in v] for k, v in by.items()}
    assert kinds["OK"] == ["correct"]
    assert kinds["LATE"] == ["late"]
    assert kinds["CLASS"] == ["wrong_class"] and "105A" in by["CLASS"][0]["note"]
    assert kinds["FLAG"] == ["missing_flag"]
    assert kinds["MISSED"] == ["not_recorded"] and "incident record" in by["MISSED"][0]["note"]
    assert sorted(kinds["EXTRA"]) == ["correct", "unsupported_record"]  # exact class and code matched first
    assert kinds["N100"] == ["n_record_correct"]
    assert sorted(kinds["CANCEL"]) == ["cancellation_correct", "correct"]


def test_every_finding_carries_rules_and_citations(audited):
    _, by, *_ = audited
    for fs in by.values():
        for f in fs:
            assert f["rule_ids"] and len(f["citations"]) >= 1, f
    late = by["LATE"][0]
    assert "when.record-within-24-hours" in late["rule_ids"] and late["hours_to_record"] == 48.0
    assert "flag.domestic-abuse" in by["FLAG"][0]["rule_ids"]
    assert any(r.startswith("review.c5") for r in by["CANCEL"][0]["rule_ids"] + by["CANCEL"][1]["rule_ids"])


def test_rates_bad_lines_and_editions(audited):
    summary, by, forced, forced_findings, out = audited
    all_ = summary["groups"]["all"]
    # OK LATE CLASS FLAG MISSED EXTRA CANCEL should be recorded; all but MISSED were
    assert (all_["recorded"], all_["should_have_been_recorded"]) == (6, 7)
    assert all_["classification_accuracy"]["k"] == 5 and all_["within_deadline"]["k"] == 5
    assert summary["groups"]["domestic_abuse"]["should_have_been_recorded"] == 7
    assert summary["n_records"]["k"] == summary["n_records"]["n"] == 1
    assert [b["line"] for b in summary["bad_line_list"]] == [10, 11, 12]
    assert summary["bad_line_list"][1]["fields"][0]["field"] == "incident.acts[0].type"
    assert "not json" not in json.dumps(summary["bad_line_list"])  # never echoes the line
    assert summary["not_auditable_list"][0]["incident_id"] == "OLD" and "OLD" not in by
    # --edition decides it under the named edition and marks it; the CSV adds MISSED's crime
    assert forced["not_auditable"] == 0 and forced["decided_under_named_edition"] == 1
    old = [f for f in forced_findings if f["incident_id"] == "OLD"]
    assert old and all(f["edition_forced"] and f["edition"] == "2026-27" for f in old)
    assert [f["finding"] for f in forced_findings if f["incident_id"] == "MISSED"] == ["correct"]
    assert forced["bad_lines"] == 4  # the CSV row without a class is reported too
    html = (out / "report.html").read_text()
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:|//)""", html) and "<link" not in html  # opens offline
    assert 'href="#rule-when.record-within-24-hours"' in html and 'id="rule-when.record-within-24-hours"' in html


def test_undecided_acts_are_listed_not_counted(service):
    # a third party's report the victim has not yet confirmed: whether to record is still open
    inc = _inc("U", reporter={"role": "third_party", "channel": "phone_999"})
    res = Auditor(service).audit(1, json.dumps({"incident": inc}))
    assert [f["finding"] for f in res["findings"]] == ["undecided"] and res["findings"][0]["rule_ids"]


# ------------------------------------------------------------------------------------------ sampling

def test_stratified_sample_is_reproducible_and_proportional(tmp_path):
    src = tmp_path / "all.jsonl"
    src.write_text("".join(json.dumps({"incident": {"id": f"I{i}"}, "route": "direct" if i % 4 == 0 else "incident"})
                           + "\n" for i in range(200)))
    outs = []
    for _ in range(2):
        p = tmp_path / "s.jsonl"
        with p.open("w") as fh:
            res = sample(src, 40, "route", 7, fh)
        outs.append(p.read_text())
    assert outs[0] == outs[1] and res["strata"] == {"direct": [50, 10], "incident": [150, 30]}
    with (tmp_path / "t.jsonl").open("w") as fh:
        sample(src, 40, "route", 8, fh)
    assert (tmp_path / "t.jsonl").read_text() != outs[0]


# ------------------------------------------------------------------------------------------ the demonstration

def test_demo_quarter_recovers_the_injected_rates(tmp_path, service):
    truth = generate(tmp_path / "in", size=500, seed=11, service=service)
    s = run(tmp_path / "in" / "records.jsonl", tmp_path / "out", progress=False, workers=2)
    assert s["workers"] == 2
    all_ = s["groups"]["all"]
    assert all_["should_have_been_recorded"] == truth["expected"]
    assert all_["recorded"] == truth["recorded"]
    assert s["findings"]["late"] == truth["late"] and s["findings"]["wrong_class"] == truth["misclassified"]
    assert s["not_auditable"] == truth["undated"] and s["bad_lines"] == truth["bad_lines"]
    for gid, injected in truth["injected_recording_rate"].items():
        for method in ("wald", "wilson"):
            iv = s["groups"][gid]["recording_rate"][method]
            assert iv["lo"] <= injected <= iv["hi"], (gid, method, injected, iv)
    iv = all_["within_deadline"]["wilson"]
    assert iv["lo"] <= truth["injected_late_share"] <= iv["hi"]
    iv = all_["classification_accuracy"]["wilson"]
    assert iv["lo"] <= truth["injected_classification_accuracy"] <= iv["hi"]


# ------------------------------------------------------------------------------------------ runs and processes

def _one_at_a_time(service, path: Path) -> tuple[str, Tally]:
    auditor, tally, text = Auditor(service), Tally(), []
    for line, raw in read_lines(path):
        res = auditor.audit(line, raw)
        tally.add(res)
        text += [json.dumps(f, ensure_ascii=False) + "\n" for f in res.get("findings", ())]
    return "".join(text), tally


def _tally_state(tally) -> str:
    return json.dumps({k: v for k, v in vars(tally).items() if k != "show"}, default=vars, sort_keys=False)


def test_tallies_of_runs_merge_to_the_tally_of_all(tmp_path, service, monkeypatch):
    # the report keeps only the first few findings: 9 here, so the cap is crossed inside a run
    monkeypatch.setattr("service.audit.run.REPORT_FINDINGS_CAP", 9)
    generate(tmp_path, 400, seed=5, service=service)
    path = tmp_path / "records.jsonl"
    text, whole = _one_at_a_time(service, path)
    assert len(whole.shown) == 9 and whole.hidden > 9 and whole.bad and whole.not_auditable  # every path is used
    for size in (1, 7, 64):
        # two processes take turns at the runs, each with its own allowance of findings to show
        merged, procs, out, sent = Tally(), [Runs(Auditor(service)), Runs(Auditor(service))], [], [0, 0]
        for i, chunk in enumerate(_chunks(read_lines(path), size)):
            p = (i * 5 // 3) % 2
            part_text, part = procs[p](chunk)
            sent[p] += len(part.shown)
            merged.merge(part)
            out.append(part_text)
        assert "".join(out) == text
        assert _tally_state(merged) == _tally_state(whole), size
        assert max(sent) <= 9 < sum(sent), sent  # neither sends more than the report can show


def test_an_audit_on_two_processes_writes_what_one_does(tmp_path, service, monkeypatch):
    monkeypatch.setattr("service.audit.run.REPORT_FINDINGS_CAP", 9)  # forked workers inherit it
    generate(tmp_path / "in", 400, seed=5, service=service)
    path = tmp_path / "in" / "records.jsonl"
    text, whole = _one_at_a_time(service, path)
    outs = {}
    for workers in (1, 2):
        out = tmp_path / f"out{workers}"
        summary = run(path, out, progress=False, workers=workers)
        assert (out / "findings.jsonl").read_text(encoding="utf-8") == text
        for k in ("seconds", "started_at", "workers"):
            summary.pop(k)
        html = re.sub(r"Run [^<]*process\(es\)", "", (out / "report.html").read_text(encoding="utf-8"))
        outs[workers] = (summary, html)
    assert outs[1] == outs[2]
    assert outs[1][0]["findings"]["correct"] == whole.kinds["correct"]
