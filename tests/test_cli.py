"""The hocr command line, run as a user would run it."""
import json
import os
import re
import subprocess
import sys

from .conftest import ROOT

EX = ROOT / "docs" / "examples"


def hocr(*args, stdin=None):
    return subprocess.run([sys.executable, "-m", "service.cli", *args], capture_output=True, text=True, input=stdin,
                          cwd=ROOT)


def hocr_in(*args, stdin=None):
    """`hocr` called in this process (service.transport.cli.main: the same parser and commands), standard input,
    output and error in memory; each command also has a test above or in test_cli_batch.py that runs
    it as a real process (that costs a Python start-up and a load of the rules per call)."""
    import contextlib
    import io

    from service.transport.cli import main

    out, err = io.StringIO(), io.StringIO()
    old_stdin, old_cwd = sys.stdin, os.getcwd()
    sys.stdin = io.StringIO(stdin or "")
    try:
        os.chdir(ROOT)
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                code = main(list(args))
            except SystemExit as exc:  # argparse: --help, bad usage
                code = exc.code
    finally:
        sys.stdin = old_stdin
        os.chdir(old_cwd)
    return subprocess.CompletedProcess(args, code, out.getvalue(), err.getvalue())


def test_decide_file_json():
    out = hocr("decide", str(EX / "ex-partner-assault.json"), "--as-of", "2026-06-01T12:00:00Z")
    assert out.returncode == 0, out.stderr
    d = json.loads(out.stdout)
    assert [(c["classification"], [f["name"] for f in c["flags"]]) for c in d["crimes"]] == [("8N", ["domestic_abuse"])]
    # the protobuf JSON mapping, as grpcurl and the HTTP door print it: lowerCamelCase, enum names,
    # fields at their default value left out
    assert d["outcome"] == "OUTCOME_RECORD_CRIME" and d["crimes"][0]["hoCode"] == "008/06"
    assert d["recordBy"] == "2026-06-02T10:00:00Z" and "deadlinePassed" not in d


def test_decide_stdin_text_format():
    out = hocr("decide", "-", "--format", "text", stdin=(EX / "ex-partner-no-injury.json").read_text())
    assert out.returncode == 0, out.stderr
    assert "CRIME INC-2-C1: 105A 105/01" in out.stdout and "domestic_abuse" in out.stdout


def test_decide_passer_by():
    d = json.loads(hocr_in("decide", str(EX / "passer-by-victim-not-traced.json")).stdout)
    assert d["outcome"] == "OUTCOME_CRIME_RELATED_INCIDENT" and "crimes" not in d
    assert d["negations"][0]["reasonCode"] == "ncrs.third-party.victim-not-traced"


def test_decide_invalid_names_the_field():
    out = hocr_in("decide", str(EX / "invalid-unknown-act.json"))
    assert out.returncode == 3
    status = json.loads(out.stdout)  # a google.rpc.Status, as the HTTP door answers it
    assert status["status"] == "INVALID_ARGUMENT" and status["code"] == 3
    (bad,) = [d for d in status["details"] if d["@type"].endswith("google.rpc.BadRequest")]
    assert bad["fieldViolations"][0]["field"] == "incident.acts[0].type"
    assert "INVALID_ARGUMENT" in out.stderr


def test_decide_unreadable_input():
    out = hocr("decide", "-", stdin="{not json")
    assert out.returncode == 2 and "cannot read" in out.stderr and out.stdout == ""


def test_rules_check_passes():
    out = hocr("rules", "check", "--strict", "--coverage", "/nonexistent")
    assert out.returncode == 0 and out.stdout.strip().endswith("ok"), out.stderr[-2000:]


def test_vocabulary_json_and_text():
    out = hocr("vocabulary", "--format", "json")
    assert out.returncode == 0, out.stderr
    v = json.loads(out.stdout)
    assert v["edition"] == "2026-27" and any(t["name"] == "use_of_force" for t in v["actTypes"])  # the JSON mapping
    text = hocr_in("vocabulary").stdout
    assert "act type use_of_force" in text and "What injury did the victim suffer?" in text


def test_apply_answer_puts_each_kind_of_answer_in_place():
    from service.decision.answers import apply_answer

    inc = json.loads((EX / "ex-partner-assault.json").read_text())
    inc = apply_answer(inc, "acts[a1].attributes.intent_serious_harm", "no")
    inc = apply_answer(inc, "persons[V].attributes.occupation", "other")
    inc = apply_answer(inc, "persons[V].age", "35")
    inc = apply_answer(inc, "relationships[S,V].kind", "partner")
    inc = apply_answer(inc, "incident.attributes.recording_necessary", "no")
    inc = apply_answer(inc, "incident.place", "dwelling")
    assert inc["acts"][0]["attributes"]["intent_serious_harm"] == "no"
    assert inc["persons"][0]["age"] == 35 and inc["persons"][0]["attributes"]["occupation"] == "other"
    assert inc["relationships"] == [{"a": "S", "b": "V", "kind": "partner"}]
    assert inc["attributes"]["recording_necessary"] == "no" and inc["location"]["place"] == "dwelling"
    import pytest
    with pytest.raises(ValueError):
        apply_answer(inc, "acts[zz].attributes.injury", "none")
    with pytest.raises(ValueError):
        apply_answer(inc, "nonsense", "x")


def test_explain_rule_and_decision():
    out = hocr("rules", "explain", "assault.strangulation", "--coverage", "/nonexistent")
    assert out.returncode == 0, out.stderr
    assert "the act's strangulation or suffocation is yes" in out.stdout
    # which of the three orders decides each precedence
    wins, loses = out.stdout.split("takes precedence over:\n", 1)[1].split("gives way to:\n", 1)
    assert re.search(r"by principal crime ranking \(\d+\): .*assault\.without-injury", wins), out.stdout
    assert re.search(r"by principal crime ranking \(\d+\): .*assault\.with-injury\.gbh", loses), out.stdout
    assert re.search(r"by explicit override \(overrides\) \(\d+\): .*assault\.constable\.strangulation", loses)
    spec = hocr_in("rules", "explain", "theft.other", "--coverage", "/nonexistent")
    assert re.search(r"by declared specificity specific\.theft-classes \(general/counting\.yaml\) "
                     r"\(\d+\): .*theft\.by-employee", spec.stdout), spec.stdout
    bad = hocr_in("rules", "explain", "assault.strangulaton")
    assert bad.returncode == 3 and "did you mean 'assault.strangulation'" in bad.stderr
    d = hocr_in("decide", str(EX / "ex-partner-assault.json"), "--format", "text", "--explain")
    assert "assault.with-injury.abh fired: applied" in d.stdout and "p.43" in d.stdout


def test_rules_coverage_fails_under_threshold(tmp_path):
    cov = tmp_path / "cov.json"
    cov.write_text(json.dumps({"rules": {"assault.with-injury.abh": ["s1"]}, "classifications": {"8N 008/06": ["s1"]}}))
    out = hocr_in("rules", "coverage", "--coverage", str(cov), "--fail-under", "50")
    assert out.returncode == 1
    assert "FAIL: rule coverage" in out.stderr and "assault.strangulation" in out.stderr
    assert "NO SCENARIO records 8N 008/77" in out.stdout
    check = hocr_in("rules", "check", "--coverage", str(cov))
    assert check.returncode == 1 and "8N 008/77" in check.stderr


def test_review_cli():
    req = {"crime": {"reference": "CR-1", "classification": "19D", "ho_code": "019/07"}, "action": "cancel",
           "code": "C2", "facts": {"decided_by": "ddm", "independent_of_investigation": "yes",
                                   "compelling_avi": "yes", "victim_informed": "yes"}}
    out = hocr("review", "-", stdin=json.dumps(req))
    assert out.returncode == 0, out.stderr
    assert "NOT ALLOWED" in out.stdout and "review.rape-or-homicide.fcr-only" in out.stdout
    js = json.loads(hocr_in("review", "-", "--format", "json", stdin=json.dumps({**req, "facts": {
        **req["facts"], "decided_by": "fcr"}})).stdout)
    assert js["allowed"] is True


def test_decide_ex_partner_assault_records_now_with_at_most_three_questions():
    """Issue 10: the report is enough to record; what could refine the crime comes as few questions."""
    r = hocr_in("decide", str(ROOT / "docs" / "examples" / "ex-partner-assault.json"))
    assert r.returncode == 0, r.stderr
    d = json.loads(r.stdout)
    assert d["outcome"] == "OUTCOME_RECORD_CRIME"
    (crime,) = d["crimes"]
    assert (crime["classification"], crime["hoCode"]) == ("8N", "008/06")
    assert [f["name"] for f in crime["flags"]] == ["domestic_abuse"]
    assert len(d["questions"]) <= 3, [q["field"] for q in d["questions"]]
    # the injury is stated: the class rests on nothing assumed, so it is not provisional; what could
    # still raise it (strangulation, intent ...) comes as refining questions
    assert not crime.get("provisional") and crime["refinedBy"]
    asked = {i["field"] for q in d["questions"] for i in [q] + q.get("items", [])}
    assert set(crime["refinedBy"]) <= asked


def test_coverage_by_page_is_generated_and_current():
    out = hocr_in("rules", "coverage", "--by-page")
    assert out.returncode == 0, out.stderr
    text = out.stdout
    # a page no rule cites is shown, with the register's reason where it gives one
    assert "Pages no rule cites: 1-5, 11," in text
    assert "| 11 | Crime Recording Flowchart | **no rule cites this page** | Crime recording flowchart" in text
    # a cited page lists the section cited and the rules citing it
    assert "Section 47 assault (actual bodily harm) (`assault.with-injury.abh`" in text
    assert "## HOCR-2022-23:" in text and "| Burglary |" in text
    committed = (ROOT / "docs" / "coverage-by-page.md").read_text(encoding="utf-8")
    assert committed == text, "docs/coverage-by-page.md is stale: run hocr rules coverage --by-page --out docs/coverage-by-page.md"
