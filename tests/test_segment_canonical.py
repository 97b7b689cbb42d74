"""Canonical speakers for pronouns and role phrases on short invented stories: whom "he" means
when the sentence before names several people, and which person or body a role phrase means."""

from __future__ import annotations

import pytest

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


_OPENING = "Governor Ivo Varga landed at noon. Green party chief Tomas Brandt went first.\n\n"


@pytest.mark.parametrize(
    "sentence",
    [
        'Ivo Varga was "utterly stunned" by the count, he said.',
        'Governor Ivo Varga was "utterly stunned" by the count, he said.',
        'The governor, Mr Varga, was "utterly stunned" by the count, he said.',
        'Mr Varga, 58, would "keep going" anyway, he said.',
    ],
)
def test_a_pronoun_after_a_quote_can_mean_the_subject_its_sentence_names(sentence):
    assert _speakers(_OPENING + sentence + "\n") == ["Ivo Varga"]


@pytest.mark.parametrize(
    "sentence",
    [
        'Ivo Varga went next! The scheme was "a fiasco", he said.',
        'Ivo Varga went next; the scheme was "a fiasco", he said.',
        'Ivo Varga went next, and the scheme was "a fiasco", he said.',
        'Then came Ivo Varga – the scheme was "a fiasco", he said.',
    ],
)
def test_a_name_before_a_clause_break_can_be_the_pronoun_after_a_quote(sentence):
    assert _speakers("Tomas Brandt went first.\n\n" + sentence + "\n") == ["Ivo Varga"]


def test_a_pronoun_after_a_quote_means_whoever_spoke_in_the_sentence_before_not_a_later_name():
    text = (
        '"We have waited far too long," said Tomas Brandt, who backed Senator Ivo Varga in the spring.\n\n'
        '"We want change now," he said.\n'
    )
    assert _speakers(text) == ["Tomas Brandt", "Tomas Brandt"]


@pytest.mark.parametrize(
    "rest",
    [
        ", but Ivo Varga objected.",
        ", and Ivo Varga sided with him.",
        " of Velox Inc. Ivo Varga, the mayor, objected sharply to him.",
    ],
)
def test_a_later_name_that_opens_its_own_clause_beats_who_spoke_before_it(rest):
    text = '"We are weary," said Tomas Brandt' + rest + '\n\n"This is absurd," he said.\n'
    assert _speakers(text) == ["Tomas Brandt", "Ivo Varga"]


def test_who_spoke_in_the_sentence_yields_to_a_coordinated_or_promoted_subject():
    text = '"We are weary," Tomas Brandt said, and Ivo Varga nodded.\n\n"This is absurd," he said.\n'
    assert _speakers(text) == ["Tomas Brandt", "Ivo Varga"]
    text = (
        '"We are weary," said Tomas Brandt on Tuesday.\n\n'
        "Asked about the delay, Ivo Varga shrugged off the charge against Brandt.\n\n"
        '"This is absurd," he said.\n'
    )
    assert _speakers(text) == ["Tomas Brandt", "Ivo Varga"]


_QUOTE = '"We will not stomach that outcome," he added.\n'


def test_a_lone_capitalised_subject_is_the_person_a_pronoun_means():
    text = (
        "Governor Ivo Varga signed the levy on Tuesday.\n\n"
        "Rusnak freely conceded that his ballot was strategic.\n\n"
        '"Given how the polls looked, it was sensible," he said.\n'
    )
    assert _speakers(text) == ["Rusnak"]
    text = (
        "Governor Ivo Varga signed the levy on Tuesday.\n\n"
        "Mr Rusnak also criticised Varga's levy, saying it would hurt bakers.\n\n" + _QUOTE
    )
    assert _speakers(text) == ["Rusnak"]


@pytest.mark.parametrize(
    "sentence",
    [
        "Facebook suspended his account last year.",
        "Google hired him last year.",
        "Zentrix promoted him to chief chemist.",
        "Norland granted his family asylum.",
        "Covid kept him indoors for months.",
        "Harlow conceded that his hopes were slim.",  # "Harlow" is written in lower case too
        "Lisbon admitted that his claim was weak.",  # nor a place
    ],
)
def test_a_lone_capitalised_subject_with_no_sign_of_a_person_is_not_the_pronoun(sentence):
    text = (
        "Governor Ivo Varga signed the levy on Tuesday. Tomas Brandt entered parliament in 2011, "
        "first for harlow.\n\n" + sentence + "\n\n" + _QUOTE
    )
    assert _speakers(text) == ["Tomas Brandt"]


def test_a_lone_capitalised_subject_whose_title_is_the_other_sex_is_not_the_pronoun():
    opening = "Governor Ivo Varga signed the levy on Tuesday.\n\n"
    for sentence in (
        "Mrs Kolar also criticised the levy, saying it would hurt bakers.",
        "Kolar criticised the levy. Ms Kolar is a retired nurse.",
    ):
        assert _speakers(opening + sentence + "\n\n" + _QUOTE) == ["Ivo Varga"]
    text = (
        "Mayor Petra Lind signed the levy on Tuesday.\n\n"
        "Mr Rusnak also criticised the levy, saying it would hurt bakers.\n\n" + _QUOTE.replace("he added", "she added")
    )
    assert _speakers(text) == ["Petra Lind"]


@pytest.mark.parametrize("joint", [", and Tomas Brandt lost his cool.", " while Tomas Brandt kept his calm."])
def test_a_lone_capitalised_subject_yields_to_a_later_clause_subject(joint):
    text = (
        "Governor Ivo Varga signed the levy on Tuesday. Mr Rusnak fought it.\n\n"
        "Rusnak voted against the levy" + joint + "\n\n" + _QUOTE
    )
    assert _speakers(text) == ["Tomas Brandt"]
