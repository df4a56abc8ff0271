# PYTHON_ARGCOMPLETE_OK
"""`python -m service.cli`: the `hocr` command, kept at this path (the CLI is service/transport/cli.py)."""
from .transport.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
