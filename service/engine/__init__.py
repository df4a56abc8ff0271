"""The durable-rules driver (driver.py: one reused session per edition, join checks, firings)
and an edition's run-time state kept apart from its data (runtime.py)."""
