"""The rule format's model (service/rules/model.py) and an edition's runtime (service/engine/runtime.py):
immutable data, one class per consequence kind, and run-time state kept apart from the data."""
from __future__ import annotations

import dataclasses
import gc

import pytest

from service.decision import counting, questions
from service.engine.runtime import _RUNTIMES, engine_of, runtime_of
from service.rules.load import default_rules_dir, load_edition
from service.rules.model import CONSEQUENCE_CLASSES, CONSEQUENCES, Classify, Negate
from service.rules.parse import CONSEQUENCE_PARSERS

from .editions import rules_editions

EDITIONS = rules_editions(default_rules_dir())


def test_every_consequence_is_an_instance_of_the_class_of_its_kind():
    assert tuple(CONSEQUENCE_CLASSES) == tuple(CONSEQUENCE_PARSERS) == CONSEQUENCES
    seen = set()
    for e in EDITIONS.values():
        for book in (e, e.reviews):
            for r in book.rules if book else ():
                for c in r.consequences:
                    assert type(c) is CONSEQUENCE_CLASSES[c.kind], (r.id, c)
                    seen.add(c.kind)
    assert seen == set(CONSEQUENCES)  # every kind is written by some rule of the editions


def test_a_consequence_is_read_by_its_fields_or_unpacked():
    e = EDITIONS["2026-27"]
    cls = next(r.consequence("classify") for r in e.rules if r.consequence("classify"))
    assert isinstance(cls, Classify) and (cls.cls, cls.code) == tuple(cls)
    neg = next(r.consequence("negate") for r in e.rules
               if r.consequence("negate") and r.consequence("negate").disposition == "notifiable_incident")
    assert isinstance(neg, Negate) and neg.incident.cls and neg.incident.title and neg.say


def test_the_loaded_data_cannot_be_changed():
    e = EDITIONS["2026-27"]
    with pytest.raises(dataclasses.FrozenInstanceError):
        e.name = "other"  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        e.rules[0].overrides = ()  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        e.vocab.sexes = ()  # type: ignore[misc]


def test_an_editions_runtime_is_kept_apart_and_goes_with_it():
    edition = load_edition(default_rules_dir() / "2026-27", default_rules_dir())
    rt = runtime_of(edition)
    assert runtime_of(edition) is rt and runtime_of(EDITIONS["2026-27"]) is not rt
    assert counting.ranker_for(edition) is rt.ranker is counting.ranker_for(edition)
    assert questions.cache_of(edition) is rt.question_cache
    assert engine_of(edition) is rt.engine
    assert not any(f.name in ("ranker", "_engine") for f in dataclasses.fields(edition))
    before = len(_RUNTIMES)
    del edition, rt
    gc.collect()
    assert len(_RUNTIMES) == before - 1  # the runtime holds nothing that keeps its edition alive
