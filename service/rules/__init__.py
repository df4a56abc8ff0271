"""The rule format: an edition's YAML files become checked, immutable data, then a durable-rules ruleset.

The modules follow the flow, each importing only those before it:

* ``problems``  - a load-time mistake (file, line, rule, field, "did you mean") and the error that lists them;
* ``yamlsrc``   - YAML with the file and line of every mapping;
* ``model``     - the immutable data: vocabulary, offence table, tests, rules, one class per consequence
  kind, counting data, assumptions, checklists, an edition;
* ``citations``, ``tables``, ``counting`` - the register of sources, lookup tables and the counting
  file's entries (data forms with their own checks);
* ``parse``     - YAML -> model (one function per consequence kind);
* ``lint``      - semantic checks over the model only;
* ``compile``   - model -> durable-rules JSON (the join / ``$or`` splitting the engine needs);
* ``load``      - manifests, editions that extend others, merging, and the whole pipeline:
  files -> model -> checks -> compiled ruleset.

Nothing here imports the engine or any later stage of a decision: an edition's run-time state (engine
session, ranker, question cache) is ``service.engine.runtime.EditionRuntime``.
"""
