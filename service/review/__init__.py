"""Requests to transfer, cancel or reclassify a recorded crime (crime.py)."""
