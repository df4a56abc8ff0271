"""The supervision RPCs (ListSupervision, ResolveSupervision) mapped to and from protobuf."""
from __future__ import annotations

import datetime as dt

from google.protobuf.timestamp_pb2 import Timestamp

from ..gen.hocr.v1 import hocr_pb2 as pb
from ..record.supervision import Item, Queue

_OUTCOMES = {name.removeprefix("OUTCOME_").lower(): value for name, value in pb.Outcome.items()}


def _ts(value: dt.datetime | None) -> Timestamp | None:
    if value is None:
        return None
    t = Timestamp()
    t.FromDatetime(value.astimezone(dt.timezone.utc))
    return t


def _outcome(name: str) -> int:
    return _OUTCOMES.get(name, pb.OUTCOME_UNSPECIFIED)


def resolution_to_proto(r) -> pb.Resolution:
    return pb.Resolution(resolution_id=r.resolution_id, decision_id=r.decision_id, verdict=r.verdict,
                         reason=r.reason, supervisor=r.supervisor, caller=r.caller, resolved_at=_ts(r.resolved_at),
                         outcome=_outcome(r.outcome), classifications=r.classifications)


def item_to_proto(item: Item) -> pb.SupervisionItem:
    e = item.entry
    return pb.SupervisionItem(
        decision_id=e.decision_id, kinds=item.kinds, reasons=item.reasons, incident_id=e.incident_id,
        caller=e.caller, edition=e.edition, rules_revision=e.rules_revision, received_at=_ts(e.received_at),
        record_by=_ts(e.record_by), overdue=item.overdue, outcome=_outcome(e.outcome),
        classifications=item.classifications, resolutions=[resolution_to_proto(r) for r in item.resolutions])


def list_supervision(queue: Queue, req: pb.ListSupervisionRequest) -> pb.ListSupervisionResponse:
    since = req.since.ToDatetime(tzinfo=dt.timezone.utc) if req.HasField("since") else None
    items = queue.list(kind=req.kind, caller=req.caller, since=since, overdue=req.overdue,
                       include_resolved=req.include_resolved, limit=req.limit)
    return pb.ListSupervisionResponse(items=[item_to_proto(i) for i in items])


def resolve_supervision(queue: Queue, req: pb.ResolveSupervisionRequest, caller: str) -> pb.ResolveSupervisionResponse:
    outcome = pb.Outcome.Name(req.outcome).removeprefix("OUTCOME_").lower() if req.outcome else ""
    row, item = queue.resolve(req.decision_id, req.verdict, req.reason, req.supervisor, caller=caller,
                              outcome=outcome, classifications=list(req.classifications))
    return pb.ResolveSupervisionResponse(resolution=resolution_to_proto(row), item=item_to_proto(item))
