"""The principal crime rule, checked pair by pair against the 2026/27 text.

For every pair of classifications that the look-up table (CRR 2026/27 p.14) or the ordered principal
crime rules for conduct crimes (pp.55-57) rank, an incident with one act of each - same victim, same
offender, reported at once - must record the one the text says, or both where the text says to
record in addition (modern slavery p.13; notifiable breaches p.56 NB and p.89). Pairs the text
leaves to the force crime registrar (p.57) must come back with the FCR note, never a silent choice.

The expectations below are transcribed from the text independently of the edition's counting file
(rules/2026-27/general/counting.yaml): the test compares the data with this second reading. Only
the offence list (groups, maximum sentences) is shared, as both readings need it.
"""
from __future__ import annotations

import itertools
import re
from pathlib import Path

import pytest

from service.decision import counting
from service.rules.counting import entry_ids
from service.rules.load import default_rules_dir
from service.rules.model import expand_codes

from .editions import rules_editions

EDITION = rules_editions(default_rules_dir())["2026-27"]
OFFENCES = EDITION.offences
REPORTED = __import__("datetime").datetime(2026, 6, 1, 10, tzinfo=__import__("datetime").timezone.utc)

# ------------------------------------------------------------------------------------- p.14
# The look-up table, most serious first: one row per line of the table ("classes", "codes").
LOOKUP = [
    ("1", "001/01"), ("2", "002/00"), ("19C 19D 19E 19F 19G 19H 19J 19K", "019/07-019/19"),
    ("34A 34B", "034/01-034/02"), ("3A", "003/02-003/06"), ("17A 17B 20A 20B", "017/13-017/14 020/03-020/04"),
    ("5D", "005/01"), ("17B 20B", "017/16 020/06"), ("58A 58B 58C 58D", "057/00"), ("56A 56B", "056/01-056/02"),
    ("8M", "008/58"), ("8Q", "008/65"), ("8Q", "008/66"), ("8L", "008/30"), ("8U", "008/67"),
    ("17A 20A", "017/15 020/05"), ("8N", "008/01"), ("8N", "008/77"), ("5E", "005/30"), ("5E", "005/29"),
    ("29B 29C 31A", "029/00 031/00"), ("3B", "003/01"), ("8R", "005/28"), ("8M", "008/56"), ("88C", "088/15"),
    ("88E", "088/14"), ("88C", "175/08"), ("8Q", "195/12"), ("8L", "195/94"), ("8N", "008/06"),
    ("59", "059/11 059/13"), ("28I 28J 28K 28L 28M 28N 28O 28P", "028/03"), ("58A 58B 58C 58D 58J", "058/00"),
    ("39", "039/00"), ("48", "048/01"), ("8R", "008/72"), ("8R", "138/52"), ("105A", "105/01"),
    ("58A 58B 58C 58D", "149/00"),
]
ROW: dict[tuple[str, str], int] = {}
for i, (classes, codes) in enumerate(LOOKUP):
    for spec in codes.split():
        for code in expand_codes(spec):
            for cls in classes.split():
                if OFFENCES.get(cls, code):
                    ROW.setdefault((cls, code), i)
# p.73: a home is recorded before an unconnected building of the same household (one table row)
HOME = {(c, "028/03") for c in ("28I", "28J", "28K", "28L")}
UNCONNECTED = {(c, "028/03") for c in ("28M", "28N", "28O", "28P")}

# p.13: violence (including rape) generally takes precedence over property crime
VIOLENT_GROUPS = {"Violence Against the Person", "Sexual Offences", "Robbery"}

# ------------------------------------------------------------------------------------- pp.55-57
S8Q = {("8Q", "195/12"), ("8Q", "008/65"), ("8Q", "008/66")}
S8L = {("8L", "195/94"), ("8L", "008/30")}
S8M = {("8M", "008/56"), ("8M", "008/58")}
S8U = {("8U", "008/67")}
CONDUCT = S8Q | S8L | S8M | S8U


def off(k):
    return OFFENCES.get(*k)


def months(k) -> int:
    o = off(k)
    return o.max_months if o and o.max_months is not None else -1


def group(k) -> str:
    o = off(k)
    return o.group if o else ""


def up_to_8n(k) -> bool:  # "offences up to and including 8N Assault with Injury", read narrowly
    return k[0] in ("8N", "105A", "105B", "104")


def sexual(k, below=None, at_most=None) -> bool:
    if group(k) != "Sexual Offences":
        return False
    m = months(k)
    return (below is None or 0 <= m < below) and (at_most is None or 0 <= m <= at_most)


CONDUCT_RULES = [  # (page and place, principal, "this is the principal crime over ...")
    ("p.56 1st", {("8M", "008/58")},
     lambda x: x in S8Q | S8U | S8L or up_to_8n(x) or sexual(x, below=168)),
    ("p.56 2nd", {("8Q", "008/65"), ("8Q", "008/66"), ("8L", "008/30")},
     lambda x: x in S8U or x == ("8L", "195/94") or up_to_8n(x) or sexual(x, at_most=120)),
    ("p.56 3rd", {("8U", "008/67")},
     lambda x: x == ("8L", "195/94") or x == ("8M", "008/56") or up_to_8n(x) or sexual(x, at_most=120)),
    ("p.57 4th", {("8M", "008/56")},
     lambda x: x == ("8L", "195/94") or (up_to_8n(x) and x != ("8N", "008/01")) or 0 <= months(x) < 60),
    ("p.57 5th", {("8Q", "195/12"), ("8L", "195/94")},
     lambda x: (group(x) == "Theft" or x[0] in ("45", "48")
                or (x[0] in ("58A", "58B", "58C", "58D", "58J") and x[1] != "057/00")
                or group(x) == "Public Order Offences" or x[0] in ("105A", "105B", "104")
                or (x[0] == "8N" and x[1] not in ("008/01", "008/77"))
                or (x[0] == "8R" and x[1] != "005/28"))),
]

# p.66: sexual activity with a child following grooming - the substantive sexual offence only
GROOMING = {"88A"}
SUBSTANTIVE = {"17A", "17B", "20A", "20B", "21", "22A", "22B", "23", "70", "71", "73", "88D",
               "19C", "19D", "19E", "19F", "19G", "19H", "19J", "19K"}

# p.89 / p.56 NB: the breach classifications (those the breaches page's rules give)
BREACH_RULE = EDITION.rule_by_id["breach.recorded-in-addition"]
BREACHES = {r.consequence("classify")[:2] for r in EDITION.rules
            if r.consequence("classify") and Path(r.file).name == "breaches.yaml"}
MODERN_SLAVERY = "106"


def expected(a, b):
    """What the text records for one act of `a` and one of `b`: a classification, "both",
    "fcr" (the registrar decides), or None (neither the table nor the conduct rules rank them)."""
    if a in BREACHES or b in BREACHES:
        return "both"
    if MODERN_SLAVERY in (a[0], b[0]):
        return "both"
    for x, y in ((a, b), (b, a)):
        if x[0] in SUBSTANTIVE and y[0] in GROOMING:
            return x
    for _, principal, over in CONDUCT_RULES:  # in order of gravity; the first that applies decides
        for x, y in ((a, b), (b, a)):
            if x in principal and y != x and over(y):
                return x
    if a in ROW and b in ROW and ROW[a] != ROW[b]:
        return a if ROW[a] < ROW[b] else b
    for x, y in ((a, b), (b, a)):
        if x in HOME and y in UNCONNECTED:
            return x
    if (a in CONDUCT) != (b in CONDUCT):
        other = b if a in CONDUCT else a
        conduct = a if a in CONDUCT else b
        if a in ROW and b in ROW:
            return None  # one row of the table: not ranked
        if group(other) in VIOLENT_GROUPS and months(other) > months(conduct):
            # p.55 prefers the conduct crime "in most cases", seriousness the other: unclear (p.57)
            return "fcr"
        return conduct  # the conduct crime is preferred, and no less serious (pp.13, 55)
    return None


def candidate(k, act, order):
    c = counting.Candidate(act, order, k[0], k[1], "V", frozenset({"S"}), None)
    if k in BREACHES:  # counted as the breaches page's counting rule says
        per, alone = BREACH_RULE.consequence("count")
        assert per == "offender"
        c.unit, c.alone, c.count_rule = "", alone, BREACH_RULE.id
    return c


def record(a, b, a_first=True):
    first, second = (a, b) if a_first else (b, a)
    crimes, counted_in = counting.count(EDITION, [candidate(first, "x1", 0), candidate(second, "x2", 1)], REPORTED, [])
    return crimes, counted_in


FCR_ID = EDITION.counting.raw["principal_crime"]["refer_to_fcr"]["id"]

# every classification the rules can give, victim-based ones (state-based offences count per
# offender and never meet a victim's crime), the breaches, and every table entry
PRODUCED = {r.consequence("classify")[:2] for r in EDITION.rules if r.consequence("classify")}
UNIVERSE = sorted({k for k in PRODUCED if off(k) and off(k).basis == "victim"} | BREACHES | set(ROW))
PAIRS = [(a, b) for a, b in itertools.combinations(UNIVERSE, 2) if expected(a, b) is not None]


def test_the_pairs_cover_the_table_and_every_conduct_rule():
    assert len(ROW) >= 60  # every line of the table found in the offence list
    ranked_table_pairs = [(a, b) for a, b in PAIRS if a in ROW and b in ROW]
    assert len(ranked_table_pairs) > 1500
    for place, principal, _over in CONDUCT_RULES:
        assert any(expected(a, b) in principal and (a in principal) != (b in principal) for a, b in PAIRS), place
    outcomes = {expected(a, b) for a, b in PAIRS}
    assert {"both", "fcr"} <= outcomes


@pytest.mark.parametrize("a_first", [True, False], ids=["listed-first", "listed-second"])
def test_every_ranked_pair_records_what_the_text_says(a_first):
    wrong = []
    for a, b in PAIRS:
        want = expected(a, b)
        crimes, counted_in = record(a, b, a_first)
        got = [(c.principal.cls, c.principal.code) for c in crimes]
        fcr = any(FCR_ID in c.rule_ids for c in crimes)
        notes = [n for c in crimes for n in c.notes if n[1] == FCR_ID]
        accounted = sorted([m.act for c in crimes for m in c.members])
        if accounted != ["x1", "x2"]:
            wrong.append((a, b, "an act was lost", accounted))
        elif want == "both":
            if sorted(got) != sorted([a, b]):
                wrong.append((a, b, want, got))
        elif want == "fcr":
            if len(crimes) != 1 or not fcr or not notes:
                wrong.append((a, b, want, got, fcr))
        elif got != [want] or fcr:
            wrong.append((a, b, want, got, "fcr note" if fcr else ""))
    assert not wrong, f"{len(wrong)} of {len(PAIRS)} pairs differ from the text, e.g. {wrong[:8]}"


def test_the_conduct_examples_the_issue_names():
    # s.2 harassment above ABH, but not above GBH (s.20) or strangulation
    assert expected(("8L", "195/94"), ("8N", "008/06")) == ("8L", "195/94")
    assert expected(("8L", "195/94"), ("8N", "008/01")) == ("8N", "008/01")
    assert expected(("8L", "195/94"), ("8N", "008/77")) == ("8N", "008/77")
    for pair, want in [((("8L", "195/94"), ("8N", "008/06")), ("8L", "195/94")),
                       ((("8L", "195/94"), ("8N", "008/01")), ("8N", "008/01")),
                       ((("8L", "195/94"), ("8L", "008/31")), "both")]:
        crimes, _ = record(*pair)
        got = [(c.principal.cls, c.principal.code) for c in crimes]
        assert (got == [want]) if want != "both" else len(got) == 2, (pair, got)


def test_every_counting_entry_is_named_by_a_scenario():
    """Each precedence, counted-within, in-addition and FCR entry of the counting file is asserted
    by name in a feature file (the rule coverage check covers rules, not these entries)."""
    raw = EDITION.counting.raw
    ids = entry_ids(raw) | {e["id"] for e in EDITION.counting.in_addition}
    text = "\n".join(p.read_text(encoding="utf-8") for p in Path("features/2026-27").rglob("*.feature"))
    # quoted in a step, or a cell of an Examples table that a step reads
    missing = sorted(i for i in ids if not re.search(rf'"{re.escape(i)}"|\|\s*{re.escape(i)}\s*\|', text))
    assert not missing, missing


def test_a_circle_of_precedence_goes_to_the_registrar():
    """8M 008/56 outranks strangulation (p.57 4th rule), strangulation outranks encouraging serious
    self-harm (p.14), which outranks 8M 008/56 (p.14; 5 years is not under 5): no one crime outranks
    the others, so whichever is recorded carries the FCR note."""
    trio = [("8M", "008/56"), ("8N", "008/77"), ("5E", "005/30")]
    assert expected(trio[0], trio[1]) == trio[0]
    assert expected(trio[1], trio[2]) == trio[1]
    assert expected(trio[2], trio[0]) == trio[2]
    for order in itertools.permutations(trio):
        cands = [candidate(k, f"x{i}", i) for i, k in enumerate(order)]
        crimes, counted_in = counting.count(EDITION, cands, REPORTED, [])
        assert len(crimes) == 1 and len(counted_in) == 2
        assert FCR_ID in crimes[0].rule_ids, order
        assert any(n[1] == FCR_ID for n in crimes[0].notes)


def test_no_circle_no_note():
    crimes, _ = counting.count(EDITION, [candidate(("8L", "195/94"), "x0", 0), candidate(("8N", "008/06"), "x1", 1),
                                         candidate(("105A", "105/01"), "x2", 2)], REPORTED, [])
    assert [(c.principal.cls, c.principal.code) for c in crimes] == [("8L", "195/94")]
    assert FCR_ID not in crimes[0].rule_ids


def test_a_crime_that_outranks_a_circle_is_principal_in_every_order():
    """8M 008/58 outranks each of the circle above (p.56 1st rule; p.14), so it is recorded and no
    referral is needed, whatever order the acts are reported in."""
    four = [("8M", "008/56"), ("8N", "008/77"), ("5E", "005/30"), ("8M", "008/58")]
    for order in itertools.permutations(four):
        cands = [candidate(k, f"x{i}", i) for i, k in enumerate(order)]
        crimes, _ = counting.count(EDITION, cands, REPORTED, [])
        assert [(c.principal.cls, c.principal.code) for c in crimes] == [("8M", "008/58")], order
        assert FCR_ID not in crimes[0].rule_ids, order
