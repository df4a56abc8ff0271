"""The converter turns free-text citations into references, in place, and only those."""
from __future__ import annotations

import pytest

from service.citations import FreeTextError, parse_free_text
from service.tools.convert_citations import STYLES, convert_text


@pytest.mark.parametrize("text, refs", [
    ("CRR 2026/27 p.43 Section 47 assault (actual bodily harm)",
     [{"source": "CRR-2026-27", "page": 43, "section": "Section 47 assault (actual bodily harm)"}]),
    ("CRR 2026/27 pp.42-43 Non-fatal strangulation",
     [{"source": "CRR-2026-27", "pages": "42-43", "section": "Non-fatal strangulation"}]),
    ("CRR 2026/27 pp.69, 71 Outraging public decency (066/21)",
     [{"source": "CRR-2026-27", "pages": [69, 71], "section": "Outraging public decency (066/21)"}]),
    # a later reference with no page is on the pages of the one before; "; " inside brackets stays
    ("CRR 2026/27 p.65 Assault by Penetration; Sexual Assault Classifications",
     [{"source": "CRR-2026-27", "page": 65, "section": "Assault by Penetration"},
      {"source": "CRR-2026-27", "page": 65, "section": "Sexual Assault Classifications"}]),
    ("CRR 2026/27 p.89 Breaches - General Rule (one per offender; with the most serious); p.34 N300/04; p.37",
     [{"source": "CRR-2026-27", "page": 89, "section": "Breaches - General Rule (one per offender; with the most serious)"},
      {"source": "CRR-2026-27", "page": 34, "section": "N300/04"}, {"source": "CRR-2026-27", "page": 37}]),
    # other documents named inside a citation
    ("CRR 2026/27 p.12 Schools protocol (a); Schools Protocol Serious Offence List (2 of 2) - 5D",
     [{"source": "CRR-2026-27", "page": 12, "section": "Schools protocol (a)"},
      {"source": "SCHOOLS-PROTOCOL-2026-27", "page": 2, "section": "Serious Offence List - 5D"}]),
    ("CRR 2026/27 p.97 Fraud/Cyber (calls for service); Fraud (Page 1 and 2 of 7)",
     [{"source": "CRR-2026-27", "page": 97, "section": "Fraud/Cyber (calls for service)"},
      {"source": "NFIB-FRAUD-2026-27", "pages": "2-3", "section": "Fraud (Page 1 and 2 of 7)"}]),
    # the 2022/23 style: part, then section
    ("HOCR 2022/23 Burglary, 28E residential burglary (April 2017 - March 2023)",
     [{"source": "HOCR-2022-23", "part": "Burglary", "section": "28E residential burglary (April 2017 - March 2023)"}]),
])
def test_free_text_styles(text, refs):
    assert parse_free_text(text, STYLES) == refs


def test_an_unknown_style_is_refused():
    with pytest.raises(FreeTextError):
        parse_free_text("HOCR 2019 somewhere", STYLES)


SOURCE = """\
# a comment that stays
rules:
  - id: a.rule   # and this one
    cite: CRR 2026/27 p.93 Drug Offences - HO Class table (92A); p.91 92A
    summary: A rule.
  - id: b.rule
    cite: "CRR 2026/27 p.10 When to record?"
    rows:
      - {key: x, cite: CRR 2026/27 p.12 One Crime per Victim}
"""


def test_convert_text_rewrites_only_the_citations_and_is_idempotent():
    out, problems, n = convert_text(SOURCE, "f.yaml")
    assert not problems and n == 3
    assert out.splitlines()[:3] == SOURCE.splitlines()[:3]
    assert ("    cite:\n      - {source: CRR-2026-27, page: 93, section: Drug Offences - HO Class table (92A)}\n"
            "      - {source: CRR-2026-27, page: 91, section: 92A}\n") in out
    assert 'cite: {source: CRR-2026-27, page: 10, section: "When to record?"}' in out
    assert "- {key: x, cite: {source: CRR-2026-27, page: 12, section: One Crime per Victim}}" in out
    assert convert_text(out, "f.yaml") == (out, [], 0)


def test_an_unreadable_citation_is_reported_with_its_line_and_nothing_is_changed():
    text = SOURCE.replace("CRR 2026/27 p.10 When", "CRR 2026/27 When")
    out, problems, n = convert_text(text, "f.yaml")
    assert out == text and n == 0 and problems and problems[0].startswith("f.yaml:7:")
