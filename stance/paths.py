"""Where the project's own files and the shared data directory are found.

The data directory is configurable because users keep corpora in many places; the
default follows the repository layout (`../shared/data` beside the checkout).
"""

from __future__ import annotations

import os
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent


def data_dir(override: str | Path | None = None) -> Path | None:
    """`override`, else `$STANCE_DATA_DIR`, else `../shared/data` beside the project when present."""
    if override:
        return Path(override).expanduser()
    if os.environ.get("STANCE_DATA_DIR"):
        return Path(os.environ["STANCE_DATA_DIR"]).expanduser()
    candidate = PROJECT_ROOT.parent / "shared" / "data"
    return candidate if candidate.is_dir() else None


def default_config() -> Path:
    return PROJECT_ROOT / "configs" / "default.yaml"


def default_targets() -> Path:
    return PROJECT_ROOT / "configs" / "targets.yaml"
