"""`hocr decide`: one incident, a JSON array of them or a JSON Lines file, in the protobuf JSON
mapping of hocr.v1 (as grpcurl, buf curl and the HTTP door read and write it).

Each item is a DecideRequest (``{"incident": ..., "asOf": ...}``) or a bare Incident, read by the
HTTP door's own functions (service/transport/pbjson.py: every violation at once, both field-name
styles) and decided by the gRPC servicer's own method (service/transport/ops.py), so the CLI, the
HTTP door and gRPC give the same decision for the same payload. Many items are decided in worker
processes (each with its own DecisionService and engine), a chunk at a time, in input order.
"""
from __future__ import annotations

import argparse
import itertools
import json
import multiprocessing as mp
import os
import sys
from collections import deque
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator

from google.protobuf import json_format
from tqdm import tqdm

from .. import heap
from ..api import DecisionService
from ..explain import explain_decision
from ..gen.hocr.v1 import hocr_pb2 as pb
from ..rules.problems import RulebookError
from . import pbjson
from .grpc_server import Servicer
from .ops import CallError, Operations
from .wire import bad_request

CHUNK = 64  # items a worker takes at once: large enough to hide the hand-over, small enough to spread

EXIT_CODES = """exit codes:
  0  every incident was decided
  2  bad usage, or the input could not be read as JSON at all
  3  one or more incidents were refused (INVALID_ARGUMENT, FAILED_PRECONDITION ...): each has
     its error document (a google.rpc.Status as JSON) in the output, in its place, and a line on
     standard error; the others were decided
  4  the rules could not be loaded (e.g. HOCR_RULES_DIR)"""

INPUT_HELP = """input: one JSON object (an Incident or a DecideRequest, as grpcurl sends it; `snake_case` or
`lowerCamelCase` names), a JSON array of them, or JSON Lines (one per line). Output: for one
object, the Decision as one JSON document (as POST /v1/decide answers); otherwise JSON Lines, one
line per item in input order: the Decision, or {"line"|"index": N, "incidentId": ..., "error":
STATUS} for an item that was refused or could not be read (line: from 1 in the file; index: from 0
in the array)."""


@dataclass(frozen=True)
class Options:
    edition: str | None = None
    as_of: Any = None  # datetime, applied to every request
    rules_dir: Any = None


@dataclass
class Input:
    kind: str  # "object", "array" or "lines"
    items: list[tuple[int, Any]]  # (line number or array index, parsed JSON or the raw line text)


class Unreadable(ValueError):
    pass


def read_input(text: str) -> Input:
    """Tell one object, an array and JSON Lines apart (raise Unreadable if it is none of them)."""
    stripped = text.strip()
    if not stripped:
        raise Unreadable("the input is empty")
    try:
        data = json.loads(stripped)
    except ValueError as exc:
        data, whole_error = None, exc
    else:
        whole_error = None
    if whole_error is None:
        if isinstance(data, list):
            return Input("array", list(enumerate(data)))
        return Input("object", [(1, data)])
    lines = [(n, line) for n, line in enumerate(text.splitlines(), 1) if line.strip()]
    # JSON Lines when the whole is not one document but some line is a JSON object on its own
    if len(lines) > 1 and any(_object_line(line) for _, line in lines[:50]):
        return Input("lines", lines)
    raise Unreadable(f"not JSON, a JSON array or JSON Lines (line {whole_error.lineno}, "
                     f"column {whole_error.colno}: {whole_error.msg})")


def _object_line(line: str) -> bool:
    try:
        return isinstance(json.loads(line), dict)
    except ValueError:
        return False


# ------------------------------------------------------------------------------ deciding

class Decider:
    """Decide one item as the HTTP door's /v1/decide does: the same reading, the same servicer method."""

    def __init__(self, opts: Options):

        self.opts = opts
        self.service = DecisionService(opts.rules_dir)
        self.ops = Operations(Servicer(self.service))

    def request(self, data: Any):

        if isinstance(data, str):
            try:
                data = json.loads(data)
            except ValueError as exc:
                problem = f"not valid JSON (column {exc.colno}: {exc.msg})"
                return None, bad_request([("body", problem)], f"invalid request: body: {problem}")
        if not isinstance(data, dict):
            return None, bad_request([("body", "must be a JSON object")], "invalid request: body: must be a JSON object")
        req, violations = pbjson.parse(pbjson.decide_request_data(data), pb.DecideRequest)
        if violations:
            return None, bad_request(violations, pbjson.summary(violations))
        if self.opts.edition:
            req.edition = self.opts.edition
        if self.opts.as_of is not None:
            req.as_of.FromDatetime(self.opts.as_of)
        return req, None

    def decide(self, data: Any):
        """(Decision message, None) or (None, google.rpc.Status)."""

        req, status = self.request(data)
        if status is not None:
            return None, status
        try:
            return self.ops.decide(req), None
        except CallError as exc:
            return None, exc.status


def _incident_id(data: Any) -> str:
    if isinstance(data, str):
        try:
            data = json.loads(data)
        except ValueError:
            return ""
    if isinstance(data, dict):
        inc = data.get("incident", data)
        if isinstance(inc, dict) and isinstance(inc.get("id"), str):
            return inc["id"][:128]
    return ""


def decide_items(decider: Decider, kind: str, items: list[tuple[int, Any]], fmt: str) -> list[tuple[str, str | None]]:
    """Each item's output line (JSON or text) and, for a refused one, the line for standard error."""

    out = []
    where = "index" if kind == "array" else "line"
    for n, data in items:
        decision, status = decider.decide(data)
        if decision is not None:
            out.append((format_text(decision) if fmt == "text" else pbjson.to_json(decision), None))
            continue
        err = pbjson.status_dict(status)
        head = {where: n}
        iid = _incident_id(data)
        if iid:
            head["incidentId"] = iid
        note = f"{where} {n}" + (f" ({iid})" if iid else "") + f": {err['status']}: {status.message}"
        if fmt == "text":
            out.append((f"{where} {n}: REFUSED {err['status']}: {status.message}", note))
        else:
            out.append((json.dumps({**head, "error": err}, ensure_ascii=False), note))
    return out


_WORKER: Decider | None = None
_WORKER_ERROR: list[str] = []  # why this worker could not start (a pool restarts a worker whose start fails)


class WorkerError(Exception):
    pass


def _init_worker(opts: Options) -> None:
    global _WORKER

    try:
        _WORKER = Decider(opts)
        heap.settle()  # the rules loaded: freeze them for the collector (service/heap.py)
    except (RulebookError, OSError) as exc:  # e.g. a bad HOCR_RULES_DIR: say so in the parent, once
        _WORKER_ERROR.append(str(exc))


def _work(job: tuple[str, list[tuple[int, Any]], str]) -> list[tuple[str, str | None]]:
    if _WORKER is None:
        raise WorkerError(_WORKER_ERROR[0] if _WORKER_ERROR else "the worker did not start")
    kind, items, fmt = job
    return decide_items(_WORKER, kind, items, fmt)


def run_chunks(opts: Options, kind: str, items: list[tuple[int, Any]], fmt: str, processes: int,
               decider: Decider | None = None) -> Iterator[tuple[int, list[tuple[str, str | None]]]]:
    """(items done, their outputs) a chunk at a time, in input order; processes=1 stays here."""
    chunks = [items[i:i + CHUNK] for i in range(0, len(items), CHUNK)]
    processes = max(1, min(processes, len(chunks)))
    if processes == 1:
        decider = decider or Decider(opts)
        heap.settle()
        for chunk in chunks:
            yield len(chunk), decide_items(decider, kind, chunk, fmt)
        return
    ctx = mp.get_context("fork") if "fork" in mp.get_all_start_methods() else mp.get_context()
    # At most two chunks per worker in flight, and the pool closed and joined (never terminated)
    # however the run ends: terminating a pool whose task thread is blocked writing to a worker
    # that has just been killed can hang for ever (the reader of `hocr decide | head -1` going away
    # did, now and then). Closed, the workers finish the few chunks sent and exit.
    pool = ctx.Pool(processes, initializer=_init_worker, initargs=(opts,))
    try:
        pending: deque = deque()
        feed = iter(chunks)
        for chunk in itertools.islice(feed, 2 * processes):
            pending.append((chunk, pool.apply_async(_work, ((kind, chunk, fmt),))))
        while pending:
            chunk, result = pending.popleft()
            out = result.get()
            nxt = next(feed, None)
            if nxt is not None:
                pending.append((nxt, pool.apply_async(_work, ((kind, nxt, fmt),))))
            yield len(chunk), out
    finally:
        pool.close()
        pool.join()


# ------------------------------------------------------------------------------ text

def snake(decision) -> dict:
    """A Decision message as the snake_case dict the text summary and --explain read (enum names
    without their prefix, lower case, as the rules name them)."""

    d = json_format.MessageToDict(decision, preserving_proto_field_name=True,
                                  always_print_fields_with_no_presence=True)
    d["outcome"] = d["outcome"].removeprefix("OUTCOME_").lower()
    for a in d["acts"]:
        a["status"] = a["status"].removeprefix("ACT_STATUS_").lower()
    return d


def format_text(decision) -> str:
    d = snake(decision)
    lines = [f"Incident {d['incident_id']}: {d['outcome'].replace('_', ' ').upper()}  (edition {d['edition']})",
             f"Record by {d['record_by']}" + ("  ** DEADLINE PASSED **" if d["deadline_passed"] else "")]
    for c in d["crimes"]:
        flags = ", ".join(f["name"] + (f"={f['value']}" if f["value"] else "") for f in c["flags"])
        lines.append(f"  CRIME {c['id']}: {c['classification']} {c['ho_code']} {c['title']} - {c['offence_title']}")
        lines.append(f"    victim {c['victim'] or '-'}; offender(s) {', '.join(c['offenders']) or '-'}; "
                     f"acts {', '.join(c['acts'])}" + (f"; flags {flags}" if flags else ""))
        lines.append(f"    rules: {', '.join(c['rule_ids'])}")
        if c["provisional"]:
            lines.append(f"    provisional: could be changed by {len(c['refined_by'])} open answer(s)")
    for a in d["assumptions"]:
        lines.append(f"  assumed ({a['act']}): {a['text']}  ({a['field']}; {a['citation']})")
    for n in d["negations"]:
        record = f" -> {n['incident_class']} {n['incident_code']} {n['incident_title']}" if n["incident_code"] else ""
        if n["transfer_to"]:
            record += f" -> transfer to {n['transfer_to']}"
        lines.append(f"  NOT RECORDED act {n['act']} [{n['reason_code']}] ({n['citation']}){record}")
        lines.append(f"    {n['sentence']}")
    if d["questions"]:
        lines.append("  Questions still open:")
        for q in d["questions"]:
            allowed = f" [{' / '.join(q['allowed'])}]" if q["allowed"] else ""
            lines.append(f"    - {q['text']}{allowed}  ({q['field']})")
            for i in q["items"]:
                allowed = f" [{' / '.join(i['allowed'])}]" if i["allowed"] else ""
                lines.append(f"        * {i['text']}{allowed}  ({i['field']})")
    for n in d["notes"]:
        lines.append(f"  note ({n['rule_id']}): {n['text']}")
    return "\n".join(lines)


# ------------------------------------------------------------------------------ the command

def cores() -> int:
    """The cores this process may run on (the default of `--processes`, here and in `hocr serve`)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count() or 1


def cmd_decide(args) -> int:


    try:
        text = sys.stdin.read() if args.file == "-" else Path(args.file).read_text(encoding="utf-8")
        inp = read_input(text)
    except (OSError, UnicodeDecodeError, Unreadable) as exc:
        print(f"hocr decide: cannot read {args.file}: {exc}", file=sys.stderr)
        return 2
    opts = Options(edition=args.edition, as_of=args.as_of, rules_dir=args.rules_dir)
    if inp.kind == "object":
        decider = Decider(opts)
        decision, status = decider.decide(inp.items[0][1])
        if status is not None:
            err = pbjson.status_dict(status)
            print(f"hocr decide: {err['status']}: {status.message}", file=sys.stderr)
            print(json.dumps(err, indent=2, ensure_ascii=False))
            return 3
        print(format_text(decision) if args.format == "text" else pbjson.to_json(decision, indent=2))
        if args.explain:

            d = snake(decision)
            print(explain_decision(d, decider.service.editions[d["edition"]]),
                  file=sys.stderr if args.format == "json" else sys.stdout)
        return 0
    if args.explain:
        print("hocr decide: --explain explains one incident; give a file with one", file=sys.stderr)
        return 2
    total = len(inp.items)
    show = args.progress if args.progress is not None else sys.stderr.isatty()

    try:
        return _run_batch(args, opts, inp, total, show, tqdm)
    except WorkerError as exc:
        print(f"hocr: the rules could not be loaded:\n{exc}", file=sys.stderr)
        return 4


def _run_batch(args, opts: Options, inp: Input, total: int, show: bool, tqdm) -> int:
    refused, told = 0, 0

    chunks = run_chunks(opts, inp.kind, inp.items, args.format, args.processes or cores())
    with tqdm(total=total, unit="incident", desc="decide", file=sys.stderr, disable=not show or total < 2,
              mininterval=0.25) as bar, closing(chunks):  # closing: the workers stop with us (a closed pipe ...)
        for done, results in chunks:
            for line, note in results:
                print(line)
                if args.format == "text":
                    print()
                if note is not None:
                    refused += 1
                    if told < 20:
                        told += 1
                        bar.write(f"hocr decide: {note}", file=sys.stderr)
            bar.update(done)
    sys.stdout.flush()
    if refused:
        more = f" ({refused - told} not listed above)" if refused > told else ""
        print(f"hocr decide: {refused} of {total} refused{more}; {total - refused} decided", file=sys.stderr)
        return 3
    return 0


def add_parser(sub, time_type, positive_int) -> None:

    p = sub.add_parser("decide", help="decide incidents (one JSON object, a JSON array or JSON Lines) and print "
                       "the decisions", description=INPUT_HELP, epilog=EXIT_CODES,
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("file", help="incident file (JSON object, JSON array or JSON Lines), or - for standard input")
    p.add_argument("--format", choices=("json", "text"), default="json",
                   help="json: the protobuf JSON mapping of hocr.v1.Decision (default); text: a summary")
    p.add_argument("--edition", default=None, metavar="E",
                   help="decide under this edition (default: in force on the report date)")
    p.add_argument("--as-of", type=time_type, default=None, metavar="TIME",
                   help="judge the deadline at this time, e.g. 2026-06-01T12:00:00Z (default: now)")
    p.add_argument("--explain", action="store_true",
                   help="also say which rules fired on which facts, which were overridden, and what each cites")
    p.add_argument("--processes", type=positive_int, default=None, metavar="N",
                   help="decide a batch in N worker processes, each with its own engine (default: the number of cores)")
    p.add_argument("--progress", action=argparse.BooleanOptionalAction, default=None,
                   help="a progress bar on standard error for more than one incident (default: when it is a terminal)")
    p.set_defaults(func=cmd_decide)
