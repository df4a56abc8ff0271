"""Which rules, paragraphs and classifications the feature suite exercises.

The feature run (make test) writes reports/rule-coverage.json from the real decisions each scenario
produced: the rules that fired (and the counting rules applied), the rules whose effect a Then-step
asserted (the crime, negation, flag, note, review marker, question or count the rule produced), and
the classifications recorded. This module turns that into the reference paragraph x rule x scenario
matrix and the checks. A rule is covered when a scenario asserted its effect; firing alone (or firing
and being overridden) is reported beside it but does not count.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from .model import Edition


@dataclass
class CoverageResult:
    lines: list[str] = field(default_factory=list)
    rules_total: int = 0
    rules_covered: int = 0  # whose effect a scenario asserted
    rules_fired: int = 0  # fired in some scenario (asserted or not)
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
    asserted = cov.get("asserted", {})
    for name, e in sorted(editions.items()):
        res.lines.append(f"edition {name}")
        current_file = None
        for r in e.rules + (e.reviews.rules if e.reviews is not None else []):
            if r.file != current_file:
                current_file = r.file
                res.lines.append(f"  {r.file}")
            n_fired, n_asserted = len(fired.get(r.id, [])), len(asserted.get(r.id, []))
            res.rules_total += 1
            res.rules_fired += bool(n_fired)
            if n_asserted:
                res.rules_covered += 1
            else:
                res.uncovered_rules.append(r.id)
            res.lines.append(f"    {r.id:48} fired in {n_fired:3d}, asserted in {n_asserted:3d}  {r.cite}"
                             + (f"  (table row {r.row_ref})" if r.row else ""))
        counting = e.counting
        for section in ("deadline", "not_notifiable", "one_crime_per_victim", "finished_incident", "principal_crime"):
            sid = counting.section(section)["id"]
            res.lines.append(f"    {sid:48} fired in {len(fired.get(sid, [])):3d}, asserted in "
                             f"{len(asserted.get(sid, [])):3d}  {counting.section(section)['cite']}")
        group_lines, missing = classification_groups(e, cov)
        res.lines.append("  classifications by offence group:")
        res.lines += group_lines
        res.uncovered_classifications += [f"{name}: {k}" for k in missing]
    total = res.rules_total or 1
    res.lines.append(f"rules fired by the feature suite: {res.rules_fired}/{res.rules_total} "
                     f"({100.0 * res.rules_fired / total:.1f}%)")
    res.lines.append(f"rules whose effect a scenario asserts: {res.rules_covered}/{res.rules_total} "
                     f"({res.share:.1f}%)")
    return res


# ------------------------------------------------------------------- Examples columns no step reads

_STEP = re.compile(r"\s*(Given|When|Then|And|But|\*)\s")
_OUTLINE = re.compile(r"\s*Scenario (?:Outline|Template):")
_ENDS_OUTLINE = re.compile(r"\s*(?:Scenario|Example|Background|Rule|Feature):")
_EXAMPLES = re.compile(r"\s*(?:Examples|Scenarios):")


def unread_example_columns(features: Path) -> list[str]:
    """'file:line <column>' for every Examples column of a Scenario Outline that no step reads.

    A column is read when its placeholder appears in one of the outline's steps (the step text, its
    data table or doc string); the outline's title and comments do not count. A column no step
    reads is a claim the scenario does not check (a `code` column nobody asserts, say).
    """
    files = [features] if features.is_file() else sorted(features.rglob("*.feature"))
    out: list[str] = []
    for path in files:
        steps: str | None = None  # the step text of the outline being read
        in_step = in_doc = False
        header_due = False
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            s = line.strip()
            if in_doc:
                in_doc = not s.startswith(('"""', "```"))
                if steps is not None and in_doc:
                    steps += "\n" + s
                continue
            if not s or s.startswith("#"):
                continue
            if _OUTLINE.match(line):
                steps, in_step, header_due = "", False, False
            elif _ENDS_OUTLINE.match(line):
                steps, in_step, header_due = None, False, False
            elif steps is None:
                continue
            elif _EXAMPLES.match(line):
                in_step, header_due = False, True
            elif header_due and s.startswith("|"):
                header_due = False
                for col in (c.strip() for c in s.strip("|").split("|")):
                    if col and f"<{col}>" not in steps:
                        out.append(f"{path}:{n} <{col}>")
            elif _STEP.match(line):
                in_step = True
                steps += "\n" + s
            elif in_step and s.startswith("|"):
                steps += "\n" + s
            elif in_step and s.startswith(('"""', "```")):
                in_doc = True
    return out
