"""Count the hand-written `overrides` links of every edition, and (with --prune) remove from the
rule files those the declared data already implies: a link from a classification to one the
principal crime ranking puts below it, kept only where removing it would set aside less than
before (a rule that overrides the first also overrode the second through it).

    python scripts/overrides.py            # count
    python scripts/overrides.py --prune    # rewrite rule files, then count again

Re-runnable: it reads the rule files as they are (other branches edit them concurrently).
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from service.counting import ranker_for  # noqa: E402
from service.decision.precedence import declared_overriders  # noqa: E402
from service.rulebook import load_editions  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent / "rules"


def count(editions) -> int:
    return len({(r.file, r.id, o) for ed in editions.values()
                for e in (ed, ed.reviews) if e is not None for r in e.rules for o in r.overrides})


def redundant(edition) -> list[tuple[str, str]]:
    """Explicit links (a, b) the ranking implies, whose removal sets nothing aside any less."""
    rules = edition.rules
    before, ranked = declared_overriders(rules, ranker_for(edition))
    links = {(r.id, o) for r in rules for o in r.overrides}
    removed: set[tuple[str, str]] = set()

    class Shadow:  # a rule with some of its links removed
        def __init__(self, r):
            self.id, self.consequence, self.act_types = r.id, r.consequence, r.act_types
            self.overrides = tuple(o for o in r.overrides if (r.id, o) not in removed)

    for a, b in sorted(links & ranked):
        removed.add((a, b))
        after, _ = declared_overriders([Shadow(r) for r in rules], ranker_for(edition))
        if any(not before[k] <= after[k] for k in before):
            removed.discard((a, b))
    return sorted(removed)


def prune(removed: list[tuple[str, str]], edition) -> None:
    by_file: dict[str, dict[str, set[str]]] = {}
    for a, b in removed:
        r = edition.rule_by_id[a]
        by_file.setdefault(r.file, {}).setdefault(a, set()).add(b)
    for file, drops in by_file.items():
        path = Path(file) if Path(file).exists() else ROOT.parent / file
        text = path.read_text()
        for rid, targets in drops.items():
            # the rule's block: from its id line to the next rule
            m = re.search(rf"^(\s*)- id: {re.escape(rid)}\s*$", text, re.M)
            if not m:
                continue
            end = re.compile(rf"^{m.group(1)}- id: |^\S", re.M).search(text, m.end())
            stop = end.start() if end else len(text)
            block = text[m.start():stop]
            om = re.search(r"^([ \t]*)overrides: \[([^\]\n]*)\][ \t]*\n", block, re.M)
            if not om:
                bm = re.search(r"^([ \t]*)overrides:(?: &(\S+))?[ \t]*\n((?:\1[ \t]+- \S+[ \t]*\n)+)", block, re.M)
                if not bm:
                    continue  # an alias or a flow list over several lines: left for a person to edit
                drop = set(targets)
                if bm.group(2):  # an anchor: only what every rule using it may drop
                    for other in re.finditer(rf"^\s*- id: (\S+)(?:(?!^\s*- id: ).)*?overrides: \*{re.escape(bm.group(2))}\b",
                                             text, re.M | re.S):
                        drop &= drops.get(other.group(1), set())
                items = bm.group(3).splitlines(keepends=True)
                kept = [x for x in items if x.split("- ", 1)[1].strip() not in drop]
                if not kept:
                    continue
                new = block[:bm.start(3)] + "".join(kept) + block[bm.end(3):]
                text = text[:m.start()] + new + text[stop:]
                continue
            keep = [x.strip() for x in om.group(2).split(",") if x.strip() and x.strip() not in targets]
            line = f"{om.group(1)}overrides: [{', '.join(keep)}]\n" if keep else ""
            new = block[:om.start()] + line + block[om.end():]
            text = text[:m.start()] + new + text[stop:]
        path.write_text(text)


def main() -> None:
    editions = load_editions(ROOT)
    print(f"overrides links (as loaded, aliases expanded): {count(editions)}")
    if "--prune" in sys.argv:
        for name, ed in editions.items():
            if ed.extends:
                continue  # an edition extending another shares its files
            rem = redundant(ed)
            print(f"{name}: {len(rem)} links implied by the data")
            prune(rem, ed)
        print(f"after: {count(load_editions(ROOT))}")


if __name__ == "__main__":
    main()
