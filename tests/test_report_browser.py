"""The HTML reports in a real browser: every <img> of `stance evaluate` and `stance compare` must load.

A report whose PNG is missing, misnamed or not a PNG still passes every text check; only a
browser says whether a reader sees the plots. Headless Chromium (Debian's `chromium`, which
.ci/run installs) opens a copy of the page with a probe script appended that, after the load
event, writes how many images decoded (`complete && naturalWidth > 0`) into the DOM that
`--dump-dom` prints. No Python browser driver is needed.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from stance.cli import main
from tests.conftest import write_examples

CHROMIUM = Path("/usr/bin/chromium")
pytestmark = pytest.mark.skipif(not CHROMIUM.exists(),
                                reason="needs Debian's chromium at /usr/bin/chromium (apt-get install chromium)")

PROBE = """<script>
window.addEventListener("load", function () {
  var imgs = Array.prototype.slice.call(document.images);
  var ok = imgs.filter(function (i) { return i.complete && i.naturalWidth > 0; }).length;
  var m = document.createElement("div");
  m.id = "img-probe";
  m.textContent = ok + "/" + imgs.length;
  document.body.appendChild(m);
});
</script>
"""


def loaded_images(html: Path, tmp: Path) -> tuple[int, int]:
    """(images that loaded, images on the page) as Chromium sees `html`, opened from its own folder."""
    page = html.read_text(encoding="utf-8")
    assert "</body>" in page
    probe = html.with_name(f".probe-{html.name}")
    probe.write_text(page.replace("</body>", PROBE + "</body>", 1), encoding="utf-8")
    cmd = [str(CHROMIUM), "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
           "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
           "--disable-sync", f"--user-data-dir={tmp / 'chromium-profile'}", "--virtual-time-budget=5000",
           "--dump-dom", probe.resolve().as_uri()]
    try:
        done = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
    finally:
        probe.unlink()
    found = re.search(r'<div id="img-probe">(\d+)/(\d+)</div>', done.stdout)
    assert found, f"no probe result from chromium (exit {done.returncode}): {done.stderr[-800:]}"
    return int(found.group(1)), int(found.group(2))


def _check(report: Path, page: str, tmp: Path) -> None:
    html = report / page
    n_tags = len(re.findall(r"<img\b", html.read_text(encoding="utf-8")))
    ok, total = loaded_images(html, tmp)
    assert n_tags > 0 and total == n_tags
    assert ok == total, f"{total - ok} of {total} images did not load in {html}"
    broken = tmp / f"broken-{report.name}"
    shutil.copytree(report, broken)
    first_png = sorted(broken.glob("*.png"))[0]
    first_png.write_bytes(b"not a png")  # the file is there, but no browser can draw it
    ok_b, total_b = loaded_images(broken / page, tmp)
    assert total_b == total and total_b - ok_b == 1


def test_evaluate_report_images_load(tmp_path: Path, tiny_model: Path, capsys: pytest.CaptureFixture) -> None:
    data = write_examples(tmp_path / "dev.jsonl")
    report = tmp_path / "evaluate"
    assert main(["evaluate", "--model", str(tiny_model), "--data", str(data), "--report", str(report),
                 "--bootstrap", "20", "--no-sensitivity"]) == 0
    capsys.readouterr()
    _check(report, "report.html", tmp_path)


def test_compare_report_images_load(tmp_path: Path, tiny_model: Path, capsys: pytest.CaptureFixture) -> None:
    data = write_examples(tmp_path / "dev.jsonl")
    report = tmp_path / "compare"
    assert main(["compare", str(tiny_model), str(tiny_model), "--data", str(data), "--report", str(report),
                 "--bootstrap", "20"]) == 0
    capsys.readouterr()
    _check(report, "compare.html", tmp_path)
