"""Load an edition: its manifest, the editions it extends, and every file it is made of, merged and
checked, into an immutable Edition with its compiled ruleset.

The flow: files (``yamlsrc``) -> model (``parse``, with ``tables`` and ``citations``) -> checks (the
cross-rule ones here, then ``lint``) -> compiled ruleset (``compile``). Nothing here knows about any
offence: codes, titles, ranks, attributes and questions all come from the YAML under
``rules/<edition>/``. Every mistake found is reported with file, line, rule id and field, at load
time, and never at request time.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import os
from pathlib import Path
from typing import Any, Iterable

from . import tables, yamlsrc
from .citations import Register, load_register
from .compile import compile_ruleset, join_table
from .counting import entry_ids
from .lint import lint as run_lint
from .model import MAX_ATTRIBUTES, Edition, Rule, Vocabulary
from .parse import (
    REQUIRED_COUNTING,
    RuleParser,
    load_assumptions,
    load_checklists,
    load_counting,
    offence_table,
    vocabulary,
)
from .problems import Problem, RulebookError, suggest
from .ranking import Ranker, declared_problems, ranked_precedence
from .yamlsrc import Located, where

# ---------------------------------------------------------------------------------------- merging


def merge_vocabularies(parts: list[tuple[Any, str]], problems: list[Problem]) -> Vocabulary:
    """One vocabulary from several files (the edition's, and one per offence group).

    A word may be declared once: the same act type, attribute, kind, role or flag declared in
    two files is an error naming both.
    """
    merged: Vocabulary | None = None
    origin: dict[tuple[str, str], str] = {}
    for data, file in parts:
        part = vocabulary(data if isinstance(data, dict) else Located(), file, problems)
        for section in ("common_act_attributes", "act_types", "person_attributes", "incident_attributes",
                        "relationship_kinds", "reporter_roles", "channels", "places", "flags",
                        "envelope_questions", "person_kinds"):
            for key in getattr(part, section):
                if (section, key) in origin:
                    problems.append(Problem(file, where(data)[1], "", f"{section}.{key}",
                                            f"already declared in {origin[(section, key)]}"))
                origin[(section, key)] = file
        if merged is None:
            merged = part
            continue
        for section in ("common_act_attributes", "act_types", "person_attributes", "incident_attributes",
                        "relationship_kinds", "reporter_roles", "channels", "places", "flags",
                        "envelope_questions", "person_kinds"):
            getattr(merged, section).update(getattr(part, section))
        if part.sexes:
            merged = dataclasses.replace(merged, sexes=tuple(dict.fromkeys(merged.sexes + part.sexes)))
    merged = merged or vocabulary(Located(), "?", problems)
    for t in merged.act_types.values():
        if len(t.attributes) + len(merged.common_act_attributes) > MAX_ATTRIBUTES:
            problems.append(Problem(parts[0][1] if parts else "?", 0, "", f"act_types.{t.name}",
                                    f"has more than {MAX_ATTRIBUTES} attributes (with the common ones): "
                                    "a report could not give them all"))
    for t in merged.act_types.values():
        for name, attr in merged.common_act_attributes.items():
            own = t.attributes.get(name)
            if own is None:
                t.attributes[name] = attr
            elif (own.kind, own.values) != (attr.kind, attr.values):
                # an act type may ask a common attribute in its own words, but not change its answers
                problems.append(Problem(parts[0][1] if parts else "?", 0, "", f"act_types.{t.name}.{name}",
                                        "is a common act attribute: an act type may only reword its "
                                        "question, not change its type or values"))
    return merged


def _item_key(item: Any) -> Any:
    return (item.get("id") or item.get("label")) if isinstance(item, dict) else None


def _deep_merge(base: Any, diff: Any) -> Any:
    """A derived edition's data over its base's. Mappings merge key by key; lists of entries named
    by `id` or `label` merge entry by entry (a named entry replaces the base's in place, `remove:
    true` drops it, a new name is added at the end); anything else replaces."""
    if isinstance(base, dict) and isinstance(diff, dict):
        out = Located(base)
        out.file, out.line = getattr(diff, "file", "?"), getattr(diff, "line", 0)
        for k, v in diff.items():
            out[k] = _deep_merge(base.get(k), v) if k in base else v
        return out
    if (isinstance(base, list) and isinstance(diff, list) and base and diff
            and all(_item_key(x) for x in base) and all(_item_key(x) for x in diff)):
        changes = {_item_key(x): x for x in diff}
        merged = [changes.get(_item_key(x), x) for x in base]
        merged = [x for x in merged if not (isinstance(x, dict) and x.get("remove"))]
        known = {_item_key(x) for x in base}
        return merged + [x for x in diff if _item_key(x) not in known and not x.get("remove")]
    return diff


def _merge_offences(table: dict, diff: Any) -> None:
    """Merge an offence list, or a derived edition's changes to it, into `table`. A class given
    `remove: true` does not exist in the derived edition."""
    for cls, entry in ((diff or {}).get("classes") or {}).items():
        cls = str(cls)
        if isinstance(entry, dict) and entry.get("remove"):
            table["classes"].pop(cls, None)
            continue
        current = table["classes"].setdefault(cls, {"offences": {}})
        for key, value in (entry or {}).items():
            if key == "offences":
                for code, off in (value or {}).items():
                    current["offences"][str(code)] = {**current["offences"].get(str(code), {}), **(off or {})}
            else:
                current[key] = value



# ---------------------------------------------------------------------------------------- editions


def load_edition(root: Path, base: Path | None = None, lint: bool = False) -> Edition:
    """Load and check one edition folder; raise RulebookError listing every problem found.

    ``lint`` adds the semantic checks of service.rules.lint (about a second for a full edition): `hocr
    rules check` runs them; the service itself loads without them.
    """
    problems: list[Problem] = []
    base = base or root.parent

    def disp(p: Path) -> str:
        try:
            return str(p.relative_to(base.parent))
        except ValueError:
            return str(p)

    read_paths: list[Path] = []  # every file the edition is made of, for its revision

    def read(path: Path) -> Any:
        read_paths.append(path)
        if not path.exists():
            problems.append(Problem(disp(root / "edition.yaml"), 0, "", disp(path), "file not found"))
            return Located()
        try:
            return yamlsrc.load(path, disp(path)) or Located()
        except yamlsrc.YamlError as exc:
            problems.append(Problem(exc.file, exc.line, "", "", f"YAML error: {exc.message}"))
            return Located()

    def expand(folder: Path, entries: Any) -> list[Path]:
        """Manifest entries are paths or glob patterns relative to the edition folder."""
        out: list[Path] = []
        for entry in entries if isinstance(entries, list) else [entries]:
            entry = str(entry)
            if any(ch in entry for ch in "*?["):
                out += [p for p in sorted(folder.glob(entry)) if p.is_file() and p not in out]
            elif (folder / entry) not in out:
                out.append(folder / entry)
        return out

    def sources(folder: Path, chain: tuple[Path, ...] = ()) -> dict:
        """The files that make up an edition. An edition that `extends` another adds its own
        files to the base's, and says which base rules it removes or replaces."""
        manifest = read(folder / "edition.yaml")
        empty = {"vocab": [], "rules": [], "offences": [], "counting": [], "reported": None, "sources": [], "tables": [],
                 "remove": set(), "replace": set(), "manifest": manifest}
        if folder in chain:
            problems.append(Problem(disp(folder / "edition.yaml"), 0, "", "extends",
                                    "editions extend each other in a loop"))
            return empty
        parent = manifest.get("extends")
        src = sources(folder.parent / str(parent), chain + (folder,)) if parent else empty
        src["manifest"] = manifest
        own_vocab = expand(folder, manifest.get("vocabulary", [] if parent else "vocabulary.yaml"))
        src["vocab"] = src["vocab"] + own_vocab
        off = manifest.get("offences", None if parent else "data/offences.yaml")
        if off:
            src["offences"] = src["offences"] + [folder / str(off)]
        cnt = manifest.get("counting", None if parent else "general/counting.yaml")
        if cnt:
            src["counting"] = src["counting"] + [folder / str(cnt)]
        rep = manifest.get("reported_incidents", None if parent else "data/reported-incidents.yaml")
        if rep:
            src["reported"] = folder / str(rep)
        srcs = manifest.get("sources", None if parent else "data/sources.yaml")
        if srcs:
            src["sources"] = src["sources"] + [folder / str(srcs)]
        claimed = []
        for key, default in (("assumptions", "data/assumptions.yaml"), ("questions", "data/questions.yaml")):
            chosen = manifest.get(key, None if parent else default)
            if chosen:
                src[key] = folder / str(chosen)
                claimed.append(src[key])
        data_files = set(own_vocab) | {folder / str(x) for x in (off, cnt, rep, srcs) if x} | set(claimed)
        # tables (service/rules/tables.py): the manifest's `tables`, else every other file in data/ that
        # holds `rows` (other data files, named by their own manifest keys, are not tables)
        if "tables" in manifest:
            own_tables = [f for f in expand(folder, manifest["tables"]) if f not in data_files]
        else:
            own_tables = [f for f in expand(folder, "data/*.yaml") if f not in data_files
                          and tables.is_table_file(f)]
        src["tables"] = src["tables"] + own_tables
        data_files |= set(src["tables"])
        src["own_rules"] = [f for f in expand(folder, manifest.get("rule_files") or []) if f not in data_files]
        src["rules"] = src["rules"] + src["own_rules"]
        src["review_vocab"] = src.get("review_vocab", []) + expand(folder, manifest.get("review_vocabulary") or [])
        src["review_rules"] = src.get("review_rules", []) + expand(folder, manifest.get("review_rules") or [])
        src["remove"] = set(map(str, manifest.get("remove_rules") or []))
        src["replace"] = set(map(str, manifest.get("replace_rules") or []))
        return src

    src = sources(root)
    manifest = src["manifest"]
    name = str(manifest.get("edition") or root.name)
    try:
        in_force = dt.date.fromisoformat(str(manifest.get("in_force_from")))
    except ValueError:
        problems.append(Problem(disp(root / "edition.yaml"), where(manifest)[1], "", "in_force_from",
                                "needs a date such as 2026-04-01"))
        in_force = dt.date.min
    in_force_until = None
    if manifest.get("in_force_until"):
        try:
            in_force_until = dt.date.fromisoformat(str(manifest.get("in_force_until")))
        except ValueError:
            problems.append(Problem(disp(root / "edition.yaml"), where(manifest)[1], "", "in_force_until",
                                    "needs a date such as 2023-03-31"))

    vocab = merge_vocabularies([(read(f), disp(f)) for f in src["vocab"]], problems)
    offences_data: dict = {"classes": {}}
    for f in src["offences"]:
        _merge_offences(offences_data, read(f))
    offences = offence_table(offences_data)
    counting_data: Any = Located()
    for f in src["counting"]:
        counting_data = _deep_merge(counting_data, read(f))
    register: Register | None = None
    for f in src["sources"]:
        register = load_register(read(f), disp(f), problems, Problem, register)
    register = register or Register()
    counting_display = disp(src["counting"][-1]) if src["counting"] else "?"
    counting = load_counting(counting_data, counting_display, offences, problems, register)
    reported = dict((read(src["reported"]) if src["reported"] else {}).get("classes") or {})
    parser = RuleParser(vocab, offences, problems, reported, register)

    def table_problem(node: Any, row_id: str, fld: str, msg: str, hint: str) -> None:
        problems.append(Problem(*where(node, ("?", 0)), row_id, fld, msg, hint))

    lookup_tables: dict[str, tables.Table] = {}  # a later edition's table file merges into the base's
    for path in src["tables"]:
        t = tables.load_table(path.stem, read(path), disp(path), lookup_tables.get(path.stem), table_problem)
        if t is not None:
            lookup_tables[t.name] = t
    table_rows: dict[str, list[str]] = {}  # a table rule's id -> the ids of the rules of its rows

    rules: list[Rule | str] = []  # a str: a base rule this edition replaces, kept for its place
    own_files = set(src["own_rules"]) if manifest.get("extends") else set()
    own_replacing: dict[str, Rule] = {}
    dropped = src["remove"] | src["replace"]
    base_ids: set[str] = set()
    for path in src["rules"]:
        data = read(path)
        file = disp(path)
        nodes = []
        for node in (data.get("rules") or []) if isinstance(data, dict) else []:
            rows = tables.expand(node, lookup_tables, table_problem)
            if tables.lookup_spec(node) is not None:
                table_rows[str(node.get("id"))] = [str(n.get("id")) for n in rows]
            nodes += rows
        for node in nodes:
            node_id = str(node.get("id")) if isinstance(node, dict) else ""
            if path not in own_files and node_id in dropped:
                base_ids.add(node_id)  # not this edition's rule: not checked against its words
                if node_id in src["replace"]:
                    rules.append(node_id)
                continue
            rule = parser.rule(node, file)
            if not rule:
                continue
            if path in own_files and rule.id in src["replace"]:
                own_replacing[rule.id] = rule
            else:
                rules.append(rule)
                if path not in own_files:
                    base_ids.add(rule.id)
    for rid in sorted(src["remove"] | src["replace"]):
        if rid not in base_ids:
            problems.append(Problem(disp(root / "edition.yaml"), where(manifest)[1], rid, "remove_rules",
                                    f"no rule {rid!r} in the base edition", suggest(rid, base_ids)))
    for rid in sorted(src["replace"] - set(own_replacing)):
        problems.append(Problem(disp(root / "edition.yaml"), where(manifest)[1], rid, "replace_rules",
                                "listed as replaced, but this edition's own files define no rule with that id"))
    rules = [own_replacing[r] if isinstance(r, str) else r for r in rules
             if not isinstance(r, str) or r in own_replacing]

    reserved_ids = {counting.raw[s]["id"] for s in REQUIRED_COUNTING if isinstance(counting.raw.get(s), dict)}
    reserved_ids |= {e["id"] for e in counting.in_addition}
    nif = counting.raw.get("not_in_force")
    if nif is not None:  # optional: the reason given when an offence was not in force at the time
        if not isinstance(nif, dict) or any(not nif.get(k) for k in ("id", "cite", "sentence", "note", "disposition")):
            problems.append(Problem(counting_display, where(nif)[1], "", "not_in_force",
                                    "needs `id`, `cite`, `disposition`, `sentence` and `note`"))
        else:
            reserved_ids.add(nif["id"])
    reserved_ids |= entry_ids(counting.raw)
    seen: dict[str, Rule] = {}
    for r in rules:
        if r.id in seen or r.id in reserved_ids:
            first = seen.get(r.id)
            at = f" (first defined at {first.file}:{first.line})" if first else " (used by the counting rules)"
            problems.append(Problem(r.file, r.line, r.id, "id", "duplicate rule id" + at))
        seen[r.id] = r
    def expand_overrides(r: Rule) -> Rule:  # overriding a table rule overrides the rules of all its rows
        if not any(o in table_rows and o not in seen for o in r.overrides):
            return r
        return dataclasses.replace(r, overrides=tuple(
            x for o in r.overrides for x in (table_rows[o] if o in table_rows and o not in seen else [o])))

    rules = [expand_overrides(r) for r in rules]
    for r in rules:
        for o in r.overrides:
            if o not in seen:
                problems.append(Problem(r.file, r.line, r.id, "overrides", f"overrides unknown rule {o!r}",
                                        suggest(o, seen)))
    # overrides must not loop
    graph = {r.id: [o for o in r.overrides if o in seen] for r in rules}
    state: dict[str, int] = {}

    def visit(n: str, path: list[str]) -> None:
        state[n] = 1
        for m in graph.get(n, []):
            if state.get(m) == 1:
                r = seen[n]
                problems.append(Problem(r.file, r.line, r.id, "overrides",
                                        "overrides form a loop: " + " -> ".join(path + [m])))
            elif m not in state:
                visit(m, path + [m])
        state[n] = 2

    for n in graph:
        if n not in state:
            visit(n, [n])

    if problems:
        raise RulebookError(problems)
    assumptions = (load_assumptions(read(src["assumptions"]), disp(src["assumptions"]), vocab, problems,
                                    register)
                   if src.get("assumptions") else [])
    checklists = (load_checklists(read(src["questions"]), disp(src["questions"]), vocab, problems)
                  if src.get("questions") else [])
    # every file read so far (manifests, vocabularies, data, rules) and the review rule set's files
    revision = rules_revision([*read_paths, *src["review_vocab"], *src["review_rules"]], base)
    if problems:
        raise RulebookError(problems)
    ranker = Ranker(offences, counting)  # the principal crime ranking and declared specificity
    reviews = None
    if src.get("review_rules"):
        # requests to transfer, cancel or reclassify a recorded crime: a rule set of their own
        review_vocab = merge_vocabularies([(read(f), disp(f)) for f in src["review_vocab"]], problems)
        review_parser = RuleParser(review_vocab, offences, problems, reported, register)
        review_rules: list[Rule] = []
        for path in src["review_rules"]:
            data = read(path)
            for node in (data.get("rules") or []) if isinstance(data, dict) else []:
                rule = review_parser.rule(node, disp(path))
                if rule:
                    review_rules.append(rule)
        ids = [r.id for r in review_rules]
        for r in review_rules:
            if ids.count(r.id) > 1 or r.id in seen:
                problems.append(Problem(r.file, r.line, r.id, "id", "duplicate rule id"))
            for o in r.overrides:
                if o not in ids:
                    problems.append(Problem(r.file, r.line, r.id, "overrides", f"overrides unknown rule {o!r}",
                                            suggest(o, ids)))
        if problems:
            raise RulebookError(problems)
        review_json = compile_ruleset(review_rules)
        reviews = Edition(f"{name}/reviews", str(manifest.get("title", name)), in_force, root, review_vocab,
                          offences, counting, review_rules, review_json, join_table(review_json), sources=register,
                          ranked_precedence=ranked_precedence(review_rules, ranker))
    edition = Edition(name, str(manifest.get("title", name)), in_force, root, vocab, offences, counting, rules,
                      in_force_until=in_force_until, extends=str(manifest.get("extends") or ""), reviews=reviews,
                      revision=revision, assumptions=assumptions, checklists=checklists, sources=register,
                      ranked_precedence=ranked_precedence(rules, ranker))
    warnings: list[Problem] = []
    problems = declared_problems(edition)  # the declared precedence entries against the rules (cheap)
    if problems:
        raise RulebookError(problems)
    if lint:  # the semantic checks, over the model only
        problems, warnings = run_lint(edition)
        if problems:
            raise RulebookError(problems)
    ruleset_json = compile_ruleset(rules)
    return dataclasses.replace(edition, ruleset_json=ruleset_json, ruleset_joins=join_table(ruleset_json),
                               warnings=warnings)


def rules_revision(paths: Iterable[Path], base: Path) -> str:
    """A digest of the files an edition was loaded from (path relative to the rules folder, and
    content): any change to a rule or data file of the edition changes it; a copy of the rules
    folder elsewhere has the same one."""
    h = hashlib.sha256()
    for p in sorted(set(paths)):
        try:
            rel = p.resolve().relative_to(base.resolve()).as_posix()
        except ValueError:
            rel = p.as_posix()
        h.update(rel.encode("utf-8") + b"\0")
        h.update(p.read_bytes() if p.exists() else b"")
        h.update(b"\0")
    return h.hexdigest()[:16]


def load_editions(rules_dir: Path, lint: bool = False) -> dict[str, Edition]:
    """Every edition folder under rules_dir (a folder holding edition.yaml), checked."""
    editions: dict[str, Edition] = {}
    problems: list[Problem] = []
    for manifest in sorted(rules_dir.glob("*/edition.yaml")):
        try:
            e = load_edition(manifest.parent, rules_dir, lint=lint)
            editions[e.name] = e
        except RulebookError as exc:
            problems.extend(exc.problems)
    if problems:
        raise RulebookError(problems)
    if not editions:
        raise RulebookError([Problem(str(rules_dir), 0, "", "", "no edition found (no */edition.yaml)")])
    return editions


def default_rules_dir() -> Path:
    env = os.environ.get("HOCR_RULES_DIR")
    if env:
        return Path(env)
    return Path(__file__).resolve().parent.parent.parent / "rules"
