"""`hocr decide` speaks the protobuf JSON mapping (as grpcurl and the HTTP door), reads one object,
a JSON array or JSON Lines, keeps going past bad items, shows progress, and completes in the shell."""
from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from .conftest import ROOT
from .sampling import size
from .test_cli import hocr_in

EX = ROOT / "docs" / "examples"
AS_OF = "2026-06-01T12:00:00Z"
PER_CALL = ("decisionId", "decidedAt")  # differ from call to call, whatever the door


def hocr(*args, stdin=None, env=None):
    return subprocess.run([sys.executable, "-m", "service.cli", *args], capture_output=True, text=True, input=stdin,
                          cwd=ROOT, env=env)


def same(d: dict) -> dict:
    return {k: v for k, v in d.items() if k not in PER_CALL}


def camel(obj):
    """snake_case keys as lowerCamelCase (the attribute map's keys are data, not field names)."""
    if isinstance(obj, list):
        return [camel(x) for x in obj]
    if not isinstance(obj, dict):
        return obj
    out = {}
    for k, v in obj.items():
        head, *rest = k.split("_")
        out[head + "".join(p.title() for p in rest)] = v if k == "attributes" else camel(v)
    return out


def examples() -> list[dict]:
    return [json.loads(p.read_text(encoding="utf-8")) for p in sorted(EX.glob("*.json"))
            if not p.name.startswith("invalid")]


def test_both_field_name_styles_and_both_shapes_give_the_same_decision():
    incident = json.loads((EX / "ex-partner-assault.json").read_text(encoding="utf-8"))
    bare = hocr("decide", "-", "--as-of", AS_OF, stdin=json.dumps(incident))
    wrapped = hocr_in("decide", "-", stdin=json.dumps({"incident": camel(incident), "asOf": AS_OF}))
    assert bare.returncode == 0 and wrapped.returncode == 0, bare.stderr + wrapped.stderr
    a, b = json.loads(bare.stdout), json.loads(wrapped.stdout)
    assert "reportedAt" not in json.dumps(camel(incident["persons"]))  # the test's own conversion is sane
    assert same(a) == same(b) and a["crimes"][0]["hoCode"] == "008/06"


def test_every_violation_of_a_payload_at_once_without_its_text():
    bad = {"id": "X", "reportedAt": "last tuesday", "acts": [{"id": "a1", "type": 7, "byy": ["S"]}],
           "persons": "SECRET-NAME"}
    out = hocr("decide", "-", stdin=json.dumps(bad))
    assert out.returncode == 3
    status = json.loads(out.stdout)
    fields = [v["field"] for d in status["details"] for v in d.get("fieldViolations", [])]
    assert {"incident.reported_at", "incident.acts[0].type", "incident.acts[0].byy", "incident.persons"} <= set(fields)
    assert "last tuesday" not in out.stdout + out.stderr and "SECRET-NAME" not in out.stdout + out.stderr


def test_json_lines_with_bad_lines_go_on_in_order_and_exit_3(tmp_path):
    good = examples()
    lines = [json.dumps(dict(good[0], id="L1")), "", json.dumps({"incident": dict(good[1], id="L3")}),
             "{not json", json.dumps(dict(good[0], id="L5", acts=[dict(good[0]["acts"][0], type="no_such_act")])),
             json.dumps(dict(good[2], id="L6"))]
    path = tmp_path / "in.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = hocr("decide", str(path), "--as-of", AS_OF, "--processes", "1")
    assert out.returncode == 3, out.stderr
    rows = [json.loads(x) for x in out.stdout.splitlines()]
    assert [r.get("incidentId") for r in rows] == ["L1", "L3", None, "L5", "L6"]
    assert "outcome" in rows[0] and "outcome" in rows[1] and "outcome" in rows[4]
    assert rows[2]["line"] == 4 and rows[2]["error"]["status"] == "INVALID_ARGUMENT"
    assert rows[3]["line"] == 5 and rows[3]["error"]["code"] == 3
    assert "incident.acts[0].type" in json.dumps(rows[3]["error"]["details"])
    assert "line 4" in out.stderr and "line 5 (L5)" in out.stderr and "2 of 5 refused" in out.stderr
    assert "no_such_act" not in out.stdout and "not json" not in out.stdout  # never the payload's text


def test_a_json_array_is_json_lines_out_with_indexes():
    good = examples()
    body = json.dumps([dict(good[0], id="A0"), {"incident": {"id": "A1"}}, dict(good[1], id="A2")])
    out = hocr("decide", "-", "--as-of", AS_OF, "--processes", "2", stdin=body)
    assert out.returncode == 3
    rows = [json.loads(x) for x in out.stdout.splitlines()]
    assert [r.get("incidentId") for r in rows] == ["A0", "A1", "A2"]
    assert rows[1]["index"] == 1 and rows[1]["error"]["status"] == "INVALID_ARGUMENT"


def test_help_documents_input_output_and_exit_codes():
    out = hocr("decide", "--help")
    assert out.returncode == 0
    for words in ("JSON Lines", "exit codes", "one or more incidents were refused", "--processes", "--no-progress",
                  "--as-of", "--explain", "--edition"):
        assert words in out.stdout, words


@pytest.mark.integration
def test_ten_thousand_json_lines_with_progress_in_order(tmp_path):
    """The issue's "done when": 10,000 lines in, progress on standard error, 10,000 lines out in order
    (`make test-long`; `make test` takes 3,000 lines through the same path)."""
    good = examples()
    path = tmp_path / "10k.jsonl"
    n = size(3_000, 10_000)
    ids = [f"B-{i:05d}" for i in range(n)]
    with path.open("w", encoding="utf-8") as f:
        for i, iid in enumerate(ids):
            inc = dict(good[i % len(good)], id=iid)
            f.write(json.dumps(inc if i % 2 else {"incident": camel(inc)}) + "\n")
    out = hocr("decide", str(path), "--as-of", AS_OF, "--processes", "2", "--progress")
    assert out.returncode == 0, out.stderr[-2000:]
    rows = out.stdout.splitlines()
    assert len(rows) == n
    assert [json.loads(r)["incidentId"] for r in rows] == ids
    assert f"{n}/{n}" in out.stderr and "incident/s" in out.stderr


def test_no_progress_bar_unless_asked_when_stderr_is_not_a_terminal():
    body = "\n".join(json.dumps(dict(e, id=f"P{i}")) for i, e in enumerate(examples()))
    quiet = hocr("decide", "-", "--as-of", AS_OF, "--processes", "1", stdin=body)
    assert quiet.returncode == 0 and quiet.stderr == "" and len(quiet.stdout.splitlines()) == len(examples())
    shown = hocr("decide", "-", "--as-of", AS_OF, "--processes", "1", "--progress", stdin=body)
    assert f"{len(examples())}/{len(examples())}" in shown.stderr
    off = hocr("decide", "-", "--as-of", AS_OF, "--processes", "1", "--no-progress", stdin=body)
    assert off.stderr == ""


def complete(line: str, tmp_path) -> list[str]:
    """Ask the CLI for completions as bash's completion function does (argcomplete's protocol)."""
    out_file = tmp_path / "completions"
    env = {**os.environ, "_ARGCOMPLETE": "1", "_ARGCOMPLETE_SHELL": "bash", "COMP_LINE": line,
           "COMP_POINT": str(len(line)), "_ARGCOMPLETE_IFS": "\v", "COMP_TYPE": "9",
           "_ARGCOMPLETE_STDOUT_FILENAME": str(out_file)}
    r = subprocess.run([sys.executable, "-m", "service.cli"], capture_output=True, text=True, cwd=ROOT, env=env,
                       timeout=60)
    assert r.returncode == 0, r.stderr
    return out_file.read_text().split("\v")


def test_shell_completion_offers_subcommands_and_options(tmp_path):
    commands = complete("hocr ", tmp_path)
    assert {"decide", "serve", "rules", "vocabulary", "review"} <= set(commands), commands
    assert set(complete("hocr rules c", tmp_path)) == {"check", "coverage"}
    options = complete("hocr decide --p", tmp_path)
    assert {"--processes", "--progress"} <= set(options), options


def test_a_bad_rules_dir_in_the_workers_exits_4_without_a_traceback(tmp_path):
    """A worker process that cannot load the rules must not leave the pool restarting it for ever."""
    body = "\n".join(json.dumps(dict(examples()[0], id=f"R{i}")) for i in range(200))  # more than one chunk
    out = hocr("decide", "-", "--processes", "2", stdin=body, env={**os.environ, "HOCR_RULES_DIR": str(tmp_path)})
    assert out.returncode == 4, out.stderr[-2000:]
    assert "the rules could not be loaded" in out.stderr and "Traceback" not in out.stderr
    one = hocr("decide", str(EX / "ex-partner-assault.json"), env={**os.environ, "HOCR_RULES_DIR": str(tmp_path)})
    assert one.returncode == 4 and "the rules could not be loaded" in one.stderr and "Traceback" not in one.stderr


def test_a_reader_that_goes_away_is_not_an_error():
    """`hocr decide big.jsonl | head -1`: the closed pipe ends the run quietly, workers and all."""
    body = "\n".join(json.dumps(dict(examples()[0], id=f"H{i}")) for i in range(1000))
    proc = subprocess.Popen([sys.executable, "-m", "service.cli", "decide", "-", "--processes", "2"], cwd=ROOT,
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    proc.stdin.write(body)
    proc.stdin.close()
    first = proc.stdout.readline()
    proc.stdout.close()
    assert proc.wait(timeout=60) == 0
    assert json.loads(first)["incidentId"] == "H0"
    assert "Traceback" not in proc.stderr.read()


def test_review_speaks_the_same_json_as_the_http_door():
    req = {"crime": {"reference": "CR-1", "classification": "19D", "hoCode": "019/07"}, "action": "cancel",
           "code": "C2", "facts": {"decided_by": "fcr", "independent_of_investigation": "yes",
                                   "compelling_avi": "yes", "victim_informed": "yes"}}
    out = hocr("review", "-", "--format", "json", stdin=json.dumps(req))
    assert out.returncode == 0, out.stderr
    r = json.loads(out.stdout)
    assert r["allowed"] is True and r["crime"] == "CR-1" and "rulesRevision" in r and "rules_revision" not in r
    bad = hocr_in("review", "-", stdin=json.dumps({**req, "facts": {"decided_by": 3}, "actoin": "cancel"}))
    assert bad.returncode == 3
    fields = [v["field"] for d in json.loads(bad.stdout)["details"] for v in d["fieldViolations"]]
    assert fields == ["facts.decided_by", "actoin"]  # every violation at once
