"""Crime data integrity audit: decide what a force should have recorded from its own incident
records, compare it with what it did record, and report recording rates with 95% intervals in the
inspectorate's manner (see README, "Auditing a force's records").

Modules: records (input), match (expected vs recorded), stats (intervals, extrapolation),
sample (stratified sampling), run (orchestration on every core), report (HTML), synth (the
demonstration quarter), cli (the ``hocr audit`` commands), rpc (the ``Audit`` gRPC method).
"""
