"""Canonical speakers for pronouns and role phrases on short invented stories: whom "he" means
when the sentence before names several people, and which person or body a role phrase means."""

from __future__ import annotations

from stance.records import Article
from stance.segment import segment


def _speakers(text: str) -> list[str | None]:
    return [q.speaker for q in segment(Article(id="d", text=text), mixed="content")]


def test_a_pronoun_after_a_quote_is_no_one_its_own_sentence_names_before_it():
    text = (
        "President Ivo Varga won a second term. Liberal leader Tomas Brandt welcomed the result.\n\n"
        'Mr Varga\'s first job was to "mend the coalition at home", he said.\n'
    )
    assert _speakers(text) == ["Tomas Brandt"]
    text = (
        "The Speaker, Lord Ashcombe, agreed the old law was unfair.\n\n"
        'The reforms drafted by Lord Pelling were a "risky and divisive exercise", he said.\n'
    )
    assert _speakers(text) == ["Lord Ashcombe"]
