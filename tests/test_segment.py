"""Segmentation on short invented articles, plus property tests on hostile input."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from stance.records import Article
from stance.segment import segment

WIRE = (
    "Trade Minister Anna Kovac said on Monday her country would not yield.\n"
    '    "We are ready to talk," Kovac told reporters, "but we will not be bullied by Freedonia."\n'
    '    She said the proposal was "a cynical ploy" and that Ruritania would respond.\n'
    '    The so-called "peace dividend" was not discussed. Exports of Kuwait"s crude rose.\n'
)


def _seg(text: str, **kw):
    return segment(Article(id="d1", text=text), **kw)


def test_split_quote_is_one_record_with_two_parts():
    qs = _seg(WIRE)
    first = qs[0]
    assert len(first.parts) == 2
    assert first.text == "We are ready to talk, but we will not be bullied by Freedonia."
    assert first.speaker == "Anna Kovac"
    assert first.cue is not None and first.cue.text == "told"
    assert first.quote_id == "d1#q1"


def test_mixed_quote_and_pronoun_speaker():
    qs = _seg(WIRE, mixed="fragment")
    mixed = [q for q in qs if q.kind == "mixed"]
    assert [q.text for q in mixed] == ["a cynical ploy"]
    assert mixed[0].speaker == "Anna Kovac"
    content = [q for q in _seg(WIRE) if q.kind == "mixed"][0]
    assert content.text.startswith("the proposal was")


def test_scare_quotes_and_apostrophes_are_not_quotes():
    texts = [q.text for q in _seg(WIRE)]
    assert not any("peace dividend" in t for t in texts)
    assert not any("crude" in t for t in texts)


def test_unbalanced_mark_does_not_swallow_narrative():
    text = 'He said "we will see.\n\nThe market closed higher. Analysts were calm.\n\n"Fine," she said.'
    qs = _seg(text)
    assert all("market closed" not in q.text for q in qs)
    assert any(q.text == "Fine," for q in qs)


def test_multi_paragraph_quote():
    text = '"The first paragraph goes on.\n\n"And the second ends it," the envoy said.\n\nNothing else.'
    qs = _seg(text)
    assert len(qs) == 1 and len(qs[0].parts) == 2


def test_curly_quotes_and_context():
    text = (
        "Officials met in Geneva.\n\n“We will never accept this,” said Omar Haddad, the foreign minister.\n"
    )
    q = _seg(text)[0]
    assert q.text == "We will never accept this,"
    assert q.speaker == "Omar Haddad"
    assert "Omar Haddad" in (q.context or "")


def test_no_marks_no_quotes():
    assert _seg("") == []
    assert _seg("Nothing quoted here.") == []


def _check(text: str) -> None:
    for q in segment(Article(id="x", text=text)):
        assert q.text == " ".join(text[a:b] for a, b in q.parts)
        assert q.start == q.parts[0][0] and q.end == q.parts[-1][1]
        assert all(0 <= a <= b <= len(text) for a, b in q.parts)


MARKY = st.lists(
    st.sampled_from(list("ab AB.,\n\"“”«»'") + ["said", " he ", "told", "Kovac "]), max_size=120
).map("".join)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=400))
def test_random_unicode_never_breaks(text):
    _check(text)


@settings(max_examples=300, deadline=None)
@given(MARKY)
def test_unbalanced_marks_keep_offsets(text):
    _check(text)


def test_one_megabyte_article():
    para = '"We will respond," the minister said. She called it "a grave mistake" by the United States.\n\n'
    text = para * (1_000_000 // len(para))
    qs = segment(Article(id="big", text=text))
    assert len(qs) >= 1000
    _check(text[:5000])


def test_speaker_lookups_are_indexed_not_scanned():
    # Many speakers and pronoun quotes: the lookups must not rescan every earlier speaker.
    para = (
        'Envoy Tomas Brel{i} said talks stalled.\n\n"We wait," he said.\n\n'
        'Later: "Nothing moved," the envoy said.\n\n'
    )
    text = "".join(para.format(i=i) for i in range(3000))
    qs = segment(Article(id="many", text=text))
    assert len(qs) == 6000
    assert qs[-2].speaker == "Tomas Brel2999"


def test_he_resolves_to_last_named_person_not_a_place_run():
    text = (
        "Finance Minister Pavel Orlik met bankers in Northern Europe on Tuesday.\n\n"
        '"The talks went well," he said.\n'
    )
    q = _seg(text)[0]
    assert q.speaker == "Pavel Orlik"


def test_she_skips_a_man_marked_by_title():
    text = (
        "Senator Maria Lenz spoke after Mr. Karl Dorn left the hall.\n\n"
        '"We are not done," she said.\n'
    )
    assert _seg(text)[0].speaker == "Maria Lenz"


def test_speaker_affiliation_is_not_a_target():
    text = (
        "Japanese Trade Minister Ken Sato said on Monday that Washington was wrong.\n\n"
        '"The United States must open its market," Sato told reporters.\n'
    )
    q = _seg(text)[0]
    assert q.speaker == "Ken Sato"
    assert q.targets == ["United States"]


def test_affiliation_named_in_the_quote_stays_a_target():
    text = 'Japanese Trade Minister Ken Sato spoke.\n\n"Japan and France will both gain," Sato said.\n'
    assert _seg(text)[0].targets == ["Japan", "France"]


def test_pronoun_quote_takes_the_party_named_around_it():
    text = (
        "U.S. Trade Representative Dana Holt said Canada had not yet acted on the accord.\n\n"
        '"There must be a sign that they are willing to act," Holt said.\n'
    )
    q = _seg(text)[0]
    assert q.targets == ["Canada"]


def test_quote_without_referent_gets_no_context_target():
    # States named further back than the paragraph before are not taken.
    text = 'Canada and Mexico met in Ottawa.\n\nTalks took two hours.\n\n"The weather was fine," said Dana Holt.\n'
    assert _seg(text)[0].targets == []


def test_cue_words_stand_between_non_letters():
    """Cue words are whole runs of ASCII letters: digits, accented letters and marks end them."""
    from stance.segment.cues import iter_cues

    text = "unsaid 2said saidé SAID Said sAid “said” according to him, told-off"
    assert [c.group() for c in iter_cues(text)] == ["said", "said", "SAID", "Said", "said", "according to", "told"]


def test_a_quote_after_another_sources_attribution_sentence_is_not_joined_to_the_one_before():
    text = (
        'Jan Berg, a farmer, said prices were low. "It is a disaster," he said. '
        'The ministry said aid was coming. "We will help farmers," the minister said.\n'
    )
    quotes = segment(Article(id="d", text=text))
    assert [q.text for q in quotes] == ["It is a disaster,", "We will help farmers,"]
    assert quotes[0].speaker == "Jan Berg"


def test_two_quotes_each_with_its_own_attribution_are_two_quotes():
    text = '"Taxes will rise," Berg said. "Spending will fall," Kovac said.\n'
    qs = segment(Article(id="d", text=text), mixed="fragment")
    assert [(q.text, q.speaker) for q in qs] == [("Taxes will rise,", "Berg"), ("Spending will fall,", "Kovac")]
    text = '"Taxes will rise," Berg said. "Spending will fall."\n'
    assert len(segment(Article(id="d", text=text), mixed="fragment")) == 1


def test_two_sentences_each_with_an_aside_are_two_quotes():
    text = 'Taxes, Berg said, "will rise." Spending, Kovac said, "will fall."\n'
    qs = segment(Article(id="d", text=text), mixed="fragment")
    assert [q.text for q in qs] == ["will rise.", "will fall."]
