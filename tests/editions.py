"""The editions of rules/ for a test module, read from the on-disk edition cache.

Several test modules need the editions at import, and pytest-xdist makes every worker import every
module: loading them from YAML each time (parse, check, compile: about a second of CPU each) is
most of the suite's collection time. service/edition_cache.py gives the same editions from its copy
(tests/test_edition_cache.py proves a cached start decides as a start from YAML, and that a changed
rule file is loaded afresh), a fresh copy to each caller, so modules do not share run-time state;
without a current copy it loads from YAML and saves one."""
from __future__ import annotations

from pathlib import Path

from service import edition_cache
from service.rules.load import default_rules_dir


def rules_editions(rules_dir: Path | None = None) -> dict:
    return edition_cache.load_editions(Path(rules_dir or default_rules_dir()))
