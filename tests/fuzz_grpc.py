"""Fuzz the gRPC door: generated requests through a real channel; no INTERNAL, no UNKNOWN, no crash.

Used two ways:

* ``tests/test_fuzz.py`` sends a few thousand requests to an in-process server (part of `make test`);
* ``make fuzz`` (``python -m tests.fuzz_grpc --requests 100000``) starts `hocr serve` as a separate
  process, sends 100,000 requests, and prints the counts by status code and the server's RSS
  before and after (and over the undecodable-bytes phase alone).

Requests are drawn from a seeded generator: raw garbage bytes, valid requests with bytes flipped
or cut, invalid UTF-8 in string fields, wild field values (huge, negative, control characters,
oversize strings, timestamps outside protobuf's range and at the calendar limits, unknown and
duplicate ids, ids with ':'), incidents with many acts and persons, batches mixing all of these,
and review requests with arbitrary facts.
"""
from __future__ import annotations

import argparse
import collections
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import grpc
from google.rpc import code_pb2

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from service.gen.hocr.v1 import hocr_pb2 as pb  # noqa: E402
from tests.ports import free_port  # noqa: E402

METHODS = {name: f"/hocr.v1.DecisionService/{name}"
           for name in ("Decide", "DecideBatch", "DescribeVocabulary", "ReviewCrime")}
BAD = {grpc.StatusCode.INTERNAL, grpc.StatusCode.UNKNOWN}
TS_EXTREMES = [-2**63, -62135596801, -62135596800, -1, 0, 253402300799, 253402300800, 2**63 - 1,
               1780308000, 32503680000, 253402214400]  # ... 9999-12-31T00:00:00Z (report + 24 h overflows)
WORDS = ["use_of_force", "injury", "minor", "serious", "none", "victim", "third_party", "professional",
         "ex_partner", "partner", "parent", "stranger", "dwelling", "public_place", "phone_999", "online",
         "yes", "no", "true", "0", "-1", "99999999999999999999", "confirmation", "confirmed", "female",
         "male", "recording_necessary", "sexual_act", "taking", "entry", "damage", "threat", "V", "S", "a1",
         "C5", "cancel", "transfer", "reclassify", "action", "code", "crime_class", "crime_code", "8N",
         "008/06", "decided_by", "ddm", "fcr"]


def wild_string(rng: random.Random) -> str:
    r = rng.random()
    if r < 0.35:
        return rng.choice(WORDS)
    if r < 0.45:
        return ""
    if r < 0.55:
        return rng.choice(WORDS) + ":" + rng.choice(WORDS)
    if r < 0.65:
        return "".join(chr(rng.randrange(0, 0x2FFFF)) for _ in range(rng.randrange(1, 20))
                       ).encode("utf-8", "ignore").decode("utf-8", "ignore")
    if r < 0.72:
        return "x" * rng.choice([63, 64, 65, 199, 200, 201, 2000, 2001, 70_000])
    if r < 0.8:
        return " " + rng.choice(WORDS) + "\t"
    if r < 0.88:
        return "e\u0301" + rng.choice(WORDS)  # not NFC
    return "".join(rng.choice("abcAZ09_.:-/ \n\x00\x7f\u202e") for _ in range(rng.randrange(1, 12)))


def ts(msg, rng: random.Random) -> None:
    if rng.random() < 0.7:
        msg.seconds = 1780308000 + rng.randrange(-10**8, 10**8)  # around 2026
    else:
        msg.seconds = rng.choice(TS_EXTREMES)
    if rng.random() < 0.2:
        msg.nanos = rng.choice([-1, 0, 999_999_999, 1_000_000_000, -2**31, 2**31 - 1])


def baseline(iid: str = "F1") -> pb.Incident:
    inc = pb.Incident(
        id=iid, reporter=pb.Reporter(role="victim", person="V", channel="phone_999"),
        persons=[pb.Person(id="V", age=34, sex="female"), pb.Person(id="S", age=36, sex="male")],
        relationships=[pb.Relationship(a="S", b="V", kind="ex_partner")],
        acts=[pb.Act(id="a1", type="use_of_force", by=["S"], against="V", attributes={"injury": "minor"})])
    inc.reported_at.seconds = 1780308000
    return inc


def wild_incident(rng: random.Random, big: bool = False) -> pb.Incident:
    inc = baseline(wild_string(rng) if rng.random() < 0.3 else f"F{rng.randrange(10**6)}")
    n_persons = rng.choice([0, 1, 2, 3, 5]) if not big else rng.choice([20, 60, 101])
    persons = ["V", "S"] + [f"P{i}" for i in range(n_persons)]
    del inc.persons[:]
    for pid in persons[: 2 + n_persons]:
        p = inc.persons.add(id=pid if rng.random() > 0.05 else wild_string(rng))
        if rng.random() < 0.8:
            p.age = rng.choice([0, 5, 15, 16, 34, 130, 131, -1, 2**31 - 1, -2**31])
        if rng.random() < 0.5:
            p.sex = rng.choice(["female", "male", "other", "unknown", wild_string(rng)])
        for _ in range(rng.choice([0, 0, 1, 3])):
            p.attributes[wild_string(rng)] = wild_string(rng)
    if rng.random() < 0.3:
        for _ in range(rng.choice([1, 5, 50])):
            inc.relationships.add(a=rng.choice(persons), b=rng.choice(persons), kind=wild_string(rng))
    n_acts = rng.choice([0, 1, 1, 2, 3, 10]) if not big else rng.choice([50, 100, 101, 150])
    del inc.acts[:]
    for i in range(n_acts):
        a = inc.acts.add(id=f"a{i}" if rng.random() > 0.05 else rng.choice(["a0", "x:y", wild_string(rng)]),
                         type=rng.choice(["use_of_force", "use_of_force", wild_string(rng)]))
        for _ in range(rng.choice([0, 1, 1, 2, 25 if big else 3])):
            a.by.append(rng.choice(persons + [wild_string(rng)]))
        if rng.random() < 0.8:
            a.against = rng.choice(persons + [wild_string(rng)])
        if rng.random() < 0.1:
            ts(a.occurred_at, rng)
        for _ in range(rng.choice([0, 1, 2, 4, 70 if rng.random() < 0.05 else 1])):
            a.attributes[rng.choice(WORDS + [wild_string(rng)])] = wild_string(rng)
    if rng.random() < 0.3:
        for j in range(rng.choice([1, 2, 120 if big else 3])):
            e = inc.evidence.add(id=rng.choice(["e1", f"e{j}", "e:1", wild_string(rng)]),
                                 contradicts=rng.random() < 0.5, credible=rng.random() < 0.5,
                                 immediately_available=rng.random() < 0.5)
            for _ in range(rng.choice([0, 1, 2, 20])):
                e.acts.append(rng.choice([f"a{k}" for k in range(max(1, n_acts))] + [wild_string(rng)]))
            if rng.random() < 0.2:
                e.description = wild_string(rng)
    if rng.random() < 0.15:
        for _ in range(rng.choice([1, 3])):
            p = inc.prior_records.add(reference=wild_string(rng), victim=rng.choice(persons),
                                      classification=wild_string(rng))
            p.offenders.append(rng.choice(persons))
            ts(p.reported_at, rng)
    if rng.random() < 0.3:
        ts(inc.reported_at, rng)
    elif rng.random() < 0.05:
        inc.ClearField("reported_at")
    if rng.random() < 0.2:
        inc.reporter.role = wild_string(rng)
    if rng.random() < 0.1:
        inc.reporter.person = wild_string(rng)
    if rng.random() < 0.1:
        inc.location.place = wild_string(rng)
    if rng.random() < 0.15:
        inc.attributes[rng.choice(WORDS)] = wild_string(rng)
    return inc


INJURIES = ["none", "minor", "serious"]


def one_change(rng: random.Random) -> pb.Incident:
    """A valid incident (1 to 12 acts, up to 4 victims and 3 offenders) with at most one thing
    broken or pushed to its limit: the NIBRS validator's method."""
    inc = baseline(f"N{rng.randrange(10**6)}")
    del inc.persons[:], inc.acts[:], inc.relationships[:]
    victims = [f"V{i}" for i in range(rng.randrange(1, 5))]
    offenders = [f"S{i}" for i in range(rng.randrange(1, 4))]
    for pid in victims + offenders:
        inc.persons.add(id=pid, age=rng.choice([3, 12, 15, 16, 17, 34, 70]), sex=rng.choice(["female", "male"]))
    for _ in range(rng.randrange(0, 3)):
        inc.relationships.add(a=rng.choice(offenders), b=rng.choice(victims),
                              kind=rng.choice(["ex_partner", "partner", "parent", "stranger", "sibling"]))
    for i in range(rng.randrange(1, 13)):
        a = inc.acts.add(id=f"a{i}", type="use_of_force", by=rng.sample(offenders, rng.randrange(1, len(offenders) + 1)),
                         against=rng.choice(victims))
        if rng.random() < 0.9:
            a.attributes["injury"] = rng.choice(INJURIES)
        if rng.random() < 0.2:
            a.attributes[rng.choice(["intent_serious_harm", "strangulation_or_suffocation",
                                     "racially_or_religiously_aggravated"])] = rng.choice(["yes", "no"])
    if rng.random() < 0.3:
        inc.evidence.add(id="e1", acts=["a0"], credible=True, contradicts=rng.random() < 0.5,
                         immediately_available=True)
    inc.reporter.role = rng.choice(["victim", "third_party", "professional"])
    inc.reporter.person = victims[0] if inc.reporter.role == "victim" else ""
    act = inc.acts[rng.randrange(len(inc.acts))]
    change = rng.randrange(16)
    if change == 0:
        act.by.append(act.by[0])  # an offender listed twice
    elif change == 1:
        inc.evidence.add(id="e1", acts=[act.id, act.id])  # a link listed twice (and perhaps the id)
    elif change == 2:
        inc.persons.add(id=f"{act.id}:offender:{victims[0]}")  # fact ids that would collide
        act.id = f"{act.id}:x"
    elif change == 3:
        ts(inc.reported_at, rng)
    elif change == 4:
        ts(act.occurred_at, rng)
    elif change == 5:
        act.attributes[rng.choice(["injury", "intent_serious_harm", "occasions"])] = wild_string(rng)
    elif change == 6:
        act.against = act.by[0]
    elif change == 7:
        inc.persons[0].age = rng.choice([-1, 131, 2**31 - 1, -2**31])
    elif change == 8:
        inc.relationships.add(a=victims[0], b=victims[0], kind="partner")
    elif change == 9:
        for j in range(rng.choice([40, 100])):
            inc.acts.add(id=f"m{j}", type="use_of_force", by=[offenders[0]], against=victims[0],
                         attributes={"injury": "minor"})
    elif change == 10:
        inc.attributes[rng.choice(WORDS)] = wild_string(rng)
    elif change == 11:
        inc.id = wild_string(rng)
    elif change == 12:
        inc.persons[0].attributes[wild_string(rng)] = wild_string(rng)
    elif change == 13:
        act.type = rng.choice(WORDS)
    elif change == 14:
        inc.location.place = rng.choice(["dwelling", "public_place", "school", wild_string(rng)])
    return inc


def decide_request(rng: random.Random, big: bool = False) -> pb.DecideRequest:
    req = pb.DecideRequest()
    if not big and rng.random() < 0.5:
        req.incident.CopyFrom(one_change(rng))
    elif rng.random() > 0.03:
        req.incident.CopyFrom(wild_incident(rng, big))
    if rng.random() < 0.1:
        req.edition = rng.choice(["2026-27", "2022-23", "1999-00", wild_string(rng)])
    if rng.random() < 0.1:
        ts(req.as_of, rng)
    return req


def review_request(rng: random.Random) -> pb.ReviewCrimeRequest:
    req = pb.ReviewCrimeRequest(
        crime=pb.RecordedCrime(reference=rng.choice(["CR-1", wild_string(rng)]),
                               classification=rng.choice(["8N", "105A", wild_string(rng)]),
                               ho_code=rng.choice(["008/06", "105/01", wild_string(rng)]),
                               victim=rng.choice(["", "V", wild_string(rng)])),
        action=rng.choice(["transfer", "cancel", "reclassify", wild_string(rng)]),
        code=rng.choice(["", "C1", "C5", wild_string(rng)]))
    if rng.random() < 0.2:
        ts(req.crime.recorded_at, rng)
    for _ in range(rng.choice([0, 1, 3, 5])):
        req.facts[rng.choice(WORDS)] = rng.choice(WORDS + [wild_string(rng)])
    if rng.random() < 0.2:
        req.incident.CopyFrom(wild_incident(rng))
    if rng.random() < 0.1:
        req.edition = rng.choice(["2026-27", wild_string(rng)])
    return req


def invalid_utf8(data: bytes, rng: random.Random) -> bytes:
    """A valid message with one string field's bytes replaced by invalid UTF-8 (same length)."""
    if not data:
        return b"\x12\x01\xff"  # DecideRequest.edition = b"\xff"
    i = data.find(b"a1")
    if i < 0:
        i = rng.randrange(len(data))
    return data[:i] + b"\xff\xfe"[: max(0, min(2, len(data) - i))] + data[i + 2:]


def garbage(rng: random.Random) -> bytes:
    return rng.randbytes(rng.choice([1, 3, 10, 100, 1000, 5000]))


def one(rng: random.Random, kinds: tuple[str, ...] | None = None) -> tuple[str, str, bytes]:
    """(kind, method, request bytes)."""
    kind = rng.choice(kinds or ("garbage", "mutated", "utf8", "decide", "decide", "decide", "big", "batch",
                                "review", "vocabulary"))
    method = rng.choice(list(METHODS))
    if kind == "garbage":
        return kind, method, garbage(rng)
    if kind == "vocabulary":
        return kind, "DescribeVocabulary", pb.DescribeVocabularyRequest(
            edition=rng.choice(["", "2026-27", wild_string(rng)])).SerializeToString()
    if kind == "review":
        return kind, "ReviewCrime", review_request(rng).SerializeToString()
    if kind == "batch":
        reqs = [decide_request(rng) for _ in range(rng.choice([0, 1, 3, 10]))]
        return kind, "DecideBatch", pb.DecideBatchRequest(requests=reqs).SerializeToString()
    if kind == "big":
        return kind, "Decide", decide_request(rng, big=True).SerializeToString()
    data = decide_request(rng).SerializeToString()
    method = "Decide"
    if kind == "mutated" and data:
        data = bytearray(data)
        for _ in range(rng.choice([1, 2, 8])):
            data[rng.randrange(len(data))] = rng.randrange(256)
        if rng.random() < 0.3:
            data = data[: rng.randrange(len(data))]
        data = bytes(data)
        method = rng.choice(list(METHODS))
    elif kind == "utf8":
        data = invalid_utf8(data, rng)
    return kind, method, data


def batch_item_codes(data: bytes) -> list[int]:
    return [r.error.code for r in pb.DecideBatchResponse.FromString(data).results if r.HasField("error")]


def run(channel: grpc.Channel, n: int, seed: int = 12, kinds=None, timeout: float = 30.0,
        on_progress=None) -> collections.Counter:
    """Send n generated requests; count the status codes (and each batch item's error code)."""
    rng = random.Random(seed)
    calls = {name: channel.unary_unary(path, request_serializer=None, response_deserializer=None)
             for name, path in METHODS.items()}
    counts: collections.Counter = collections.Counter()
    for i in range(n):
        kind, method, data = one(rng, kinds)
        try:
            out = calls[method](data, timeout=timeout)
            counts["OK"] += 1
            if method == "DecideBatch":
                try:
                    for c in batch_item_codes(out):
                        counts[f"item:{code_pb2.Code.Name(c)}"] += 1
                except Exception:  # noqa: BLE001 - a reply to a mutated batch may be any message
                    pass
        except grpc.RpcError as err:
            counts[err.code().name] += 1
            if err.code() in BAD:
                counts[f"bad:{kind}:{method}"] += 1
        if on_progress and (i + 1) % 10_000 == 0:
            on_progress(i + 1, counts)
    return counts


def bad_count(counts: collections.Counter) -> int:
    return sum(v for k, v in counts.items() if k in ("INTERNAL", "UNKNOWN", "item:INTERNAL", "item:UNKNOWN"))


# ------------------------------------------------------------------------------- make fuzz


def _rss_kb(pid: int | None) -> int:
    if pid is None:
        return 0
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--requests", type=int, default=100_000)
    ap.add_argument("--undecodable", type=int, default=50_000, help="requests of the undecodable-bytes phase")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--target", help="fuzz a server already running at HOST:PORT (give --pid for its RSS)")
    ap.add_argument("--pid", type=int, default=None)
    args = ap.parse_args(argv)
    if args.target:
        server, target, pid = None, args.target, args.pid
    else:
        port = free_port()
        hocr = Path(sys.executable).with_name("hocr")
        server = subprocess.Popen([str(hocr), "serve", "--insecure", "--port", str(port), "--processes", "1",
                                   "--drain-seconds", "0"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        target = f"127.0.0.1:{port}"
        pid = server.pid  # `hocr serve --processes 1` serves in the process it started
    channel = grpc.insecure_channel(target, options=[("grpc.max_receive_message_length", 16 << 20)])
    grpc.channel_ready_future(channel).result(timeout=60)
    # warm up (first decisions allocate caches), then measure
    run(channel, 500, seed=999)
    rss0 = _rss_kb(pid)
    t0 = time.time()
    und = run(channel, args.undecodable, seed=args.seed, kinds=("garbage", "utf8"))
    rss1 = _rss_kb(pid)
    print(f"undecodable phase: {args.undecodable} requests in {time.time() - t0:.0f} s; "
          f"server RSS {rss0 / 1024:.1f} MB -> {rss1 / 1024:.1f} MB ({(rss1 - rss0) / 1024:+.1f} MB)")
    print("  " + ", ".join(f"{k} {v}" for k, v in sorted(und.items())))
    t0 = time.time()
    counts = run(channel, args.requests, seed=args.seed + 1,
                 on_progress=lambda i, c: print(f"  ... {i} requests, {bad_count(c)} INTERNAL/UNKNOWN, "
                                                f"server RSS {_rss_kb(pid) / 1024:.1f} MB", flush=True))
    rss2 = _rss_kb(pid)
    alive = (server.poll() is None) if server is not None else Path(f"/proc/{pid}").exists() if pid else True
    print(f"mixed phase: {args.requests} requests in {time.time() - t0:.0f} s; server RSS "
          f"{rss1 / 1024:.1f} MB -> {rss2 / 1024:.1f} MB; server {'alive' if alive else 'DEAD'}")
    for k, v in sorted(counts.items(), key=lambda kv: -kv[1]):
        print(f"  {k:28s} {v}")
    bad = bad_count(counts) + bad_count(und)
    print(f"INTERNAL/UNKNOWN: {bad}; crashes: {0 if alive else 1}")
    channel.close()
    if server is None:
        return 1 if bad or not alive else 0
    if alive:
        server.send_signal(signal.SIGTERM)
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
    if bad or not alive:
        err = server.stderr.read().decode("utf-8", "replace") if server.stderr else ""
        print(err[-4000:], file=sys.stderr)
    return 1 if bad or not alive else 0


if __name__ == "__main__":
    sys.exit(main())
