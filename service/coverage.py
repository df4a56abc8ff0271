"""Which rules, paragraphs and classifications the feature suite exercises.

The feature run (make test) writes reports/rule-coverage.json from the real decisions each scenario
produced: the rules that fired (and the counting rules applied) and the classifications recorded.
This module turns that into the reference paragraph x rule x scenario matrix and the checks.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from .rulebook import Edition


@dataclass
class CoverageResult:
    lines: list[str] = field(default_factory=list)
    rules_total: int = 0
    rules_covered: int = 0
    uncovered_rules: list[str] = field(default_factory=list)
    uncovered_classifications: list[str] = field(default_factory=list)

    @property
    def share(self) -> float:
        return 100.0 * self.rules_covered / self.rules_total if self.rules_total else 100.0


def produced_classifications(edition: Edition) -> dict[str, list[str]]:
    """'class code' -> rule ids that can produce it."""
    out: dict[str, list[str]] = {}
    for r in edition.rules:
        c = r.consequence("classify")
        if c:
            out.setdefault(f"{c[0]} {c[1]}", []).append(r.id)
    return out


def classification_groups(edition: Edition, cov: dict) -> tuple[list[str], list[str]]:
    """Per offence group, the classifications rules can produce and whether scenarios record them."""
    lines, missing = [], []
    seen = cov.get("classifications", {})
    by_group: dict[str, list[str]] = {}
    for key in produced_classifications(edition):
        cls, code = key.split(" ", 1)
        off = edition.offences.get(cls, code)
        by_group.setdefault(off.group if off else "?", []).append(key)
    for group in sorted(by_group):
        keys = sorted(by_group[group])
        with_s = [k for k in keys if seen.get(k)]
        lines.append(f"  {group}: {len(keys)} classifications, {len(with_s)} with scenarios")
        for k in keys:
            if not seen.get(k):
                missing.append(k)
                lines.append(f"    NO SCENARIO records {k}")
    return lines, missing


def report(editions: dict[str, Edition], cov: dict) -> CoverageResult:
    res = CoverageResult()
    fired = cov.get("rules", {})
    for name, e in sorted(editions.items()):
        res.lines.append(f"edition {name}")
        current_file = None
        for r in e.rules + (e.reviews.rules if e.reviews is not None else []):
            if r.file != current_file:
                current_file = r.file
                res.lines.append(f"  {r.file}")
            scenarios = fired.get(r.id, [])
            res.rules_total += 1
            if scenarios:
                res.rules_covered += 1
            else:
                res.uncovered_rules.append(r.id)
            res.lines.append(f"    {r.cite[:60]:60}  {r.id:48} {len(scenarios):3d} scenario(s)"
                             + (f"  (table row {r.row_ref})" if r.row else ""))
        counting = e.counting
        for section in ("deadline", "not_notifiable", "one_crime_per_victim", "finished_incident", "principal_crime"):
            sid = counting.section(section)["id"]
            res.lines.append(f"    {counting.section(section)['cite'][:60]:60}  {sid:48} "
                             f"{len(fired.get(sid, [])):3d} scenario(s)")
        group_lines, missing = classification_groups(e, cov)
        res.lines.append("  classifications by offence group:")
        res.lines += group_lines
        res.uncovered_classifications += [f"{name}: {k}" for k in missing]
    res.lines.append(f"rules exercised by the feature suite: {res.rules_covered}/{res.rules_total} "
                     f"({res.share:.1f}%)")
    return res
