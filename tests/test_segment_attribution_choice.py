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
            f'Councillor Ines Dorado {adverb} said that beside the "quick fix" her rivals announced, nothing '
            "moved at the bus depot for a year.\n"
        )
        assert _attributions(text) == [("Councillor Ines Dorado", "said")], adverb


def test_a_participle_after_the_closing_mark_has_no_speaker_after_it():
    text = 'Mayor Greta Lindqvist praised "Tyneford pluck," saying her borough kept the "warmest doors in town."\n'
    assert [m for m, _ in _attributions(text)] == ["Mayor Greta Lindqvist", "Mayor Greta Lindqvist"]
    text = 'The Quarry Board refused to name "that contractor," telling Radio Fenwick its pits stay closed.\n'
    assert [m for m, _ in _attributions(text)] == ["The Quarry Board"]


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
    text = 'Marta Quist, a painter from Bergen, thanked the council for "keeping every gallery open all winter."\n'
    assert _attributions(text) == [("Marta Quist, a painter from Bergen", None)]
    text = 'Dr Ines Varo, the dockers\' steward, welcomed the "slow but honest bargain."\n'
    assert _attributions(text) == [("Dr Ines Varo, the dockers' steward", None)]
    text = 'Governor Pia Strand, in her budget address, pinned the shortfall on "ten lean harvests in a row."\n'
    assert _attributions(text) == [("Governor Pia Strand", None)]


def test_a_mixed_quote_with_no_cue_has_no_speaker_where_its_clause_cannot_give_one():
    story = "Lena Brook spoke at the depot.\n\n"
    for line in (
        # a passive clause: the words are the agent's or a court's
        'Brook was applauded by the dockers for "standing firm on night shifts."',
        'Brook was found liable for "wrecking the old ferry pier."',
        # the subject before a colon or comma opens another clause
        'Nobody moved after the count: the dockers kept chasing "a fairer night rate."',
        'Whistles sounded as Brook left, and the pickets took up the cry "Not one more lorry through these gates!"',
        'Tolls filled the agenda, with Brook pledging "no new fees before spring."',
        # titles and the writer's irony have no speaker
        'Brook turned up on Friday, looking relaxed on "Good Evening With Pat Reeve."',
        'Friends of Brook cheered the column, headlined "Brook Deserves The Harbour Job."',
        'Brook carried villages along the coast, including Selby and "the free state of Crabtown."',
    ):
        text = story + line + "\n"
        assert _attributions(text)[-1] == (None, None), line


def test_a_name_after_its_role_in_a_named_body_is_a_person():
    text = 'Harbour Authority director Nils Oda blamed the flooding on "twenty years of patched sea walls."\n'
    assert _attributions(text) == [("Harbour Authority director Nils Oda", None)]


def test_a_quote_alone_after_a_reported_sentence_drops_the_adverb_from_its_reporter():
    text = 'Ilse Marrow never said the ferry plan was dead.\n\n"We simply ran out of road."\n'
    assert _attributions(text) == [("Ilse Marrow", None)]


def test_any_source_named_after_according_to_is_not_the_speaker():
    for source, mention in (
        ("Mr Ørjan Støle", "the harbour master"),
        ("a neighbour", "the caretaker"),
        ("Mr Vance", "Governor Ada Pike"),
    ):
        text = f'According to {source} {mention} said: "The cranes stay idle until June."\n'
        assert _attributions(text) == [(mention, "said")], source


def test_a_mixed_quote_with_no_cue_in_an_active_clause_with_a_title_inside_the_name():
    text = 'Mayport Gov. Ed Vale is blaming the slow trains on "forty years of cheap repairs."\n'
    assert _attributions(text) == [("Mayport Gov. Ed Vale", None)]
