"""`buf breaking` in make test (tools/buf/breaking.sh): the working tree's contract against the
previous commit's. In a throwaway git repository holding a copy of the contract: a renumbered field
fails it, a new message passes; a shallow clone without the previous commit says so and compares
with HEAD (so a breaking edit in its working tree still fails)."""
from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BUF = ROOT / "tools" / "buf" / "node_modules" / ".bin" / "buf"
SCRIPT = ROOT / "tools" / "buf" / "breaking.sh"
PROTO = Path("proto/hocr/v1/hocr.proto")
FIELD = "  string edition = 2;\n  // The time against which"  # DecideRequest.edition


def _git(cwd: Path, *args: str) -> str:
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org"}
    return subprocess.run(["git", *args], cwd=cwd, env=env, check=True, capture_output=True, text=True).stdout


def _breaking(cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run(["sh", str(SCRIPT)], cwd=cwd, env={**os.environ, "BUF": str(BUF)},
                          capture_output=True, text=True, timeout=120)


def _edit(repo: Path, old: str, new: str) -> None:
    path = repo / PROTO
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1
    path.write_text(text.replace(old, new), encoding="utf-8")


@pytest.fixture
def repo(tmp_path):
    if not BUF.exists():
        pytest.fail("buf is needed: `make test` installs it (tools/buf, npm ci)")
    repo = tmp_path / "contract"
    repo.mkdir()
    for name in ("proto", "third_party"):
        shutil.copytree(ROOT / name, repo / name)
    shutil.copy(ROOT / "buf.yaml", repo / "buf.yaml")
    _git(repo, "init", "-q")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-qm", "the contract")
    return repo


def test_a_renumbered_field_fails_and_a_new_message_passes(repo):
    _edit(repo, "message DecideResponse {", "message SomethingNew {\n  string x = 1;\n}\n\nmessage DecideResponse {")
    _git(repo, "commit", "-qam", "a new message")
    ok = _breaking(repo)
    assert ok.returncode == 0, ok.stdout + ok.stderr
    assert "against" in ok.stderr and "(HEAD~1)" in ok.stderr
    _edit(repo, FIELD, FIELD.replace("= 2;", "= 7;"))
    bad = _breaking(repo)  # the working tree against HEAD~1
    assert bad.returncode != 0
    assert "DecideRequest" in bad.stdout and "edition" in bad.stdout, bad.stdout
    _git(repo, "commit", "-qam", "renumbered")
    assert _breaking(repo).returncode != 0  # committed: still caught against the previous commit


def test_a_shallow_clone_compares_with_head_and_says_so(repo, tmp_path):
    _edit(repo, "message DecideResponse {", "message SomethingNew {\n  string x = 1;\n}\n\nmessage DecideResponse {")
    _git(repo, "commit", "-qam", "a second commit")
    shallow = tmp_path / "shallow"
    _git(tmp_path, "clone", "-q", "--depth", "1", f"file://{repo}", str(shallow))
    ok = _breaking(shallow)
    assert ok.returncode == 0, ok.stdout + ok.stderr
    assert "HEAD~1 is not in this clone" in ok.stderr and "comparing with HEAD" in ok.stderr
    _edit(shallow, FIELD, FIELD.replace("= 2;", "= 7;"))
    assert _breaking(shallow).returncode != 0
