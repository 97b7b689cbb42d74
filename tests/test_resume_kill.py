"""A real `stance label` process killed with SIGKILL mid-run, then resumed: nothing lost, nothing doubled."""

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from stance.pipeline import progress_path
from tests.conftest import write_articles


def _label(src: Path, out: Path, model: Path, *extra: str) -> subprocess.Popen:
    cmd = [sys.executable, "-m", "stance.cli", "label", str(src), "-o", str(out), "--model", str(model),
           "--chunk-size", "5", "--threads", "1", *extra]
    return subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def test_kill_9_then_resume_equals_uninterrupted(tmp_path: Path, tiny_model: Path) -> None:
    src = write_articles(tmp_path / "in.jsonl", 150)
    full = tmp_path / "full.jsonl"
    proc = _label(src, full, tiny_model)
    assert proc.wait(timeout=300) == 0, proc.stderr.read()

    for attempt in range(2):
        out = tmp_path / f"killed{attempt}.jsonl"
        proc = _label(src, out, tiny_model)
        deadline = time.time() + 120
        while time.time() < deadline and proc.poll() is None:
            prog = progress_path(out)
            if prog.exists() and json.loads(prog.read_text())["records"] >= 30 * (attempt + 1):
                break
            time.sleep(0.02)
        if proc.poll() is None:
            os.kill(proc.pid, signal.SIGKILL)
            proc.wait()
            assert proc.returncode == -signal.SIGKILL
            assert progress_path(out).exists()
            resumed = _label(src, out, tiny_model, "--resume")
            assert resumed.wait(timeout=300) == 0, resumed.stderr.read()
            assert "resumed after" in resumed.stderr.read()
        assert out.read_bytes() == full.read_bytes()
        assert not progress_path(out).exists()
