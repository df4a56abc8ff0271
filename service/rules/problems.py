"""A mistake found while loading an edition, and the error that lists every one found."""
from __future__ import annotations

import difflib
from dataclasses import dataclass
from typing import Iterable


@dataclass(frozen=True)
class Problem:
    file: str
    line: int
    rule_id: str
    field: str
    message: str
    suggestion: str = ""

    def __str__(self) -> str:
        where_ = f"{self.file}:{self.line}"
        who = f" rule {self.rule_id}" if self.rule_id else ""
        fld = f" [{self.field}]" if self.field else ""
        hint = f" (did you mean {self.suggestion!r}?)" if self.suggestion else ""
        return f"{where_}:{who}{fld} {self.message}{hint}"


class RulebookError(Exception):
    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


def suggest(word: str, choices: Iterable[str]) -> str:
    match = difflib.get_close_matches(str(word), [str(c) for c in choices], n=1, cutoff=0.6)
    return match[0] if match else ""
