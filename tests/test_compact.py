"""Compact replies (DecideRequest.compact, DecideBatchRequest.compact) over a real gRPC server.

A compact decision is the full decision with every question's text and allowed answers left out,
nothing else changed; and DescribeVocabulary gives a client everything it needs to show them: for
every question of every feature incident, the text and allowed answers worked out from the
vocabulary alone (by the question's field and attribute) are exactly those of the full reply."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from service.gen.hocr.v1 import hocr_pb2 as pb
from service.gen.hocr.v1 import hocr_pb2_grpc as pb_grpc
from service.transport import pbjson

ROOT = Path(__file__).resolve().parent.parent
AS_OF = {"seconds": 1780315200}  # 2026-06-01T12:00:00Z


def _requests(limit: int = 400) -> list[pb.DecideRequest]:
    out = []
    for path in sorted((ROOT / "bench" / "data").glob("feature-incidents-*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            msg, bad = pbjson.parse(json.loads(line), pb.Incident)
            if msg is not None and not bad:
                out.append(pb.DecideRequest(incident=msg, as_of=AS_OF))
    step = max(1, len(out) // limit)
    return out[::step][:limit]


def _stripped(d: pb.Decision) -> pb.Decision:
    """The decision as the compact reply should give it (and without what differs per call)."""
    out = pb.Decision()
    out.CopyFrom(d)
    for f in ("decision_id", "decided_at"):
        out.ClearField(f)

    def strip(q: pb.Question) -> None:
        q.text = ""
        del q.allowed[:]
        for i in q.items:
            strip(i)
    for q in out.questions:
        strip(q)
    return out


def _shown(vocab: pb.Vocabulary, act_types: dict[str, str], q: pb.Question) -> tuple[str, list[str]]:
    """What a client shows for a compact question, from DescribeVocabulary alone."""
    env = dict(vocab.envelope_questions)
    names = lambda terms: [t.name for t in terms]  # noqa: E731

    def attribute(infos, name):
        for a in infos:
            if a.name == name:
                return a.question, [v.name for v in a.values] if a.kind not in ("integer", "text") else []
        return name, []
    if q.field.startswith("checklist."):
        c = next(c for c in vocab.checklists if c.id == q.field[len("checklist."):])
        return c.text, []
    if m := re.fullmatch(r"acts\[(.*)\]\.attributes\.(.+)", q.field):
        infos = next((t.attributes for t in vocab.act_types if t.name == act_types.get(m.group(1))), [])
        return attribute(infos, m.group(2))
    if re.fullmatch(r"acts\[(.*)\]\.[a-z_]+", q.field):
        return env.get(q.attribute, q.attribute), []
    if q.field.startswith("persons["):
        if ".attributes." in q.field:
            return attribute(vocab.person_attributes, q.attribute)
        allowed = {"person_kind": names(vocab.person_kinds), "sex": list(vocab.sexes)}.get(q.attribute, [])
        return env.get(q.attribute, q.attribute), allowed
    if q.field.startswith("incident.attributes."):
        return attribute(vocab.incident_attributes, q.attribute)
    if q.field.startswith("incident."):
        allowed = {"reporter_role": names(vocab.reporter_roles), "channel": names(vocab.channels),
                   "place": names(vocab.places)}.get(q.attribute, [])
        return env.get(q.attribute, q.attribute), allowed
    if q.field.startswith("relationships["):
        return env.get("relationship", "relationship"), names(vocab.relationship_kinds)
    return q.attribute, []


@pytest.fixture(scope="module")
def stub(channel):
    return pb_grpc.DecisionServiceStub(channel)


def test_compact_batch_is_the_full_batch_without_texts_and_vocabulary_gives_them(stub):
    requests = _requests()
    full, compact = [], []
    for start in range(0, len(requests), 100):
        part = requests[start:start + 100]
        full += stub.DecideBatch(pb.DecideBatchRequest(requests=part)).results
        compact += stub.DecideBatch(pb.DecideBatchRequest(requests=part, compact=True)).results
    assert len(full) == len(compact) == len(requests) > 100
    vocabs = {}
    asked = shown = 0
    for req, f, c in zip(requests, full, compact, strict=True):
        assert f.HasField("decision") == c.HasField("decision")
        if not f.HasField("decision"):
            assert f.error == c.error
            continue
        assert _stripped(c.decision) == _stripped(f.decision)
        assert all(not q.text and not q.allowed for q in c.decision.questions)
        if f.decision.questions:
            assert c.decision.ByteSize() < f.decision.ByteSize()
        edition = f.decision.edition
        if edition not in vocabs:
            vocabs[edition] = stub.DescribeVocabulary(pb.DescribeVocabularyRequest(edition=edition)).vocabulary
        act_types = {a.id: a.type for a in req.incident.acts}
        for q in f.decision.questions:
            for one in [q, *q.items]:
                asked += 1
                assert _shown(vocabs[edition], act_types, one) == (one.text, list(one.allowed)), one.field
                shown += one.text != one.attribute
    assert asked > 1000 and shown > asked // 2
    assert any(v.checklists for v in vocabs.values())


def test_compact_unary_decide_and_a_batch_item_asking_it(stub):
    req = next(r for r in _requests(50) if r.incident.acts)
    full = stub.Decide(req).decision
    assert full.questions and all(q.text for q in full.questions)
    one = pb.DecideRequest()
    one.CopyFrom(req)
    one.compact = True
    compact = stub.Decide(one).decision
    assert _stripped(compact) == _stripped(full)
    mixed = stub.DecideBatch(pb.DecideBatchRequest(requests=[req, one])).results
    assert all(q.text for q in mixed[0].decision.questions)
    assert not any(q.text for q in mixed[1].decision.questions)
