"""A readable HTML report of a feature run, from pytest-bdd's Cucumber JSON."""
from __future__ import annotations

import html
import json
from pathlib import Path


def render(cucumber: list[dict], title: str = "HOCR feature run") -> str:
    rows, passed, failed = [], 0, 0
    for feature in sorted(cucumber, key=lambda f: f.get("uri", "")):
        scenarios = feature.get("elements", [])
        rows.append(f"<h2>{html.escape(feature.get('name', ''))} <small>{html.escape(feature.get('uri', ''))}</small></h2>")
        desc = feature.get("description", "").strip()
        if desc:
            rows.append(f"<p class=desc>{html.escape(desc)}</p>")
        for sc in scenarios:
            steps = sc.get("steps", [])
            ok = all(s.get("result", {}).get("status") == "passed" for s in steps)
            passed += ok
            failed += not ok
            tags = " ".join(t.get("name", "") for t in sc.get("tags", []))
            rows.append(f"<details class={'pass' if ok else 'fail'}{' open' if not ok else ''}><summary>"
                        f"{'&#10004;' if ok else '&#10008;'} {html.escape(sc.get('name', ''))} "
                        f"<small>{html.escape(tags)}</small></summary><ol>")
            for s in steps:
                res = s.get("result", {})
                err = res.get("error_message", "")
                rows.append(f"<li class={res.get('status', 'skipped')}><b>{html.escape(s.get('keyword', ''))}</b> "
                            f"{html.escape(s.get('name', ''))}"
                            + (f"<pre>{html.escape(err[:2000])}</pre>" if err else "") + "</li>")
            rows.append("</ol></details>")
    head = (f"<!doctype html><meta charset=utf-8><title>{html.escape(title)}</title><style>"
            "body{font:14px system-ui,sans-serif;max-width:70em;margin:2em auto}small{color:#777}"
            ".pass summary{color:#1a7f37}.fail summary{color:#cf222e;font-weight:bold}"
            "li.failed{color:#cf222e}li.skipped{color:#999}pre{background:#fff0f0;white-space:pre-wrap}"
            ".desc{white-space:pre-line;color:#444}</style>"
            f"<h1>{html.escape(title)}</h1><p>{passed} scenarios passed, {failed} failed</p>")
    return head + "\n".join(rows)


def write(cucumber_json: Path, out: Path) -> tuple[int, Path]:
    data = json.loads(cucumber_json.read_text(encoding="utf-8"))
    out.write_text(render(data), encoding="utf-8")
    return sum(len(f.get("elements", [])) for f in data), out
