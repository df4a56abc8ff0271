"""The record: the decision log (SQLite, PostgreSQL), the supervision queue derived from it,
replay of logged incidents under changed rules, and the service's metrics and call log."""
from .log import LogUnavailable, RecordError, open_store
from .recorder import DecisionRecord
from .supervision import NoDecisionLog, UnknownDecision

__all__ = ["DecisionRecord", "LogUnavailable", "NoDecisionLog", "RecordError", "UnknownDecision", "open_store"]
