"""Transports: the doors through which callers reach the decision service (gRPC here)."""
