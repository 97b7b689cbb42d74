"""Where a quote starts and ends: split quotes joined across a long attribution, mixed quotes
extended to their reported content. Invented sentences only."""

from __future__ import annotations

from stance.records import Article
from stance.segment import segment


def _seg(text: str, **kw):
    return segment(Article(id="d1", text=text), **kw)


def _texts(text: str, **kw) -> list[str]:
    return [q.text for q in _seg(text, **kw)]


def test_quote_continues_after_a_long_one_sentence_attribution():
    text = (
        '"The bridge will be finished by spring," said Mara Lind, a planner who has overseen '
        'road works in the northern districts since 2009. "Nobody should expect delays."'
    )
    qs = _seg(text)
    assert len(qs) == 1
    assert qs[0].text == "The bridge will be finished by spring, Nobody should expect delays."
    assert qs[0].speaker_mention is not None and qs[0].speaker_mention.text.startswith("Mara Lind")


def test_long_attribution_does_not_join_a_quote_with_its_own_attribution():
    text = (
        '"The bridge will be finished by spring," the planner said in remarks suggesting that '
        'the council had already approved the budget. "Delays are unlikely," she added.'
    )
    assert len(_seg(text)) == 2


def test_two_sentences_in_a_row_are_one_quote():
    text = 'Lind was blunt. "We have the money." "We have the workers," she said.'
    qs = _seg(text)
    assert len(qs) == 1 and len(qs[0].parts) == 2


def test_paragraphs_of_one_quote_run_together_keep_their_first_sentence_and_speaker():
    # Each run-in paragraph opens with a mark and only the last closes.
    text = 'Mayor Mara Lind said: "The bridge is nearly finished. "Nobody should expect any delays."\n'
    qs = _seg(text)
    assert len(qs) == 1 and len(qs[0].parts) == 2
    assert qs[0].text.startswith("The bridge is nearly finished.")
    assert qs[0].speaker == "Mara Lind"


def test_a_closer_turned_the_wrong_way_opens_no_run_in_quote():
    for text in (
        '"It is rare,“ said Mara Lind, a planner with the city council. “It is hard to get right.”\n',
        'The plan failed,"Mara Lind, who chairs the council, said in a statement. "We will try again."\n',
        'Lind said she "and her staff had worked on the plan for several years. "We will try again."\n',
    ):
        assert not any("council" in q.text or "staff" in q.text for q in _seg(text)), text


def test_narrative_sentence_between_quotes_keeps_them_apart():
    text = (
        '"We are ready," Lind said. The council meets on Friday to vote on the plan. '
        '"It will pass."'
    )
    assert len(_seg(text)) == 2


def test_mixed_content_starts_at_that_after_an_addressee_and_place():
    text = "The mayor told a crowd of supporters in the harbour that the budget was \"a fraud\" and would be rejected."
    assert _texts(text) == ['that the budget was "a fraud" and would be rejected']


def test_mixed_content_starts_after_a_reporting_verb_outside_the_cue_list():
    text = 'The minister branded the proposal "a cynical ploy to buy votes" and walked out of the hall.'
    assert _texts(text) == ['the proposal "a cynical ploy to buy votes']


def test_mixed_content_without_a_verb_starts_after_the_last_clause_boundary():
    text = 'In the old port district, ships "have not docked for years now."'
    assert _texts(text) == ['ships "have not docked for years now.']


def test_fragment_closing_on_its_comma_ends_the_content():
    text = 'The senator called the deal "a betrayal of our workers," and promised a vote on Friday.'
    assert _texts(text) == ['the deal "a betrayal of our workers,']


def test_content_stops_before_where_it_was_said():
    text = 'He said the talks were "very productive" in an interview with a local radio station.'
    assert _texts(text) == ['the talks were "very productive']


def test_fragments_after_one_verb_are_one_content():
    text = 'She said the plan was "a reckless gamble," "a costly mistake" and "doomed to fail."'
    qs = _seg(text)
    assert len(qs) == 1
    assert qs[0].text == 'the plan was "a reckless gamble," "a costly mistake" and "doomed to fail.'
    assert len(_seg(text, mixed="fragment")) == 3


def test_fragment_running_on_into_the_sentence_is_not_joined_to_the_quote_before():
    text = (
        '"This is not fair," Lind said. "You cut the budget to the bone" to please the bankers, '
        "she told the minister."
    )
    qs = _seg(text)
    assert len(qs) == 2
    assert qs[0].text == "This is not fair,"


def test_quote_paragraph_after_an_attribution_paragraph_continues_the_quote():
    text = (
        "The council met on Monday.\n"
        '"We have found the money for the bridge," the mayor said.\n'
        '"Work will start in May."\n'
        "Critics were not convinced.\n"
    )
    qs = _seg(text)
    assert len(qs) == 1
    assert qs[0].text == "We have found the money for the bridge, Work will start in May."


def test_quote_paragraph_with_its_own_attribution_stays_apart():
    text = (
        '"We have found the money for the bridge," the mayor said.\n'
        '"Work will start in May," her deputy added.\n'
    )
    assert len(_seg(text)) == 2


def test_mixed_content_starts_at_the_verb_of_saying_not_a_later_verb():
    text = 'Mayor Ines Holm said she found the new tram plan "a costly mess" for the city.'
    assert _texts(text) == ['she found the new tram plan "a costly mess" for the city']


def test_mixed_content_keeps_a_first_clause_coordinated_with_a_that_clause():
    text = 'Holm said she would travel to Norland next week and that the talks were "going well" so far.'
    assert _texts(text) == ['she would travel to Norland next week and that the talks were "going well" so far']


def test_a_second_verb_of_saying_opens_a_second_content():
    text = 'Holm says she will "stay calm" and tells the crowd she was the "first one" to warn about the dam.'
    qs = _texts(text)
    assert len(qs) == 2
    assert qs[0].startswith("she will")


def test_next_paragraph_quote_continues_after_where_it_was_said():
    text = (
        '"The dam will hold," Tomas Brek told the council at a hearing on Tuesday.\n\n'
        '"We checked every joint twice."'
    )
    qs = _seg(text)
    assert len(qs) == 1 and len(qs[0].parts) == 2


def test_next_paragraph_quote_after_a_second_sentence_stands_alone():
    text = (
        '"The dam will hold," Brek said at the hearing. He then left the room.\n\n'
        '"We checked every joint twice."'
    )
    assert len(_seg(text)) == 2


def test_a_programme_title_in_the_attribution_does_not_split_a_quote():
    text = '"We will win the vote," Holm said on NTV\'s "Morning Hour" on Sunday. "Nobody doubts it."'
    qs = _seg(text)
    assert len(qs) == 1
    assert qs[0].text == "We will win the vote, Nobody doubts it."


def test_a_quoted_phrase_in_the_attribution_still_splits_quotes():
    text = '"We will win the vote," Holm said, calling the plan "a real mess" at the rally. "Nobody doubts it."'
    assert len(_seg(text, mixed="fragment")) >= 2


def test_a_mixed_quote_closing_its_sentence_keeps_the_speaker_before_it():
    text = 'Mayor Ines Holm called the tram plan "a waste of money." Councillor Jan Berg called it "long overdue."'
    qs = _seg(text)
    assert len(qs) == 2
    assert qs[0].speaker_mention is not None and qs[0].speaker_mention.text == "Mayor Ines Holm"
    assert qs[1].speaker_mention is not None and qs[1].speaker_mention.text == "Councillor Jan Berg"


def test_a_one_word_fragment_right_after_a_verb_of_saying_is_a_quote():
    text = 'Senator Ada Moss called the mayor a "liar" and left the hall.'
    qs = _seg(text, mixed="fragment")
    assert [q.text for q in qs] == ["liar"]


def test_a_one_word_fragment_modifying_a_noun_is_a_term():
    assert _seg('Officials praised the new "netback" contracts.') == []


def test_a_one_word_fragment_far_from_the_verb_is_a_term():
    text = 'He said the banks might want to reconsider the old idea of a "megabank," where debt would be pooled.'
    assert _seg(text) == []


def test_a_markup_attribute_value_is_no_quote():
    text = 'Kowal wrote on Friday: <tweet author="@kowal">We won today</tweet> He said it again.'
    assert all("@kowal" not in q.text for q in _seg(text))


def test_mixed_content_ends_where_a_new_clause_with_its_own_subject_starts():
    text = 'Holm said the tram was "a costly mess" and she would vote against it.'
    assert _texts(text) == ['the tram was "a costly mess']


def test_mixed_content_ends_at_a_spaced_dash():
    text = 'Holm called the tram "a costly mess" – a phrase she repeated twice.'
    assert _texts(text) == ['the tram "a costly mess']


def test_a_quoted_sentence_after_an_addressee_and_a_comma_is_its_own_content():
    text = (
        "Holm wrote to her 20,000 followers on Sunday, "
        "\u201cIt is time to close the old bridge,\u201d and posted a map."
    )
    assert _texts(text) == ["It is time to close the old bridge,"]


def test_a_quoted_title_after_a_comma_stays_in_the_content():
    text = (
        "Holm praised the show for its warmth and its guests on her weekly programme, "
        '"Talks with the Mayor," on Sunday.'
    )
    assert not any(t == "Talks with the Mayor," for t in _texts(text))


def test_mixed_content_after_told_starts_after_whom_was_told():
    text = 'Holm told reporters on Monday she thought the plan had been "rushed through" by the council.'
    assert _texts(text) == ['she thought the plan had been "rushed through" by the council']


def test_a_cue_introducing_the_next_quote_starts_a_new_quote():
    assert len(_seg('"The dam will hold," Holm said, adding, "We checked every joint twice."')) == 2
    assert len(_seg('"The dam will hold," Holm said. Berg replied, "It will not last the winter."')) == 2


def test_a_cue_inside_the_attribution_does_not_split_the_quote():
    text = '"The dam will hold," Holm said when asked about the storm. "We checked every joint twice."'
    qs = _seg(text)
    assert len(qs) == 1 and len(qs[0].parts) == 2


def test_a_quote_paragraph_continues_a_split_quote_closing_the_paragraph_before():
    text = '"The dam will hold," Holm said, "and it will hold for years."\n\n"We checked every joint twice."'
    qs = _seg(text)
    assert len(qs) == 1 and len(qs[0].parts) == 3


def test_a_programme_title_with_small_words_is_no_quote():
    text = 'Holm said on Sunday, speaking on NTV\'s "Voice of the Nation," that the plan would pass.'
    assert all("Voice of the Nation" not in q.text for q in _seg(text, mixed="fragment"))


def test_another_speakers_verb_ends_a_mixed_content():
    text = 'Lind said the plan was "a mess" and Berg said it was "a farce".\n'
    quotes = segment(Article(id="d1", text=text), mixed="content")
    assert len(quotes) == 2 and "Berg" not in quotes[0].text


def test_content_before_an_interposed_attribution_starts_the_quote():
    # The attribution sits inside the reported content: the content starts before it, and the
    # attribution itself stays out of the quote's parts.
    text = 'A slower harvest, Kovac said, "would hurt every village in the valley."'
    [q] = _seg(text)
    assert q.text == "A slower harvest would hurt every village in the valley."
    assert [text[a:b] for a, b in q.parts] == ["A slower harvest", "would hurt every village in the valley."]
    assert q.speaker_mention is not None and q.speaker_mention.text == "Kovac"
    text = 'For fishermen on the coast, Ms Lind said, their "patience has run out" after the ban.'
    assert _texts(text) == ['For fishermen on the coast their "patience has run out" after the ban']
    text = 'The new port, the minister added, was "a gift to smugglers" and should close.'
    assert _texts(text) == ['The new port was "a gift to smugglers" and should close']


def test_a_conditional_clause_leads_into_a_quoted_sentence():
    assert _texts('If the tariff stays, she said: "We will close the mill."') == [
        "If the tariff stays We will close the mill."
    ]
    assert _texts('Unless the rain stops, said Ana Kovac, "the harvest is lost."') == [
        "Unless the rain stops the harvest is lost."
    ]


def test_the_narrations_own_words_before_an_attribution_stay_out():
    cases = {
        'The council met on Friday. Berg said, "We will reopen the bridge soon."': "We will reopen the bridge soon.",
        'Later, he said, "we will reopen the bridge."': "we will reopen the bridge.",
        'On Monday, she said, "the bridge will reopen by June."': "the bridge will reopen by June.",
        'In a statement, Holm said, "the bridge will reopen."': "the bridge will reopen.",
        'Two days later, Berg said, "the bridge is open."': "the bridge is open.",
        'Speaking to reporters in Oslo, Berg said, "the bridge is open."': "the bridge is open.",
        'But, Berg added, "the bridge is still shut."': "the bridge is still shut.",
        # A topic or an apposition frames a quoted sentence of its own.
        'As for the bridge, Holm said, "It will reopen in June."': "It will reopen in June.",
        'Berg, the council planner, said: "The bridge will reopen."': "The bridge will reopen.",
    }
    for text, quote in cases.items():
        assert _texts(text) == [quote], text
    for lead in ("Hours after the vote", "Standing outside the court", "In the northern city of Tromso",
                 "Visibly angry", "With the election weeks away", "Back in Oslo", "Flanked by police officers",
                 "Under pressure from allies", "Once again", "Even so", "Of course", "Early June",
                 "On the campaign trail in Ohio"):
        assert _texts(f'{lead}, Berg said, "we lost fair and square."') == ["we lost fair and square."], lead
    qs = _seg('"We will talk," he said, "to anyone who comes."')
    assert len(qs) == 1 and [q.text for q in qs] == ["We will talk, to anyone who comes."]


def test_fragment_mode_keeps_only_the_quoted_words_around_an_interposed_attribution():
    assert _texts('A slower harvest, Kovac said, "would hurt every village."', mixed="fragment") == [
        "would hurt every village."
    ]
    text = 'For fishermen on the coast, Ms Lind said, their "patience has run out" after the ban.'
    assert _texts(text, mixed="fragment") == ["patience has run out"]


def test_a_mixed_content_opening_at_its_mark_after_an_interposed_attribution():
    text = 'For small farms in the hills, he said, "the rules are too strict" and must change.'
    assert _texts(text) == ['For small farms in the hills the rules are too strict" and must change']
    # A quoted sentence of its own after the aside: what precedes is the narration's frame.
    text = 'Near the old mill, Lind wrote, "Nobody planned for the flood" in her report.'
    assert _texts(text) == ['Nobody planned for the flood']  # where it was written stays out


def test_a_name_ending_in_a_verb_of_saying_does_not_start_the_content():
    for name in ("the United States", "Gulf States", "Consumer Reports"):
        text = f'Tom Berg spoke on Monday, insisting that {name} "must stop the raids now."'
        qs = segment(Article(id="d", text=text), mixed="content")
        assert [q.text for q in qs] == [f'that {name} "must stop the raids now.'], name


def test_a_quoted_sentence_completing_a_reported_that_clause_takes_the_clause_in():
    cases = {
        'Tom Berg said that whatever the vote, "we will go on."': "that whatever the vote",
        'Tom Berg said on Monday that in his view, "We must act now."': "that in his view",
        'Tom Berg said that the plan failed, "because nobody paid."': "that the plan failed",
    }
    for text, lead in cases.items():
        (q,) = segment(Article(id="d", text=text), mixed="content")
        assert q.text.startswith(lead) and text[q.parts[0][0] : q.parts[0][1]] == lead, text
        (f,) = segment(Article(id="d", text=text), mixed="fragment")
        assert not f.text.startswith("that"), text
    for text in ('Tom Berg said that the plan failed, "We must act now."', 'Tom Berg said on Monday, "We act."'):
        (q,) = segment(Article(id="d", text=text), mixed="content")
        assert not q.text.startswith("that") and len(q.parts) == 1, text


def test_a_relative_pronoun_before_a_naming_verb_is_the_contents_subject():
    cases = {
        'Berg met the marchers, whom he described as "peaceful," and left.': ["whom", 'as "peaceful,'],
        'Kovac criticised the new server, which he called a "disaster" in May.': ["which", 'a "disaster" in May'],
        'Kovac dismissed the audit, which the inquiry said was "careless."': ["which", 'was "careless.'],
    }
    for text, parts in cases.items():
        (q,) = segment(Article(id="d", text=text), mixed="content")
        assert [text[a:b] for a, b in q.parts] == parts, text
    for text in (
        'Berg gave a speech in which he pledged that taxes would be "cut by half."',
        'Berg backed the plan, which he says he will "defend to the end."',
    ):
        (q,) = segment(Article(id="d", text=text), mixed="content")
        assert not text[q.parts[0][0] :].startswith("which") and len(q.parts) == 1, text


def test_a_sentence_adverb_between_the_verb_of_saying_and_that_keeps_the_content_whole():
    text = 'Tom Berg said, however, that he hopes "somebody else takes up the fight" soon.'
    (q,) = segment(Article(id="d", text=text), mixed="content")
    assert q.text.startswith("that he hopes")


def test_third_review_boundary_cases():
    unchanged = [
        'Asked why he had said that in 2019, "I was wrong," Berg replied.',
        'Berg said that day, "we go on."',
        'Berg did not say which bill he meant but called it "a disgrace."',
        'Berg asked what went wrong and called the vote "a farce."',
    ]
    for text in unchanged:
        (q,) = segment(Article(id="d", text=text), mixed="content")
        assert len(q.parts) == 1 and not text[q.start :].startswith(("that", "which", "what")), text
    (q,) = segment(Article(id="d", text='Berg said that, if elected, "I will cut taxes."'), mixed="content")
    assert q.text.startswith("that, if elected")


def test_fourth_review_boundary_cases():
    (q,) = segment(Article(id="d", text='Ana Kovac said that year after year, "we were ignored."'), mixed="content")
    assert q.text.startswith("that year after year")
    (q,) = segment(Article(id="d", text='The levy, which she called simply "a farce," was dropped.'), mixed="content")
    assert q.text.startswith("which")


def test_a_fragment_attributed_after_it_reports_the_whole_sentence_before_it():
    cases = {
        'If the levy passes, the harbour will be "empty within a year," Kovac said.': "If the levy passes",
        'The ferry, which runs twice a day, "loses money on every trip," said Tom Berg.': "The ferry, which",
        'Farmers are angry, but the ministry is "not listening to anyone," Berg said.': "Farmers are angry",
    }
    for text, start in cases.items():
        (q,) = _seg(text, mixed="content")
        assert q.text.startswith(start), (text, q.text)
    # A narration lead stays out, and so does a sentence whose speaker comes only in the next one.
    (q,) = _seg('Later, the mayor was "not amused at all," Berg said.', mixed="content")
    assert q.text.startswith("the mayor")
    (q,) = _seg('Berg, who chairs the panel, watches "Harbour Lights." Kovac said it was dull.', mixed="content")
    assert not q.text.startswith("Berg")


def test_a_fragment_closing_on_its_comma_goes_on_with_a_subordinate_clause():
    cases = {
        'Kovac said the levy was "a burden on farmers," because prices had fallen twice.': "twice",
        'Berg said the new dam is "a small step," compared to what the river needs.': "needs",
        'Lind told the council that the budget was "almost spent," and that more cuts would follow.': "follow",
    }
    for text, last in cases.items():
        (q,) = _seg(text, mixed="content")
        assert q.text.endswith(last), (text, q.text)
    # The narration's own clause, a term's relative clause and the next attribution stay out.
    for text in (
        'Kovac said the levy was "a burden on farmers," and then left the room.',
        'Berg said the new fee is "plain robbery," which angered the port.',
        'The levy is "a burden on farmers," Kovac said.',
    ):
        (q,) = _seg(text, mixed="content")
        assert q.text.rstrip(',"').endswith(("farmers", "robbery")), (text, q.text)


def test_a_verb_of_saying_with_no_that_reports_the_clause_right_after_it():
    cases = {
        'Kovac said the part of the harbour that flooded was "beyond repair."': "the part of the harbour",
        'Berg said Monday his one fear was that the dam would "give way."': "his one fear",
        'Lind argued farmers rarely understand that markets are "never fair."': "farmers rarely",
    }
    for text, start in cases.items():
        (q,) = _seg(text, mixed="content")
        assert q.text.startswith(start), (text, q.text)
    # Adjuncts before a "that" ('said on Monday in Oslo that'), an addressee, an inverted speaker.
    for text in (
        'Kovac said on Monday in Oslo that the dam will "give way."',
        'Kovac told the farmers in Oslo that the dam will "give way."',
        'Kovac said instead that the dam will "give way."',
    ):
        (q,) = _seg(text, mixed="content")
        assert q.text.startswith("that the dam"), (text, q.text)


def test_a_cue_word_after_an_article_or_a_possessive_does_not_open_the_content():
    cases = {
        'Kovac said the reported leak, which came from a rival office, was "a fabrication."': "the reported leak",
        "Berg's remarks about the harbour were \"a disgrace,\" Kovac said.": "Berg's remarks",
    }
    for text, start in cases.items():
        (q,) = _seg(text, mixed="content")
        assert q.text.startswith(start), (text, q.text)
    # A noun with its own clause still opens it.
    (q,) = _seg('Berg rejected her claim that the count was "rigged from the start."', mixed="content")
    assert q.text.startswith("that the count")


def test_a_split_quote_opening_in_mid_clause_keeps_the_start_of_its_clause():
    text = 'Farmers in the north "are angry about the new levy," Kovac said, "and they will march."'
    (q,) = _seg(text, mixed="content")
    assert q.text.startswith("Farmers in the north"), q.text
    # A term ending its sentence before a quote of its own, or an attribution before the mark.
    for text in (
        'Berg called the plan "a costly mistake for farmers," Kovac said, "and they know it."',
        'Berg said, "farmers are angry about the levy," and added, "they will march."',
    ):
        q = _seg(text, mixed="content")[0]
        assert not q.text.startswith(("Berg", "said")), (text, q.text)


def test_a_new_sentence_ending_in_a_colon_leads_the_next_quote_apart():
    text = (
        'The council could "close the harbour for a month," said Tom Berg, who chairs the '
        'union. Kovac objected: "The council has no such right."'
    )
    qs = _seg(text, mixed="content")
    assert len(qs) == 2 and qs[1].text == "The council has no such right.", [q.text for q in qs]


def test_a_time_right_after_the_verb_of_saying_stays_out_of_the_content():
    for text in (
        'Kovac said Tuesday night the harbour was "beyond repair."',
        'Kovac tweeted on Friday the harbour was "beyond repair."',
    ):
        (q,) = _seg(text, mixed="content")
        assert q.text.startswith("the harbour"), (text, q.text)
    # A time that belongs to a noun of the content stays in it.
    (q,) = _seg('Kovac said Monday night\'s storm had left the harbour "beyond repair."', mixed="content")
    assert q.text.startswith("Monday night's storm"), q.text


def test_a_quote_opening_lower_case_after_a_reported_clause_keeps_that_clause():
    cases = {
        'Kovac also said the flooding had little to do with the council, "nothing at all, in fact."': "the flooding",
        'Lind said because the port is busy, "we need a second crane."': "because the port",
    }
    for text, start in cases.items():
        (q,) = _seg(text, mixed="content")
        assert q.text.startswith(start), (text, q.text)
    # A time or place after the verb is no reported clause; nor is an earlier quote.
    for text in (
        'Berg said in Oslo in May, "we will go on."',
        'Most said "far too high" and a few said "about right, for now."',
    ):
        q = _seg(text, mixed="content")[-1]
        assert q.text.startswith("we will") or q.text.startswith("about right"), (text, q.text)


def test_one_word_of_the_speaker_in_a_reported_clause_is_a_mixed_quote():
    (q,) = _seg('Kovac said the council had tried to "bury" the flood report.', mixed="content")
    assert q.kind == "mixed" and "bury" in q.text
    # A word after "a" in mid-phrase names a thing.
    assert not _seg('Officials said the port would build a "superpier" next year.', mixed="content")
    # A content opened by "that" goes on through a second verb with its own clause.
    text = 'The ministry said in a statement that it "deplored" the ruling and feared it would slow the talks.'
    (q,) = _seg(text, mixed="content")
    assert q.text.endswith("slow the talks"), q.text


def test_a_new_sentence_with_its_own_attribution_introduces_the_next_quote():
    text = 'Kovac said, "The harbour plan was rushed from the start." She added, "Nobody asked the fishermen."'
    qs = _seg(text, mixed="content")
    assert [q.text for q in qs] == ["The harbour plan was rushed from the start.", "Nobody asked the fishermen."]
    assert qs[1].speaker_mention is not None and qs[1].speaker_mention.text == "She"
    # An attribution after a comma still joins the two halves of one quote.
    (q,) = _seg('"The plan was rushed," she added, "and nobody asked the fishermen."', mixed="content")
    assert len(q.parts) == 2


def test_a_second_speaker_who_cuts_in_takes_the_next_quote():
    for cue in ("cut in.", "broke in.", "interrupted."):
        text = f'Ana Kovac met us. "Tell them I said hello," Ana Kovac said, and her husband {cue} "Do not forget me."'
        qs = _seg(text, mixed="content")
        assert [q.text for q in qs] == ["Tell them I said hello,", "Do not forget me."], cue


def test_a_quote_resuming_with_a_verb_after_an_aside_keeps_its_subject():
    text = 'Counting the boats in the harbour each morning, Lind said, "is no way to run a port."'
    (q,) = _seg(text, mixed="content")
    assert q.text.startswith("Counting the boats"), q.text
    (q,) = _seg('Later that week, Lind said, "we will judge them by their plans."', mixed="content")
    assert q.text.startswith("we will"), q.text


def test_a_reported_clause_goes_on_past_a_comma_with_a_subordinate_clause():
    cases = {
        'Kovac said the port has "many options" for paying for it, including a levy on ferries.': "on ferries",
        'Berg said he is "still unsure" about the plan, even if he chairs the board.': "the board",
    }
    for text, last in cases.items():
        (q,) = _seg(text, mixed="content")
        assert q.text.endswith(last), (text, q.text)
    # The journalist's own clause after the fragment's comma stays out ("so", "which", "just as",
    # "even though", "where"), as does an adjective modifying a noun ('"woke" policies').
    for text, last in {
        'Kovac called the budget "a disgrace," so lawmakers sent it back to committee.': '"a disgrace',
        'Kovac said the deal was "a historic step forward," which analysts in Oslo doubted.': "forward",
        'Berg called the plan "reckless," even though his own party had backed it in May.': "reckless",
    }.items():
        (q,) = _seg(text, mixed="content")
        assert q.text.rstrip(',"').endswith(last.strip('"')), (text, q.text)
    assert _seg('Kovac said Berg pushed "woke" policies on schools.', mixed="content") == []
    (q,) = _seg('Berg said the ferry was "really" useful for Tromso, where he lives.', mixed="content")
    assert q.text.endswith("for Tromso"), q.text


def test_a_quote_in_parentheses_with_its_own_speaker_is_direct():
    text = 'The levy angered the union\'s members ("We want our fees back," wrote one fisherman.)'
    (q,) = _seg(text, mixed="content")
    assert q.kind == "direct" and q.text == "We want our fees back,", q.text
    # A parenthesised label with no speaker stays out.
    assert not _seg('Boats were graded from 1 ("Fit to sail") to 5 ("Fit for scrap").', mixed="content")


def test_a_fragment_ending_its_sentence_inside_the_marks_ends_the_content():
    text = 'Kovac insisted that the port was "still the busiest in the region."--Reporting by Tom Berg.'
    (q,) = _seg(text, mixed="content")
    assert q.text.rstrip('."').endswith("region"), q.text
    # An abbreviation's full stop ends nothing.
    (q,) = _seg('Berg said the plan would "hurt the U.S." and its allies.', mixed="content")
    assert q.text.endswith("its allies"), q.text


def test_a_quoted_sentence_put_to_an_addressee_is_its_own_content():
    (q,) = _seg('Kovac asked the harbour crowd "If the port closes, who will pay for it?"', mixed="content")
    assert q.text.startswith("If the port closes"), q.text
    (q,) = _seg('Kovac told the crowd that the port was "closing for good."', mixed="content")
    assert q.text.startswith("that the port"), q.text


def test_a_second_subject_with_its_own_verb_of_saying_ends_the_content():
    text = 'Asked about the levy, most farmers said "far too high" and a few said "about right."'
    assert [q.text for q in _seg(text, mixed="content")] == ["far too high", "about right."]


def test_a_title_in_the_attribution_of_the_quote_before_it_is_no_quote():
    for text in (
        '"We will not sell the port," Kovac said in an interview with Radio Norland\'s "Morning Desk."',
        '"It was rushed," said Tom Berg, one of the first "dock watch" volunteers.',
    ):
        assert [q.kind for q in _seg(text, mixed="content")] == ["direct"], text
    # A report of its own after the attribution stays.
    text = '"We are ready," Kovac said, adding that "deep cuts" were near.'
    assert len(_seg(text, mixed="content")) == 2


def test_review_of_the_boundary_rules():
    def content(text: str) -> list[str]:
        return [q.text for q in _seg(text, mixed="content")]

    # A fragment after an adverb and a participle, or in a concessive clause, is still a quote.
    assert len(content('"We will not comment," Kovac said, instead pointing to the "deep rifts" in it.')) == 2
    assert len(content('"We are ready," Berg said, though he expects the talks to be "long and hard."')) == 2
    # A time that is the reported clause's subject stays in it.
    assert content('Kovac said today was "a great day" for Norland.')[0].startswith("today was")
    # A second verb of saying after "and" is the narration's.
    assert content('Kovac said that the vote was "rigged" and vowed she would appeal.') == ['that the vote was "rigged']
    # An adjunct before "that" is when or how it was said.
    assert content('Kovac said two days ago that the deal was "dead in the water."')[0].startswith("that")
    # A split quote whose second part opens lower-case is one quote.
    assert len(content('"Why now?" Kovac asked, "when the money is already gone?"')) == 1


def test_a_sentence_opening_with_a_mark_and_a_bracket_or_an_ellipsis_is_a_new_sentence():
    for text, first in (
        ('The talks had failed. "[Berg] is not a serious man," Kowal said.', "[Berg]"),
        ('The talks had failed. "...We will not retreat," Kowal said.', "...We"),
    ):
        (q,) = _seg(text, mixed="content")
        assert q.kind == "direct" and q.text.startswith(first) and q.speaker == "Kowal", q.text


def test_a_content_after_an_apposition_keeps_its_that_and_subject():
    def content(text: str) -> list[str]:
        return [q.text for q in _seg(text, mixed="content")]

    # No verb of saying before the fragment ("jibed" is none): the clause's subject and its
    # apposition are reported too, from "that", not only the verb after the apposition.
    tail = ' while aides wrote letters that called him "naive."'
    assert content('Lind jibed that Kovac, a first-time mayor, was "learning on the job,"' + tail)[0] == (
        'that Kovac, a first-time mayor, was "learning on the job,'
    )
    # Without a "that" the subject may be the narration's own: the content starts at the verb.
    assert content('Still, Kovac, the new mayor, was "learning on the job,"' + tail)[0] == 'was "learning on the job,'


def test_a_content_after_told_starts_after_a_named_or_longer_addressee():
    def content(text: str) -> list[str]:
        return [q.text for q in _seg(text, mixed="content")]

    assert content('Berg told host Ana Lind a defeat is "increasingly likely" this year.') == [
        'a defeat is "increasingly likely" this year'
    ]
    assert content('Berg told Norland Radio the city\'s rules are "getting better."')[0].startswith("the city's")
    assert content('Berg told the Norland parliament the plan was "dead."')[0].startswith("the plan")
    assert content('Berg told a rally of farmers in northern Norland she will "fight on."')[0].startswith("she")
    # A preposition after the addressee: what follows is no clause of its own.
    assert content('Berg told the crowd of the plan\'s "bright future."')[0].startswith("the crowd")


def test_a_pronoun_opening_a_relative_clause_after_told_is_not_the_contents_subject():
    def content(text: str) -> list[str]:
        return [q.text for q in _seg(text, mixed="content")]

    # 'the woman in the blue coat he saw was ...': the pronoun's clause is a relative one inside
    # the subject, which starts after whom was told.
    assert content('Holm told the court the woman in the blue coat he saw was "clearly scared".') == [
        'the woman in the blue coat he saw was "clearly scared'
    ]
    # A pronoun that is the subject, even with an adverb before its verb, still opens the content.
    assert content('Holm told reporters in Oslo on Monday she really was "deeply sorry."') == [
        'she really was "deeply sorry.'
    ]


def test_a_full_stop_inside_the_closing_mark_stays_in_the_content():
    def content(text: str) -> list[str]:
        return [q.text for q in _seg(text, mixed="content")]

    # Inside the mark the full stop is the speaker's, as a direct quote keeps its own.
    assert content('Kovac called the plan "a disgrace."') == ['the plan "a disgrace.']
    # Outside it, it is the narration's.
    assert content('Kovac called the plan "a disgrace".') == ['the plan "a disgrace']
    # The fragment alone, in fragment mode, is unchanged.
    assert [q.text for q in _seg('Kovac called the plan "a disgrace."', mixed="fragment")] == ["a disgrace."]


def test_referred_to_and_to_call_open_a_naming_content():
    def content(text: str) -> list[str]:
        return [q.text for q in _seg(text, mixed="content")]

    # 'referred to X as' and 'to call X' name X the way 'called X' does: the content is X and the fragment.
    assert content('A friend referred to him as "the kindest soul I have met" in a post.')[0].startswith("him as")
    assert content('He went on to call Kovac "the absolutely worst mayor in Norland."') == [
        'Kovac "the absolutely worst mayor in Norland.'
    ]


def test_where_it_was_said_before_the_clause_said_stays_out():
    def content(text: str) -> list[str]:
        return [q.text for q in _seg(text, mixed="content")]

    # A setting after a verb with no "that", then the clause's own pronoun or a comma.
    assert content('Lind wrote in both posts he was "honoured and humbled" to sell the boat.') == [
        'he was "honoured and humbled" to sell the boat'
    ]
    assert content('The daily noted in an editorial on Monday, the mayor "has earned a few fans abroad."') == [
        'the mayor "has earned a few fans abroad.'
    ]
    # Without either, the words after the verb stay in ('in Oslo' may be the clause's own).
    assert content('Lind said in Oslo the plan was "dead."') == ['in Oslo the plan was "dead.']


def test_a_phrase_after_said_that_is_no_medium_or_occasion_stays_in_the_content():
    def content(text: str) -> list[str]:
        return [q.text for q in _seg(text, mixed="content")]

    # A quantity, a hedge or a condition is part of what was said, not where it was said.
    assert content('Lind said at least 30 homes, including "several old farms", were flooded.')[0].startswith(
        "at least 30 homes"
    )
    assert content('Holm said in most cases they were "paid on time" by the council.') == [
        'in most cases they were "paid on time" by the council'
    ]
    assert content('Lind said in the event of a walkout she would "not hesitate" to close the port.') == [
        'in the event of a walkout she would "not hesitate" to close the port'
    ]
    assert content('Holm said in many cases, farmers were "simply ignored" by the ministry.') == [
        'in many cases, farmers were "simply ignored" by the ministry'
    ]
    assert content('Lind said on the whole they were "treated well."') == ['on the whole they were "treated well.']
    # A medium or occasion of saying still stays out.
    assert content('Holm said at a rally in Oslo he would "never give up."') == ['he would "never give up.']
    assert content('Lind said in her weekly column, the port was "a disgrace."') == ['the port was "a disgrace.']


def test_called_on_leaves_the_preposition_out():
    (q,) = _seg('Berg called on Kovac to "step down before the vote."', mixed="content")
    assert q.text == 'Kovac to "step down before the vote.'


def test_a_that_clause_a_noun_of_saying_is_starts_the_content():
    text = 'Her catch phrase in that race against Lind was that Lind "would say anything to win."'
    (q,) = _seg(text, mixed="content")
    assert q.text == 'that Lind "would say anything to win.'


def test_a_word_anywhere_in_the_clause_a_verb_of_saying_reports_is_the_speakers():
    def content(text: str) -> list[str]:
        return [q.text for q in _seg(text, mixed="content")]

    # More than eight words after "said", but still inside the clause it reports.
    assert content('Lind said that the reforms needed after the vote did not amount to "amnesty."') == [
        'that the reforms needed after the vote did not amount to "amnesty.'
    ]
    # A clause boundary between the verb and the word: a term of the narration's.
    assert content('Lind said the vote was over, and the reforms needed after it amount to "amnesty" for some.') == []


def test_a_quoted_word_before_a_line_break_and_a_noun_modifies_the_noun():
    text = 'Holm said the group of "dissident"\nproducers would meet in Oslo.'
    assert [q.text for q in _seg(text, mixed="content")] == []


def test_a_quoted_adverb_before_a_verb_is_the_speakers_word():
    def content(text: str) -> list[str]:
        return [q.text for q in _seg(text, mixed="content")]

    assert content('Kovac recently said he would "absolutely" require banks to register.') == [
        'he would "absolutely" require banks to register'
    ]
    # An -ly adjective before a noun is still a term.
    assert content('Kovac said the troops came under "friendly" fire.') == []


def test_a_preposition_after_a_quoted_word_ends_its_phrase():
    text = 'Kovac says he rarely watches football because the league has gone "soft" like the country.'
    assert [q.text for q in _seg(text, mixed="content")] == [
        'he rarely watches football because the league has gone "soft" like the country'
    ]


def test_a_word_named_after_of_is_a_term_even_before_a_preposition():
    # 'the rise of "woke"': a thing named, as after an article, whatever preposition follows.
    for text in (
        'Lind said the rise of "woke" across the colleges alarmed her.',
        'Holm said the growth of "junk" among the big banks was worrying.',
        'Lind said the cult of "merit" in the civil service had to end.',
    ):
        assert [q.text for q in _seg(text, mixed="content")] == [], text
    # A gerund after "of" is an act the speaker names; an adverb or a conjunction ends its phrase.
    for text in (
        'Lind accused him of "lying" to the voters.',
        'Lind said he was guilty of "lying" repeatedly.',
        'Lind said the tax was a case of "theft" and had to go.',
    ):
        assert _seg(text, mixed="content"), text


def test_a_parenthesis_ends_the_content():
    def content(text: str) -> list[str]:
        return [q.text for q in _seg(text, mixed="content")]

    # An aside the content sits in closes with its bracket.
    assert content('Critics (like aide Jan Lind, who called Kovac "a liar" over the weekend) have pushed it.') == [
        'Kovac "a liar" over the weekend'
    ]
    # An aside opening after the fragment is the narration's.
    assert content('Berg called the bankers "thieves" (though he praised some of them) and left.') == [
        'the bankers "thieves'
    ]
    # A bracket inside the content stays in.
    assert content('Berg said the plan (a "disaster" by any measure) was dead.') == [
        'the plan (a "disaster" by any measure) was dead'
    ]


def test_a_bracket_further_on_in_the_content_stays_in():
    def content(text: str) -> list[str]:
        return [q.text for q in _seg(text, mixed="content")]

    # A conversion, a party tag or the speaker's own aside some words after the fragment.
    assert content('Holm said the bridge was "a white elephant" and would cost $3bn (€2.8bn) over ten years.') == [
        'the bridge was "a white elephant" and would cost $3bn (€2.8bn) over ten years'
    ]
    assert content('Lind said the bill was "doomed" in the House and that Rep. Ann Holm (D-Texas) would block it.') == [
        'the bill was "doomed" in the House and that Rep. Ann Holm (D-Texas) would block it'
    ]
    assert content('Holm said the tax was "a blunder" for the farmers (and for the towns).') == [
        'the tax was "a blunder" for the farmers (and for the towns)'
    ]
    # A one-word bracket right after the fragment is the content's own.
    assert content('Lind said the plan was "a total ban on coal" (TBC) by another name.') == [
        'the plan was "a total ban on coal" (TBC) by another name'
    ]


def test_content_stops_before_the_book_or_article_it_was_said_in():
    def content(text: str) -> list[str]:
        return [q.text for q in _seg(text, mixed="content")]

    assert content('Kovac said the vote marked "the start of a new era" in her 2019 book on the party.') == [
        'the vote marked "the start of a new era'
    ]
    assert content('Lind said the tax was "a disgrace" in an editorial for the daily.') == ['the tax was "a disgrace']


def test_a_report_or_article_where_the_contents_own_subject_acted_stays_in():
    def content(text: str) -> list[str]:
        return [q.text for q in _seg(text, mixed="content")]

    # The content's own subject did something there: the bank's report, the mayor's speech.
    assert content('Holm said the bank had "buried" the losses in its yearly report for 2022.') == [
        'the bank had "buried" the losses in its yearly report for 2022'
    ]
    assert content('Lind said the mayor had made "grave mistakes" in his budget speech last month.') == [
        'the mayor had made "grave mistakes" in his budget speech last month'
    ]
    assert content('Holm said the daily had "slandered" him in an article last week.') == [
        'the daily had "slandered" him in an article last week'
    ]
    # A state, or the speaker as subject: where it was said stays out.
    assert content('Holm said the talks had been "very useful" in an interview on Monday.') == [
        'the talks had been "very useful'
    ]
    assert content('Lind said she had "never seen such a mess" in a statement on Friday.') == [
        'she had "never seen such a mess'
    ]
    assert content('The bank said prices have "clearly peaked" in its monthly report.') == [
        'prices have "clearly peaked'
    ]


def test_review5_the_speakers_medium_stays_out_and_the_subjects_document_stays_in():
    for text, content in (
        ('Kovac said the government had "lost its way" in an interview with the BBC on Sunday.',
         'the government had "lost its way'),
        ('Berg said the West has "betrayed Ukraine" in his speech to the assembly.', 'the West has "betrayed Ukraine'),
        ('Berg said the company had "hidden" the losses in its annual report for 2023.',
         'the company had "hidden" the losses in its annual report for 2023'),
    ):
        (q,) = segment(Article(id="d", text=text))
        assert q.text == content, text


def test_review5_told_then_a_pronoun_with_too_or_himself_starts_the_content():
    for who, rest in (("she too", 'was "deeply shocked" by the verdict'), ("he himself", 'had "no idea" about it')):
        (q,) = segment(Article(id="d", text=f"Kovac told reporters {who} {rest}."))
        assert q.text == f"{who} {rest}", who


def test_review5_broadcast_media_and_chambers_after_said_stay_out():
    for where in ("on television", "on social media", "in parliament", "at the weekend"):
        (q,) = segment(Article(id="d", text=f'Kovac said {where} she would "never quit" the party.'))
        assert q.text == 'she would "never quit" the party', where


def test_review5_an_accusation_or_warning_with_of_is_the_speakers_word():
    for text in (
        'Berg accused the minister of "cowardice" over the strikes.',
        'Kovac warned of "chaos" at the borders if the deal failed.',
    ):
        assert len(segment(Article(id="d", text=text))) == 1, text


def test_review5_a_bracket_holding_a_figure_is_the_contents_own():
    for text in (
        'Berg said the scheme would cost "at least $2bn" (about £1.6bn) over five years and would never pay.',
        'Kovac said the rate would rise to "at least 5%" (from 4.5% now) by the end of the year.',
    ):
        (q,) = segment(Article(id="d", text=text))
        assert q.text.endswith(("would never pay", "by the end of the year")), text


def test_a_participle_with_its_own_report_starts_a_new_quote():
    """'," X said, adding that ... . "..."': the participle reports on its own, and the next quote
    goes on with that report rather than with the first quote."""
    text = (
        "The mayor spoke on Friday.\n\n"
        '"The council never wanted the bridge," Kowal said, adding that he had pushed for it as '
        'mayor of Dunmore. "A mayor must keep his word, whatever the budget."'
    )
    qs = _seg(text, mixed="content")
    assert [q.text for q in qs] == [
        "The council never wanted the bridge,",
        "that he had pushed for it as mayor of Dunmore. A mayor must keep his word, whatever the budget.",
    ]
    assert qs[1].speaker_mention is not None and qs[1].speaker_mention.text == "Kowal"
    assert qs[1].cue is not None and qs[1].cue.text == "adding"
    # 'explaining' too; an attribution with no participle of saying still joins the two parts.
    text = (
        '"We will rebuild the pier," Berg said, explaining that the harbour board had met twice. '
        '"The storms will not wait for us."'
    )
    assert len(_seg(text, mixed="content")) == 2
    text = '"We will rebuild the pier," Berg said after the harbour board had met twice. "The storms will not wait."'
    assert len(_seg(text, mixed="content")) == 1


def test_a_headline_cited_with_its_byline_is_no_quote():
    """A link roundup cites a story by its headline and writer: '"Pier gallery to close," by the
    Gazette's Ann Lund: ...'. The headline is nobody's words; the story's own quoted lines are."""
    text = (
        'HARBOUR ARTS -"Old pier gallery to close at the end of May," by the Gazette\'s Ann Lund: '
        '"The gallery has lost its lease."\n\n'
        'CITY HALL -"Council backs new tram line," by Tom Berg: "The vote was close."'
    )
    assert _texts(text) == ["The gallery has lost its lease.", "The vote was close."]
    # A passive agent after a quote is no byline.
    text = '"The storm will pass," Berg said, calmed by Kowal\'s words. "It always does," Kowal said.'
    assert len(_seg(text)) == 2


def test_review9_a_participles_report_goes_only_to_a_quote_with_no_attribution_of_its_own():
    """'..., adding that ... . "..."' leads the next quote only when that quote has no speaker of
    its own (another speaker's reply must not take Kowal's report), only after "that" or a subject
    pronoun ('adding weight to', 'adding to the confusion' are no reports), and in fragment mode the
    two quotes stay joined under the first cue."""
    for text, last in (
        ('"We will not pay," Kowal said, adding that Lund had agreed. "It is a lie," Lund replied.', "It is a lie,"),
        ('"We will not pay," Kowal said, adding that Berg lied. "We will ask again," he said.', "We will ask again,"),
        (
            '"We will not pay," Kowal said, explaining that Berg lied. "We will ask again," Lund said, "and again."',
            "We will ask again, and again.",
        ),
        (
            '"We will not pay," Kowal said, adding weight to the claims of his rivals. "We will ask again."',
            "We will not pay, We will ask again.",
        ),
        ('"We will not pay," Kowal said, adding to the confusion. "We ask again."', "We will not pay, We ask again."),
        (
            '"We will not pay," Kowal said, explaining why the fund was empty. "We will ask again."',
            "We will not pay, We will ask again.",
        ),
    ):
        assert _seg(text, mixed="content")[-1].text == last, text
    text = '"We will not pay," Kowal said, adding that the fund was empty. "We will ask again next year."'
    (q,) = _seg(text, mixed="fragment")
    assert q.text == "We will not pay, We will ask again next year."
    assert q.cue is not None and q.cue.text == "said"
    qs = _seg(text, mixed="content")
    assert qs[-1].text == "that the fund was empty. We will ask again next year."
    assert qs[-1].cue is not None and qs[-1].cue.text == "adding"



def test_review9_a_byline_is_only_after_a_headline_that_opens_its_line():
    """'," by Friday:' or a passive agent ('was called "...," by Norland's Foreign Minister Jan
    Kowal') inside a sentence is no byline: the quote stays."""
    for text in (
        'Kowal said the fund would be "empty and broke," by Friday: the ministry agreed.',
        'The pier will be "fully rebuilt for the summer season," by May: Lund said so on Friday.',
        'The strike was called "an act of war against our people," by Norland\'s Foreign Minister Jan Kowal.',
        'The deal was hailed as "a new dawn for the harbour," by President Jan Kowal: he spoke at length.',
    ):
        assert len(_seg(text)) == 1, text
    # A headline that opens its line after a list's dash still is one.
    text = 'The week in arts.\n\n—"Old pier gallery to close in May," by the Gazette\'s Ann Lund: a sad loss.'
    assert _seg(text) == []


def test_review12_a_participles_report_leads_the_next_quote_after_a_closed_sentence_too():
    """'"The fund is empty." Kowal said, adding that ...' breaks the quotes apart as the comma case
    does, so the second must take the report and the participle as its cue (it had no cue at
    all); 'explaining it to reporters' is no report ("it" has no verb of its own)."""
    for first in ('"The fund is empty."', '"We will not pay!"', '"Who will pay?"'):
        text = f'{first} Kowal said, adding that the fund was gone. "We will ask again next year."'
        q = _seg(text, mixed="content")[-1]
        assert q.text == "that the fund was gone. We will ask again next year.", text
        assert q.cue is not None and q.cue.text == "adding"
    for tail in ("explaining it to reporters at length.", "adding it to the list of complaints about Norland."):
        text = f'"We will not pay," Kowal said, {tail} "We will ask again."'
        assert _texts(text, mixed="content") == ["We will not pay, We will ask again."], text
    text = '"We will not pay," Kowal said, adding it was far too late. "We will ask again."'
    assert _texts(text, mixed="content")[-1] == "it was far too late. We will ask again."


def test_review12_a_passive_agent_after_a_quote_that_opens_its_line_is_no_byline():
    """'"...," by Norland's Foreign Minister Jan Kowal, was the phrase of the week.' opens its line
    but goes on as a sentence: a byline ends its line or leads on with a colon or a link."""
    text = '"An act of war against our people," by Norland\'s Foreign Minister Jan Kowal, was the phrase of the week.'
    assert len(_seg(text)) == 1
    assert _seg('"Port to close in May," by the Gazette\'s Ann Lund\nThe port will close.') == []
