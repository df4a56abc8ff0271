"""Tables as data: `rules/<edition>/data/<name>.yaml` and the rules that classify by looking up a row.

A table declares its key columns and its result columns, and lists rows, each with its citation:

    keys: [activity, drug]
    results: [class, code]
    rows:
      - {activity: <value>, drug: <value>, class: <class>, code: <code>, cite: <paragraph>}

A rule classifies by looking it up: ``classify: {table: drug-classes, key: [act.activity, act.drug]}``
(the key names, in the table's key order, the act attributes the key columns are matched on). The
rule stands for one rule per row its own conditions allow (a row whose key value the rule's own
condition on that attribute excludes is left out): rule ``<id>.<key values>`` adds ``act.<attribute>:
<row value>`` for each key to the rule's other conditions, classifies to the row's class and code, and
cites the row. The key values the rule fixes to one value are left out of the row's rule id (a rule
``a.b`` with ``activity: x`` and a row [x, y] gives ``a.b.y``); a row may name itself instead with an
`id` column.

Each row becomes an ordinary rule: equality tests on the act pattern, which durable-rules indexes
and evaluates correctly (no join, so no join beside an `$or`). Errors in a row (an unknown key value,
class or code) are reported at the row's line of the table file, under the row's rule id.

An edition that `extends` another inherits its tables; a table file of the same name in the later
edition replaces rows with the same key, adds new ones, and drops a row given with `remove: true`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Callable

from .yamlsrc import Located, where

ROW_META = ("cite", "remove", "id", "summary", "overrides")


@dataclass
class Row:
    key: tuple[str, ...]
    values: dict[str, Any]
    cite: Any  # the row's citation as written (a reference; the rule parser checks and renders it)
    node: Any  # the row's YAML mapping (file and line)
    id: str = ""  # the row's own name in rule ids, where its key values do not make a good one
    summary: str = ""  # the row's own plain sentence, where the rule's does not say enough
    overrides: tuple[str, ...] = ()  # rules this row's rule takes precedence over, besides the rule's own


@dataclass
class Table:
    name: str
    file: str
    keys: tuple[str, ...]
    results: tuple[str, ...]
    rows: dict[tuple[str, ...], Row] = field(default_factory=dict)
    line: int = 0


def is_table_file(path) -> bool:
    """Whether a data file is a table (it has a top-level `rows:`), without parsing it."""
    try:
        return any(line.startswith("rows:") for line in path.read_text(encoding="utf-8").splitlines())
    except OSError:
        return False


def load_table(name: str, data: Any, file: str, base: Table | None,
               problem: Callable[[Any, str, str, str, str], None]) -> Table | None:
    """Check a table file (or a later edition's changes to a base table of the same name).

    ``problem(node, row_id, field, message, hint)`` reports a mistake at the node's file and line.
    """
    if not isinstance(data, dict):
        problem(data, "", "table", "a table file is a mapping with `keys`, `results` and `rows`", "")
        return None
    for k in data:
        if k not in ("keys", "results", "rows", "title"):
            problem(data, "", str(k), f"unknown key {k!r} in a table file", _hint(str(k), ("keys", "results", "rows", "title")))
    keys = tuple(str(k) for k in (data.get("keys") or (base.keys if base else ())))
    results = tuple(str(k) for k in (data.get("results") or (base.results if base else ())))
    if base and (keys != base.keys or results != base.results):
        problem(data, "", "keys", f"a later edition's table {name!r} must keep the columns of the base "
                f"table (keys {list(base.keys)}, results {list(base.results)})", "")
        return None
    if not keys or not results:
        problem(data, "", "keys", "a table needs `keys` (its key columns) and `results` (its result columns)", "")
        return None
    if not isinstance(data.get("rows"), list) or not data["rows"]:
        problem(data, "", "rows", "a table needs a list of `rows`", "")
        return None
    table = Table(name, file, keys, results, dict(base.rows) if base else {}, where(data)[1])
    columns = set(keys) | set(results) | set(ROW_META)
    seen: dict[tuple[str, ...], Any] = {}
    cells: dict[tuple, Any] = {}  # every combination of single key values -> its row (no overlaps)
    for node in data["rows"]:
        if not isinstance(node, dict):
            problem(data, "", "rows[]", "each row is a mapping of column: value", "")
            continue
        key = tuple(_cell(node.get(k)) for k in keys)
        row_id = f"{name}[{', '.join(key)}]"
        missing = [k for k in keys if node.get(k) is None]
        if missing:
            problem(node, row_id, missing[0], f"row has no value for key column {missing[0]!r}", "")
            continue
        for col in node:
            if col not in columns:
                problem(node, row_id, str(col), f"unknown column {col!r} (key columns {', '.join(keys)}; "
                        f"result columns {', '.join(results)}; and {', '.join(ROW_META)})", _hint(str(col), columns))
        if any(isinstance(node[k], list) for k in keys) and not node.get("id") and not node.get("remove"):
            problem(node, row_id, "id", "a row whose key cell lists several values needs an `id`", "")
            continue
        clash = next((c for c in _cells(node, keys) if c in cells), None)
        if clash is not None:
            problem(node, row_id, "key", f"duplicate key [{', '.join(map(str, clash))}] (first row at line "
                    f"{where(cells[clash])[1]})", "")
            continue
        cells.update({c: node for c in _cells(node, keys)})
        seen[key] = node
        if node.get("remove") is True:
            if key not in table.rows:
                problem(node, row_id, "remove", "removes a row the base table does not have",
                        _hint(", ".join(key), [", ".join(k) for k in table.rows]))
            table.rows.pop(key, None)
            continue
        # a reference ({source, page, section}) as the rule parser checks it; free text is refused there
        cite = node.get("cite")
        if isinstance(cite, str):
            cite = " ".join(cite.split())
        if not cite:
            problem(node, row_id, "cite", "each row needs a citation of the paragraph it encodes", "")
            continue
        absent = [c for c in results if node.get(c) is None]
        if absent:
            problem(node, row_id, absent[0], f"row has no value for result column {absent[0]!r}", "")
            continue
        row_name = str(node.get("id") or "")
        if row_name and not re.fullmatch(r"[a-z0-9]+(?:[.-][a-z0-9]+)*", row_name):
            problem(node, row_id, "id", "a row id is lower-case words joined by '.' or '-'", "")
            continue
        over = node.get("overrides") or []
        table.rows[key] = Row(key, {c: node[c] for c in (*keys, *results)}, cite, node, row_name,
                              " ".join(str(node.get("summary") or "").split()),
                              tuple(str(o) for o in (over if isinstance(over, list) else [over])))
    return table


def _cell(value: Any) -> str:
    """A key cell as text: a value, or several values (any of them) joined by '|'."""
    if isinstance(value, list):
        return "|".join(str(v) for v in value)
    return "" if value is None else str(value)


def _cells(node: dict, keys: tuple[str, ...]) -> list[tuple]:
    combos: list[tuple] = [()]
    for k in keys:
        vals = node[k] if isinstance(node[k], list) else [node[k]]
        combos = [c + (v,) for c in combos for v in vals]
    return combos


def _hint(word: str, choices) -> str:
    import difflib

    m = difflib.get_close_matches(word, [str(c) for c in choices], n=1, cutoff=0.6)
    return m[0] if m else ""


def _relocate(value: Any, like: Any) -> Located:
    out = Located(value)
    out.file, out.line = where(like)
    return out


def _allows(cond: Any, value: Any) -> bool:
    """Whether a rule's own condition on a key attribute admits a row's value (every one of a
    cell's values)."""
    if isinstance(value, list):
        return all(_allows(cond, v) for v in value)
    if isinstance(cond, list):
        return value in cond
    if isinstance(cond, dict) and len(cond) == 1:
        (op, arg), = cond.items()
        if op == "not_in" and isinstance(arg, list):
            return value not in arg
        if op == "in" and isinstance(arg, list):
            return value in arg
        if op == "!=":
            return value != arg
        return True
    if cond is None:
        return False
    return cond == value


def _slug(value: Any) -> str:
    return str(value).replace("_", "-").lower()


def lookup_spec(node: Any) -> dict | None:
    """The `classify: {table, key}` of a rule node, or None."""
    then = node.get("then") if isinstance(node, dict) else None
    cls = then.get("classify") if isinstance(then, dict) else None
    return cls if isinstance(cls, dict) and "table" in cls else None


def expand(node: Any, tables: dict[str, Table], problem: Callable[[Any, str, str, str, str], None]) -> list[Any]:
    """A rule that classifies by a table look-up -> one rule node per row (see the module text).
    Any other rule is returned as it is. Each node carries `_row` = (table name, row key, file, line)."""
    spec = lookup_spec(node)
    if spec is None:
        return [node]
    rule_id = str(node.get("id") or "")
    then = node["then"]
    name = str(spec.get("table"))
    extra = set(spec) - {"table", "key"}
    if extra:
        problem(then, rule_id, "then.classify", f"a table look-up takes `table` and `key`, not {sorted(extra)}", "")
        return []
    table = tables.get(name)
    if table is None:
        problem(then, rule_id, "then.classify.table", f"unknown table {name!r}", _hint(name, tables))
        return []
    key = spec.get("key")
    key = key if isinstance(key, list) else [key]
    if len(key) != len(table.keys):
        problem(then, rule_id, "then.classify.key", f"table {name!r} has key columns {list(table.keys)}: "
                f"the look-up needs one act attribute for each", "")
        return []
    attrs = []
    for k in key:
        alias, _, attr = str(k).partition(".")
        if alias != "act" or not attr:
            problem(then, rule_id, "then.classify.key", f"a table key is an act attribute (act.<attribute>), not {k!r}", "")
            return []
        attrs.append(attr)
    if not {"class", "code"} <= set(table.results):
        problem(then, rule_id, "then.classify.table", f"table {name!r} has no `class` and `code` result columns", "")
        return []
    when = node.get("when") if isinstance(node.get("when"), dict) else {}
    act = when.get("act") if isinstance(when.get("act"), dict) else {}
    fixed = {a for a in attrs if a in act and not isinstance(act[a], (list, dict)) and act[a] is not None}
    out = []
    for row in table.rows.values():
        values = [row.values[c] for c in table.keys]
        if not all(_allows(act[a], v) for a, v in zip(attrs, values) if a in act):
            continue
        rule = _relocate(node, node)
        suffix = row.id or ".".join(_slug(v) for a, v in zip(attrs, values) if a not in fixed)
        rule["id"] = f"{rule_id}.{suffix}" if suffix else rule_id
        rule["cite"] = row.cite
        rule["summary"] = row.summary or (f"{' '.join(str(node.get('summary') or '').split())} "
                           f"(table {name} [{', '.join(str(v) for v in values)}]: {row.values['class']} "
                           f"{row.values['code']})")
        new_when = _relocate(when, when)
        new_act = _relocate(act, row.node)  # a key value not in the vocabulary is reported at the row
        for a, v in zip(attrs, values):
            new_act[a] = list(v) if isinstance(v, list) else v  # several values: any of them
        new_when["act"] = new_act
        rule["when"] = new_when
        new_then = _relocate(then, row.node)
        new_then["classify"] = {"class": row.values["class"], "code": row.values["code"]}
        rule["then"] = new_then
        if row.overrides:
            own = node.get("overrides") or []
            rule["overrides"] = [*(own if isinstance(own, list) else [own]), *row.overrides]
        rule["_row"] = (name, tuple(_cell(v) for v in values), *where(row.node))
        out.append(rule)
    if not out:
        problem(then, rule_id, "then.classify.table", f"no row of table {name!r} meets the rule's own conditions", "")
    return out
