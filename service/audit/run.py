"""Run an audit: read records, decide each on every core, match, tally, and write the outputs.

Each worker process holds its own :class:`service.api.DecisionService` (the engine is not shared
between processes) and audits runs of whole records, tallying each run; the parent reads the
file, keeps the order, merges the runs' tallies and writes ``findings.jsonl``, ``summary.json``
and ``report.html``.
"""
from __future__ import annotations

import datetime as dt
import json
import multiprocessing as mp
import os
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator

from .. import heap
from ..api import DecisionService, InvalidIncident, NoEdition
from . import stats
from .match import ISSUE_ORDER, audit_config, findings_for, group_titles
from .memo import AuditMemo
from .records import BadLine, parse_line, read_crimes_csv, read_lines
from .report import write_report

REPORT_FINDINGS_CAP = 5000  # findings other than "correct" shown in report.html (all are in findings.jsonl)
HISTOGRAM_BINS = (0, 6, 12, 24, 48, 72, 168)  # hours from report to record; the last bin is open
# a findings.jsonl line, as json.dumps(f, ensure_ascii=False) gives it (made once: json.dumps with
# any option makes a new encoder on every call)
_LINE = json.JSONEncoder(ensure_ascii=False)


# ------------------------------------------------------------------------------------------ one record

class Auditor:
    """Audits one record at a time with one DecisionService (one per process)."""

    def __init__(self, service=None, fallback_edition: str | None = None,
                 csv_crimes: dict[str, list[dict]] | None = None, rules_dir: Path | None = None):
        if service is None:
            service = DecisionService(rules_dir)
        self.service = service
        self.memo = AuditMemo(service)  # decisions kept per incident shape (audit/memo.py)
        self.fallback = fallback_edition
        self.csv_crimes = csv_crimes or {}
        self._configs: dict[str, dict] = {}  # edition name -> its audit groups (read once, not per record)
        if fallback_edition and fallback_edition not in service.editions:
            raise ValueError(f"unknown edition {fallback_edition!r}; known: {', '.join(sorted(service.editions))}")

    def audit(self, line: int, text: str | None = None, record: dict | None = None) -> dict:
        try:
            rec = record if record is not None else parse_line(text or "")
        except ValueError as exc:
            return {"line": line, "status": "bad", "bad": BadLine(line, str(exc)).as_dict()}
        incident, recorded = rec["incident"], rec["recorded"]
        inc_id = str(incident.get("id", ""))[:100]
        if inc_id in self.csv_crimes:
            recorded = {**recorded, "crimes": recorded["crimes"] + self.csv_crimes[inc_id]}
        forced = False
        try:
            try:
                decision = self.memo.decide(incident)
            except NoEdition as exc:
                if not self.fallback:
                    return {"line": line, "status": "not_auditable", "incident_id": inc_id,
                            "reason": "no held edition was in force on the report date; name one with --edition "
                                      "to audit it under that edition",
                            "detail": str(exc)}
                decision = self.memo.decide(incident, edition=self.fallback)
                forced = True
        except InvalidIncident as exc:
            return {"line": line, "status": "bad", "bad": BadLine(
                line, "invalid incident", [{"field": f, "description": m} for f, m in exc.violations]).as_dict()}
        except Exception as exc:  # e.g. the engine failed on this record: report it, never stop the run
            return {"line": line, "status": "bad", "bad": BadLine(
                line, f"no decision could be made ({type(exc).__name__})").as_dict()}
        edition = self.service.editions[decision.edition]
        cfg = self._configs.get(edition.name)
        if cfg is None:
            cfg = self._configs[edition.name] = audit_config(edition, self.service.editions)
        base = {"line": line, "incident_id": decision.incident_id, "edition": decision.edition,
                "edition_forced": forced, "route": rec["route"]}
        found = findings_for(decision, incident, recorded, edition, cfg, review=self.service.review, base=base)
        return {"line": line, "status": "audited", "incident_id": decision.incident_id, "edition": decision.edition,
                "edition_forced": forced, "route": rec["route"], "outcome": decision.outcome, "findings": found}


class Runs:
    """Audits runs of records in one process (a worker, or the parent with one process): each run's
    findings.jsonl lines and its tally.

    The parent only writes the text and merges the tallies in order (:meth:`Tally.merge`). Taking
    every record's findings from the workers and counting them kept it busy for about a quarter of
    the audit's processor time (6 of 24 s on 128,000 records), on a core the workers need.
    A process sends at most REPORT_FINDINGS_CAP findings for the report in all (the rest as a
    count): the report shows the first ones in the file, and each process's records come in file
    order, so the first of all are among the first each process sent."""

    def __init__(self, auditor: Auditor):
        self.auditor = auditor
        self.show_left = REPORT_FINDINGS_CAP

    def __call__(self, items: list[tuple[int, str]]) -> tuple[str, "Tally"]:
        part = Tally(show=self.show_left)
        text = []
        for line, raw in items:
            res = self.auditor.audit(line, raw)
            part.add(res)
            text.extend(_LINE.encode(f) + "\n" for f in res.get("findings", ()))
        self.show_left -= len(part.shown)
        return "".join(text), part


_WORKER: Runs | None = None
_INHERITED = None  # the parent's DecisionService, which forked workers share instead of loading their own


def _init_worker(rules_dir, fallback, csv_crimes) -> None:
    global _WORKER
    _WORKER = Runs(Auditor(_INHERITED, fallback, csv_crimes, rules_dir))
    heap.settle()


def _work(items: list[tuple[int, str]]) -> tuple[str, "Tally"]:
    assert _WORKER is not None
    return _WORKER(items)


def _chunks(items: Iterable[tuple[int, str]], size: int) -> Iterator[list[tuple[int, str]]]:
    chunk: list[tuple[int, str]] = []
    for item in items:
        chunk.append(item)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def audit_stream(items: Iterable[tuple[int, str]], workers: int = 0, fallback: str | None = None,
                 csv_crimes: dict | None = None, rules_dir: Path | None = None, service=None,
                 chunksize: int = 64) -> Iterator[tuple[str, "Tally"]]:
    """Audit (line, text) pairs in runs of ``chunksize``, in order: each run's findings.jsonl lines
    and tally (see Runs); workers=0 uses every core, 1 stays in this process."""
    global _INHERITED
    workers = workers or os.cpu_count() or 1
    if workers == 1:
        runs = Runs(Auditor(service, fallback, csv_crimes, rules_dir))
        heap.settle()  # the rules loaded: freeze them for the collector (service/heap.py)
        for chunk in _chunks(items, chunksize):
            yield runs(chunk)
        return
    Auditor(service or _NoService(), None)  # check the arguments before starting processes
    fork = "fork" in mp.get_all_start_methods()
    ctx = mp.get_context("fork") if fork else mp.get_context()
    # forked workers start with the parent's loaded rules and compiled engine (a copy of its memory:
    # each has its own engine state) rather than loading them again, which took about a second each
    _INHERITED = service if fork else None
    heap.settle()  # before the fork, so the workers share the frozen heap and never walk it
    try:
        with ctx.Pool(workers, initializer=_init_worker, initargs=(rules_dir, fallback, csv_crimes)) as pool:
            yield from pool.imap(_work, _chunks(items, chunksize))
    finally:
        _INHERITED = None


class _NoService:
    editions: dict = {}
    rules_dir = None


# ------------------------------------------------------------------------------------------ tally

@dataclass
class _Group:
    n: int = 0            # crimes that should have been recorded
    k: int = 0            # of them, recorded (in any class, at any time)
    class_ok: int = 0     # recorded with the right class and code
    timed: int = 0        # recorded with a recorded-at time
    on_time: int = 0      # of those, by the record-by time
    accurate: int = 0     # recorded, right class and code, on time, every flag (the strict measure)
    clusters: list = field(default_factory=list)  # (should-be, recorded) per incident


def _two() -> list[int]:
    return [0, 0]


class Tally:
    """What an audit counts, record by record (:meth:`add`); the tallies of runs of records made in
    other processes are merged in file order (:meth:`merge`) and give the same as one tally of all."""

    def __init__(self, show: int | None = None):
        # findings other than "correct" kept for the report (the first ones); the rest are counted
        self.show = REPORT_FINDINGS_CAP if show is None else show
        self.records = 0
        self.audited = 0
        self.bad: list[dict] = []
        self.not_auditable: list[dict] = []
        self.forced: list[str] = []
        self.outcomes: Counter = Counter()
        self.kinds: Counter = Counter()
        self.groups: dict[str, _Group] = defaultdict(_Group)
        self.routes: dict[str, _Group] = defaultdict(_Group)
        self.missed_by_class: Counter = Counter()
        self.late_by_class: Counter = Counter()
        self.misclassified_by_class: Counter = Counter()
        self.unsupported_by_class: Counter = Counter()
        self.hist = [0] * len(HISTOGRAM_BINS)
        self.hours: list[float] = []
        self.n_records = [0, 0]       # correct, total expected
        self.cancellations: dict[str, list[int]] = defaultdict(_two)
        self.editions: Counter = Counter()
        self.shown: list[dict] = []   # findings kept for the report
        self.hidden = 0
        self.titles: dict[str, str] = {}

    def add(self, res: dict) -> None:
        self.records += 1
        st = res["status"]
        if st == "bad":
            self.bad.append(res["bad"])
            return
        if st == "not_auditable":
            self.not_auditable.append({k: res[k] for k in ("line", "incident_id", "reason")})
            return
        self.audited += 1
        self.outcomes[res["outcome"]] += 1
        self.editions[res["edition"]] += 1
        if res["edition_forced"]:
            self.forced.append(res["incident_id"])
        per_incident: dict[str, list[int]] = defaultdict(lambda: [0, 0])
        for f in res["findings"]:
            kind = f["finding"]
            for i in f["issues"]:
                self.kinds[i] += 1
            if kind not in ("correct",):
                if len(self.shown) < self.show:
                    self.shown.append(f)
                else:
                    self.hidden += 1
            exp = f.get("expected")
            if f["issues"][0] in ISSUE_ORDER + ("correct",) and exp and "crime_id" in exp:
                label = f"{exp['classification']} {exp['ho_code']}"
                self.titles[label] = exp["offence_title"] or exp["title"]
                issues = set(f["issues"])
                recorded = "not_recorded" not in issues
                class_ok = recorded and not issues & {"wrong_class", "wrong_code"}
                on_time = f.get("hours_to_record") is not None and "late" not in issues
                timed = f.get("hours_to_record") is not None
                accurate = recorded and issues == {"correct"}
                for g in f["groups"]:
                    self._count(self.groups[g], recorded, class_ok, timed, on_time, accurate)
                    per_incident[g][0] += 1
                    per_incident[g][1] += int(recorded)
                if f["groups"]:
                    self._count(self.routes[res["route"]], recorded, class_ok, timed, on_time, accurate)
                if not recorded:
                    self.missed_by_class[label] += 1
                if "late" in issues:
                    self.late_by_class[label] += 1
                if issues & {"wrong_class", "wrong_code"}:
                    self.misclassified_by_class[label] += 1
                if timed:
                    h = f["hours_to_record"]
                    self.hours.append(h)
                    self.hist[max(i for i, b in enumerate(HISTOGRAM_BINS) if h >= b or i == 0)] += 1
            elif kind == "unsupported_record":
                self.unsupported_by_class[f"{f['recorded']['classification']} {f['recorded']['ho_code']}".strip()] += 1
            elif kind.startswith("n_record_") and kind != "n_record_unsupported":
                self.n_records[1] += 1
                self.n_records[0] += int(kind == "n_record_correct")
            elif kind.startswith("cancellation_"):
                for g in f["groups"] or ["all"]:
                    c = self.cancellations[g]
                    c[1] += 1
                    c[0] += int(kind == "cancellation_correct")
        for g, (x, y) in per_incident.items():
            self.groups[g].clusters.append((x, y))

    def merge(self, other: "Tally") -> None:
        """Add the tally of the records that come after this one's, as if each had been added here."""
        self.records += other.records
        self.audited += other.audited
        self.bad.extend(other.bad)
        self.not_auditable.extend(other.not_auditable)
        self.forced.extend(other.forced)
        for mine, theirs in ((self.outcomes, other.outcomes), (self.kinds, other.kinds),
                             (self.missed_by_class, other.missed_by_class), (self.late_by_class, other.late_by_class),
                             (self.misclassified_by_class, other.misclassified_by_class),
                             (self.unsupported_by_class, other.unsupported_by_class), (self.editions, other.editions)):
            mine.update(theirs)
        for mine_g, theirs_g in ((self.groups, other.groups), (self.routes, other.routes)):
            for gid, g in theirs_g.items():
                m = mine_g[gid]
                m.n, m.k, m.class_ok = m.n + g.n, m.k + g.k, m.class_ok + g.class_ok
                m.timed, m.on_time, m.accurate = m.timed + g.timed, m.on_time + g.on_time, m.accurate + g.accurate
                m.clusters.extend(g.clusters)
        self.hist = [a + b for a, b in zip(self.hist, other.hist, strict=True)]
        self.hours.extend(other.hours)
        self.n_records = [self.n_records[0] + other.n_records[0], self.n_records[1] + other.n_records[1]]
        for g, (x, y) in other.cancellations.items():
            c = self.cancellations[g]
            c[0] += x
            c[1] += y
        room = max(0, self.show - len(self.shown))
        self.shown.extend(other.shown[:room])
        self.hidden += other.hidden + max(0, len(other.shown) - room)
        self.titles.update(other.titles)

    @staticmethod
    def _count(g: _Group, recorded, class_ok, timed, on_time, accurate) -> None:
        g.n += 1
        g.k += int(recorded)
        g.class_ok += int(class_ok)
        g.timed += int(timed)
        g.on_time += int(on_time)
        g.accurate += int(accurate)

    # ---------------------------------------------------------------------------------- summary

    def summary(self, cfg: dict, population: int | None = None, recorded_per_year: float | None = None,
                group_recorded_per_year: dict[str, float] | None = None, meta: dict | None = None) -> dict:
        titles = group_titles(cfg)
        order = ["all", *[g for g in titles if g != "all"]]

        def rate_block(k: int, n: int, pop: int | None = None) -> dict:
            return {"k": k, "n": n, **{m: iv.as_dict() for m, iv in stats.all_intervals(k, n, pop).items()}}

        groups = {}
        for gid in order:
            g = self.groups.get(gid, _Group())
            pop = round(population * g.n / self.audited) if population and self.audited else None
            block = {"title": titles.get(gid, gid), "should_have_been_recorded": g.n, "recorded": g.k,
                     "recording_rate": rate_block(g.k, g.n, pop),
                     "cluster_ratio": stats.cluster_ratio(g.clusters).as_dict(),
                     "classification_accuracy": rate_block(g.class_ok, g.k),
                     "within_deadline": rate_block(g.on_time, g.timed),
                     "strict_accuracy": rate_block(g.accurate, g.n)}
            if pop:
                block["population_crimes_estimate"] = pop
            r = (group_recorded_per_year or {}).get(gid) or (recorded_per_year if gid == "all" else None)
            if r and g.n:
                block["unrecorded_per_year"] = {m: stats.unrecorded_estimate(r, stats.interval(
                    g.k, g.n, m, pop)) for m in (("wald", "wilson") + (("wald-fpc",) if pop else ()))}
            groups[gid] = block
        hours = sorted(self.hours)
        labels = [f"{a}-{b} h" for a, b in zip(HISTOGRAM_BINS, HISTOGRAM_BINS[1:], strict=False)] + [f"{HISTOGRAM_BINS[-1]}+ h"]
        return {
            **(meta or {}),
            "records_read": self.records, "audited": self.audited, "bad_lines": len(self.bad),
            "not_auditable": len(self.not_auditable), "decided_under_named_edition": len(self.forced),
            "editions": dict(self.editions), "outcomes": dict(self.outcomes),
            "findings": {k: self.kinds.get(k, 0) for k in
                         ("correct", *ISSUE_ORDER, "unsupported_record", "n_record_correct", "n_record_missing",
                          "n_record_unsupported", "cancellation_correct", "cancellation_wrong", "undecided")},
            "groups": groups,
            "routes": {r: {"recording_rate": rate_block(g.k, g.n)} for r, g in sorted(self.routes.items())},
            "n_records": rate_block(*self.n_records),
            "cancellations": {g: rate_block(*c) for g, c in self.cancellations.items()},
            "timeliness": {"median_hours": hours[len(hours) // 2] if hours else None,
                           "histogram": dict(zip(labels, self.hist, strict=False))},
            "missed_by_class": dict(self.missed_by_class.most_common()),
            "late_by_class": dict(self.late_by_class.most_common()),
            "misclassified_by_class": dict(self.misclassified_by_class.most_common()),
            "unsupported_by_class": dict(self.unsupported_by_class.most_common()),
            "class_titles": self.titles,
            "bad_line_list": self.bad[:1000],
            "not_auditable_list": self.not_auditable[:1000],
            "decided_under_named_edition_list": self.forced[:1000],
        }


# ------------------------------------------------------------------------------------------ a whole run

def count_lines(path: Path) -> int | None:
    if str(path) == "-":
        return None
    with path.open("rb") as fh:
        return sum(1 for line in fh if line.strip())


def run(records: Path, out: Path, edition: str | None = None, crimes_csv: Path | None = None,
        population: int | None = None, recorded_per_year: float | None = None,
        group_recorded_per_year: dict[str, float] | None = None, workers: int = 0, progress: bool = True,
        rules_dir: Path | None = None, title: str = "") -> dict:
    """Audit a JSON Lines file into OUT/findings.jsonl, OUT/summary.json and OUT/report.html."""

    service = DecisionService(rules_dir)  # the parent's own: edition checks, the groups, the report's rules
    if edition and edition not in service.editions:
        raise ValueError(f"unknown edition {edition!r}; known: {', '.join(sorted(service.editions))}")
    csv_crimes, csv_bad = read_crimes_csv(crimes_csv) if crimes_csv else ({}, [])
    out.mkdir(parents=True, exist_ok=True)
    tally = Tally()
    tally.bad.extend(b.as_dict() for b in csv_bad)
    total = count_lines(records) if progress else None
    bar = None
    if progress:
        from tqdm import tqdm
        bar = tqdm(total=total, unit="rec", file=sys.stderr, desc="audit", mininterval=0.5)
    started = dt.datetime.now(dt.timezone.utc)
    used = workers or os.cpu_count() or 1
    if total is not None and total < 200:
        used = 1  # starting processes costs more than it saves
    with (out / "findings.jsonl").open("w", encoding="utf-8") as fh:
        for text, part in audit_stream(read_lines(records), used, edition, csv_crimes, rules_dir, service=service):
            tally.merge(part)
            fh.write(text)
            if bar:
                bar.update(part.records)
    if bar:
        bar.close()
    seconds = (dt.datetime.now(dt.timezone.utc) - started).total_seconds()
    current = service.edition_for(dt.datetime.now(dt.timezone.utc), edition) if edition else max(
        service.editions.values(), key=lambda e: e.in_force_from)
    cfg = audit_config(current, service.editions)
    meta = {"title": title or f"Crime data integrity audit of {records.name}", "records_file": str(records),
            "crimes_csv": str(crimes_csv) if crimes_csv else None, "named_edition": edition,
            "population_records": population, "recorded_per_year": recorded_per_year,
            "started_at": started.isoformat().replace("+00:00", "Z"), "seconds": round(seconds, 2),
            "workers": used, "method_note": (
                "Recording rate = crimes recorded / crimes that should have been recorded (a late or misclassified "
                "crime counts as recorded). 95% intervals: wald is the inspectorate's symmetric method; wilson the "
                "score interval; wald-fpc applies the finite-population correction (population given). "
                "Unrecorded per year = R(1-p)/p with the interval from the rate's bounds.")}
    summary = tally.summary(cfg, population, recorded_per_year, group_recorded_per_year, meta)
    (out / "summary.json").write_text(json.dumps(summary, indent=2, ensure_ascii=False), encoding="utf-8")
    write_report(out / "report.html", summary, tally.shown, tally.hidden, service)
    return summary
