"""report.html in headless Chromium: the page renders offline and its charts are painted.

Needs Debian's chromium (``make test`` installs it when missing); skipped, saying so, where it
cannot be installed.
"""
from __future__ import annotations

import shutil
import struct
import subprocess
import zlib
from pathlib import Path

import pytest

from service.audit.run import run
from service.audit.synth import generate

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed (make test installs it)")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run", "--hide-scrollbars"]


def read_png(path: Path) -> tuple[int, int, list[bytes]]:
    """Width, height and RGB(A) rows of an 8-bit non-interlaced PNG (what Chromium writes)."""
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat, w = 8, b"", 0
    while pos < len(data):
        n, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + n]
        if kind == b"IHDR":
            w, h, depth, ctype = struct.unpack(">IIBB", body[:10])
            assert depth == 8 and ctype in (2, 6)
            bpp = 3 if ctype == 2 else 4
        elif kind == b"IDAT":
            idat += body
        pos += 12 + n
    raw, stride, rows, prev = zlib.decompress(idat), w * bpp, [], bytearray(w * bpp)
    for y in range(h):
        f, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        if f == 2:  # Up, most rows of a screenshot: bytewise without the per-byte loop below
            line = bytearray(prev) if not any(line) else bytearray((x + b) & 255 for x, b in zip(line, prev))
        for i in range(stride if f in (1, 3, 4) else 0):
            a = line[i - bpp] if i >= bpp else 0
            b, c = prev[i], prev[i - bpp] if i >= bpp else 0
            if f == 1:
                line[i] = (line[i] + a) & 255
            elif f == 2:
                line[i] = (line[i] + b) & 255
            elif f == 3:
                line[i] = (line[i] + (a + b) // 2) & 255
            elif f == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(bytes(line))
        prev = line
    return w, h, [bytes(r[i:i + 3]) for r in rows for i in range(0, stride, bpp)]


def chromium(tmp: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([CHROMIUM, *FLAGS, f"--user-data-dir={tmp / 'profile'}", *args],
                          capture_output=True, text=True, timeout=120)


def test_report_renders_its_charts(tmp_path, service):
    generate(tmp_path / "in", size=150, seed=3, service=service)
    run(tmp_path / "in" / "records.jsonl", tmp_path / "out", progress=False, workers=1, recorded_per_year=60000)
    page = (tmp_path / "out" / "report.html").as_uri()
    dom = chromium(tmp_path, "--dump-dom", page).stdout
    for chart in ("chart-rates", "chart-classes", "chart-lateness"):
        assert f'id="{chart}"' in dom
    assert dom.count('class="bar"') >= 10
    shot = tmp_path / "report.png"
    chromium(tmp_path, f"--screenshot={shot}", "--window-size=1280,1800", page)
    assert shot.exists(), "chromium wrote no screenshot"
    w, h, pixels = read_png(shot)
    counts = {name: pixels.count(bytes.fromhex(rgb)) for name, rgb in
              (("rate bars", "6a9fd4"), ("missed by class", "c0392b"), ("histogram", "4f81bd"))}
    # each chart's bars were painted (a few hundred pixels at least), not just present in the DOM
    assert all(n > 300 for n in counts.values()), counts
