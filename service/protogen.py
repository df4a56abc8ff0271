"""Regenerate the Python code for the gRPC contract in proto/.

The generated modules are committed under service/gen/ so that installing the service needs no
code generator; tests/test_protogen.py regenerates into a temporary folder and checks that the
committed files are identical.  Run: ``python -m service.protogen`` (or ``make proto``).
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PROTO_DIR = ROOT / "proto"
PROTO_FILES = ["hocr/v1/hocr.proto"]
GEN_PACKAGE = "service.gen"


def _include_dirs() -> list[str]:
    import grpc_tools
    from google.rpc import status_pb2  # googleapis-common-protos, pulled in by grpcio-status

    tools_include = Path(grpc_tools.__file__).parent / "_proto"
    # google/rpc/status.proto is shipped beside status_pb2.py (a namespace package has no __file__)
    common = Path(status_pb2.__file__).parent.parent.parent
    return [str(PROTO_DIR), str(tools_include), str(common)]


def generate(out_dir: Path) -> list[Path]:
    """Generate *_pb2.py, *_pb2.pyi and *_pb2_grpc.py into out_dir; return the files written."""
    from grpc_tools import protoc

    out_dir.mkdir(parents=True, exist_ok=True)
    args = ["grpc_tools.protoc"]
    args += [f"-I{d}" for d in _include_dirs()]
    args += [f"--python_out={out_dir}", f"--pyi_out={out_dir}", f"--grpc_python_out={out_dir}"]
    args += PROTO_FILES
    rc = protoc.main(args)
    if rc != 0:
        raise RuntimeError(f"protoc failed with exit code {rc}")
    written = []
    for path in sorted(out_dir.rglob("*.py*")):
        if path.suffix not in (".py", ".pyi"):
            continue
        text = path.read_text(encoding="utf-8")
        # protoc emits absolute imports of the proto package; make them package-relative to us.
        text = re.sub(r"^from hocr\.v1 import", f"from {GEN_PACKAGE}.hocr.v1 import", text, flags=re.M)
        path.write_text(text, encoding="utf-8")
        written.append(path)
    for pkg in {p.parent for p in written} | {out_dir / "hocr"}:
        init = pkg / "__init__.py"
        if not init.exists():
            init.write_text("", encoding="utf-8")
            written.append(init)
    return written


def main() -> int:
    out = ROOT / "service" / "gen"
    files = generate(out)
    for f in files:
        print(f.relative_to(ROOT))
    return 0


if __name__ == "__main__":
    sys.exit(main())
