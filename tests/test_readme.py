"""The README's examples do what it shows.

Every ```sh block of README.md whose command (a line naming `hocr`) is followed by expected output
- `# ...` comment lines under it, or, for a block of one command, the plain ``` block right after
it - is run from the repository root (the real CLI, `hocr` being .venv/bin/hocr) and its standard
output compared with what the README shows. `...` in the README stands for text it shortens (a
line of only `...` for any number of lines), as in doctest; decision ids, times of "now" and rule
revision digests are the only values normalised. The rule and scenario of "Writing a rule and its
scenario" are written into a copy of the rules and features layout and run with pytest-bdd.
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
NORMALISE = [
    (re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"), "<uuid>"),
    (re.compile(r'("decidedAt": ")[^"]+'), r"\1<now>"),
    (re.compile(r'("(?:rulesRevision|requestDigest)": ")[^"]+'), r"\1<digest>"),
]


@dataclass
class Example:
    line: int
    command: str
    expected: str


def blocks(text: str) -> list[tuple[int, str, str]]:
    """(line number, info string, body) of every fenced block."""
    out, lines, i = [], text.splitlines(), 0
    while i < len(lines):
        m = re.match(r"^```(\w*)\s*$", lines[i])
        if m:
            start, body = i + 1, []
            i += 1
            while i < len(lines) and not lines[i].startswith("```"):
                body.append(lines[i])
                i += 1
            out.append((start, m.group(1), "\n".join(body), i))
        i += 1
    return out


def _commands(body: str, start: int) -> list[tuple[int, str, list[str]]]:
    """(line, command, expected output) of a sh block: a command is a line with its continuation
    lines (a trailing backslash, an open quote) that runs `hocr`; its output the `# ` lines right under it, when the block ends or a blank
    line follows them (comment lines followed by a command head that command, they are not output)."""
    lines = body.splitlines() + [""]
    out: list[tuple[int, str, list[str]]] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        if line.startswith("#") or not line.strip():
            i += 1
            continue
        first, command = i, [line]
        while (command[-1].endswith(("\\", "|")) or "\n".join(command).count("'") % 2 == 1) and i + 1 < len(lines):
            i += 1
            command.append(lines[i])
        i += 1
        expected = []
        while i < len(lines) and lines[i].startswith("#"):
            expected.append(lines[i][2:] if lines[i].startswith("# ") else lines[i][1:])
            i += 1
        if expected and lines[i].strip():
            expected = []  # headings of the next command
        text = "\n".join(command)
        if re.search(r"(^|\|)\s*(\.venv/bin/)?hocr ", text, re.M):  # other tools' commands are not run
            out.append((start + first + 1, text, expected))
    return out


def examples() -> list[Example]:
    found = blocks(README.read_text(encoding="utf-8"))
    out = []
    for k, (start, info, body, end) in enumerate(found):
        if info != "sh":
            continue
        commands = _commands(body, start)
        out += [Example(n, c, "\n".join(e)) for n, c, e in commands if e]
        nxt = found[k + 1] if k + 1 < len(found) else None
        if len(commands) == 1 and not commands[0][2] and len(body.strip().splitlines()) == 1 \
                and nxt is not None and nxt[1] == "" and nxt[0] == end + 2:
            out.append(Example(commands[0][0], commands[0][1], nxt[2]))
    return out


def pattern(expected: str) -> re.Pattern:
    """The README's output as a regular expression: `...` any text within a line, a line of only
    `...` any lines; trailing spaces ignored."""
    parts = []
    for line in expected.rstrip("\n").splitlines():
        if line.strip() == "...":
            parts.append(r"(?:[^\n]*\n)*?")
            continue
        parts.append(r"[^\n]*?".join(re.escape(p) for p in line.rstrip().split("...")) + r"\n")
    return re.compile("".join(parts))


def normalise(text: str) -> str:
    lines = [line.rstrip() for line in text.splitlines()]
    text = "\n".join(lines) + "\n"
    for rx, sub in NORMALISE:
        text = rx.sub(sub, text)
    return text


EXAMPLES = examples()


def test_the_readme_has_examples_to_check():
    commands = [e.command for e in EXAMPLES]
    assert any("hocr decide" in c and "--format text" in c for c in commands), commands
    assert any("invalid-unknown-act" in c for c in commands) and any("hocr review" in c for c in commands)
    assert any("hocr decide -" in c and "for n in" in c for c in commands), commands  # the batch example


@pytest.mark.parametrize("example", EXAMPLES, ids=[f"README.md:{e.line}" for e in EXAMPLES])
def test_readme_example_prints_what_it_shows(example):
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}",
           "COLUMNS": "100"}
    env.pop("HOCR_RULES_DIR", None)
    r = subprocess.run(["bash", "-c", example.command], capture_output=True, text=True, cwd=ROOT, env=env,
                       timeout=120)
    got = normalise(r.stdout)
    assert pattern(normalise(example.expected)).fullmatch(got), (
        f"README.md line {example.line}: `{example.command}` printed (exit {r.returncode}):\n{got}\n"
        f"stderr: {r.stderr[-1500:]}\nthe README shows:\n{example.expected}")


def snippet(heading: str, info: str) -> str:
    text = README.read_text(encoding="utf-8")
    section = text.split(f"## {heading}", 1)[1].split("\n## ", 1)[0]
    (body,) = [b for _, i, b, _ in blocks(section) if i == info]
    return body + "\n"


def test_the_rule_and_scenario_of_writing_a_rule_run_as_written(tmp_path):
    """The README's rule replaces the rule of that id in a copy of rules/; its feature file, as
    written, runs as a new file beside the others in a copy of features/, with the shared steps."""
    rule = snippet("Writing a rule and its scenario", "yaml")
    feature = snippet("Writing a rule and its scenario", "gherkin")
    rule_id = re.search(r"- id: (\S+)", rule).group(1)
    assert feature.startswith("@edition-") and "\nFeature:" in feature  # a whole file, not a fragment
    shutil.copytree(ROOT / "rules", tmp_path / "rules")
    shutil.copytree(ROOT / "features", tmp_path / "features")
    shutil.copytree(ROOT / "tests", tmp_path / "tests", ignore=shutil.ignore_patterns("__pycache__", "record"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    (home,) = [p for p in (tmp_path / "rules").rglob("*.yaml") if f"- id: {rule_id}\n" in p.read_text(encoding="utf-8")]
    text = home.read_text(encoding="utf-8")
    start = text.index(f"  - id: {rule_id}\n")
    end = text.find("\n  - id: ", start + 1)
    end = len(text) if end < 0 else end + 1
    home.write_text(text[:start] + rule + ("\n" if end < len(text) else "") + text[end:], encoding="utf-8")
    target = tmp_path / "features" / home.relative_to(tmp_path / "rules").parent / "readme-example.feature"
    target.write_text(feature, encoding="utf-8")
    env = {**os.environ, "HOCR_FEATURES": str(target)}
    env.pop("HOCR_RULES_DIR", None)
    r = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests/test_features.py"],
                       capture_output=True, text=True, cwd=tmp_path, env=env, timeout=300)
    assert r.returncode == 0, r.stdout[-3000:] + r.stderr[-2000:]
    assert re.search(r"\b1 passed\b", r.stdout), r.stdout[-1500:]
