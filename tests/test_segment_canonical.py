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


def test_a_pronoun_after_a_quote_means_whoever_spoke_in_the_sentence_before_not_a_later_name():
    text = (
        '"We are tired of waiting," said Tomas Brandt, who backed Senator Ivo Varga in the spring.\n\n'
        '"We want change now," he said.\n'
    )
    assert _speakers(text) == ["Tomas Brandt", "Tomas Brandt"]


def test_a_lone_capitalised_subject_is_the_person_a_pronoun_means():
    text = (
        "Senator Ivo Varga backed the plan on Monday.\n\n"
        "Rusnak openly admitted that his vote was tactical.\n\n"
        '"With an eye on the March count, it made sense," he said.\n'
    )
    assert _speakers(text) == ["Rusnak"]
    text = (
        "Senator Ivo Varga backed the plan on Monday.\n\n"
        "Mr Rusnak also attacked Varga's budget, saying it would hurt farmers.\n\n"
        '"We cannot let that happen," he added.\n'
    )
    assert _speakers(text) == ["Rusnak"]
    # Not a common word the story also writes in lower case, nor a place.
    text = (
        "Senator Ivo Varga backed the plan on Monday.\n\n"
        "Critics quickly attacked it as unfair to most people.\n\n"
        '"We cannot let that happen," he added.\n'
    )
    assert _speakers(text) == ["Ivo Varga"]
