"""Count the hand-written `overrides` links of every edition, and (with --prune) remove from the
rule files those the declared data already implies: a link from a classification to one the
principal crime ranking puts below it, kept only where removing it would set aside less than
before (a rule that overrides the first also overrode the second through it).

    python scripts/overrides.py            # count
    python scripts/overrides.py --prune    # rewrite rule files, then count again

Re-runnable: it reads the rule files as they are (other branches edit them concurrently).
"""
from __future__ import annotations

import io
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from service.counting import ranker_for  # noqa: E402
from service.rules.load import load_editions  # noqa: E402
from service.rules.ranking import declared_overriders  # noqa: E402

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

    for a, b in sorted(links & ranked.keys()):
        removed.add((a, b))
        after, _ = declared_overriders([Shadow(r) for r in rules], ranker_for(edition))
        if any(not before[k] <= after[k] for k in before):
            removed.discard((a, b))
    return sorted(removed)


def prune(removed: list[tuple[str, str]], edition) -> None:
    """Remove the links from the rule files (round-trip YAML: comments and anchors kept; a list
    shared through an anchor loses only what every rule using it may lose; an emptied list goes)."""
    from ruamel.yaml.comments import CommentedSeq

    from service.fmt import _yaml, format_text

    by_file: dict[str, dict[str, set[str]]] = {}
    for a, b in removed:
        r = edition.rule_by_id[a]
        by_file.setdefault(r.file, {}).setdefault(a, set()).add(b)
    for file, drops in by_file.items():
        path = Path(file) if Path(file).exists() else ROOT.parent / file
        y = _yaml()
        data = y.load(path.read_text(encoding="utf-8"))
        users: dict[int, list] = {}  # one list object (an anchor and its aliases) -> the rules using it
        for node in data.get("rules") or []:
            seq = node.get("overrides") if hasattr(node, "get") else None
            if isinstance(seq, CommentedSeq):
                users.setdefault(id(seq), []).append(node)
        for nodes in users.values():
            seq = nodes[0]["overrides"]
            drop = set.intersection(*(drops.get(str(n["id"]), set()) for n in nodes))
            for i in reversed(range(len(seq))):
                if str(seq[i]) in drop:
                    del seq[i]
            if not seq:
                for n in nodes:
                    del n["overrides"]
        buf = io.StringIO()
        y.dump(data, buf)
        path.write_text(format_text(buf.getvalue()), encoding="utf-8")


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
