"""The fixture corpus may not lose accuracy: per-field minimums are pinned."""

import importlib.util
import json

from .conftest import ROOT

spec = importlib.util.spec_from_file_location("accuracy", ROOT / "bench" / "accuracy.py")
accuracy = importlib.util.module_from_spec(spec)
spec.loader.exec_module(accuracy)


def test_every_field_is_pinned():
    pins = json.loads(accuracy.PINS.read_text())
    assert set(pins) == set(accuracy.FIELDS)


def test_accuracy_is_not_below_the_pins():
    pins = json.loads(accuracy.PINS.read_text())
    assert accuracy.below_pins(accuracy.measure(), pins) == []


def test_a_drop_is_caught(tmp_path):
    scores = {"title": (9, 10)}
    assert accuracy.below_pins(scores, {"title": 0.95}) == ["title: 0.900 < pinned 0.950"]
