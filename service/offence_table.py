"""Turn the Home Office notifiable offence list (CSV) into an edition's code table (YAML).

The code table is data under rules/<edition>/data/offences.yaml: every (class, Home Office code)
pair a rule may classify to, with its titles, group, maximum sentence, whether it is victim or
state based, and the dates the offence came into force (and ceased).  ``hocr rules
import-offences CSV OUT [--nfib FRAUD.txt]`` writes it; rule authors re-run it each April.

Dates. The list gives a commencement (and cessation) date on some rows. One Home Office code is
one offence in law, even where the list files it under several classes (e.g. non-fatal
strangulation under 8N from its commencement, and under 8S and 8T from when those classes took
it): so a code's ``in_force_from`` is the earliest commencement date of its rows, and only when
every row of the code gives one (a code that also covers older offences, given without a date,
has none). ``ceased`` is given when every row of the code gives a cessation date.

Fraud. The list files most fraud under "NFIB <n>" categories, and fraud by false representation
(053/40) under "Various sub classes": the classes are named by the Home Office fraud pages (NFIB
classification pages). ``--nfib`` reads those pages (their text) and adds each NFIB class with the
codes its classification page lists; the titles of the codes are the list's.
"""
from __future__ import annotations

import csv
import datetime as dt
import re
from collections import Counter, defaultdict
from pathlib import Path

import yaml


def _clean(text: str) -> str:
    return re.sub(r"\s+", " ", (text or "").strip())


def max_sentence_months(text: str) -> int | None:
    """Months of the maximum sentence as written in the list ('Life', '14', '6m', '51 weeks', 'fine')."""
    t = _clean(text).lower()
    if not t or t == "?":
        return None
    if t == "life":
        return 12 * 100
    if t == "fine":
        return 0
    m = re.fullmatch(r"(\d+)\s*m", t)
    if m:
        return int(m.group(1))
    m = re.fullmatch(r"(\d+)\s*weeks?", t)
    if m:
        return round(int(m.group(1)) * 12 / 52)
    m = re.fullmatch(r"(\d+)(\s*(yrs?|years?))?", t)
    if m:
        return int(m.group(1)) * 12
    return None


_MONTHS = {m: i for i, m in enumerate(("january", "february", "march", "april", "may", "june", "july", "august",
                                          "september", "october", "november", "december"), 1)}


def parse_date(text: str) -> dt.date | None:
    """A date as the list writes it ('2022-06-07 00:00:00', '13 April 2015', '28/02/2022'); None if
    it gives none or only a guess ('TBC', '28/02/22?', a bare year)."""
    t = _clean(text).lower()
    if not t or "?" in t:
        return None
    m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})(?: 00:00:00)?", t)
    if m:
        return dt.date(*map(int, m.groups()))
    m = re.fullmatch(r"(\d{1,2}) ([a-z]+) (\d{4})", t)
    if m and m.group(2) in _MONTHS:
        return dt.date(int(m.group(3)), _MONTHS[m.group(2)], int(m.group(1)))
    m = re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{4})", t)
    if m:
        return dt.date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
    return None


def _category(text: str) -> tuple[str, str]:
    """A category split into its class and title; 'NFIB <n> ...' categories name class NFIB<n>."""
    cat = _clean(text)
    m = re.match(r"(NFIB) ?(\d+[A-Z]?)\s+(.*)", cat)
    if m:
        return m.group(1) + m.group(2), m.group(3)
    cls, _, title = cat.partition(" ")
    return cls, title


def nfib_classes(text: str) -> dict[str, dict]:
    """NFIB classes and their codes from the text of the Home Office fraud pages: each class's
    'Classification' page names it (with its title) and lists its Home Office codes."""
    lines = text.splitlines()
    out: dict[str, dict] = {}
    for i, line in enumerate(lines):
        if not re.search(r"Classification \(\d+ of \d+\)", line):
            continue
        head = None
        for j in range(i, max(i - 4, -1), -1):
            m = re.match(r"\s*(NFIB ?\d+[A-Z]?)\s+(.*)", lines[j])
            if m:
                head = (j, m.group(1).replace(" ", ""), m.group(2))
                break
        if head is None:
            continue
        j, cls, title = head
        parts = [title] + [lines[k] for k in range(j + 1, i + 1)]
        title = _clean(re.sub(r"Classification \(\d+ of \d+\)", " ", " ".join(parts))).rstrip(" .")
        codes: list[str] = []
        for k in range(i + 1, min(i + 60, len(lines))):
            if lines[k].strip().startswith("Definition") or "All Counting Rule" in lines[k]:
                break
            codes += [c for c in re.findall(r"\b(\d{3}/\d{2})\b", lines[k]) if c not in codes]
        entry = out.setdefault(cls, {"title": title, "codes": []})
        entry["codes"] += [c for c in codes if c not in entry["codes"]]
    return out


def convert(csv_path: Path, nfib_path: Path | None = None) -> dict:
    rows = list(csv.DictReader(csv_path.open(encoding="utf-8")))
    starts: dict[str, list] = defaultdict(list)
    ends: dict[str, list] = defaultdict(list)
    loose: dict[str, dict] = {}  # codes the list gives without a category (the fraud pages may file them)
    for row in rows:
        code = _clean(row["Home Office code"])
        if not code:
            continue
        starts[code].append(parse_date(row.get("Commencement date") or ""))
        ends[code].append(parse_date(row.get("Cessation date") or ""))
        if not _clean(row["Offence category"]):
            loose.setdefault(code, {
                "title": _clean(row["Offence"]), "max_sentence": _clean(row["Max Sentence"]) or "?",
                "max_months": max_sentence_months(row["Max Sentence"]),
                "basis": {"V": "victim", "S": "state"}.get(_clean(row["Victim or State Based"]).upper()[:1], "unknown"),
                "current": _clean(row["Current"]).upper() == "Y"})
    classes: dict[str, dict] = {}
    class_titles: dict[str, Counter] = defaultdict(Counter)
    for row in rows:
        category = _clean(row["Offence category"])
        code = _clean(row["Home Office code"])
        if not category or not code:
            continue
        cls, cls_title = _category(category)
        class_titles[cls][cls_title] += 1
        entry = classes.setdefault(cls, {
            "group": _clean(row["Class"]).title().replace("The ", "the ").replace("Of ", "of "),
            "subgroup": _clean(row["Sub class"]).capitalize(),
            "offences": {},
        })
        current = _clean(row["Current"]).upper() == "Y"
        offence = entry["offences"].get(code)
        title = _clean(row["Offence"])
        if offence is None:
            entry["offences"][code] = {
                "title": title,
                "max_sentence": _clean(row["Max Sentence"]) or "?",
                "max_months": max_sentence_months(row["Max Sentence"]),
                "basis": {"V": "victim", "S": "state"}.get(_clean(row["Victim or State Based"]).upper()[:1], "unknown"),
                "current": current,
            }
        else:
            offence["current"] = offence["current"] or current
            if title and title not in offence["title"].split(" | ") and len(offence["title"]) < 300:
                offence["title"] += " | " + title
    for cls, entry in classes.items():
        entry["title"] = class_titles[cls].most_common(1)[0][0]
        for code, offence in entry["offences"].items():
            if starts[code] and all(starts[code]):
                offence["in_force_from"] = min(starts[code]).isoformat()
            if ends[code] and all(ends[code]):
                offence["ceased"] = min(ends[code]).isoformat()
    if nfib_path is not None:
        by_code = {**loose, **{code: off for e in classes.values() for code, off in e["offences"].items()}}
        group = next((e["group"] for c, e in classes.items() if c.startswith("NFIB")), "NFIB Fraud")
        for cls, page in nfib_classes(nfib_path.read_text(encoding="utf-8")).items():
            entry = classes.setdefault(cls, {"title": page["title"], "group": group, "subgroup": "", "offences": {}})
            for code in page["codes"]:
                if code in by_code and code not in entry["offences"]:
                    entry["offences"][code] = dict(by_code[code])
        # a category of the fraud group that is not an NFIB class ("Various sub classes") is a
        # placeholder of the list: once the pages file all its codes under NFIB classes, drop it
        pages = {c for c in classes if c.startswith("NFIB")}
        for cls in [c for c, e in classes.items() if e["group"] == group and c not in pages]:
            if all(any(code in classes[k]["offences"] for k in pages) for code in classes[cls]["offences"]):
                del classes[cls]
    ordered = {cls: {"title": e["title"], "group": e["group"], "subgroup": e["subgroup"],
                     "offences": dict(sorted(e["offences"].items()))}
               for cls, e in sorted(classes.items())}
    out = {"source": csv_path.name}
    if nfib_path is not None:
        out["nfib_source"] = nfib_path.name
    out["classes"] = ordered
    return out


def write(csv_path: Path, out_path: Path, nfib_path: Path | None = None) -> int:
    table = convert(csv_path, nfib_path)
    header = (
        "# Generated by `hocr rules import-offences` from the Home Office notifiable offence list.\n"
        "# Edit the source list and re-run rather than editing by hand.\n"
    )
    out_path.parent.mkdir(parents=True, exist_ok=True)
    out_path.write_text(header + yaml.safe_dump(table, sort_keys=False, allow_unicode=True, width=120),
                        encoding="utf-8")
    return sum(len(c["offences"]) for c in table["classes"].values())
