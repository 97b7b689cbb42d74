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


class NothingUsableError(StanceError):
    """Every record of an input was bad: the error is the first problem, and `skipped` holds all of
    them so the user sees each one, as when only some are skipped."""

    def __init__(self, skipped: list, what: str = "no record of the input could be used") -> None:
        first = skipped[0]
        super().__init__(f"{first.problem} ({what}: {len(skipped)} skipped)", first.path, first.line or None)
        self.skipped = list(skipped)


class ModelNotFoundError(StanceError):
    """No trained model where one was expected; the CLI may offer to train the default."""
