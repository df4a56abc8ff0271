"""Start-up: the loaded editions kept on disk, so that a server starts without re-reading the rules.

Loading both editions from YAML (parsing, checking, compiling to the engine's JSON) takes about a
second of CPU; reading the same objects back from a pickle takes well under a tenth of that. The
copy on disk is keyed by a digest of everything the result depends on:

* every file under the rules folder (its path relative to the folder and its bytes), and the
  folder's own absolute path (editions remember where they were loaded from);
* the source of every module of the ``service`` package (a change to the loader or the compiler
  makes a new key), the Python version and the pickle protocol.

Any change gives a new key, so a stale copy is never read; the folder keeps the few most recent
copies. A copy is only read from a folder that belongs to this user and that nobody else can
write (a pickle can run code), and written atomically (several server processes start at once).
Anything that goes wrong (no home, read-only disk, a corrupt file) means loading from YAML as
before: the cache can make start-up faster, never different.

The question search's generated functions (service/decision/index.py) are kept the same way and
under the same key, with their sources, constants and compiled code (``marshal``, which cannot
run code as it loads; the code runs once it is made a function, so the same folder checks
apply): generating and compiling them costs about 0.8 s of CPU an edition, reading them back a few
milliseconds (``searches``). Each search's compiled code is also kept by its source
(``compiled-by-source.marshal``): after an edit to the rules, which gives the whole tree a new key,
only the act types whose search changed are compiled again (a start after an edit to one file took
1.8 s against 3.6 s).

``HOCR_EDITION_CACHE=0`` turns both off; ``HOCR_CACHE_DIR`` chooses the folder (default
``$XDG_CACHE_HOME/hocr`` or ``~/.cache/hocr``). The durable-rules rulesets are still compiled in
each process (the C engine's state cannot be saved), which is cheap.
"""
from __future__ import annotations

import hashlib
import logging
import marshal
import os
import pickle
import stat
import sys
import tempfile
from pathlib import Path
from types import CodeType
from typing import Callable

from .rules.load import load_editions as rules_load_editions

log = logging.getLogger(__name__)

KEEP = 8  # copies kept in the folder (a test suite loads many small rule folders)
PROTOCOL = 5
_PACKAGE = Path(__file__).resolve().parent


def enabled() -> bool:
    return os.environ.get("HOCR_EDITION_CACHE", "1").strip().lower() not in ("0", "no", "off", "false")


def cache_dir() -> Path:
    env = os.environ.get("HOCR_CACHE_DIR")
    if env:
        return Path(env)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "hocr"


_CODE_DIGEST: str | None = None


def _code_digest() -> str:
    """The service package's source (computed once per process)."""
    global _CODE_DIGEST
    if _CODE_DIGEST is None:
        h = hashlib.sha256()
        for p in sorted(_PACKAGE.rglob("*.py")):
            h.update(p.relative_to(_PACKAGE).as_posix().encode() + b"\0" + p.read_bytes() + b"\0")
        _CODE_DIGEST = h.hexdigest()
    return _CODE_DIGEST


def key(rules_dir: Path) -> str:
    root = rules_dir.resolve()
    h = hashlib.sha256()
    h.update(f"{sys.version_info[:3]}|{PROTOCOL}|{root}|{_code_digest()}\0".encode())
    for p in sorted(root.rglob("*")):
        if p.is_file() and "__pycache__" not in p.parts:
            h.update(p.relative_to(root).as_posix().encode() + b"\0" + p.read_bytes() + b"\0")
    return h.hexdigest()[:32]


def _private(path: Path) -> bool:
    """Ours, and nobody else may write it."""
    st = path.stat()
    return st.st_uid == os.getuid() and not st.st_mode & (stat.S_IWGRP | stat.S_IWOTH)


def _read(path: Path):
    if not path.exists() or not _private(path.parent) or not _private(path):
        return None
    with path.open("rb") as fh:
        return pickle.load(fh)


def _write(folder: Path, path: Path, value, dump=None) -> None:
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    if not _private(folder):
        return
    fd, tmp = tempfile.mkstemp(prefix=".tmp-", dir=folder)
    try:
        with os.fdopen(fd, "wb") as fh:
            if dump is None:
                pickle.dump(value, fh, protocol=PROTOCOL)
            else:
                dump(value, fh)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    kind = path.name.partition("-")[0]  # editions-*.pickle, searches-*.marshal: the newest KEEP of each
    old = sorted(folder.glob(f"{kind}-*"), key=lambda p: p.stat().st_mtime, reverse=True)[KEEP:]
    for p in old:
        p.unlink(missing_ok=True)


def load_editions(rules_dir: Path, load: Callable[[Path], dict] | None = None) -> dict:
    """The editions under rules_dir, from the copy on disk when there is a current one; otherwise
    loaded with `load` (service.rules.load.load_editions) and saved for the next start."""
    return load_keyed(rules_dir, load)[0]


def load_keyed(rules_dir: Path, load: Callable[[Path], dict] | None = None) -> tuple[dict, str | None]:
    """`load_editions`, and the key the editions were kept under (None: the cache is off, or the
    key could not be worked out), for `searches`."""
    load = load or rules_load_editions
    if not enabled():
        return load(rules_dir), None
    folder = cache_dir()
    k: str | None = None
    try:
        k = key(rules_dir)
        path: Path | None = folder / f"editions-{k}.pickle"
    except OSError as exc:  # an unreadable rules folder: the loader reports it
        log.debug("edition cache key not computed (%s)", type(exc).__name__)
        path = None
    if path is not None:
        try:
            cached = _read(path)
            if isinstance(cached, dict) and cached:
                return cached, k
        except Exception as exc:  # noqa: BLE001 - a bad copy means loading from YAML (and saving a good one)
            log.debug("edition cache not read (%s)", type(exc).__name__)
    editions = load(rules_dir)  # problems in the rules raise here, as without the cache
    if path is not None:
        try:
            # before any engine is compiled or anything built on first use: only loaded data is saved
            _write(folder, path, editions)
        except Exception as exc:  # noqa: BLE001
            log.debug("edition cache not written (%s)", type(exc).__name__)
    return editions, k


def _well_formed(got) -> bool:
    """Edition name -> act type (None: the unknown type) -> (source, constants, fallback, code)."""
    if not isinstance(got, dict):
        return False
    for types in got.values():
        if not isinstance(types, dict):
            return False
        for made in types.values():
            if not (isinstance(made, tuple) and len(made) == 4 and isinstance(made[0], str)
                    and isinstance(made[1], dict) and isinstance(made[2], bool) and isinstance(made[3], CodeType)):
                return False
    return True


# Every search compiled lately, by its source (`_source_key`): a rule author's edit makes a new key
# for the whole tree, but changes the searches of the act types it touches only, and the others'
# code is taken from here rather than compiled again (compiling all of them is most of a start
# from YAML). Bounded: the newest entries first, at most BY_SOURCE_ENTRIES.
BY_SOURCE = "compiled-by-source.marshal"
BY_SOURCE_ENTRIES = 400
_compile = compile  # the builtin (a test counts its calls)


def _source_key(source: str, filename: str) -> str:
    # what compile's result depends on: the source, the file name it gives the code, the Python
    # (its bytecode) and marshal's format
    text = f"{sys.version}\n{marshal.version}\n{filename}\n{source}"
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def _read_marshal(path: Path, what: str):
    """What a private copy written with marshal holds, else None (none, unsafe or unreadable)."""
    try:
        if path.exists() and _private(path.parent) and _private(path):
            return marshal.loads(path.read_bytes())
    except Exception as exc:  # noqa: BLE001 - a bad copy means making it again (and saving a good one)
        log.debug("%s not read (%s)", what, type(exc).__name__)
    return None


def _write_compiled(folder: Path, path: Path, new: dict, old: dict) -> None:
    """Keep `new` (source key -> code, this start's), then the rest of `old`, newest first,
    within the bound."""
    for k, v in old.items():
        if len(new) >= BY_SOURCE_ENTRIES:
            break
        new.setdefault(k, v)
    _write(folder, path, new, marshal.dump)


def searches(editions_key: str | None, make: Callable[[], dict], filename: str = "<question search>") -> dict:
    """Every edition's question searches (service/decision/index.py): edition name -> act type ->
    (source, constants, fallback, compiled code). `editions_key`: the key the editions they are
    made from were kept under (`load_keyed`); the searches are made from those editions by the
    service's code, so the same key means the same searches. Read from the copy on disk under that
    key when there is one; else made with `make()` (edition name -> act type -> (source,
    constants, fallback)), compiled here and saved for the next start (no key: made, not kept).
    Anything that goes wrong with the copy means making them, as without the cache."""
    used: dict[str, CodeType] = {}  # source key -> code, of the searches made here

    def make_all(compiled: dict | None = None) -> dict:
        def code(src: str) -> CodeType:
            key = _source_key(src, filename) if compiled is not None else None
            got = compiled.get(key) if compiled else None
            got = got if isinstance(got, CodeType) else _compile(src, filename, "exec")
            if key is not None:
                used[key] = got
            return got

        return {name: {t: (src, consts, fallback, code(src)) for t, (src, consts, fallback) in types.items()}
                for name, types in make().items()}

    if editions_key is None or not enabled():
        return make_all()
    folder = cache_dir()
    path = folder / f"searches-{editions_key}.marshal"
    got = _read_marshal(path, "search cache")
    if _well_formed(got):
        return got
    by_source = folder / BY_SOURCE
    compiled = _read_marshal(by_source, "compiled searches")
    compiled = compiled if isinstance(compiled, dict) else {}
    out = make_all(compiled)
    try:
        _write(folder, path, out, marshal.dump)  # ValueError for a constant marshal cannot write: not kept
        _write_compiled(folder, by_source, used, compiled)
        for old in folder.glob("code-*.marshal"):  # the copies of an earlier version, keyed by source: no longer read
            old.unlink(missing_ok=True)
    except Exception as exc:  # noqa: BLE001
        log.debug("search cache not written (%s)", type(exc).__name__)
    return out
