"""Count the hand-written `overrides` links of every edition, and (with --prune) remove from the
rule files those the declared data already implies: a link from a classification to one the
declared order puts below it (a `rule_precedence` entry, declared specificity or the principal
crime ranking), kept unless removing it leaves every rule's overriders exactly as they were.

    python scripts/overrides.py            # count
    python scripts/overrides.py --prune    # rewrite rule files, then count again

Re-runnable: it reads the rule files as they are (other branches edit them concurrently).
"""
from __future__ import annotations

import io
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from service.decision.counting import ranker_for  # noqa: E402
from service.rules.load import load_editions  # noqa: E402
from service.rules.ranking import declared_overriders, declared_pairs  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent / "rules"


def count(editions) -> int:
    return len({(r.file, r.id, o) for ed in editions.values()
                for e in (ed, ed.reviews) if e is not None for r in e.rules for o in r.overrides})


def redundant(edition) -> list[tuple[str, str]]:
    """Explicit links (a, b) the declared data implies (a `rule_precedence` entry, declared
    specificity or the ranking puts a before b), whose removal changes no precedence at all: every
    rule keeps exactly the rules that take precedence over it (so no decision can change)."""
    rules = edition.rules
    ranker = ranker_for(edition)
    before, ranked = declared_overriders(rules, ranker)
    implied = set(ranked) | set(declared_pairs(rules, ranker.declared))
    links = {(r.id, o) for r in rules for o in r.overrides}
    removed: set[tuple[str, str]] = set()

    class Shadow:  # a rule with some of its links removed
        def __init__(self, r):
            self.id, self.consequence, self.act_types = r.id, r.consequence, r.act_types
            self.consequences = r.consequences
            self.overrides = tuple(o for o in r.overrides if (r.id, o) not in removed)

    for a, b in sorted(links & implied):
        removed.add((a, b))
        after, _ = declared_overriders([Shadow(r) for r in rules], ranker)
        if after != before:
            removed.discard((a, b))
    return sorted(removed)


def by_kind(editions) -> dict[str, int]:
    """The links of every edition by what they join: rules that classify (and which order would
    otherwise decide), counting rules, or rules that do not classify."""
    out: dict[str, int] = {}
    for ed in editions.values():
        for e in (ed, ed.reviews):
            if e is None:
                continue
            for r in e.rules:
                if ed.extends and not r.file.startswith(f"rules/{ed.name}/"):
                    continue  # an edition extending another: only its own files
                for o in r.overrides:
                    t = e.rule_by_id.get(o)
                    kinds = {c.kind for x in (r, t) if x is not None for c in x.consequences}
                    if r.consequence("classify") and t is not None and t.consequence("classify"):
                        kind = "classification over classification"
                    elif "count" in kinds:
                        kind = "to or from a counting rule"
                    elif r.consequence("classify") or (t is not None and t.consequence("classify")):
                        kind = "between a classification and a rule that does not classify"
                    else:
                        kind = "between rules that do not classify"
                    out[kind] = out.get(kind, 0) + 1
    return out


def prune(removed: list[tuple[str, str]], edition) -> None:
    """Remove the links from the rule files (round-trip YAML: comments and anchors kept; a list
    shared through an anchor loses only what every rule using it may lose; an emptied list goes)."""
    from ruamel.yaml.comments import CommentedSeq

    from service.rules.fmt import _yaml, format_text

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
    for kind, n in sorted(by_kind(editions).items()):
        print(f"  {n:4}  {kind}")
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
