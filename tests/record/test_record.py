"""The decision log, the supervision queue, replay and metrics, through a real gRPC server on a
loopback port (in this process) and the real CLI; the log on SQLite files and on the suite's own
PostgreSQL server."""
from __future__ import annotations

import datetime as dt
import json
import logging
import shutil
import sqlite3
import urllib.request

import grpc
import pytest
from google.protobuf import json_format

from service.api import DecisionService
from service.gen.hocr.v1 import hocr_pb2 as pb
from service.gen.hocr.v1 import hocr_pb2_grpc as pb_grpc
from service.record import DecisionRecord, migrations
from service.record.log import open_store
from service.record.metrics import serve_metrics
from service.rules.load import load_editions
from service.server import create_server
from service.transport.cli import main as hocr

from .conftest import ROOT, assault_incident, burglary_incident, n100_incident, negated_incident

pytestmark = pytest.mark.integration
UTC = dt.timezone.utc


def req(incident: dict, **kw) -> pb.DecideRequest:
    return pb.DecideRequest(incident=json_format.ParseDict(incident, pb.Incident()), **kw)


@pytest.fixture(scope="module")
def rules_service():
    return DecisionService(ROOT / "rules")


@pytest.fixture
def logged(rules_service):
    """The module's service with a decision log of its own at the given URL (SQLite by default)."""
    opened = []

    def open_log(url: str) -> DecisionService:
        rules_service.record = DecisionRecord.open(url, rules_service.rules_dir, rules_service.editions)
        opened.append(rules_service.record)
        return rules_service

    yield open_log
    for record in opened:
        record.close()
    rules_service.record = None


def _serve(service):
    server, port = create_server("127.0.0.1:0", service, workers=2)
    server.start()
    ch = grpc.insecure_channel(f"127.0.0.1:{port}")
    grpc.channel_ready_future(ch).result(timeout=10)
    return server, ch


@pytest.fixture
def served(logged, request, tmp_path):
    """A server with a decision log, and a stub to call it: SQLite, or PostgreSQL when the test is
    parametrised with log_url."""
    url = request.getfixturevalue("log_url") if "log_url" in request.fixturenames else \
        f"sqlite:///{tmp_path / 'decision-log.db'}"
    service = logged(url)
    server, ch = _serve(service)
    yield service, pb_grpc.DecisionServiceStub(ch), url
    ch.close()
    server.stop(grace=None)


def test_every_decision_names_its_rules_revision_and_is_on_the_log(log_url, served):
    service, stub, url = served
    revision = {name: e.revision for name, e in service.editions.items()}
    assert all(len(r) == 16 for r in revision.values()) and len(set(revision.values())) == len(revision)

    one = stub.Decide(req(assault_incident("A1"))).decision
    again = stub.Decide(req(assault_incident("A1"))).decision
    batch = stub.DecideBatch(pb.DecideBatchRequest(requests=[req(n100_incident("N1")), req(negated_incident("C1"))]))
    review = stub.ReviewCrime(pb.ReviewCrimeRequest(
        crime=pb.RecordedCrime(reference="CR1", classification="8N", ho_code="008/06", victim="V"),
        action="reclassify", incident=json_format.ParseDict(assault_incident("A1", "serious"), pb.Incident())))
    vocab = stub.DescribeVocabulary(pb.DescribeVocabularyRequest(edition="2026-27")).vocabulary

    decisions = [one, again] + [r.decision for r in batch.results]
    assert {d.rules_revision for d in decisions} == {revision["2026-27"]}
    assert review.rules_revision == review.decision.rules_revision == vocab.rules_revision == revision["2026-27"]
    # the id is unique per call; the request digest is the content's
    assert one.decision_id != again.decision_id and one.request_digest == again.request_digest
    assert one.request_digest != batch.results[0].decision.request_digest

    store = open_store(url)
    logged = {e.decision_id: e for e in store.scan(since=dt.datetime(2000, 1, 1, tzinfo=UTC))}
    assert set(logged) == {d.decision_id for d in decisions} | {review.review_id}
    e = logged[one.decision_id]
    assert (e.kind, e.edition, e.rules_revision, e.outcome, e.incident_id) == (
        "decide", "2026-27", revision["2026-27"], "record_crime", "A1")
    assert e.caller == "local-unauthenticated" and e.request_digest == one.request_digest
    assert e.body["incident"]["acts"][0]["attributes"] == {"injury": "minor"}  # the incident itself
    assert [(c["classification"], c["ho_code"], c["victim"]) for c in e.body["decision"]["crimes"]] == [
        ("8N", "008/06", "V")]
    assert e.record_by == dt.datetime(2026, 6, 2, 10, tzinfo=UTC)
    r = logged[review.review_id]
    assert (r.kind, r.outcome, r.rules_revision, r.incident_id) == (
        "review", f"reclassify:{'allowed' if review.allowed else 'not_allowed'}", revision["2026-27"], "CR1")
    assert r.body["decision"]["decision_id"] == review.decision.decision_id
    store.close()


def test_the_queue_lists_an_n100_and_a_negation_and_a_resolution_keeps_the_original(log_url, served):
    service, stub, url = served
    batch = stub.DecideBatch(pb.DecideBatchRequest(requests=[
        req(n100_incident("N1")), req(negated_incident("C1")), req(burglary_incident("B1")),
        req(assault_incident("A1"))]))
    n100, negation, burglary, assault = (r.decision for r in batch.results)
    assert burglary.outcome == assault.outcome == pb.OUTCOME_RECORD_CRIME

    items = {i.decision_id: i for i in stub.ListSupervision(pb.ListSupervisionRequest()).items}
    assert "n_record" in items[n100.decision_id].kinds
    assert any("N100 100/01" in r for r in items[n100.decision_id].reasons)
    assert {"negation", "non_crime_flag"} <= set(items[negation.decision_id].kinds)
    assert [i.decision_id for i in stub.ListSupervision(pb.ListSupervisionRequest(kind="n_record")).items] == [
        n100.decision_id]
    assert [i.decision_id for i in stub.ListSupervision(pb.ListSupervisionRequest(kind="negation")).items] == [
        negation.decision_id]
    # the burglary was recorded on an assumed purpose (not given): provisional; the assault is not
    provisional = stub.ListSupervision(pb.ListSupervisionRequest(kind="provisional")).items
    assert [i.decision_id for i in provisional] == [burglary.decision_id]
    assert list(provisional[0].classifications) == ["28I 028/03"]
    assert assault.decision_id not in items
    assert {i.decision_id for i in stub.ListSupervision(pb.ListSupervisionRequest(kind="deadline")).items} == {
        n100.decision_id, negation.decision_id, burglary.decision_id}
    assert stub.ListSupervision(pb.ListSupervisionRequest(caller="someone else")).items == []
    # the deadline (reported 2026-06-01 + 24 h) has passed: overdue, and a deadline item while unresolved
    assert items[n100.decision_id].overdue and "deadline" in items[n100.decision_id].kinds

    store = open_store(url)
    before = store.get(negation.decision_id)
    got = stub.ResolveSupervision(pb.ResolveSupervisionRequest(
        decision_id=negation.decision_id, verdict="differ", reason="victim traced and confirmed",
        supervisor="PS 1234", outcome=pb.OUTCOME_RECORD_CRIME, classifications=["8N 008/06"]))
    assert (got.resolution.verdict, got.resolution.supervisor, list(got.resolution.classifications)) == (
        "differ", "PS 1234", ["8N 008/06"])
    after = store.get(negation.decision_id)
    assert after.body == before.body and after.outcome == "crime_related_incident"  # the original stands
    assert [r.verdict for r in store.resolutions([negation.decision_id])[negation.decision_id]] == ["differ"]

    listed = [i.decision_id for i in stub.ListSupervision(pb.ListSupervisionRequest()).items]
    assert negation.decision_id not in listed and n100.decision_id in listed
    shown = {i.decision_id: i for i in stub.ListSupervision(pb.ListSupervisionRequest(include_resolved=True)).items}
    assert shown[negation.decision_id].outcome == pb.OUTCOME_CRIME_RELATED_INCIDENT
    assert shown[negation.decision_id].resolutions[0].reason == "victim traced and confirmed"
    assert "deadline" not in shown[negation.decision_id].kinds  # resolved: no longer waiting

    with pytest.raises(grpc.RpcError) as err:  # a different decision needs a code of the edition
        stub.ResolveSupervision(pb.ResolveSupervisionRequest(
            decision_id=n100.decision_id, verdict="differ", reason="x", supervisor="PS 1",
            outcome=pb.OUTCOME_RECORD_CRIME, classifications=["99Z 999/99"]))
    assert err.value.code() == grpc.StatusCode.INVALID_ARGUMENT and "classifications[0]" in err.value.details()
    with pytest.raises(grpc.RpcError) as err:
        stub.ResolveSupervision(pb.ResolveSupervisionRequest(decision_id="nope", verdict="agree", reason="ok",
                                                             supervisor="PS 1"))
    assert err.value.code() == grpc.StatusCode.NOT_FOUND
    store.close()


def test_queue_cli_lists_shows_and_resolves(logged, sqlite_url, capsys):
    service = logged(sqlite_url)
    n100 = service.decide(n100_incident("N1"), caller="test")
    service.decide(assault_incident("A1", injury=None), caller="test")
    assert hocr(["queue", "list", "--decision-log", sqlite_url, "--kind", "n_record"]) == 0
    out = capsys.readouterr().out
    assert n100.decision_id in out and "N100 100/01" in out and "1 item(s)" in out
    assert hocr(["queue", "resolve", n100.decision_id, "--decision-log", sqlite_url, "--verdict", "agree",
                 "--reason", "N100/01 is right", "--supervisor", "DS Smith"]) == 0
    assert "resolved" in capsys.readouterr().out
    assert hocr(["queue", "show", n100.decision_id, "--decision-log", sqlite_url, "--format", "json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["outcome"] == "notifiable_incident" and shown["resolutions"][0]["supervisor"] == "DS Smith"
    assert hocr(["queue", "list", "--decision-log", sqlite_url, "--kind", "n_record"]) == 0
    assert "0 item(s)" in capsys.readouterr().out


def test_a_failed_log_write_fails_the_call_with_unavailable_and_is_counted(served, sqlite_url):
    from service.record.metrics import LOG_FAILURES

    service, stub, sqlite_url = served
    stub.Decide(req(assault_incident("A0")))
    db = sqlite3.connect(sqlite_url[len("sqlite:///"):])  # the disk refuses from now on
    db.execute("CREATE TRIGGER refuse BEFORE INSERT ON decision_log BEGIN SELECT RAISE(ABORT, 'refused'); END")
    db.commit()
    failures = LOG_FAILURES.labels("sqlite")._value.get()
    for call in (lambda: stub.Decide(req(assault_incident("A1"))).decision,
                 lambda: stub.DecideBatch(pb.DecideBatchRequest(requests=[req(assault_incident("A2"))]))):
        with pytest.raises(grpc.RpcError) as err:
            call()
        assert err.value.code() == grpc.StatusCode.UNAVAILABLE
    assert LOG_FAILURES.labels("sqlite")._value.get() == failures + 2
    assert service.record.store.count() == 1


def test_schema_is_versioned_and_retention_purges(logged, log_url):
    store = open_store(log_url)
    assert store.schema_version() == migrations.LATEST
    store.close()
    service = logged(log_url)  # reopened: nothing applied twice
    service.record.retention_days = 30
    service.decide(assault_incident("A1"))
    service.decide(n100_incident("N1"))
    record = service.record
    assert record.store.count() == 2 and record.purge_expired() == 0 and record.queue.depth()["n_record"] == 1
    assert record.purge_expired(now=dt.datetime.now(UTC) + dt.timedelta(days=31)) == 2
    assert record.store.count() == 0 and record.queue.depth()["n_record"] == 0


def test_log_purge_command(logged, sqlite_url, capsys):
    logged(sqlite_url).decide(assault_incident("A1"))
    assert hocr(["log", "purge", "--decision-log", sqlite_url, "--days", "1"]) == 0
    assert "purged 0" in capsys.readouterr().out
    assert hocr(["log", "purge", "--decision-log", sqlite_url, "--before", "2999-01-01"]) == 0
    assert "purged 1 decision log entry" in capsys.readouterr().out


def test_a_log_newer_than_the_service_is_refused(sqlite_url):
    open_store(sqlite_url).close()
    db = sqlite3.connect(sqlite_url[len("sqlite:///"):])
    db.execute("INSERT INTO schema_migrations VALUES (?, 'from the future', '2999-01-01')", (migrations.LATEST + 1,))
    db.commit()
    with pytest.raises(RuntimeError, match="newer than this service"):
        open_store(sqlite_url)


def test_rules_revision_changes_with_one_rule_and_not_with_a_copy(rules_service, tmp_path, capsys):
    copy = tmp_path / "rules"
    shutil.copytree(ROOT / "rules", copy)
    assert hocr(["--rules-dir", str(copy), "rules", "revision"]) == 0
    same = capsys.readouterr().out
    assert same == "".join(f"{n} {e.revision}\n" for n, e in sorted(rules_service.editions.items()))
    # a rule of 2022-23 alone: its revision changes, 2026-27's does not
    rule = copy / "2022-23" / "burglary.yaml"
    rule.write_text(rule.read_text(encoding="utf-8") + "\n# a comment is a change too\n", encoding="utf-8")
    editions = load_editions(copy)
    assert f"2026-27 {editions['2026-27'].revision}" in same
    assert f"2022-23 {editions['2022-23'].revision}" not in same
    # a rule of 2026-27: both change (2022-23 extends 2026-27, so it is made of that file too)
    rule = copy / "2026-27" / "offences" / "violence" / "assaults.yaml"
    rule.write_text(rule.read_text(encoding="utf-8").replace("lasting soreness", "soreness that lasts"),
                    encoding="utf-8")
    again = load_editions(copy)
    assert f"2026-27 {again['2026-27'].revision}" not in same
    assert again["2022-23"].revision != editions["2022-23"].revision


def test_replay_shows_the_effect_of_changing_one_rule_on_a_logged_batch(served, tmp_path, capsys):
    service, stub, url = served
    since = dt.datetime.now(UTC) - dt.timedelta(seconds=1)
    batch = stub.DecideBatch(pb.DecideBatchRequest(requests=[
        req(assault_incident("A1")), req(assault_incident("A2", injury=None)), req(n100_incident("N1")),
        req(assault_incident("A3"))]))
    assert all(r.WhichOneof("result") == "decision" for r in batch.results)
    rules = tmp_path / "rules"
    shutil.copytree(ROOT / "rules", rules)
    f = rules / "2026-27" / "offences" / "violence" / "assaults.yaml"  # ABH becomes 008/01 (one rule edited)
    text = f.read_text(encoding="utf-8")
    old = 'act: {type: use_of_force, injury: minor}\n    then:\n      classify: {class: 8N, code: "008/06"}'
    assert old in text
    f.write_text(text.replace(old, old.replace("008/06", "008/01")), encoding="utf-8")

    out_json = tmp_path / "replay.json"
    assert hocr(["replay", "--since", since.isoformat(), "--rules-dir", str(rules), "--decision-log", url,
                 "--json-out", str(out_json), "--no-progress"]) == 0
    table = capsys.readouterr().out
    assert "Replayed 4 logged decision(s)" in table and "2 would change" in table
    assert "classifications  8N 008/06" in table and "8N 008/01" in table
    report = json.loads(out_json.read_text())
    assert (report["replayed"], report["changed"], report["unchanged"]) == (4, 2, 2)
    assert report["by_field"] == {"outcome": 0, "classifications": 2, "crimes": 0, "flags": 0}
    changed = {r["incident_id"]: r for r in report["rows"]}
    assert set(changed) == {"A1", "A3"}
    assert changed["A1"]["before"]["classifications"] == ["8N 008/06"]
    assert changed["A1"]["after"]["classifications"] == ["8N 008/01"]
    assert changed["A1"]["revision_before"] != changed["A1"]["revision_after"]

    # the same rules, unchanged: nothing would change
    assert hocr(["replay", "--since", since.isoformat(), "--decision-log", url, "--format", "json",
                 "--no-progress"]) == 0
    assert json.loads(capsys.readouterr().out)["changed"] == 0


def test_metrics_endpoint_serves_the_metrics_and_the_call_log_is_json(served, caplog):
    service, stub, _url = served
    http, port = serve_metrics(0, "127.0.0.1")
    with caplog.at_level(logging.INFO, logger="hocr.calls"):
        d = stub.Decide(req(n100_incident("N-SECRET-9"))).decision
        stub.DecideBatch(pb.DecideBatchRequest(requests=[req(assault_incident("A1"))]))
        with pytest.raises(grpc.RpcError):
            stub.Decide(pb.DecideRequest())
    text = urllib.request.urlopen(f"http://127.0.0.1:{port}/metrics", timeout=10).read().decode()
    http.shutdown()
    for needle in ('hocr_calls_total{caller="local-unauthenticated",method="Decide",status="OK"}',
                   'hocr_calls_total{caller="local-unauthenticated",method="Decide",status="INVALID_ARGUMENT"}',
                   'hocr_call_latency_seconds_bucket{le="0.005",method="Decide"}',
                   'hocr_decisions_total{edition="2026-27",outcome="notifiable_incident"}',
                   'hocr_questions_per_decision_count{edition="2026-27"}',
                   'hocr_decision_log_writes_total{backend=',
                   'hocr_decision_log_write_failures_total',
                   'hocr_supervision_queue_depth{kind="n_record"}',
                   'hocr_supervision_queue_depth{kind="deadline"}'):
        assert needle in text, needle
    lines = [json.loads(r.getMessage()) for r in caplog.records if r.name == "hocr.calls"]
    assert [(x["method"], x["status"]) for x in lines] == [
        ("Decide", "OK"), ("DecideBatch", "OK"), ("Decide", "INVALID_ARGUMENT")]
    first = lines[0]
    assert set(first) >= {"time", "method", "status", "latency_ms", "decision_id", "edition", "rules_revision",
                          "caller", "outcome"}
    assert (first["decision_id"], first["edition"], first["rules_revision"], first["outcome"]) == (
        d.decision_id, "2026-27", d.rules_revision, "notifiable_incident")
    assert lines[1]["outcome"] == {"record_crime": 1} and lines[1]["decisions"] == 1
    raw = " ".join(r.getMessage() for r in caplog.records if r.name == "hocr.calls")
    assert "N-SECRET-9" not in raw and "not_yet_asked" not in raw  # no payload content


def test_without_a_decision_log_the_queue_is_refused(rules_service):
    server, ch = _serve(rules_service)  # rules_service keeps no log here
    try:
        with pytest.raises(grpc.RpcError) as err:
            pb_grpc.DecisionServiceStub(ch).ListSupervision(pb.ListSupervisionRequest())
        assert err.value.code() == grpc.StatusCode.FAILED_PRECONDITION and "--decision-log" in err.value.details()
    finally:
        ch.close()
        server.stop(grace=None)


def test_decision_ids_are_uuid7_in_time_order():
    import uuid

    from service.ids import uuid7

    ids = [uuid7() for _ in range(5000)]
    assert len(set(ids)) == 5000 and ids == sorted(ids)
    u = uuid.UUID(ids[0])
    assert u.version == 7 and u.variant == uuid.RFC_4122
    assert abs((u.int >> 80) / 1000 - dt.datetime.now(UTC).timestamp()) < 60


def test_sqlite_options_in_the_url(tmp_path):
    store = open_store(f"sqlite:///{tmp_path / 'a.db'}?synchronous=normal")
    assert store._query("PRAGMA synchronous")[0][0] == 1 and store._query("PRAGMA journal_mode")[0][0] == "wal"
    store.close()
    store = open_store(f"sqlite:///{tmp_path / 'b.db'}")
    assert store._query("PRAGMA synchronous")[0][0] == 2  # FULL: synced before the reply
    store.close()
    with pytest.raises(ValueError, match="unknown sqlite option"):
        open_store(f"sqlite:///{tmp_path / 'c.db'}?cache=shared")


def test_a_batch_counts_each_decision_once_by_outcome_and_edition_and_observes_each_one_s_questions():
    """summarise() of a batch increments hocr_decisions_total once per outcome and edition with the
    number of that pair's decisions (not once per decision), and still observes every decision's
    questions; an item in error counts in neither."""
    from service.record.metrics import DECISIONS, QUESTIONS, BatchSummary, summarise

    rec, other = pb.OUTCOME_RECORD_CRIME, pb.OUTCOME_NOTIFIABLE_INCIDENT

    def counts():
        return ({k: DECISIONS.labels(*k)._value.get() for k in
                 [("record_crime", "2026-27"), ("notifiable_incident", "2026-27"), ("record_crime", "2022-23")]},
                {e: QUESTIONS.labels(e)._sum.get() for e in ("2026-27", "2022-23")})
    before = counts()
    out = summarise("DecideBatch", BatchSummary([(rec, "2026-27", "r", 2), (other, "2026-27", "r", 0), None,
                                                 (rec, "2026-27", "r", 3), (rec, "2022-23", "q", 5)]))
    after = counts()
    assert {k: after[0][k] - before[0][k] for k in after[0]} == {
        ("record_crime", "2026-27"): 2, ("notifiable_incident", "2026-27"): 1, ("record_crime", "2022-23"): 1}
    assert {e: after[1][e] - before[1][e] for e in after[1]} == {"2026-27": 5, "2022-23": 5}
    assert out["outcome"] == {"record_crime": 3, "notifiable_incident": 1} and out["errors"] == 1
    assert out["decisions"] == 4 and out["edition"] == "2022-23,2026-27"
