"""The contract with the callers: the incident models and their validation from proto and from
JSON (incident.py), and an edition's vocabulary as the apps see it (vocabulary.py)."""
