"""The one error type users see: it names the file, the line and the problem."""

from __future__ import annotations

from pathlib import Path


class StanceError(Exception):
    """A problem with the user's input or setup, reported as one line without a traceback."""

    def __init__(self, problem: str, path: str | Path | None = None, line: int | None = None) -> None:
        self.problem = problem
        self.path = str(path) if path is not None else None
        self.line = line
        super().__init__(str(self))

    def __str__(self) -> str:
        where = ""
        if self.path is not None:
            where = self.path if self.line is None else f"{self.path}:{self.line}"
            where += ": "
        return f"{where}{self.problem}"


class ModelNotFoundError(StanceError):
    """No trained model where one was expected; the CLI may offer to train the default."""
