"""report.html: one self-contained file (inline CSS, inline SVG charts, a few lines of inline
script for filtering the table); nothing is fetched, so it opens offline."""
from __future__ import annotations

import html
from pathlib import Path

E = html.escape


def _pct(x: float | None, dp: int = 1) -> str:
    return "-" if x is None else f"{x * 100:.{dp}f}%"


# ------------------------------------------------------------------------------------------ charts

def rate_chart(summary: dict) -> str:
    """Recording rate per group: a bar, the Wald interval (black) and the Wilson interval (orange)."""
    rows = [(gid, g) for gid, g in summary["groups"].items() if g["should_have_been_recorded"]]
    w, left, row_h, top, right = 900, 300, 34, 28, 70
    h = top + row_h * len(rows) + 30
    x = lambda p: left + p * (w - left - right)  # noqa: E731
    out = [f'<svg id="chart-rates" class="chart" width="{w}" height="{h}" viewBox="0 0 {w} {h}" '
           'xmlns="http://www.w3.org/2000/svg" role="img" aria-label="Recording rate by group with 95% intervals">']
    for t in range(0, 101, 10):
        out.append(f'<line x1="{x(t / 100):.1f}" y1="{top - 6}" x2="{x(t / 100):.1f}" y2="{h - 24}" stroke="#ddd"/>'
                   f'<text x="{x(t / 100):.1f}" y="{h - 8}" font-size="11" text-anchor="middle">{t}%</text>')
    for i, (gid, g) in enumerate(rows):
        y = top + i * row_h
        rr = g["recording_rate"]
        wald, wil = rr["wald"], rr["wilson"]
        out.append(f'<text x="{left - 8}" y="{y + 15}" font-size="12" text-anchor="end">{E(g["title"])} '
                   f'(n={rr["n"]})</text>')
        out.append(f'<rect class="bar" data-group="{E(gid)}" x="{left}" y="{y + 4}" width="{x(wald["rate"]) - left:.1f}" '
                   f'height="16" fill="#6a9fd4"><title>{E(g["title"])}: {_pct(wald["rate"])} '
                   f'+/- {wald["half_width"] * 100:.2f} points</title></rect>')
        for iv, colour, dy in ((wald, "#000", 8), (wil, "#d9730d", 16)):
            out.append(f'<line class="ci ci-{iv["method"]}" x1="{x(iv["lo"]):.1f}" y1="{y + dy}" x2="{x(iv["hi"]):.1f}" '
                       f'y2="{y + dy}" stroke="{colour}" stroke-width="2"/>'
                       f'<line x1="{x(iv["lo"]):.1f}" y1="{y + dy - 4}" x2="{x(iv["lo"]):.1f}" y2="{y + dy + 4}" stroke="{colour}"/>'
                       f'<line x1="{x(iv["hi"]):.1f}" y1="{y + dy - 4}" x2="{x(iv["hi"]):.1f}" y2="{y + dy + 4}" stroke="{colour}"/>')
        out.append(f'<text x="{w - right + 12}" y="{y + 15}" font-size="12" font-weight="bold">{_pct(wald["rate"])}</text>')
    out.append(f'<text x="{left}" y="14" font-size="11"><tspan fill="#000">&#9472; Wald 95% (inspectorate)</tspan>'
               f'<tspan dx="14" fill="#d9730d">&#9472; Wilson 95%</tspan></text></svg>')
    return "".join(out)


def class_chart(summary: dict, top_n: int = 15) -> str:
    """Missed, misclassified and late crimes by the class the rules give (stacked horizontal bars)."""
    series = (("missed_by_class", "not recorded", "#c0392b"), ("misclassified_by_class", "misclassified", "#8e44ad"),
              ("late_by_class", "late", "#e6a700"))
    labels: dict[str, int] = {}
    for key, _, _ in series:
        for lab, n in summary[key].items():
            labels[lab] = labels.get(lab, 0) + n
    rows = sorted(labels, key=lambda k: -labels[k])[:top_n]
    w, left, row_h, top = 760, 330, 22, 26
    h = top + row_h * max(1, len(rows)) + 24
    peak = max(labels.values(), default=1)
    scale = (w - left - 40) / peak
    titles = summary.get("class_titles", {})
    out = [f'<svg id="chart-classes" class="chart" width="{w}" height="{h}" viewBox="0 0 {w} {h}" '
           'xmlns="http://www.w3.org/2000/svg" role="img" aria-label="Missed, misclassified and late crimes by class">']
    lx = left
    for _, name, colour in series:
        out.append(f'<rect x="{lx}" y="6" width="10" height="10" fill="{colour}"/><text x="{lx + 14}" y="15" font-size="11">{name}</text>')  # noqa: E501
        lx += 110
    if not rows:
        out.append(f'<text x="{left}" y="{top + 14}" font-size="12">none</text>')
    for i, lab in enumerate(rows):
        y = top + i * row_h
        name = f"{lab} {titles.get(lab, '')}"
        out.append(f'<text x="{left - 8}" y="{y + 14}" font-size="11" text-anchor="end">{E(name[:52])}'
                   f'<title>{E(name)}</title></text>')
        xx = left
        for key, sname, colour in series:
            n = summary[key].get(lab, 0)
            if n:
                out.append(f'<rect class="bar" x="{xx:.1f}" y="{y + 3}" width="{n * scale:.1f}" height="15" fill="{colour}">'
                           f'<title>{E(lab)}: {n} {sname}</title></rect>')
                xx += n * scale
        out.append(f'<text x="{xx + 4:.1f}" y="{y + 14}" font-size="11">{labels[lab]}</text>')
    out.append("</svg>")
    return "".join(out)


def histogram(summary: dict) -> str:
    """Hours from report to record of the recorded crimes; bins past the deadline in orange."""
    bins = list(summary["timeliness"]["histogram"].items())
    w, h, left, bottom = 760, 240, 50, 40
    peak = max((n for _, n in bins), default=0) or 1
    bw = (w - left - 20) / max(1, len(bins))
    out = [f'<svg id="chart-lateness" class="chart" width="{w}" height="{h}" viewBox="0 0 {w} {h}" '
           'xmlns="http://www.w3.org/2000/svg" role="img" aria-label="Hours from report to record">']
    out.append(f'<line x1="{left}" y1="{h - bottom}" x2="{w - 10}" y2="{h - bottom}" stroke="#333"/>')
    for i, (lab, n) in enumerate(bins):
        bh = (h - bottom - 20) * n / peak
        x = left + i * bw
        start = float(lab.split("-")[0].rstrip("+ h"))
        colour = "#4f81bd" if start < 24 else "#e6a700"
        out.append(f'<rect class="bar" x="{x + 4:.1f}" y="{h - bottom - bh:.1f}" width="{bw - 8:.1f}" height="{bh:.1f}" '
                   f'fill="{colour}"><title>{E(lab)}: {n}</title></rect>'
                   f'<text x="{x + bw / 2:.1f}" y="{h - bottom + 16}" font-size="11" text-anchor="middle">{E(lab)}</text>'
                   f'<text x="{x + bw / 2:.1f}" y="{h - bottom - bh - 4:.1f}" font-size="11" text-anchor="middle">{n}</text>')
    out.append(f'<text x="{left}" y="{h - 6}" font-size="11">hours from the report to the record '
               '(orange: after the 24-hour recording deadline)</text></svg>')
    return "".join(out)


# ------------------------------------------------------------------------------------------ page

def _rule_index(service, ids: set[str]) -> dict[str, dict]:
    """Rule id -> {cite, summary, where} from whichever edition holds it (deadline rules included)."""
    out: dict[str, dict] = {}
    for e in sorted(service.editions.values(), key=lambda e: e.in_force_from, reverse=True):
        for rid in ids - set(out):
            r = e.rule_by_id.get(rid)
            if r is not None:
                out[rid] = {"cite": r.cite, "summary": r.summary, "where": f"{r.file}:{r.line}", "edition": e.name}
        for name, sec in (e.counting.raw or {}).items():
            if isinstance(sec, dict) and sec.get("id") in ids and sec["id"] not in out:
                out[sec["id"]] = {"cite": sec.get("cite", ""), "summary": f"counting data: {name}",
                                  "where": "general/counting.yaml", "edition": e.name}
    return out


def _anchor(rid: str) -> str:
    return "rule-" + "".join(ch if ch.isalnum() or ch in "-_." else "_" for ch in rid)


def _table(rows: list[list[str]], head: list[str], cls: str = "") -> str:
    return (f'<table class="{cls}"><thead><tr>' + "".join(f"<th>{h}</th>" for h in head) + "</tr></thead><tbody>"
            + "".join("<tr>" + "".join(f"<td>{c}</td>" for c in r) + "</tr>" for r in rows) + "</tbody></table>")


CSS = """body{font-family:system-ui,Segoe UI,Arial,sans-serif;margin:24px;color:#222;max-width:1200px}
h1{font-size:22px}h2{font-size:18px;margin-top:32px;border-bottom:1px solid #ccc}
table{border-collapse:collapse;font-size:13px;margin:8px 0}td,th{border:1px solid #ddd;padding:3px 6px;vertical-align:top}
th{background:#f3f3f3;text-align:left}.num{text-align:right}.k-not_recorded{color:#c0392b;font-weight:600}
.k-late{color:#b07800}.k-wrong_class,.k-wrong_code{color:#8e44ad}.small{font-size:12px;color:#555}
.chart{display:block;margin:8px 0}code{font-size:12px}"""

SCRIPT = """function filt(){var k=document.getElementById('kind').value;var rows=document.querySelectorAll('#findings tbody tr');
var n=0;rows.forEach(function(r){var s=(k==='')||r.dataset.kind===k;r.style.display=s?'':'none';if(s)n++});
document.getElementById('shown').textContent=n;}"""


def render(summary: dict, findings: list[dict], hidden: int, service) -> str:
    g = summary["groups"]
    head_rows = []
    for gid, b in g.items():  # noqa: B007 - used at once, within the loop
        rr = b["recording_rate"]
        un = b.get("unrecorded_per_year", {}).get("wald")
        fpc = rr.get("wald-fpc")
        if not rr["n"]:
            head_rows.append([E(b["title"]), "0", "0"] + ["-"] * 7)
            continue
        head_rows.append([
            E(b["title"]), f'<span class="num">{b["should_have_been_recorded"]}</span>', str(b["recorded"]),
            f'{_pct(rr["wald"]["rate"])} &plusmn; {rr["wald"]["half_width"] * 100:.2f}',
            f'{_pct(rr["wilson"]["lo"])} - {_pct(rr["wilson"]["hi"])}',
            (f'&plusmn; {fpc["half_width"] * 100:.2f}' if fpc else "-"),
            f'{_pct(b["cluster_ratio"]["lo"])} - {_pct(b["cluster_ratio"]["hi"])}',
            _pct(b["classification_accuracy"]["wald"]["rate"]) if b["recorded"] else "-",
            _pct(b["within_deadline"]["wald"]["rate"]) if b["within_deadline"]["n"] else "-",
            (f'{un["estimate"]:,.0f} ({un["lo"]:,.0f} - {un["hi"]:,.0f})' if un else "-")])
    ids = {r for f in findings for r in f.get("rule_ids", [])}
    rules = _rule_index(service, ids)
    frows = []
    rank = {k: i for i, k in enumerate(("not_recorded", "wrong_class", "wrong_code", "late", "missing_flag",
                                        "unsupported_record", "n_record_missing", "n_record_unsupported",
                                        "cancellation_wrong"))}
    for f in sorted(findings, key=lambda f: (rank.get(f["finding"], len(rank)), f.get("line", 0))):
        exp, rec = f.get("expected") or {}, f.get("recorded") or {}
        links = "<br>".join(f'<a href="#{_anchor(r)}">{E(r)}</a>' for r in f.get("rule_ids", []))
        cites = "<br>".join(E(c) for c in f.get("citations", []))
        frows.append(f'<tr data-kind="{E(f["finding"])}"><td>{f.get("line", "")}</td><td>{E(str(f["incident_id"]))}'
                     + (" <b title='decided under the named edition'>[E]</b>" if f.get("edition_forced") else "")
                     + f'</td><td class="k-{E(f["finding"])}">{E(", ".join(f["issues"]))}</td><td>{E(f.get("victim") or "")}</td>'
                     f'<td>{E((exp.get("classification", "") + " " + exp.get("ho_code", "")).strip())} '
                     f'<span class="small">{E(exp.get("offence_title") or exp.get("title") or "")}</span></td>'
                     f'<td>{E((rec.get("classification", "") + " " + rec.get("ho_code", "")).strip())}</td>'
                     f'<td>{links}</td><td class="small">{cites}</td><td class="small">{E(f.get("note") or "")}</td></tr>')
    kinds = sorted({f["finding"] for f in findings})
    rule_rows = [[f'<a id="{_anchor(r)}"></a><code>{E(r)}</code>', E(v["cite"]), E(v["summary"]),
                  f'<code>rules/{E(v["edition"])}/{E(v["where"])}</code>'] for r, v in sorted(rules.items())]
    counts = summary["findings"]
    nr = summary["n_records"]
    sub_rows = [["Notifiable reported incident records made where the rules give one",
                 f'{nr["k"]} of {nr["n"]}', (f'{_pct(nr["wilson"]["lo"])} - {_pct(nr["wilson"]["hi"])}' if nr["n"] else "-")]]
    for gid, c in summary["cancellations"].items():
        sub_rows.append([f"Cancellations upheld by the review rules: {E(g.get(gid, {}).get('title', gid))}",
                         f'{c["k"]} of {c["n"]}', f'{_pct(c["wilson"]["lo"])} - {_pct(c["wilson"]["hi"])}'])
    route_rows = [[E(r), f'{v["recording_rate"]["k"]} of {v["recording_rate"]["n"]}',
                   f'{_pct(v["recording_rate"]["wald"]["rate"])} &plusmn; {v["recording_rate"]["wald"]["half_width"] * 100:.2f}']
                  for r, v in summary["routes"].items()]
    un_all = g["all"].get("unrecorded_per_year", {}).get("wald")
    headline = (f'<p><b>Recording rate, {E(g["all"]["title"].lower())}: {_pct(g["all"]["recording_rate"]["wald"]["rate"])} '
                f'&plusmn; {g["all"]["recording_rate"]["wald"]["half_width"] * 100:.2f} points</b> '
                f'({g["all"]["recorded"]} of {g["all"]["should_have_been_recorded"]} crimes that should have been recorded).'
                + (f' Estimated crimes left unrecorded per year: <b>{E(un_all["published_form"])}</b> '
                   f'({un_all["lo"]:,.0f} - {un_all["hi"]:,.0f}), from {summary["recorded_per_year"]:,.0f} recorded.'
                   if un_all else " Give --recorded-per-year for the estimate of unrecorded crimes per year.") + "</p>")
    na = summary["not_auditable_list"]
    bad = summary["bad_line_list"]
    parts = [
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>",
        f"<title>{E(summary['title'])}</title><style>{CSS}</style></head><body>",
        f"<h1>{E(summary['title'])}</h1>",
        f"<p class='small'>Records read {summary['records_read']:,}; audited {summary['audited']:,}; bad lines "
        f"{summary['bad_lines']:,}; not auditable {summary['not_auditable']:,}; decided under the named edition "
        f"{summary['decided_under_named_edition']:,}. Editions used: {E(', '.join(f'{k} ({v})' for k, v in summary['editions'].items()))}. "  # noqa: E501
        f"Run {E(summary['started_at'])}, {summary['seconds']} s on {summary['workers']} process(es).</p>",
        headline,
        "<h2>Recording rates by group (95% intervals)</h2>", rate_chart(summary),
        _table(head_rows, ["group", "should be recorded", "recorded", "rate &plusmn; Wald (points)", "Wilson 95%",
                           "Wald with FPC", "cluster ratio 95%", "classification accurate", "within 24 h",
                           "unrecorded per year (95%)"]),
        f"<p class='small'>{E(summary['method_note'])}</p>",
        "<h2>Missed, misclassified and late crimes by class</h2>", class_chart(summary),
        "<h2>How long recording took</h2>", histogram(summary),
        f"<p class='small'>Median {summary['timeliness']['median_hours']} hours from report to record.</p>",
        "<h2>Sub-audits</h2>", _table(sub_rows, ["what", "k of n", "Wilson 95%"]),
        "<h2>By route into recording</h2>", _table(route_rows, ["route", "recorded", "rate &plusmn; Wald"]),
        "<h2>Findings</h2>",
        "<p>" + ", ".join(f"{E(k.replace('_', ' '))}: {v:,}" for k, v in counts.items() if v) + "</p>",
        "<p>Show <select id='kind' onchange='filt()'><option value=''>every kind</option>"
        + "".join(f"<option>{E(k)}</option>" for k in kinds) + f"</select> (<span id='shown'>{len(findings)}</span> shown"
        + (f"; {hidden:,} more in findings.jsonl" if hidden else "") + "; correctly recorded crimes are in findings.jsonl)</p>",
        "<table id='findings'><thead><tr><th>line</th><th>incident</th><th>finding</th><th>victim</th><th>rules give</th>"
        "<th>force recorded</th><th>rules</th><th>citations</th><th>note</th></tr></thead><tbody>"
        + "".join(frows) + "</tbody></table>",
    ]
    if na:
        parts += ["<h2>Not auditable</h2>", _table([[str(x["line"]), E(x["incident_id"]), E(x["reason"])] for x in na],
                                                  ["line", "incident", "why"])]
    if bad:
        parts += ["<h2>Lines that could not be read</h2>", _table(
            [[E(b["source"]), str(b["line"]), E(b["error"]),
              E("; ".join(f"{x['field']}: {x['description']}" for x in b["fields"]))] for b in bad],
            ["file", "line", "problem", "fields"])]
    parts += ["<h2>Rules cited</h2>", _table(rule_rows, ["rule", "paragraph", "what it says", "where"]),
              f"<script>{SCRIPT}</script></body></html>"]
    return "\n".join(parts)


def write_report(path: Path, summary: dict, findings: list[dict], hidden: int, service) -> None:
    path.write_text(render(summary, findings, hidden, service), encoding="utf-8")
