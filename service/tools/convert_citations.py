"""Turn free-text citations into references checked against the register of sources.

    python -m service.tools.convert_citations rules/            # rewrite every file that needs it
    python -m service.tools.convert_citations --check rules/    # list what would change, exit 1 if any

Every `cite:` whose value is a free-text string, anywhere in any YAML file under the paths given
(rules, counting sections, table rows, ...), becomes one reference or a list of them:

    cite: CRR 2026/27 p.93 Drug Offences - HO Class table (92A); p.91 92A
 -> cite:
      - {source: CRR-2026-27, page: 93, section: Drug Offences - HO Class table (92A)}
      - {source: CRR-2026-27, page: 91, section: 92A}

Only the value is rewritten, in place: comments, layout and everything else in the file stay as
they are. Re-running it is safe (a reference is left alone). A citation it cannot read is listed
with its file and line, and nothing in that file is changed. The loader accepts references only.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq

from ..citations import FreeTextError, parse_free_text


def _schools(m: re.Match) -> dict:
    page = int(m.group("page"))
    what = "Serious Offence List" if m.group("what").lower().startswith("serious") else "Flowchart"
    rest = (m.group("rest") or "").strip()
    return {"source": "SCHOOLS-PROTOCOL-2026-27", "page": page, "section": what + (f" - {rest}" if rest else "")}


def _fraud(m: re.Match) -> dict:
    # the fraud section labels its first pages "Page 1 of 7" to "Page 7 of 7": PDF pages 2 to 8
    first, last = int(m.group(1)) + 1, int(m.group(2) or m.group(1)) + 1
    ref: dict[str, Any] = {"source": "NFIB-FRAUD-2026-27"}
    if first == last:
        ref["page"] = first
    else:
        ref["pages"] = f"{first}-{last}"
    label = f"Page {m.group(1)}" + (f" and {m.group(2)}" if m.group(2) else "") + " of 7"
    rest = (m.group("rest") or "").strip()
    ref["section"] = f"Fraud ({label})" + (f" {rest}" if rest else "")
    return ref


# How each edition's citations were written, and the other documents they name inline.
STYLES = {
    "CRR 2026/27": {
        "source": "CRR-2026-27", "by": "page",
        "patterns": [
            (r"Schools Protocol (?P<what>Serious Offence List|flowchart) \((?P<page>\d) of 2\)(?: - (?P<rest>.+))?",
             _schools),
            (r"Fraud \(Page (\d)(?: and (\d))? of 7\)(?P<rest> .+)?", _fraud),
            # the one citation of the published offence list: the entry it means is on its p.46
            (r"Home Office notifiable offence list", lambda m: {"source": "HO-OFFENCES-2026-27", "page": 46}),
        ],
    },
    "HOCR 2022/23": {"source": "HOCR-2022-23", "by": "part",
                     "parts": ("Burglary", "Public Order Offences", "General Rules Section F")},
}


# ---------------------------------------------------------------------------------------- rendering

# plain (unquoted) only for text that every YAML parser reads back as the same string in a flow
# mapping; anything else (e.g. "When to record?", which libyaml reads but PyYAML does not) is quoted
_PLAIN = re.compile(r"[A-Za-z0-9(][\w .()/'&;£–-]*")


def scalar(value: Any) -> str:
    """A value as YAML that reads back as itself, plain where that is safe."""
    if isinstance(value, int):
        return str(value)
    text = str(value)
    if _PLAIN.fullmatch(text) and not text.endswith(" ") and not re.fullmatch(r"[-+0-9.eE_:]+|~|null|true|false|yes|no|on|off", text,
                                                                              re.IGNORECASE):
        return text
    return json.dumps(text, ensure_ascii=False)


def flow_ref(ref: dict) -> str:
    parts = []
    for key in ("source", "page", "pages", "part", "section"):
        if key in ref:
            v = ref[key]
            parts.append(f"{key}: " + ("[" + ", ".join(scalar(x) for x in v) + "]" if isinstance(v, list) else scalar(v)))
    return "{" + ", ".join(parts) + "}"


def replacement(refs: list[dict], block: bool, key_col: int) -> str:
    """The text after `cite:`."""
    if len(refs) == 1:
        return " " + flow_ref(refs[0])
    if not block:
        return " [" + ", ".join(flow_ref(r) for r in refs) + "]"
    pad = " " * (key_col + 2)
    return "".join(f"\n{pad}- {flow_ref(r)}" for r in refs)


# ---------------------------------------------------------------------------------------- finding


def _cites(node: Any, out: list, flow_parent: bool = False) -> None:
    """Every (mapping, in flow style?) that has a free-text `cite`."""
    if isinstance(node, CommentedMap):
        flow = node.fa.flow_style()
        if isinstance(node.get("cite"), str):
            out.append((node, bool(flow or flow_parent)))
        for v in node.values():
            _cites(v, out, bool(flow or flow_parent))
    elif isinstance(node, CommentedSeq):
        flow = node.fa.flow_style()
        for v in node:
            _cites(v, out, bool(flow or flow_parent))


def _value_span(lines: list[str], line: int, col: int, flow: bool) -> tuple[int, int]:
    """Where a scalar value starts and ends on its line (it is on one line)."""
    text = lines[line]
    if text[col] in "\"'":
        q = text[col]
        i = col + 1
        while i < len(text):
            if q == '"' and text[i] == "\\":
                i += 2
                continue
            if text[i] == q:
                if q == "'" and i + 1 < len(text) and text[i + 1] == "'":
                    i += 2
                    continue
                return col, i + 1
            i += 1
        raise FreeTextError("a quoted citation that runs over several lines")
    end = len(text)
    if flow:
        m = re.search(r"[,}\]]", text[col:])
        end = col + m.start() if m else end
    else:
        m = re.search(r"\s#", text[col:])
        end = col + m.start() if m else end
    return col, len(text[:end].rstrip())


def convert_text(text: str, file: str = "?") -> tuple[str, list[str], int]:
    """(new text, problems, how many citations converted)."""
    yaml = YAML()
    data = yaml.load(text)
    found: list = []
    _cites(data, found)
    if not found:
        return text, [], 0
    lines = text.split("\n")
    edits = []
    problems = []
    for node, flow in found:
        key_line, key_col = node.lc.key("cite")
        v_line, v_col = node.lc.value("cite")
        try:
            if v_line != key_line:
                raise FreeTextError("a citation on a line of its own after `cite:`; put it on the `cite:` line")
            start, end = _value_span(lines, v_line, v_col, flow)
            refs = parse_free_text(node["cite"], STYLES)
        except FreeTextError as exc:
            problems.append(f"{file}:{key_line + 1}: {exc}")
            continue
        edits.append((v_line, start, end, key_line, key_col, refs, flow))
    if problems:
        return text, problems, 0
    for v_line, start, end, _key_line, key_col, refs, flow in sorted(edits, key=lambda e: (e[0], e[1]), reverse=True):
        line = lines[v_line]
        # the text from the colon after `cite` to the end of the value is replaced
        colon = line.rindex(":", 0, start)
        new = replacement(refs, not flow, key_col)
        lines[v_line] = line[:colon + 1] + new + line[end:]
    out = "\n".join(lines)
    # the result must read back as the references, and nothing else may have changed
    check = YAML(typ="safe").load(out)
    before = YAML(typ="safe").load(text)
    if _strip(check) != _strip(before, convert=True):
        problems.append(f"{file}: the rewritten file does not read back as the same data (nothing written)")
        return text, problems, 0
    return out, [], len(edits)


def _strip(node: Any, convert: bool = False) -> Any:
    if isinstance(node, dict):
        out = {}
        for k, v in node.items():
            if k == "cite" and isinstance(v, str) and convert:
                refs = parse_free_text(v, STYLES)
                out[k] = refs[0] if len(refs) == 1 else refs
            else:
                out[k] = _strip(v, convert)
        return out
    if isinstance(node, list):
        return [_strip(v, convert) for v in node]
    return node


def files_under(paths: list[str]) -> list[Path]:
    out: list[Path] = []
    for p in map(Path, paths):
        items = sorted(p.rglob("*.yaml")) if p.is_dir() else [p]
        out += [f for f in items if f.name != "sources.yaml" and f not in out]
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m service.tools.convert_citations", description=__doc__.split("\n")[0])
    ap.add_argument("paths", nargs="+", help="rule folders or files")
    ap.add_argument("--check", action="store_true", help="change nothing; list the files that would change")
    args = ap.parse_args(argv)
    problems, changed, total = [], [], 0
    for f in files_under(args.paths):
        text = f.read_text(encoding="utf-8")
        if "cite" not in text:
            continue
        new, probs, n = convert_text(text, str(f))
        problems += probs
        if new != text:
            changed.append(f"{f} ({n} citation{'s' if n != 1 else ''})")
            total += n
            if not args.check:
                f.write_text(new, encoding="utf-8")
    for line in changed:
        print(("would convert " if args.check else "converted ") + line)
    for p in problems:
        print(f"error: {p}", file=sys.stderr)
    print(f"{total} citations in {len(changed)} files {'to convert' if args.check else 'converted'}; "
          f"{len(problems)} problems", file=sys.stderr)
    return 1 if problems or (args.check and changed) else 0


if __name__ == "__main__":
    sys.exit(main())
