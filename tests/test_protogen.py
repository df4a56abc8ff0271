"""The committed generated code is exactly what the generator makes from proto/."""
from service import protogen

from .conftest import ROOT


def test_generated_code_is_up_to_date(tmp_path):
    files = protogen.generate(tmp_path)
    committed = ROOT / "service" / "gen"
    assert files
    for f in files:
        rel = f.relative_to(tmp_path)
        assert (committed / rel).read_text(encoding="utf-8") == f.read_text(encoding="utf-8"), (
            f"service/gen/{rel} is stale: run `make proto`")
