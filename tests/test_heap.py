"""Deciding makes no reference cycles, so a long-running process can freeze its heap and collect
rarely (service/heap.py): every object a decision makes is freed as soon as it is no longer used.

A cycle (a closure that calls itself, an object that refers to its owner) would not be a leak,
but each would wait for the collector, which service.heap.settle() makes rarer: the incidents of
the features, examples and generated sets are decided through the servicer (memo on and off, and
with refusals), and the collector must find nothing to free."""
from __future__ import annotations

import gc
import os
import subprocess
import sys
from pathlib import Path

import pytest

from service.api import DecisionService, InvalidIncident
from service.gen.hocr.v1 import hocr_pb2 as pb
from service.transport import pbjson
from service.transport.grpc_server import Servicer
from service.transport.memo import DecisionMemo

from .gen_incidents import example_incidents, feature_incidents, random_incidents
from .sampling import share

ROOT = Path(__file__).resolve().parent.parent
SERVICE = DecisionService()
EDITION = SERVICE.editions[max(SERVICE.editions)]


def _requests() -> list[pb.DecideRequest]:
    raws = share(feature_incidents(), 8) + example_incidents(EDITION) + random_incidents(EDITION, 60)
    out = []
    for raw in raws:
        msg, _bad = pbjson.parse(raw, pb.Incident)
        if msg is not None:
            out.append(pb.DecideRequest(incident=msg))
    bad = pb.DecideRequest()
    bad.incident.CopyFrom(out[0].incident)
    bad.incident.acts[0].type = "no_such_act_type"  # refused: the error path too
    return out + [bad, pb.DecideRequest()]


def _garbage_after(decide) -> list:
    gc.collect()
    was = gc.isenabled()
    gc.disable()
    gc.set_debug(gc.DEBUG_SAVEALL)
    try:
        decide()
        gc.collect()
        return list(gc.garbage)
    finally:
        gc.set_debug(0)
        gc.garbage.clear()
        if was:
            gc.enable()


@pytest.mark.parametrize("memo", [False, True], ids=["memo-off", "memo-on"])
def test_deciding_leaves_nothing_for_the_collector(memo):
    servicer = Servicer(SERVICE)
    if memo:
        servicer.memo = DecisionMemo(SERVICE.editions, SERVICE.rules_dir)
    else:
        servicer.memo = None
    reqs = _requests()

    def decide():
        for _ in range(2):  # the second time, kept shapes are reused
            for r in reqs:
                try:
                    servicer._decide(r).SerializeToString()
                except InvalidIncident:
                    pass
    for r in reqs[:5]:  # caches built on first use are not garbage
        servicer._decide(r)
    garbage = _garbage_after(decide)
    kinds = sorted({type(o).__qualname__ for o in garbage})
    assert not garbage, f"{len(garbage)} objects in reference cycles, of kinds {kinds[:12]}"


def test_a_cycle_would_be_seen():
    """The check above finds a cycle when deciding makes one (so it cannot pass vacuously)."""
    def decide():
        a: dict = {}
        a["self"] = a
    assert _garbage_after(decide)


def _settled(env: dict) -> subprocess.CompletedProcess:
    code = ("import gc; from service import heap; done = heap.settle(); "
            "print(done, gc.get_threshold(), gc.get_freeze_count() > 0)")
    return subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60,
                          env={**os.environ, **env})


def test_settle_freezes_and_sets_the_thresholds():
    got = _settled({"HOCR_GC": "", "HOCR_GC_THRESHOLD": ""})
    assert got.stdout.split("\n")[0] == "True (20000, 20, 20) True", got.stderr
    got = _settled({"HOCR_GC_THRESHOLD": "5000,7,9"})
    assert got.stdout.startswith("True (5000, 7, 9) True"), got.stderr


def test_settle_can_be_left_to_python():
    got = _settled({"HOCR_GC": "default"})
    assert got.stdout.startswith("False (700, 10, 10) False"), got.stderr


@pytest.mark.parametrize("text", ["lots", "1,2", "0,10,10"])
def test_a_bad_threshold_is_refused_with_what_is_wanted(text):
    got = _settled({"HOCR_GC_THRESHOLD": text})
    assert got.returncode == 1
    assert "HOCR_GC_THRESHOLD must be three whole numbers" in got.stderr and text in got.stderr


def _collections_while(make, monkeypatch, mode: str) -> tuple[int, bool]:
    """How many collections ran while `make()` did (HOCR_GC=`mode`), and whether the collector was
    on after it (it is on before)."""
    monkeypatch.setenv("HOCR_GC", mode)
    seen = []

    def note(phase, info):
        if phase == "start":
            seen.append(info["generation"])
    old = gc.get_threshold()
    gc.set_threshold(700, 10, 10)  # Python's own: a load makes tens of thousands of objects
    gc.collect()  # the counts from zero
    gc.callbacks.append(note)
    try:
        assert gc.isenabled()
        try:
            make()
        except Exception:  # noqa: BLE001 - a failed load must turn the collector back on too
            pass
        return len(seen), gc.isenabled()
    finally:
        gc.callbacks.remove(note)
        gc.set_threshold(*old)
        gc.enable()


def test_loading_the_editions_runs_no_collection_and_turns_the_collector_back_on(monkeypatch, tmp_path):
    """At most the one collection the first allocation after the load sets off (its count ran on
    while the collector was off), against the many of a load left to Python; on again after a
    load that fails, too."""
    ran, on = _collections_while(DecisionService, monkeypatch, "")
    assert ran <= 1 and on
    broken = tmp_path / "rules" / "2026-27"
    broken.mkdir(parents=True)
    (broken / "edition.yaml").write_text("name: [", encoding="utf-8")
    ran, on = _collections_while(lambda: DecisionService(broken.parent), monkeypatch, "")
    assert ran <= 1 and on
    ran, on = _collections_while(DecisionService, monkeypatch, "default")  # left to Python: it collects
    assert ran > 10 and on, ran


def test_a_collector_turned_off_stays_off(monkeypatch):
    monkeypatch.delenv("HOCR_GC", raising=False)
    gc.disable()
    try:
        DecisionService()
        assert not gc.isenabled()
    finally:
        gc.enable()
