"""YAML loading that remembers where every mapping came from, so rule errors name file and line."""
from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

_Base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class Located(dict):
    """A YAML mapping that knows its source file and 1-based line."""

    file: str = "?"
    line: int = 0


class _Loader(_Base):  # type: ignore[misc, valid-type]
    pass


def _construct_mapping(loader: _Loader, node: yaml.MappingNode) -> Located:
    loader.flatten_mapping(node)
    out = Located()
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if key in out:
            raise yaml.constructor.ConstructorError(
                None, None, f"duplicate key {key!r}", key_node.start_mark)
        out[key] = loader.construct_object(value_node, deep=True)
    out.file = getattr(loader, "_hocr_file", "?")
    out.line = node.start_mark.line + 1
    return out


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def _no_dates(loader: _Loader, node: yaml.ScalarNode) -> str:
    # Keep dates as written ("2026-04-01"); the edition code parses the ones it needs.
    return loader.construct_scalar(node)


_Loader.add_constructor("tag:yaml.org,2002:timestamp", _no_dates)


class YamlError(Exception):
    def __init__(self, file: str, line: int, message: str):
        super().__init__(f"{file}:{line}: {message}")
        self.file, self.line, self.message = file, line, message


_CACHE: dict[tuple, Any] = {}


def load(path: Path, display: str | None = None) -> Any:
    """Parse a YAML file (cached while the file is unchanged: editions that extend another read
    the same files; callers must not modify what is returned)."""
    stat = path.stat()
    key = (str(path.resolve()), display, stat.st_mtime_ns, stat.st_size)
    if key not in _CACHE:
        _CACHE[key] = _load(path, display)
    return _CACHE[key]


def _load(path: Path, display: str | None = None) -> Any:
    return load_text(path.read_text(encoding="utf-8"), display or str(path))


def load_text(text: str, display: str = "?") -> Any:
    """What the rules loader reads in `text` (mappings Located under `display`; YamlError on a
    YAML error, a duplicate key included)."""
    loader = _Loader(text)
    loader._hocr_file = display
    try:
        return loader.get_single_data()
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        line = mark.line + 1 if mark else 0
        raise YamlError(display, line, str(getattr(exc, "problem", exc))) from None
    finally:
        loader.dispose()


def where(node: Any, default: tuple[str, int] = ("?", 0)) -> tuple[str, int]:
    if isinstance(node, Located):
        return node.file, node.line
    return default
