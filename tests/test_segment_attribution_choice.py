"""Which words attribute a quote on short invented stories: a cue or mention inside the quote's own
reported content is never its attribution."""

from __future__ import annotations

from stance.records import Article
from stance.segment import segment


def _attributions(text: str, mixed: str = "content") -> list[tuple[str | None, str | None]]:
    return [
        (q.speaker_mention.text if q.speaker_mention else None, q.cue.text if q.cue else None)
        for q in segment(Article(id="d1", text=text), mixed=mixed)
    ]


def test_a_verb_inside_the_reported_content_is_not_the_attribution():
    for adverb in ("meanwhile", "again", "later"):
        text = (
            f'Green spokeswoman Mila Varga {adverb} said that in place of the "great reform" the Alliance had '
            "promised, there had been only delays.\n"
        )
        assert _attributions(text) == [("Green spokeswoman Mila Varga", "said")], adverb
    text = (
        'Earlier, Mr Holt again said he had seen "no sign at all" the rebels were ready to talk - though he '
        "admitted the rebels were busy with a vote that could slow them.\n"
    )
    assert _attributions(text) == [("Mr Holt", "said")]


def test_a_participle_after_the_closing_mark_has_no_speaker_after_it():
    text = (
        'Senator Ruth Lanne has defended "Ohio grit," saying the state showed the "heart of the nation."\n'
    )
    assert {m for m, _ in _attributions(text)} <= {None, "Senator Ruth Lanne"}
    text = (
        'The Harbour Trust did not want to discuss "that man," telling WKRT 9 that the trust works for '
        '"safer docks."\n'
    )
    assert {m for m, _ in _attributions(text)} <= {None, "The Harbour Trust"}


def test_the_source_named_after_according_to_is_not_the_speaker():
    text = 'Mr Holm met Anna Berg. According to Ms Berg the president said: "Give me one more year."\n'
    assert _attributions(text) == [("the president", "said")]


def test_a_quote_alone_after_a_reported_sentence_is_its_reporters():
    text = (
        "The report came out on Monday.\n\n"
        "Committee chairman Jo Banner said the agency had failed thousands of families.\n\n"
        '"If it cannot be fixed, it must go."\n'
    )
    assert _attributions(text) == [("Committee chairman Jo Banner", None)]


def test_a_mixed_quote_with_no_cue_is_its_clause_subjects():
    text = 'Holm, star of the show, thanked the mayor for "taking these steps to make us ALL safer."\n'
    assert _attributions(text) == [("Holm, star of the show", None)]
