"""The ``Audit`` gRPC method: records stream in, findings stream out as each is decided, then the summary.

The servicer delegates here (``Servicer.Audit``); records are audited in the servicer's thread with
the server's own DecisionService, in order. A record that cannot be read or decided becomes an
``AuditProblem`` with its own status (INVALID_ARGUMENT with the field paths, or
FAILED_PRECONDITION for a record no held edition covers) and the stream goes on.
"""
from __future__ import annotations

import json
from typing import Iterable, Iterator

from google.protobuf import any_pb2
from google.rpc import code_pb2, error_details_pb2, status_pb2

from ..audit.match import audit_config
from ..audit.records import normalise_recorded
from ..audit.run import Auditor, Tally
from ..gen.hocr.v1 import hocr_pb2 as pb
from .mapping import incident_to_dict


def _ts(msg, name: str) -> str | None:
    if not msg.HasField(name):
        return None
    return getattr(msg, name).ToJsonString()


def record_to_dict(rec: pb.AuditRecord) -> dict:
    """The proto record as the JSON Lines record (``service.audit.records``) would give it."""
    def crime(c: pb.AuditRecordedCrime) -> dict:
        return {"reference": c.reference, "classification": c.classification, "ho_code": c.ho_code,
                "victim": c.victim, "recorded_at": _ts(c, "recorded_at"), "flags": list(c.flags)}
    recorded = normalise_recorded({
        "crimes": [crime(c) for c in rec.crimes], "n_records": [crime(c) for c in rec.n_records],
        "incident_records": [{"reference": r.reference, "kind": r.kind} for r in rec.incident_records],
        "cancellations": [{"reference": c.reference, "code": c.code, "facts": dict(c.facts)} for c in rec.cancellations]})
    return {"incident": incident_to_dict(rec.incident) if rec.HasField("incident") else {},
            "recorded": recorded, "route": rec.route or "incident"}


def _problem(n: int, res: dict) -> pb.AuditResponse:
    if res["status"] == "bad":
        bad = res["bad"]
        detail = any_pb2.Any()
        detail.Pack(error_details_pb2.BadRequest(field_violations=[
            error_details_pb2.BadRequest.FieldViolation(field=f"records[{n - 1}].{v['field']}", description=v["description"])
            for v in bad["fields"]]))
        status = status_pb2.Status(code=code_pb2.INVALID_ARGUMENT, message=f"record {n}: {bad['error']}",
                                   details=[detail] if bad["fields"] else [])
        kind = "bad_record"
    else:
        status = status_pb2.Status(code=code_pb2.FAILED_PRECONDITION, message=f"record {n}: {res['reason']}")
        kind = "not_auditable"
    return pb.AuditResponse(problem=pb.AuditProblem(record=n, incident_id=res.get("incident_id", ""), kind=kind,
                                                 status=status))


def finding_to_proto(n: int, f: dict) -> pb.AuditFinding:
    exp, rec = f.get("expected") or {}, f.get("recorded") or {}
    out = pb.AuditFinding(
        record=n, incident_id=str(f["incident_id"]), finding=f["finding"], issues=f["issues"], victim=f.get("victim") or "",
        expected_classification=exp.get("classification", ""), expected_ho_code=exp.get("ho_code", ""),
        recorded_classification=rec.get("classification", ""), recorded_ho_code=rec.get("ho_code", ""),
        recorded_reference=rec.get("reference", ""), groups=f.get("groups", []), rule_ids=f.get("rule_ids", []),
        citations=f.get("citations", []), note=f.get("note") or "", edition=f.get("edition", ""),
        edition_forced=bool(f.get("edition_forced")))
    if f.get("hours_to_record") is not None:
        out.hours_to_record = f["hours_to_record"]
    return out


def summary_to_proto(s: dict) -> pb.AuditSummary:
    rates = []
    for gid, g in s["groups"].items():
        rr = g["recording_rate"]
        r = pb.AuditRate(group=gid, title=g["title"], recorded=rr["k"], should_have_been_recorded=rr["n"],
                         rate=rr["wald"]["rate"], wald_half_width=rr["wald"]["half_width"], wald_lo=rr["wald"]["lo"],
                         wald_hi=rr["wald"]["hi"], wilson_lo=rr["wilson"]["lo"], wilson_hi=rr["wilson"]["hi"])
        if "wald-fpc" in rr:
            r.fpc_half_width = rr["wald-fpc"]["half_width"]
        un = g.get("unrecorded_per_year", {}).get("wald")
        if un:
            r.unrecorded_per_year = un["estimate"]
        rates.append(r)
    return pb.AuditSummary(records=s["records_read"], audited=s["audited"], bad_records=s["bad_lines"],
                           not_auditable=s["not_auditable"], decided_under_named_edition=s["decided_under_named_edition"],
                           rates=rates, summary_json=json.dumps(s, ensure_ascii=False))


def audit_stream(service, requests: Iterable[pb.AuditRequest], context=None) -> Iterator[pb.AuditResponse]:
    options = pb.AuditOptions()
    auditor: Auditor | None = None
    tally = Tally()
    n = 0
    for req in requests:
        if context is not None and not context.is_active():
            return
        if req.HasField("options"):
            if n or auditor is not None:
                yield pb.AuditResponse(problem=pb.AuditProblem(record=n, kind="bad_record", status=status_pb2.Status(
                    code=code_pb2.INVALID_ARGUMENT, message="options may only be the first message")))
                continue
            options = req.options
            if options.edition and options.edition not in service.editions:
                yield pb.AuditResponse(problem=pb.AuditProblem(record=0, kind="bad_record", status=status_pb2.Status(
                    code=code_pb2.INVALID_ARGUMENT, message=f"options.edition: unknown edition (known: "
                                                            f"{', '.join(sorted(service.editions))})")))
                options.edition = ""
            continue
        if not req.HasField("record"):
            continue
        n += 1
        if auditor is None:
            auditor = Auditor(service, options.edition or None)
        try:
            rec = record_to_dict(req.record)
        except ValueError as exc:
            res = {"status": "bad", "line": n, "incident_id": req.record.incident.id,
                   "bad": {"line": n, "source": "records", "error": str(exc), "fields": []}}
        else:
            res = auditor.audit(n, record=rec)
        tally.add(res)
        if res["status"] != "audited":
            yield _problem(n, res)
            continue
        for f in res["findings"]:
            yield pb.AuditResponse(finding=finding_to_proto(n, f))
    current = max(service.editions.values(), key=lambda e: e.in_force_from)
    summary = tally.summary(audit_config(current, service.editions), options.population or None,
                            options.recorded_per_year or None)
    yield pb.AuditResponse(summary=summary_to_proto(summary))
