"""Runs every scenario under features/ with pytest-bdd (steps: tests/steps.py)."""
from pathlib import Path

from pytest_bdd import scenarios

scenarios(str(Path(__file__).resolve().parent.parent / "features"))
