"""stance: find quoted statements in news and label their stance toward targets.

    >>> from stance import StanceClassifier, segment, Article
    >>> quotes = segment(Article(id="a1", text=text))
    >>> clf = StanceClassifier.from_pretrained("models/default/v1")
"""

from __future__ import annotations

from typing import Any

__version__ = "0.1.0"

__all__ = [
    "Article",
    "Example",
    "Prediction",
    "Quote",
    "Span",
    "StanceClassifier",
    "StanceError",
    "TargetLexicon",
    "Labeller",
    "segment",
]


def __getattr__(name: str) -> Any:
    """Import heavy pieces (torch, transformers) only when they are asked for."""
    if name in ("Article", "Example", "Prediction", "Quote", "Span"):
        from . import records

        return getattr(records, name)
    if name == "StanceError":
        from .errors import StanceError

        return StanceError
    if name == "StanceClassifier":
        from .classify import StanceClassifier

        return StanceClassifier
    if name == "TargetLexicon":
        from .targets import TargetLexicon

        return TargetLexicon
    if name == "segment":
        from .segment import segment

        return segment
    if name == "Labeller":
        from .pipeline import Labeller

        return Labeller
    raise AttributeError(name)
