"""A real `stance label` process killed with SIGKILL mid-run, then resumed: nothing lost, nothing doubled."""

import json
import os
import random
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


def _kill_when(proc: subprocess.Popen, out: Path, records: int) -> bool:
    """SIGKILL `proc` once its progress file says `records` input records are done; False if it finished first."""
    deadline = time.time() + 120
    while time.time() < deadline and proc.poll() is None:
        prog = progress_path(out)
        try:
            done = json.loads(prog.read_text())["records"] if prog.exists() else 0
        except (ValueError, OSError):  # caught between write and rename: look again
            done = 0
        if done >= records:
            break
        time.sleep(0.01)
    if proc.poll() is not None:
        return False
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert proc.returncode == -signal.SIGKILL
    return True


def test_chaos_kill_9_at_random_points_then_resume(tmp_path: Path, tiny_model: Path) -> None:
    """Killed three times at random points, resumed each time: the output equals an uninterrupted run's."""
    src = write_articles(tmp_path / "in.jsonl", 150)
    full = tmp_path / "full.jsonl"
    proc = _label(src, full, tiny_model)
    assert proc.wait(timeout=300) == 0, proc.stderr.read()

    rng = random.Random(20261125)
    points = sorted(rng.sample(range(5, 140), 3))
    out = tmp_path / "chaos.jsonl"
    proc = _label(src, out, tiny_model)
    kills = 0
    for point in points:
        if not _kill_when(proc, out, point):
            break
        kills += 1
        assert progress_path(out).exists()
        proc = _label(src, out, tiny_model, "--resume")
    assert proc.wait(timeout=300) == 0, proc.stderr.read()
    assert kills >= 2
    assert out.read_bytes() == full.read_bytes()
    assert not progress_path(out).exists()
