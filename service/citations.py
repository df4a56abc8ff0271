"""Sources and references: what a rule cites, checked against the edition's register of sources.

A rule (or a counting section, or a table row) cites one reference or a list of them::

    cite: {source: CRR-2026-27, page: 43, section: Section 47 assault (actual bodily harm)}
    cite:
      - {source: CRR-2026-27, page: 93, section: Drug Offences - HO Class table (92A)}
      - {source: CRR-2026-27, pages: 91-92, section: 92A}

`page` is one page; `pages` is a range ("42-43") or a list of pages and ranges ([52, 58]); a
source that has no page numbers (the 2022/23 rules we hold only by their headings) is cited by
`part` instead. The register (``rules/<edition>/data/sources.yaml``) says what each source id is,
where to get it and how many pages it has; a reference to an unknown source, a page out of
range or an unknown part is a load error naming file, line, rule and field.

Every place that shows a citation (decisions, negations, notes, explain, coverage) shows
`str(citation)`: "CRR 2026/27 p.43 Section 47 assault (actual bodily harm)"; several references
are joined by "; ", a reference to the same source as the one before leaves out the source, and
one on the same pages as the one before leaves out the pages.
"""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable

SOURCE_KEYS = ("cite_as", "title", "publisher", "edition", "date", "url", "file", "pages", "parts",
               "page_numbers", "contents", "not_encoded")
REF_KEYS = ("source", "page", "pages", "part", "section")

# report(node, field, message, suggestion): how a problem is handed back to the loader
Report = Callable[[Any, str, str, str], None]


def _suggest(word: str, choices: Iterable[str]) -> str:
    match = difflib.get_close_matches(str(word), [str(c) for c in choices], n=1, cutoff=0.6)
    return match[0] if match else ""


def _text(value: Any) -> str:
    return " ".join(str(value).split()) if value is not None else ""


# ---------------------------------------------------------------------------------------- register


@dataclass(frozen=True)
class Source:
    id: str
    cite_as: str  # how citations name it: "CRR 2026/27"
    title: str
    publisher: str
    edition: str
    date: str
    url: str  # where to get it
    file: str  # the reference copy it was encoded from
    pages: int | None  # None: cited by part, not by page
    parts: tuple[str, ...] = ()
    page_numbers: str = ""  # what the page numbers count, when it is not obvious
    contents: tuple[tuple[int, str], ...] = ()  # (page, heading): where each heading starts
    not_encoded: tuple[tuple[tuple[tuple[int, int], ...], str, str], ...] = ()  # (pages, section, why)
    where: tuple[str, int] = ("?", 0)


@dataclass
class Register:
    sources: dict[str, Source] = field(default_factory=dict)

    def get(self, source_id: str) -> Source | None:
        return self.sources.get(source_id)


def load_register(data: Any, file: str, problems: list, problem_type: type, register: Register | None = None,
                  ) -> Register:
    """Add the sources of one sources.yaml to `register` (a derived edition's to its base's)."""
    reg = Register(dict(register.sources)) if register is not None else Register()
    def line_of(node: Any, default: int = 0) -> int:
        return getattr(node, "line", default)
    section = data.get("sources") if isinstance(data, dict) else None
    if not isinstance(section, dict) or not section:
        problems.append(problem_type(file, line_of(data), "", "sources", "needs a `sources` mapping of id: source"))
        return reg
    for sid, spec in section.items():
        sid = str(sid)
        fld = f"sources.{sid}"
        line = line_of(spec, line_of(section))
        if not re.fullmatch(r"[A-Z0-9]+(?:-[A-Z0-9]+)*", sid):
            problems.append(problem_type(file, line, "", fld, "a source id is upper-case words and numbers joined "
                                         "by '-' (e.g. CRR-2026-27)"))
            continue
        if sid in reg.sources:
            first = reg.sources[sid].where
            problems.append(problem_type(file, line, "", fld, f"already registered at {first[0]}:{first[1]}"))
            continue
        if not isinstance(spec, dict):
            problems.append(problem_type(file, line, "", fld, "must be a mapping"))
            continue
        for key in spec:
            if key not in SOURCE_KEYS:
                problems.append(problem_type(file, line, "", f"{fld}.{key}", f"unknown key {key!r}",
                                             _suggest(key, SOURCE_KEYS)))
        for key in ("cite_as", "title", "publisher", "edition", "date", "url"):
            if not _text(spec.get(key)):
                problems.append(problem_type(file, line, "", f"{fld}.{key}", f"a source needs `{key}`"))
        pages, parts = spec.get("pages"), spec.get("parts")
        if (pages is None) == (parts is None):
            problems.append(problem_type(file, line, "", fld, "give either `pages` (how many) or `parts` (the "
                                         "headings it is cited by, for a source without page numbers)"))
            continue
        if pages is not None and (not isinstance(pages, int) or isinstance(pages, bool) or pages < 1):
            problems.append(problem_type(file, line, "", f"{fld}.pages", "is the number of pages (a whole number)"))
            continue
        src = Source(sid, _text(spec.get("cite_as")), _text(spec.get("title")), _text(spec.get("publisher")),
                     _text(spec.get("edition")), _text(spec.get("date")), _text(spec.get("url")),
                     _text(spec.get("file")), pages, tuple(_text(p) for p in parts or ()),
                     _text(spec.get("page_numbers")), where=(file, line))
        contents = []
        for entry in spec.get("contents") or []:
            if not isinstance(entry, dict) or not isinstance(entry.get("page"), int) or not entry.get("section"):
                problems.append(problem_type(file, line_of(entry, line), "", f"{fld}.contents",
                                             "each entry is {page: N, section: heading}"))
                continue
            if pages is None or not 1 <= entry["page"] <= pages:
                problems.append(problem_type(file, line_of(entry, line), "", f"{fld}.contents",
                                             f"page {entry['page']} is not a page of {sid}"))
                continue
            contents.append((entry["page"], _text(entry["section"])))
        not_encoded = []
        for entry in spec.get("not_encoded") or []:
            eline = line_of(entry, line)
            if not isinstance(entry, dict) or not entry.get("why") or not set(entry) <= {"page", "pages", "section", "why"}:
                problems.append(problem_type(file, eline, "", f"{fld}.not_encoded",
                                             "each entry is {page or pages, section, why}"))
                continue
            def report(f: str, m: str, eline: int = eline, fld: str = fld) -> None:
                problems.append(problem_type(file, eline, "", f"{fld}.not_encoded.{f}", m))
            ranges = _pages(entry, src, report)
            if ranges is not None:
                not_encoded.append((ranges, _text(entry.get("section")), _text(entry["why"])))
        reg.sources[sid] = Source(**{**src.__dict__, "contents": tuple(contents), "not_encoded": tuple(not_encoded)})
    return reg


# ---------------------------------------------------------------------------------------- references


@dataclass(frozen=True)
class Reference:
    source: str
    pages: tuple[tuple[int, int], ...] = ()  # ranges, first and last page
    part: str = ""
    section: str = ""

    def page_text(self) -> str:
        if not self.pages:
            return ""
        if len(self.pages) == 1 and self.pages[0][0] == self.pages[0][1]:
            return f"p.{self.pages[0][0]}"
        return "pp." + ", ".join(str(a) if a == b else f"{a}-{b}" for a, b in self.pages)

    def page_set(self) -> list[int]:
        return [n for a, b in self.pages for n in range(a, b + 1)]


@dataclass(frozen=True)
class Citation:
    refs: tuple[Reference, ...]
    labels: tuple[str, ...] = ()  # each reference's source as cited ("CRR 2026/27"), for rendering

    def __str__(self) -> str:
        out, prev = [], None
        for ref, label in zip(self.refs, self.labels or [r.source for r in self.refs], strict=True):
            words = []
            same_source = prev is not None and prev.source == ref.source
            if not same_source:
                words.append(label)
            if ref.part and not (same_source and prev.part == ref.part):
                words.append(ref.part + ("," if ref.section else ""))
            if ref.pages and not (same_source and prev.pages == ref.pages):
                words.append(ref.page_text())
            if ref.section:
                words.append(ref.section)
            out.append(" ".join(words))
            prev = ref
        return "; ".join(out)


def _page_no(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    return None


def _pages(node: dict, src: Source | None, report: Callable[[str, str], None]) -> tuple[tuple[int, int], ...] | None:
    """The pages of a reference (`page: N` or `pages: "a-b"` / [a, "b-c"]) as ranges; None on error."""
    if "page" in node and "pages" in node:
        report("page", "give `page` or `pages`, not both")
        return None
    if "page" in node:
        n = _page_no(node["page"])
        if n is None:
            report("page", f"`page` is one page number (for a range write `pages: {node['page']}`)")
            return None
        ranges = [(n, n)]
    elif "pages" in node:
        items = node["pages"] if isinstance(node["pages"], list) else [node["pages"]]
        ranges = []
        for item in items:
            n = _page_no(item)
            if n is not None:
                ranges.append((n, n))
                continue
            m = re.fullmatch(r"\s*(\d+)\s*-\s*(\d+)\s*", str(item))
            if not m:
                report("pages", f"{item!r} is not a page or a range of pages such as 42-43")
                return None
            a, b = int(m.group(1)), int(m.group(2))
            if a >= b:
                report("pages", f"the range {a}-{b} does not run forwards")
                return None
            ranges.append((a, b))
    else:
        return ()
    if src is not None and src.pages is not None:
        for a, b in ranges:
            for n in (a, b):
                if not 1 <= n <= src.pages:
                    report("page" if "page" in node else "pages",
                           f"page {n} is out of range: {src.id} has {src.pages} pages")
                    return None
    return tuple(ranges)


def parse_citation(node: Any, register: Register, report: Report, fld: str = "cite") -> Citation | None:
    """A `cite:` value (one reference or a list of them) checked against the register."""
    if node is None or node == "" or node == []:
        report(None, fld, "needs a citation of the source it encodes: {source, page, section}", "")
        return None
    if isinstance(node, str):
        report(None, fld, "is free text; a citation is a reference {source, page, section} "
               "(python -m service.tools.convert_citations converts the old form)", "")
        return None
    items = node if isinstance(node, list) else [node]
    refs, labels = [], []
    for i, item in enumerate(items):
        ifld = f"{fld}[{i}]" if isinstance(node, list) else fld
        ref = _reference(item, register, report, ifld)
        if ref is None:
            return None
        refs.append(ref)
        labels.append(register.sources[ref.source].cite_as)
    return Citation(tuple(refs), tuple(labels))


def _reference(item: Any, register: Register, report: Report, fld: str) -> Reference | None:
    if not isinstance(item, dict):
        report(item, fld, "a reference is a mapping {source, page, section}", "")
        return None
    ok = True
    for key in item:
        if key not in REF_KEYS:
            report(item, f"{fld}.{key}", f"unknown key {key!r}", _suggest(key, REF_KEYS))
            ok = False
    sid = str(item.get("source") or "")
    src = register.get(sid)
    if src is None:
        report(item, f"{fld}.source", f"unknown source {sid!r} (not in the register, data/sources.yaml)"
               if sid else "needs `source`, an id from the register (data/sources.yaml)",
               _suggest(sid, register.sources) if sid else "")
        return None
    section = _text(item.get("section"))
    part = _text(item.get("part"))
    pages = _pages(item, src, lambda f, m: report(item, f"{fld}.{f}", m, ""))
    if pages is None:
        return None
    if src.pages is not None:
        if part:
            report(item, f"{fld}.part", f"{src.id} is cited by page, not by part", "")
            ok = False
        elif not pages:
            report(item, f"{fld}.page", f"a reference to {src.id} needs `page` or `pages`", "")
            ok = False
    else:
        if pages:
            report(item, f"{fld}.page", f"{src.id} has no page numbers: cite it by `part`", "")
            ok = False
        elif part not in src.parts:
            report(item, f"{fld}.part", f"{part!r} is not a part of {src.id} ({', '.join(src.parts)})"
                   if part else f"a reference to {src.id} needs `part` ({', '.join(src.parts)})",
                   _suggest(part, src.parts) if part else "")
            ok = False
    if not section and not pages:
        report(item, f"{fld}.section", "needs `section`: the heading or paragraph cited", "")
        ok = False
    return Reference(sid, pages, part, section) if ok else None


# ---------------------------------------------------------------------------------------- free text


class FreeTextError(ValueError):
    pass


def _split_top(text: str, sep: str = "; ") -> list[str]:
    """Split at `sep` outside parentheses."""
    out, depth, start, i = [], 0, 0, 0
    while i < len(text):
        ch = text[i]
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth = max(0, depth - 1)
        elif depth == 0 and text.startswith(sep, i):
            out.append(text[start:i])
            start = i + len(sep)
            i = start
            continue
        i += 1
    out.append(text[start:])
    return [s.strip() for s in out if s.strip()]


_PAGES = re.compile(r"^(?:p\.(\d+)|pp\.(\d+(?:-\d+)?(?:,\s*\d+(?:-\d+)?)+|\d+-\d+))(?=\s|$)\s*")


def parse_free_text(text: str, styles: dict[str, dict]) -> list[dict]:
    """Today's free-text citations -> references (for the converter only; the loader takes none).

    `styles` maps a citation prefix ("CRR 2026/27") to how its references are written: {"source":
    id, "by": "page" | "part"}, and may hold `patterns`: [(regex, builder)] for references to other
    documents written inside a citation (e.g. "Schools Protocol Serious Offence List (2 of 2)").
    """
    text = " ".join(str(text).split())
    prefix = next((p for p in sorted(styles, key=len, reverse=True) if text.startswith(p + " ")), None)
    if prefix is None:
        raise FreeTextError(f"no known citation style at the start of {text!r}")
    style = styles[prefix]
    rest = text[len(prefix) + 1:]
    refs: list[dict] = []
    prev: dict | None = None
    for seg in _split_top(rest):
        ref = None
        for pattern, build in style.get("patterns", ()):
            m = re.fullmatch(pattern, seg)
            if m:
                ref = build(m)
                break
        if ref is None and style["by"] == "part":
            part, _, section = seg.partition(", ")
            if part in style.get("parts", ()) or not prev:
                ref = {"source": style["source"], "part": part, "section": section.strip()}
            else:  # a later segment of the same part
                ref = {"source": style["source"], "part": prev["part"], "section": seg}
        elif ref is None:
            m = _PAGES.match(seg)
            ref = {"source": style["source"]}
            if m:
                if m.group(1):
                    ref["page"] = int(m.group(1))
                else:
                    items = [s.strip() for s in m.group(2).split(",")]
                    ref["pages"] = items[0] if len(items) == 1 else [int(s) if s.isdigit() else s for s in items]
                seg = seg[m.end():]
            elif prev and prev.get("source") == style["source"] and ("page" in prev or "pages" in prev):
                # "p.65 Assault by Penetration; Sexual Assault Classifications": same pages
                key = "page" if "page" in prev else "pages"
                ref[key] = prev[key]
            else:
                raise FreeTextError(f"no page in {seg!r} of {text!r}")
            if seg.strip():
                ref["section"] = seg.strip()
        refs.append(ref)
        prev = ref
    return refs
