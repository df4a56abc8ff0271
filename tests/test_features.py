"""Runs every scenario under features/ with pytest-bdd (steps: tests/steps.py).

HOCR_FEATURES=path/to/one.feature (or a folder) runs only those: `make feature F=...`.
"""
import os
from pathlib import Path

from pytest_bdd import scenarios

scenarios(os.environ.get("HOCR_FEATURES") or str(Path(__file__).resolve().parent.parent / "features"))
