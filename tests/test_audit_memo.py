"""An audit with decisions kept per incident shape (service/audit/memo.py) finds exactly what it
finds deciding every record: the same findings and outcomes, line by line, over a synthetic quarter
(every template of service/audit/synth.py, bad lines and undated records included) and over the
feature incidents as records; and most records of a quarter are reused shapes."""
from __future__ import annotations

import json
from pathlib import Path

from service.audit.memo import AuditMemo
from service.audit.run import Auditor
from service.audit.synth import generate

from .gen_incidents import feature_incidents
from .sampling import size

ROOT = Path(__file__).resolve().parent.parent


def _audited(auditor: Auditor, lines: list[str]) -> list[str]:
    out = []
    for i, text in enumerate(lines, 1):
        res = auditor.audit(i, text)
        for f in res.get("findings", []):
            f.pop("decision_id", None)
        out.append(json.dumps(res, sort_keys=True, default=str))
    return out


def test_an_audit_finds_the_same_with_kept_decisions(tmp_path, service, monkeypatch):
    generate(tmp_path, size(600, 3000), seed=7, service=service)
    lines = (tmp_path / "records.jsonl").read_text(encoding="utf-8").splitlines()
    features = [json.dumps({"incident": {**x, "id": f"FEAT-{i:05d}"}}) for i, x in enumerate(feature_incidents())]
    lines += features[::1 if size(0, 1) else 3] * 2  # each feature incident twice: kept, then reused
    with_memo = Auditor(service)
    without = Auditor(service)
    without.memo = AuditMemo(service, entries=0)
    assert _audited(with_memo, lines) == _audited(without, lines)
    stats = with_memo.memo.stats
    assert stats["reused"] > len(lines) / 2, stats
    assert without.memo.stats["reused"] == 0


def test_a_record_the_memo_cannot_read_goes_the_full_way(service):
    memo = AuditMemo(service)
    raw = json.loads((ROOT / "docs" / "examples" / "ex-partner-assault.json").read_text(encoding="utf-8"))
    for odd in ({**raw, "id": "X"}, {**raw, "reported_at": "2026-06-01 10:00"}, {**raw, "id": 12345}):
        assert memo._shape(odd, None) is None
    assert memo._shape({**raw, "id": "INC-1"}, None) is not None
