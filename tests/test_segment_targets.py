"""Target rules of the segmenter on short invented stories: the speaker's side, the fallback to
the attribution sentence and the headline, and names resolved across the story."""

from __future__ import annotations

from stance.records import Article
from stance.segment import segment


def _seg(text: str, title: str | None = None):
    return segment(Article(id="d1", text=text, title=title), mixed="fragment")


def test_home_state_of_an_affiliation_is_not_a_target():
    text = 'MITI official Ken Sato told Japanese reporters in Tokyo: "The pact will hold."\n'
    assert _seg(text)[0].targets == []
    assert _seg(text, title="JAPAN AND SOUTH KOREA SIGN CHIP PACT")[0].targets == ["South Korea"]


def test_bloc_of_the_speakers_state_is_not_a_target():
    text = (
        "British Trade Secretary John Fenwick said on Friday he had warned Washington.\n"
        '    "The Community would have to retaliate against the United States," Fenwick said.\n'
    )
    assert _seg(text)[0].targets == ["United States"]


def test_title_after_a_line_break_still_gives_the_affiliation():
    text = (
        "Argentina's Economy Minister Juan\nPerez spoke to bankers.\n"
        '    "We cannot accept it," Perez said. "Argentina will not pay on those terms."\n'
    )
    q = _seg(text)[0]
    assert q.speaker == "Juan Perez"
    assert "Argentina" in q.targets  # own state named in the speaker's own words stays


def test_quote_naming_no_party_takes_the_state_of_its_sentence():
    text = 'Asked about Canada, Dana Holt said: "We will look at the figures first."\n'
    assert _seg(text)[0].targets == ["Canada"]


def test_quote_naming_no_party_takes_the_headline_counterpart():
    text = (
        "The trade representative spoke in Washington on Tuesday.\n"
        '    "We do not want a trade war," said U.S. trade official Dana Holt.\n'
    )
    q = _seg(text, title="U.S. WARNS JAPAN ON CHIP PACT")[0]
    assert q.targets == ["Japan"]
    assert _seg(text)[0].targets == []


def test_old_name_resolves_to_the_state_the_story_names():
    text = (
        "West Germany's central bank raised rates on Thursday.\n"
        '    "Germany has broken the spirit of the accord," said analyst Mary Lane.\n'
    )
    assert _seg(text)[0].targets == ["West Germany"]


def test_own_state_as_a_modifier_in_the_quote_is_not_a_target():
    text = (
        "State Department spokesman Carl Berg spoke on Monday.\n"
        '    "We will protect American shipping in the Gulf," Berg said.\n'
    )
    assert _seg(text)[0].targets == []
    named = 'State Department spokesman Carl Berg said: "America will not be moved."\n'
    assert _seg(named)[0].targets == ["United States"]


# A story about a state names it again and again; one named once in the paragraph before a quote
# is a bystander (see test_a_state_named_in_passing_in_the_paragraph_before_is_no_target).
def _about(state: str) -> str:
    return f"{state} is in the news. Talks on {state} go on, and {state} waits.\n"


def test_quote_naming_no_party_takes_the_state_of_the_paragraph_before():
    text = _about("Brazil") + (
        "Brazil rejected the bank committee's offer on Tuesday.\n"
        '    "We expect a better answer soon," said bank spokesman Tom Reed.\n'
    )
    assert _seg(text)[0].targets == ["Brazil"]
    own = _about("the United States") + (
        "U.S. banks rejected the offer on Tuesday.\n"
        '    "We expect a better answer soon," said U.S. bank spokesman Tom Reed.\n'
    )
    assert _seg(own)[0].targets == []


def test_unaffiliated_speaker_speaks_for_the_headline_subject():
    text = '"We will not accept these terms from Tokyo," trade secretary John Fenwick said.\n'
    assert _seg(text, title="BRITISH MINISTER REJECTS JAPAN TERMS")[0].targets == ["Japan"]
    own = '"Britain will not accept these terms," trade secretary John Fenwick said.\n'
    assert _seg(own, title="BRITISH MINISTER REJECTS JAPAN TERMS")[0].targets == ["Britain", "Japan"]


def test_counterpart_in_a_mention_that_runs_past_the_name_is_not_the_speakers_side():
    text = (
        "Trade spokesman Dan Reed defended the new duties on Japan and said officials "
        '"do not expect a trade war."\n'
    )
    q = _seg(text)[0]
    assert q.speaker == "Dan Reed"
    assert q.targets == ["Japan"]


def test_our_government_is_the_speakers_side_not_a_party_named_before():
    text = (
        "The IMF criticised the budget plan on Monday.\n"
        '    "Our government has done enough," said finance spokesman Ali Demir.\n'
    )
    assert _seg(text)[0].targets == []
    other = text.replace("Our government", "The government")
    assert _seg(other)[0].targets == ["IMF"]


def test_a_definite_group_stands_for_the_states_named_before_it():
    text = (
        "Trade chief Dan Reed said growth in Japan and Italy was too weak.\n"
        '    "The major industrial countries must grow faster," Reed said.\n'
    )
    assert _seg(text)[0].targets == ["Japan", "Italy"]
    bare = text.replace("The major industrial countries", "Growth in industrial countries")
    assert _seg(bare)[0].targets == ["industrial countries"]


def test_a_title_only_one_state_gives_is_the_speakers_side():
    text = '"American farmers cannot wait for Tokyo any longer," said Senator Tom Hale.\n'
    assert _seg(text)[0].targets == ["Japan"]
    appos = 'Tom Hale, Under Secretary of State for Economic Affairs, said: "American farmers cannot wait for Tokyo."\n'
    assert _seg(appos)[0].targets == ["Japan"]
    untitled = text.replace("Senator ", "")
    assert _seg(untitled)[0].targets == ["United States", "Japan"]


def test_a_bare_spokesman_speaks_for_the_body_the_sentence_opens_with():
    text = _about("South Korea") + (
        "The Foreign Ministry in Tokyo warned Seoul again, in what spokesman Ken Sato called a last word.\n"
        '    "Japanese fishermen will not leave those waters," Sato said.\n'
    )
    assert _seg(text)[0].targets == ["South Korea"]


def test_a_body_or_acronym_opening_the_headline_gives_its_state():
    text = '"American banks want a fair chance in Tokyo," Dana Holt said.\n'
    assert _seg(text, title="U.S. TREASURY AIDE PRESSES JAPAN ON RICE")[0].targets == ["Japan"]
    assert _seg(text, title="US ENVOY PRESSES JAPAN ON RICE")[0].targets == ["Japan"]
    assert _seg(text)[0].targets == ["United States", "Japan"]


def test_a_group_named_only_around_the_quote_is_not_taken():
    text = _about("Canada") + (
        "Canada spoke for the debtor countries at the meeting.\n"
        '    "We need more time," said finance official Ana Ruiz.\n'
    )
    assert _seg(text)[0].targets == ["Canada"]
    inside = text.replace("We need more time", "Many debtor countries need more time")
    assert _seg(inside)[0].targets == ["debtor countries"]


def test_remarks_on_a_body_in_a_two_party_story_are_also_about_the_other_party():
    text = 'Dana Holt of the U.S. Commerce Department said: "Congress will act if nothing changes."\n'
    assert _seg(text, title="U.S. WARNS JAPAN ON CHIP PACT")[0].targets == ["U.S. Congress", "Japan"]
    assert _seg(text)[0].targets == ["U.S. Congress"]
    assert _seg(text, title="U.S., JAPAN AND CHINA SIGN CHIP PACT")[0].targets == ["U.S. Congress"]


def test_a_city_as_the_venue_of_talks_or_a_deal_is_not_a_target():
    accord = '"The Lisbon accord still holds," analyst Mary Lane said.\n'
    assert _seg(accord)[0].targets == []
    talks = '"Nothing came of the talks held in Oslo last week," analyst Mary Lane said.\n'
    assert _seg(talks)[0].targets == []
    # The city standing for its government is still a party.
    party = '"Lisbon has broken its word," analyst Mary Lane said.\n'
    assert _seg(party)[0].targets == ["Portugal"]


def test_a_sum_in_a_states_currency_names_no_party():
    text = '"At 40 U.S. dlrs a barrel the field pays," analyst Mary Lane said.\n'
    assert _seg(text)[0].targets == []
    around = 'Analyst Mary Lane put the price at 40 U.S. dlrs a barrel. "The field pays," she said.\n'
    assert _seg(around)[0].targets == []
    assert _seg(text.replace("40 U.S. dlrs", "what the U.S. pays"))[0].targets == ["United States"]


def test_a_states_share_of_a_group_is_not_the_group():
    text = '"Danish consumers will pay for this tax," analyst Mary Lane said.\n'
    assert _seg(text)[0].targets == ["Denmark"]
    plain = 'Talks on coffee quotas ended.\n    "The consumers will pay for this tax," analyst Mary Lane said.\n'
    assert _seg(plain)[0].targets == ["coffee consuming countries"]


def test_a_central_banker_and_a_company_named_in_the_quote_are_targets():
    text = (
        "Analyst Dana Holt spoke to reporters on Monday.\n"
        '    "Greenspan will have to show the markets he is tough on inflation," Holt said.\n'
        '    "IBM is not the only company waiting to see what he does," Holt said.\n'
    )
    quotes = _seg(text)
    assert quotes[0].targets == ["Alan Greenspan"]
    assert quotes[1].targets == ["IBM"]
    # His home is the United States: the state of the attribution sentence is his own side.
    own = 'Alan Greenspan said in Washington on Monday: "We will keep a close eye on prices."\n'
    assert _seg(own)[0].targets == []


def test_a_description_the_name_stands_in_apposition_to_gives_the_affiliation():
    # "<description>, <name>, <verb> ...": the description is the speaker's side, and what
    # follows the name's closing comma is the sentence going on, not an apposition.
    text = (
        "Egypt's foreign minister, Amr Fahmy, thanked Washington for its help on Monday.\n"
        '    "We are grateful to our American friends for their support," he said.\n'
    )
    q = _seg(text)[0]
    assert q.speaker == "Amr Fahmy"
    assert q.targets == ["United States"]
    navy = (
        "A French Navy spokesman, Captain Paul Girard, said the frigates were at sea.\n"
        '    "We are not there to frighten anyone," Girard said.\n'
    )
    assert _seg(navy, title="LIBYA WARNS FRANCE OVER FRIGATES")[0].targets == ["Libya"]


def test_the_place_the_speaker_spoke_is_not_a_target():
    text = '"The war will not spread," Karl Vogt, a West German official, told reporters in Bahrain.\n'
    assert _seg(text)[0].targets == []


def test_a_city_named_as_a_place_around_the_quote_is_no_fallback_party():
    talks = (
        "Coffee producers met consumers in London on Monday.\n"
        '    "Nobody expects a quick deal," said analyst Mary Lane.\n'
    )
    assert _seg(talks)[0].targets == []
    market = (
        "Prices fell on the Oslo market early on Monday.\n"
        '    "Everybody is selling," said dealer Tom Reed.\n'
    )
    assert _seg(market)[0].targets == []
    # A city standing for its government, or where the government's mood is, is still a party.
    party = _about("Portugal") + (
        "Lisbon rejected the bank committee's offer on Tuesday.\n"
        '    "We expect a better answer soon," said bank spokesman Tom Reed.\n'
    )
    assert _seg(party)[0].targets == ["Portugal"]
    mood = _about("the United States") + (
        "Dealers expect no change of mood in Washington this week.\n"
        '    "We are waiting," said dealer Tom Reed.\n'
    )
    assert _seg(mood)[0].targets == ["United States"]


def test_a_company_story_headline_names_no_party_but_its_company():
    text = 'Analyst Dana Holt said on Monday: "Sales were weak in the first quarter."\n'
    # A stock ticker marks a company story: its quotes are about the company, not the state.
    assert _seg(text, title="NORCO <NRC> SEES LOWER SALES IN BRITAIN")[0].targets == []
    assert _seg(text, title="NORCO SEES LOWER SALES IN BRITAIN")[0].targets == ["Britain"]
    assert _seg(text, title="IBM <IBM> SEES LOWER SALES IN BRITAIN")[0].targets == ["IBM"]


def test_the_headline_body_a_quote_naming_nobody_is_about():
    text = 'Economist Dana Holt said on Monday: "They will not move before the summer."\n'
    assert _seg(text, title="ANALYSTS SEE NO FED MOVE SOON")[0].targets == ["Federal Reserve"]
    # Not a body that only describes the speaker, nor the speaker's own body.
    assert _seg(text, title="FED OFFICIAL SEES NO MOVE SOON")[0].targets == []
    own = 'Fed governor Dana Holt said on Monday: "We will not move before the summer."\n'
    assert _seg(own, title="ANALYSTS SEE NO FED MOVE SOON")[0].targets == []
    # A quote naming a party keeps to it.
    named = 'Economist Dana Holt said on Monday: "Japan will not move before the summer."\n'
    assert _seg(named, title="ANALYSTS SEE NO FED MOVE SOON")[0].targets == ["Japan"]


def test_a_city_in_a_headline_as_the_venue_of_a_meeting_is_no_party():
    text = 'Finance minister Jan Kowal said on Monday: "The agreement is working."\n'
    assert _seg(text, title="KOWAL BACKS LISBON G-7 ACCORD")[0].targets == []
    assert _seg(text, title="NORLAND MINISTER BACKS LISBON MEET")[0].targets == []
    assert _seg(text, title="KOWAL SEES PROGRESS IN LISBON TALKS")[0].targets == ["Portugal"]


def test_a_pronoun_does_not_point_back_to_a_city_named_as_a_place():
    text = (
        "Finance ministers of Brazil and Mexico met in Lisbon on Sunday.\n"
        '    "Nothing new came of it for them," said analyst Mary Lane.\n'
    )
    assert _seg(text)[0].targets == ["Mexico"]
    market = 'Dealers on the Oslo market sold. "A rate rise worries them," said analyst Mary Lane.\n'
    assert _seg(market)[0].targets == []
    party = 'Oslo rejected the offer. "A rate rise worries them," said analyst Mary Lane.\n'
    assert _seg(party)[0].targets == ["Norway"]


def test_in_a_filing_it_stands_for_the_filer_not_the_agency():
    text = (
        "Norco Inc said it had raised its stake in Sudco Corp.\n"
        "    In a filing with the Securities and Exchange Commission, Norco said\n"
        'it bought the shares "for investment purposes only".\n'
    )
    assert "SEC" not in _seg(text)[0].targets
    told = 'Norco told the SEC it bought the shares "for investment purposes only".\n'
    assert "SEC" not in _seg(told)[0].targets
    own = 'Norco said in its SEC filing it bought the shares "for investment purposes only".\n'
    assert "SEC" not in _seg(own)[0].targets
    # The agency as a party in the quoted words is still a target.
    named = '"The SEC has opened an inquiry into our trading," Norco chairman Jan Kowal said.\n'
    assert _seg(named)[0].targets == ["SEC"]


def test_a_state_opening_a_company_name_is_no_fallback_party():
    text = (
        "Shares of British Norco Airlines Inc rose on Monday.\n"
        '    "We expect a better quarter," said chief executive Jan Kowal.\n'
    )
    assert _seg(text)[0].targets == []
    society = 'A report in the Bulletin of the American Growers Society said: "The risk is small."\n'
    assert _seg(society)[0].targets == []
    state = _about("the United States") + (
        "Norland rejected the American offer on Monday.\n"
        '    "We expect a better answer," said analyst Mary Lane.\n'
    )
    assert _seg(state)[0].targets == ["United States"]


def test_the_source_a_headline_ends_with_is_no_party():
    text = 'Analyst Dana Holt said on Monday: "The growth figures will disappoint."\n'
    assert _seg(text, title="NO EARLY RATE CUT EXPECTED - BRITISH ANALYSTS")[0].targets == []
    assert _seg(text, title="NO EARLY RATE CUT EXPECTED IN BRITAIN")[0].targets == ["Britain"]
    # A short slug before the dash is no statement with a source after it.
    assert _seg(text, title="ECONOMY WATCH - BRITISH GROWTH")[0].targets == ["Britain"]


def test_they_opening_a_quote_does_not_point_to_a_state_opening_a_company_name():
    text = (
        "Shares of American Norco Brands Inc rose after the bid.\n"
        '    "They wanted a deal badly," said analyst Mary Lane.\n'
    )
    assert _seg(text)[0].targets == []
    state = (
        "American officials welcomed the bid on Monday.\n"
        '    "They wanted a deal badly," said analyst Mary Lane.\n'
    )
    assert _seg(state)[0].targets == ["United States"]


def test_an_all_caps_headline_names_a_mixed_case_company():
    text = 'Analyst Dana Holt said on Monday: "The bid undervalues the tyre business."\n'
    assert _seg(text, title="GENCORP <GNC> BID SEEN TOO LOW")[0].targets == ["GenCorp"]
    # A group named by a common noun is still no headline body.
    assert _seg(text, title="CREDITORS SEE BID TOO LOW")[0].targets == []


def test_the_company_a_headline_names_before_its_ticker_is_what_a_quote_naming_nobody_is_about():
    story = "Norvale Mills Inc shares rose sharply on Monday after the sale.\n"
    text = story + '    Analyst Dana Holt said: "The closures were overdue."\n'
    # The company as the story writes it, whether the headline gives a slug or a legal form.
    assert _seg(text, title="TALKING POINT/NORVALE MILLS <NVM>")[-1].targets == ["Norvale Mills"]
    assert _seg(text, title="NORVALE MILLS INC <NVM> STOCK UP SHARPLY")[-1].targets == ["Norvale Mills"]
    assert _seg(text, title="ANALYSTS SEE NORVALE <NVM> GAINS")[-1].targets == ["Norvale Mills"]
    # Not what the speaker speaks for, and not where the quote names a party of its own.
    own = story + '    Norvale Mills chairman Tom Lund said: "The closures were overdue."\n'
    assert _seg(own, title="TALKING POINT/NORVALE MILLS <NVM>")[-1].targets == []
    named = story + '    Analyst Dana Holt said: "Japan will buy less."\n'
    assert _seg(named, title="TALKING POINT/NORVALE MILLS <NVM>")[-1].targets == ["Japan"]


def test_the_body_a_headline_opens_with_as_the_speaker_is_no_fallback_target():
    text = 'The company said on Monday: "The offer undervalues our shareholders\' stake."\n'
    assert _seg(text, title="GENCORP <GNC> REJECTS TAKEOVER OFFER")[0].targets == []
    # Seen by others, or asking another body, it is what the story is about.
    assert _seg(text, title="GENCORP <GNC> OFFER SEEN TOO LOW")[0].targets == ["GenCorp"]
    assert _seg(text, title="FED ASKS NYSE TO TIGHTEN RULES")[0].targets == ["New York Stock Exchange"]


def test_a_family_name_spelt_like_a_state_is_no_target():
    text = (
        'Council leader Tom Holland said: "The budget is fair."\n'
        'Mr Holland added: "Nobody will pay more."\n'
        'The columnist Ann French wrote: "The council is wrong."\n'
    )
    assert all(q.targets == [] for q in _seg(text))


def test_a_state_after_a_month_or_a_sentence_start_is_still_the_state():
    text = (
        'The minister said: "From June Norway will pay less, and in March Holland will too."\n'
        'Norway rejected the plan. "Holland must pay," the minister said.\n'
    )
    qs = _seg(text)
    assert qs[0].targets == ["Norway", "Netherlands"]
    assert qs[1].targets == ["Netherlands"]


def test_a_house_whose_name_goes_on_is_not_the_lexicon_body():
    text = (
        'Senator Jo Marsh said: "The bill will pass the House of Lords easily."\n'
        'Senator Jo Marsh said: "The bill will pass the House easily."\n'
    )
    qs = _seg(text)
    assert "U.S. Congress" not in qs[0].targets
    assert "U.S. Congress" in qs[1].targets


def test_a_state_owning_an_office_in_a_quote_is_no_target():
    text = 'Party chairman Ed Varga said: "She wants to be the president of Norway and she is not ready."\n'
    assert _seg(text)[0].targets == []
    text = 'Party chairman Ed Varga said: "Norway must not yield."\n'
    assert _seg(text)[0].targets == ["Norway"]


def test_a_city_named_as_the_place_of_an_event_is_no_party():
    text = 'Party chairman Ed Varga said: "After the Oslo train bombing we must guard every station."\n'
    assert _seg(text)[0].targets == []
    text = 'Party chairman Ed Varga said: "Oslo must guard every station."\n'
    assert _seg(text)[0].targets == ["Norway"]


def test_a_state_opening_a_councils_name_is_no_party_around_a_quote():
    text = (
        "Jan Kowal was named chairman of the Norwegian Arts Council on Monday.\n"
        '"It is a great honour," Kowal said.\n'
    )
    assert _seg(text)[0].targets == []


def test_a_state_after_a_political_modifier_is_the_state_not_a_family_name():
    text = 'He compared the policy to Nazi Germany, saying "this is what Nazi Germany did and we reject it."\n'
    assert segment(Article(id="d1", text=text))[0].targets == ["Germany"]


def test_a_capital_before_a_verb_and_attacks_is_a_party_not_a_venue():
    text = '"We think Moscow ordered attacks on our villages," the minister said.\n'
    assert segment(Article(id="d1", text=text))[0].targets == ["Soviet Union"]


def test_a_person_a_quote_names_is_a_target_by_the_full_name_the_story_gives():
    text = (
        "Senator Dana Whitlow attacked her rival Marta Ilves on Tuesday.\n"
        '"Ilves has broken every promise she made," Whitlow said.\n'
    )
    q = _seg(text)[0]
    assert q.speaker == "Dana Whitlow"
    assert q.targets == ["Marta Ilves"]


def test_a_person_a_quote_calls_by_a_listed_given_name_alone_is_a_target():
    story = "Senator Maria Ilves and Governor Tom Berg met voters on Tuesday.\n"
    q = _seg(story + '"I like Maria, but her plan will fail," Dana Whitlow said.\n')[0]
    assert q.targets == ["Maria Ilves"]
    # Not "the Bill" (a thing), not a name two people of the story share, not the speaker.
    bill = "Senator Bill Lund spoke on Tuesday.\n" + '"I think the Bill will fail," Dana Whitlow said.\n'
    assert _seg(bill)[0].targets == []
    two = "Tom Lund and Tom Berg met voters on Tuesday.\n" + '"Tom is wrong," Dana Whitlow said.\n'
    assert _seg(two)[0].targets == []
    own = story + '"Maria keeps her word," Ilves said.\n'
    assert _seg(own)[0].targets == []


def test_the_speaker_named_in_their_own_words_is_no_target():
    text = 'Dana Whitlow told supporters: "Whitlow keeps her word and Marta Ilves does not."\n'
    assert _seg(text)[0].targets == ["Marta Ilves"]


def test_capitalised_common_words_and_things_are_no_person_targets():
    # "Unlike Ruiz" is a run of capitals, not a name: the article writes "unlike" in lower case.
    text = (
        "Governor Tomas Ruiz lost the vote, unlike his ally. Unlike Ruiz, the mayor spoke.\n"
        '"Ruiz misled the voters about the Fair Water Act," Ada Brenner said.\n'
    )
    q = _seg(text)[0]
    assert q.targets == ["Tomas Ruiz"]


def test_a_name_opening_a_longer_name_is_no_person_target():
    text = (
        "Hanna Lutz founded the Lutz Foundation in 1990.\n"
        '"The Lutz Foundation has done fine work," Ada Brenner said.\n'
    )
    assert "Hanna Lutz" not in _seg(text)[0].targets


def test_parties_are_targets():
    text = 'Ada Brenner, a Democrat, said: "The Republicans want to cut the school budget."\n'
    assert _seg(text)[0].targets == ["Republican Party"]
    text = 'Ada Brenner said: "The Tories have no answer on hospitals."\n'
    assert _seg(text)[0].targets == ["Conservative Party"]


def test_a_given_name_that_is_also_a_word_and_a_party_word_before_a_name():
    text = (
        "The bill passed after Democrat Bill Ostrow spoke against it.\n"
        '"Ostrow has no plan for the farms," Ada Brenner said.\n'
    )
    assert _seg(text)[0].targets == ["Bill Ostrow"]


def test_a_company_the_story_introduced_is_a_target_by_its_name_without_legal_form():
    text = (
        "Norcorp Holdings Inc said it raised its offer for Vellmar Foods Corp.\n"
        '"Vellmar shareholders deserve a better price than the board has offered," Ada Brenner said.\n'
    )
    assert _seg(text)[0].targets == ["Vellmar Foods"]


def test_a_company_introduced_with_a_possessive_legal_form_is_a_target():
    text = (
        "A panel backed Kestrel Co's new drug.\n"
        '"Kestrel has the better drug," Ada Brenner said.\n'
    )
    assert _seg(text)[0].targets == ["Kestrel"]


def test_a_company_named_after_a_function_word_or_with_its_form_in_a_quote_is_a_target():
    intro = "On Friday Kestrel Mills Inc bid for the dairy unit.\n"
    for quote in ("The Kestrel Mills board has to be careful", "Because Kestrel Mills Inc is rich, it will win"):
        assert _seg(intro + f'"{quote}," Ada Brenner said.\n')[0].targets == ["Kestrel Mills"]
    plural = "Dorn Freightways Corp, the trucker, lost money.\n"
    assert _seg(plural + '"Dorn Freightways\' debts are large," Ada Brenner said.\n')[0].targets == ["Dorn Freightways"]


def test_a_company_name_stops_at_a_bracket_and_at_an_owner():
    text = "Norland's Harrow Steel Ltd and Kell (Asia) Ltd signed a deal.\n"
    assert _seg(text + '"Harrow Steel has the better mills," Ada Brenner said.\n')[0].targets == ["Harrow Steel"]
    assert _seg(text + '"Asia has the better mills," Ada Brenner said.\n')[0].targets == []


def test_the_company_or_the_stock_in_a_quote_is_the_company_named_before():
    text = "Kestrel Mills Inc reported a loss on Monday. Ann Berg of Dorn Securities Inc likes the shares.\n"
    assert _seg(text + '"The stock is cheap now," Berg said.\n')[0].targets == ["Kestrel Mills"]
    assert _seg(text + '"Sales will rise in the spring," Berg said.\n')[0].targets == []
    text = "Kestrel Mills Inc reported a loss on Monday. Dorn Securities Inc analyst Ann Berg likes the shares.\n"
    assert _seg(text + '"The company has done a lot," Berg said.\n')[0].targets == ["Kestrel Mills"]


def test_a_state_opening_a_company_name_in_a_quote_is_no_target():
    text = '"Buyers will shun American Norco Motors dealers for a while," Tom Berg said.\n'
    assert _seg(text)[0].targets == []
    forums = '"After the Group of Five and Group of Seven meetings, nothing changed," Tom Berg said.\n'
    assert "Group of Five" in _seg(forums)[0].targets


def test_a_state_inside_a_company_name_the_story_gave_with_its_form_is_no_target():
    intro = "Irish Kestrel Ltd and Kell Canada Oil Co reported losses on Monday.\n"
    for named in ("Irish Kestrel", "Irish Kestrel's units", "Kell Canada", "(Kell Canada)"):
        text = intro + f'    "We think {named} will recover," said analyst Tom Berg.\n'
        assert not {"Canada", "Ireland"} & set(_seg(text)[0].targets), named
    # Without the story's name for the company, the state stays a target.
    text = '    "We think Irish Kestrel will recover," said analyst Tom Berg.\n'
    assert _seg(text)[0].targets == ["Ireland"]
    # The state beside the company's name, not in it, is still one.
    text = intro + '    "Trade with Canada will recover," said analyst Tom Berg.\n'
    assert _seg(text)[0].targets == ["Canada"]


def test_bare_producers_are_the_lexicon_trade_group_only_in_a_story_naming_the_trade():
    quote = '    "The producers will not accept lower prices," said delegate Tom Berg.\n'
    coffee = "Talks on coffee export quotas resumed in Lisbon on Monday.\n"
    dairy = "Talks on dairy quotas resumed in Lisbon on Monday.\n"
    assert _seg(coffee + quote)[0].targets == ["coffee producers"]
    assert "coffee producers" not in _seg(dairy + quote)[0].targets
    consumers = '    "Consumers will pay more for milk," said delegate Tom Berg.\n'
    assert "coffee consuming countries" not in _seg(dairy + consumers)[0].targets
    # The group's own name needs no such word.
    full = '    "Without a deal, coffee producers will suffer," said delegate Tom Berg.\n'
    assert _seg(dairy + full)[0].targets == ["coffee producers"]


def test_the_trade_counts_for_bare_producers_in_any_case_or_by_its_bodys_name():
    quote = '    "The producers have turned down every offer," a delegate said.\n'
    for intro, title in (
        ("Coffee export quota talks broke down in Lisbon on Friday.\n", None),
        ("Talks at the International Coffee Organization broke down on Friday.\n", None),
        ("Talks at the ICO broke down in Lisbon on Friday.\n", None),
        ("Export quota talks broke down in Lisbon on Friday.\n", "COFFEE TALKS COLLAPSE"),
    ):
        assert _seg(intro + quote, title=title)[0].targets == ["coffee producers"], intro


def test_a_state_naming_a_round_of_trade_talks_is_no_target():
    for name in ("the Uruguay Round", "the Uruguay round"):
        text = f'"Farm subsidies will wreck {name}," Tom Berg said.\n'
        assert _seg(text)[0].targets == [], name
    text = '"Farm subsidies will wreck Uruguay," Tom Berg said.\n'
    assert _seg(text)[0].targets == ["Uruguay"]
    # Nor is it the state a quote naming nobody falls back to.
    text = 'Tom Berg spoke of the Uruguay Round: "Farm subsidies will wreck it."\n'
    assert "Uruguay" not in _seg(text)[0].targets


def test_a_sea_or_a_company_named_of_a_state_is_no_target():
    for name in ("the Gulf of Mexico", "the Sea of Japan", "Kestrel Co of America", "the Kestrel Company of America"):
        text = f'"We will drill for oil with {name} next year," Tom Berg said.\n'
        assert _seg(text)[0].targets == [], name
    text = '"We will drill for oil with Mexico next year," Tom Berg said.\n'
    assert _seg(text)[0].targets == ["Mexico"]


def test_a_possessive_in_a_company_name_is_part_of_the_name():
    text = (
        "Shares of Kellan's Kitchens Inc rose on Monday.\n"
        '    "Kellan\'s has suffered from the price war," said analyst Tom Berg.\n'
    )
    assert _seg(text)[0].targets == ["Kellan's Kitchens"]
    # An owner named before the company is no part of its name.
    owned = (
        "Shares of Norway's Vestra Mills Ltd and Kell Group's Dorn Foods Inc rose on Monday.\n"
        '    "Vestra Mills and Dorn Foods have suffered from the price war," said analyst Tom Berg.\n'
    )
    assert _seg(owned)[0].targets == ["Vestra Mills", "Dorn Foods"]


def test_partners_names_before_and_co_name_the_firm():
    for form in ("Harbor Mills and Co Inc", "Harbor Mills & Co"):
        text = (
            f"Shares of {form} rose on Monday.\n"
            '    "Harbor has to cut costs," said analyst Tom Lund.\n'
        )
        assert _seg(text)[0].targets == ["Harbor Mills"], form


def test_a_lexicon_persons_family_name_after_another_given_name_is_someone_else():
    text = 'Analyst George Volcker said: "The rate rise was a mistake."\n'
    assert "Paul Volcker" not in _seg(text)[0].targets
    text = '"The rate rise was a mistake by Mary Volcker," analyst Tom Berg said.\n'
    assert "Paul Volcker" not in _seg(text)[0].targets
    # The family name alone, or after the person's own given name or a short form of it, is still them.
    for name in ("Volcker", "Paul Volcker", "Pete Volcker"):
        text = f'"The rate rise was a mistake by {name}," analyst Tom Berg said.\n'
        assert _seg(text)[0].targets == ["Paul Volcker"], name


def test_only_a_subject_pronoun_opening_a_quote_reaches_back_past_the_sentence_before():
    intro = "Exports to Japan rose in March. Sales of cars fell.\n    The group said: "
    assert _seg(intro + '"They will close the plants in May."\n')[0].targets == ["Japan"]
    for q in ("Its board will meet in May.", "Their plants will close in May."):
        assert _seg(intro + f'"{q}"\n')[0].targets == [], q


def test_an_owners_pronoun_opening_a_quote_reaches_the_sentence_before_past_the_speakers_side():
    for intro, quote, state in (
        ("Japan cut its tariffs on U.S. beef on Monday.", "Its market is still far too closed", "Japan"),
        ("Iran test-fired two missiles on Sunday.", "Their threats will not frighten us", "Iran"),
    ):
        text = f'{intro} "{quote}," a U.S. trade official said on Monday.\n'
        assert _seg(text)[0].targets == [state], quote
    # Not past a sentence that names nobody.
    text = 'Japan cut its tariffs on U.S. beef. Sales fell. "Its market is closed," a U.S. official said.\n'
    assert _seg(text)[0].targets == []


def test_a_title_word_before_a_given_name_is_no_part_of_a_person_target():
    for intro, family, full in (
        ("Chancellor of the Exchequer Anna Kovac spoke on Monday.\n", "Kovac", "Anna Kovac"),
        ("Hostage Peter Lund was freed on Monday.\n", "Lund", "Peter Lund"),
    ):
        text = intro + f'    "{family} has done well," analyst Tom Berg said.\n'
        assert _seg(text)[-1].targets == [full], intro


def test_a_given_name_missing_from_the_lists_before_a_listed_one_stays_in_a_person_target():
    for intro, family, full in (
        ("Party leader Keir Alan Kovac spoke on Monday.\n", "Kovac", "Keir Alan Kovac"),
        ("Rebel commander Abu Omar Lund spoke on Monday.\n", "Lund", "Abu Omar Lund"),
        ("Prime Minister Jacinda Kate Berg spoke on Monday.\n", "Berg", "Jacinda Kate Berg"),
        ("The government of Jacinda Kate Berg fell on Monday.\n", "Berg", "Jacinda Kate Berg"),
    ):
        text = intro + f'    "{family} has no plan," analyst Tom Holt said.\n'
        assert _seg(text)[-1].targets == [full], intro
    # A word the story also writes in lower case, or one ending a title's "of" phrase, ends a title.
    for intro, full in (
        ("Investor Peter Lund bought the stake. The investor spoke on Monday.\n", "Peter Lund"),
        ("The Minister of Mines Peter Lund spoke on Monday.\n", "Peter Lund"),
        ("Undersecretary for Management Peter Lund spoke on Monday.\n", "Peter Lund"),
    ):
        text = intro + '    "Lund has done well," analyst Tom Holt said.\n'
        assert _seg(text)[-1].targets == [full], intro


def test_a_groups_members_in_its_own_members_words_name_the_group():
    for members in ("the OPEC members", "the OPEC states", "all OPEC nations"):
        text = f'Saudi Oil Minister Ali Berg said: "As long as {members} keep to the pact, prices will hold."\n'
        assert _seg(text)[0].targets == ["OPEC"], members
    # A modifier of anything else is still the speaker's own side, no target.
    text = 'Saudi Oil Minister Ali Berg said: "As long as OPEC output stays low, prices will hold."\n'
    assert _seg(text)[0].targets == []


def test_the_speakers_own_body_before_a_negated_auxiliary_is_named_as_a_noun():
    for verb in ("won't", "can’t", "doesn't"):
        text = f'OPEC President Ali Berg said: "OPEC {verb} cut output again."\n'
        assert _seg(text)[0].targets == ["OPEC"], verb


def test_nippon_alone_is_a_company_not_japan():
    text = '"The tie-up with Nippon will help us," said Kell Corp chairman Tom Berg.\n'
    assert "Japan" not in _seg(text)[0].targets
    text = '"The tie-up with Japan will help us," said Kell Corp chairman Tom Berg.\n'
    assert _seg(text)[0].targets == ["Japan"]


def test_a_company_after_another_companys_form_and_and_is_a_company_of_its_own():
    quote = '    "Vestra will gain most from the deal," said analyst Tom Lund.\n'
    for intro in ("Kell Co and Vestra Mills Inc agreed to merge.\n", "Kell said it and Vestra Mills Inc will merge.\n"):
        assert _seg(intro + quote)[0].targets == ["Vestra Mills"], intro
    # After a name joined by "and", it is the end of that name.
    joined = "Harbor and Vestra Mills Inc agreed to merge.\n"
    assert _seg(joined + quote)[0].targets == []


def test_a_states_own_parts_in_its_ministers_words_are_no_target():
    # "states" after a state's adjective are its federal states, a modifier like "U.S. firms".
    for intro, members, speaker in (
        ("BONN, May 4 - West German Finance Minister Jan Kowal spoke on Monday.", "The West German states", "Kowal"),
        ("WASHINGTON, May 4 - U.S. Labor Secretary Ann Lind spoke on Monday.", "Many American states", "Lind"),
    ):
        text = f'{intro} "{members} must pay their share of the cost," {speaker} said.\n'
        assert _seg(text)[-1].targets == [], members


def test_states_before_the_verb_round_are_targets():
    for verb in ("round out", "round off", "round up"):
        text = f'"China and Japan {verb} our three biggest markets," a trade official said.\n'
        assert _seg(text)[0].targets == ["China", "Japan"], verb


def test_a_city_where_an_agreement_was_reached_is_no_target_in_a_quote():
    for where in ("the agreement in Lisbon", "the consensus we reached in Lisbon", "what we agreed in Lisbon"):
        assert _seg(f'"We stand by {where}," Tom Berg said.\n')[0].targets == []
    assert _seg('"We stand by our promises to Lisbon," Tom Berg said.\n')[0].targets == ["Portugal"]


def test_the_president_or_the_chairman_in_a_quote_is_the_party_named_before():
    text = "The Senate sent the farm bill to Ronald Reagan on Monday.\n"
    # The Senate of a story naming Reagan is Congress's, and the bill it sent is too (a second target).
    signs = _seg(text + '"I think the president will sign the bill," Tom Berg said.\n')[0]
    assert signs.targets == ["Ronald Reagan", "U.S. Congress"]
    assert _seg(text + '"The weather is fine today," Tom Berg said.\n')[0].targets == []


def test_a_state_named_in_passing_in_the_paragraph_before_is_no_target():
    quote = '"We had a very good year," chairman Tom Berg said.\n'
    passing = "Kestrel Mills Inc said its sales rose.\nIts exports to Portugal grew by a tenth last year.\n"
    assert _seg(passing + quote)[0].targets == []
    topic = (
        "Portugal cut its farm tariffs on Monday. Portugal had promised the cut in May.\n"
        "Farmers in Portugal were angry.\nExports to Portugal grew by a tenth last year.\n"
    )
    assert _seg(topic + quote)[0].targets == ["Portugal"]


def test_a_companys_first_word_after_an_honorific_is_a_person():
    text = (
        "Ada Brenner founded Brenner Freight Inc and sold it. Her brother Tom Brenner works for Kell Co.\n"
        '"Mr. Brenner has been a fine partner," said Jan Kowal.\n'
    )
    assert _seg(text)[0].targets == ["Tom Brenner"]


def test_a_family_name_after_a_title_or_a_conjunction_and_non_ascii_names_are_person_targets():
    intro = "Anna Kovac and Cem Özdemir unveiled a tax plan on Monday.\n"
    for quote in ("But Kovac will not listen to us", "We think Senator Kovac will not listen to us"):
        assert "Anna Kovac" in _seg(intro + f'"{quote}," said Tom Berg.\n')[0].targets
    assert "Cem Özdemir" in _seg(intro + '"We think Özdemir will not listen to us," said Tom Berg.\n')[0].targets


def test_person_targets_stay_linear_in_the_number_of_mentions():
    import time

    text = 'Tom Berg said: "' + "We are ready for the talks and Anna Kovac is wrong. " * 6000 + '"\n'
    started = time.process_time()
    q = _seg(text)[0]
    assert q.targets == ["Anna Kovac"]
    assert time.process_time() - started < 20  # quadratic in the mentions, it took minutes


def test_the_company_pointer_reads_a_long_paragraph_once():
    import time

    names = " ".join(f"Kell{i} Corp rose." for i in range(300))
    quotes = " ".join(['"The company is fine," Ann Berg said.'] * 3000)
    text = f"Kestrel Mills Inc said sales rose. {names} {quotes}"
    started = time.process_time()
    quotes = _seg(text)
    assert len(quotes) == 3000 and quotes[0].targets == ["Kell299"]
    assert time.process_time() - started < 10  # reading the paragraph again per quote took 18 s


def test_a_party_word_inside_a_longer_name_is_not_the_party():
    for quote in (
        "The Social Democrats are wrong about taxes",
        "The International Labour Organisation has failed workers",
        "The Labour Ministry must act and Labour Day is near",
    ):
        assert _seg(f'"{quote}," Ada Brenner said.\n')[0].targets == [], quote
    assert _seg('"The Democrats are wrong about taxes," Ada Brenner said.\n')[0].targets == ["Democratic Party"]


def test_a_title_word_opening_a_company_name_is_not_the_company():
    text = (
        "General Motors Corp said on Monday it would cut 500 jobs.\n"
        '"General strikes would hurt everyone," said union leader Tom Berg.\n'
    )
    assert _seg(text)[0].targets == []


def test_a_person_sharing_the_speakers_family_name_is_still_a_target():
    text = 'Tom Berg spoke on Monday. "My wife Anna Berg was right about the plan," said Tom Berg.\n'
    assert "Anna Berg" in _seg(text)[0].targets


def test_second_review_target_cases():
    assert _seg('"We know that House Republicans will fight us," said Tom Berg.\n')[0].targets == ["Republican Party"]
    assert _seg('"We will beat Labour MPs in every seat," said Tom Berg.\n')[0].targets == ["Labour Party"]
    q = _seg('"It is a sad day for the country," said Anna Berg.\n', title="Budget vote seen as blow to Labour")[0]
    assert q.targets == ["Labour Party"]
    assert _seg('Tom Berg, the mayor, spoke.\n"I have known May Berg for years," said Anna Kovac.\n')[0].targets == []
    text = (
        "Sir Tom Berg, the club chairman, spoke on Monday. Tom Berg has led the club since 2001. "
        '"Nobody can say Berg ran away," said Sir Tom Berg.\n'
    )
    assert _seg(text)[0].targets == []


def test_he_or_she_in_a_quote_naming_nobody_is_the_person_named_before_other_than_the_speaker():
    text = (
        "Norland opposition leader Ana Kovac toured the north on Monday. Prime Minister Tom Berg was "
        'asked about her. "She cannot be trusted with the budget," Berg said.'
    )
    (q,) = segment(Article(id="d", text=text), mixed="fragment")
    assert q.speaker == "Tom Berg" and "Ana Kovac" in q.targets
    alone = 'Tom Berg spoke on Monday. "He is a good man and I trust him," Berg said.'
    (q,) = segment(Article(id="d", text=alone), mixed="fragment")
    assert q.targets == []
    wrong_gender = 'Ana Kovac met Tom Berg and Eva Lind. "She will never win," Berg said.'
    (q,) = segment(Article(id="d", text=wrong_gender), mixed="fragment")
    assert "Eva Lind" in q.targets and "Tom Berg" not in q.targets


def test_a_mixed_quotes_pronoun_of_the_other_sex_than_the_speaker_is_someone_else():
    story = "Norland opposition leader Ana Kovac lost the vote on Monday. "
    (q,) = segment(Article(id="d", text=story + 'Tom Berg said the party had "let her down badly".'))
    assert q.speaker == "Tom Berg" and q.targets == ["Ana Kovac"]
    # A woman's "her" in her own reported words may be herself.
    (q,) = segment(Article(id="d", text=story + 'Maria Lund said the party had "let her down badly".'))
    assert q.targets == []


def test_a_head_of_government_of_the_lexicon_speaks_for_the_state():
    # Britain, named in the attribution sentence, is the Prime Minister's own side, no target.
    text = 'Asked about Britain, Tony Blair said: "We will send more aid next week."'
    (q,) = segment(Article(id="d", text=text), mixed="fragment")
    assert q.speaker == "Tony Blair" and q.targets == []
    other = 'Asked about Britain, Ana Kovac said: "We will send more aid next week."'
    (q,) = segment(Article(id="d", text=other), mixed="fragment")
    assert q.targets == ["Britain"]


def test_a_person_named_only_as_an_owner_is_the_one_a_quote_names_by_family_name():
    text = (
        "Critics attacked the way Tony Berg's government works. Ana Kovac, the opposition leader, "
        'said: "Mr Berg has lost the trust of the country."'
    )
    (q,) = segment(Article(id="d", text=text), mixed="fragment")
    assert "Tony Berg" in q.targets


def test_fourth_review_pronoun_and_owner_targets():
    none_expected = [
        # a company is no "he"; a headline is no person; a name or a person noun in the quote is what "he" means
        'General Motors cut 500 jobs at its plant. "He has betrayed every worker here," said union leader Tom Reyes.',
        'Norland Floods Worsen\n\nRescue teams worked through the night.\n\n"She came too late," said Ana Kovac.',
        'Tom Berg, the mayor, met Ana Kovac on Monday. "Judge Ren was wrong and he knows it," said Kovac.',
        'Tom Berg, the mayor, met Ana Kovac on Monday. "I told my son he must study," said Kovac.',
        # the story gives her "she"; in a mixed quote "her" is the speaker's own
        'Rin Soto said on Monday that she would run for mayor. "He cannot win this race," said Tom Berg.',
        'Ana Kovac visited the port on Monday. Maria Lund said the budget was "her own work and nobody else\'s."',
        'The Maria Lund Trust\'s board met on Monday. Ana Kovac said: "The Trust has failed."',
    ]
    wrong = {"Motors", "Norland Floods Worsen", "Tom Berg", "Ana Kovac", "Rin Soto", "Maria Lund Trust"}
    for text in none_expected:
        for q in segment(Article(id="d", text=text), mixed="fragment"):
            assert not wrong & set(q.targets), (text, q.targets)
    text = 'Critics attacked President Tony Berg\'s government. Ana Kovac said: "Berg has no plan."'
    (q,) = segment(Article(id="d", text=text), mixed="fragment")
    assert q.targets == ["Tony Berg"]


def test_review5_a_title_case_agency_datelines_place_is_no_target():
    (q,) = segment(Article(id="d", text='Berlin (dpa) - Chancellor Olaf Schulz said the plan was "a disaster".'))
    assert q.targets == []


def test_review5_a_groups_of_phrase_is_no_title_before_a_given_name():
    (q,) = segment(Article(id="d", text='"Critics of Keir Rodney Starmer are wrong," Tom Berg said.'))
    assert q.targets == ["Keir Rodney Starmer"]
    (q,) = segment(Article(id="d", text='"Minister of Mines Ann Berg will fail," Tom Kerr said.'))
    assert q.targets == ["Ann Berg"]


def test_the_headline_company_is_no_target_of_its_own_people_or_of_other_sides():
    title = "NORCO <NRC> PROFITS RISE"
    story = "Norco Corp said profits rose 20 pct. "
    quote = '"We are pleased with the results."'
    # The company's own spokesman, chairman or president speaks for it.
    for who in ("A company spokesman said:", "Its chairman said:", "The company's president, Tom Lund, said:",
                "Tom Lund, its president, said:"):
        assert _seg(story + who + " " + quote, title=title)[-1].targets == [], who
    assert _seg(story + quote[:-2] + ',"' + " the company said.", title=title)[-1].targets == []
    # An official or a rival's president speaks for a side of their own.
    for who in ("Commerce Secretary Tom Berg said:", "Federal Reserve chairman Tom Berg said:",
                "Kell president Ann Roy said:", "Ann Roy, president of Kell Inc, said:"):
        assert _seg(story + who + ' "Demand is growing."', title=title)[-1].targets == [], who
    # An outsider with no side of their own speaks about the company, whatever their name or firm.
    for who in ("Tom Brandt, a union leader, said:", "Tom Norcott, a union leader, said:",
                "Ann Roy, an analyst at Norcross Securities, said:", "Ann Roy of Kell Securities said:"):
        assert _seg(story + who + ' "The cuts are a betrayal."', title=title)[-1].targets == ["Norco"], who
    text = 'First Chicago Corp said profit rose. Ann Roy, an analyst at First Boston Corp, said: "Demand is strong."'
    assert _seg(text, title="FIRST CHICAGO <FNB> PROFIT UP")[-1].targets == ["First Chicago"]


def test_a_given_name_alone_must_read_as_a_name():
    def target(first: str, quote: str) -> list[str]:
        text = f'{first} Lund, a banker, spoke first. Ann Kell, an economist, said: "{quote}"'
        return _seg(text)[-1].targets

    # A thing after a determiner or possessive, a place after a preposition, a title, or a word
    # that opens a sentence as a verb or adjective is nobody.
    assert target("Bill", "We will vote against this Bill.") == []
    assert target("Bill", "Their Bill is a mess and we will amend that Bill.") == []
    assert target("Mark", "Mark my words, the plan will fail.") == []
    assert target("Frank", "Frank talks are needed now.") == []
    assert target("Sue", "We will sue them. Sue them all.") == []
    assert target("Max", "Max output is what we need.") == []
    assert target("Lord", "Lord knows what will happen.") == []
    assert target("Virginia", "Prices in Virginia are falling.") == []
    assert target("Florence", "Prices from Florence are falling.") == []
    # A name it still is.
    assert target("Bill", "Bill, you are wrong.") == ["Bill Lund"]
    assert target("Bill", "Bill and I agree on this.") == ["Bill Lund"]
    assert target("Bernie", "Bernie wants to win and I back Bernie.") == ["Bernie Lund"]


def test_a_given_name_in_words_of_a_speaker_whose_family_the_story_names_alone_may_be_family():
    quote = 'Hillary Clinton said: "Bill and I are proud of this school."'
    assert _seg("President Clinton met Bill Lund, a donor, on Monday. " + quote)[-1].targets == []
    # Without a namesake of her family, Bill is the one Bill of the story.
    assert _seg("Bill Lund, a donor, spoke on Monday. " + quote)[-1].targets == ["Bill Lund"]


def test_a_shared_acronym_is_the_lexicons_body_only_where_the_story_spells_it_out():
    # "CSA" alone, or another body's CSA, is not the Child Support Agency, nor at home in Britain.
    assert _seg('Ann Lund, a charity director, said: "CSA victims deserve justice."')[0].targets == []
    text = 'Ann Lund, a space official, said: "The Canadian Space Agency (CSA) will launch a satellite."'
    assert _seg(text)[0].targets == ["Canada"]
    text = (
        "Norland's Consumer Safety Agency (CSA) fined a British firm, Kell Ltd, on Monday.\n\n"
        'CSA chief Jan Kowal said: "They broke the rules and they must pay."'
    )
    assert _seg(text)[-1].targets == ["Britain"]
    # Spelt out, it is.
    text = 'The Child Support Agency (CSA) was criticised. Ann Lund, an MP, said: "The CSA has failed parents."'
    assert _seg(text)[-1].targets == ["Child Support Agency"]


def test_a_body_written_as_another_states_is_not_the_lexicons_namesake():
    for quote in ("Canada's House of Commons must vote.", "The House of Commons in Ottawa must act.",
                  "The vote in the Commons in Ottawa was close."):
        assert _seg(f'Ann Lund, a Canadian MP, said: "{quote}"')[0].targets == ["Canada"], quote
    text = 'Ann Lund, an Australian senator, said: "The House of Representatives in Canberra must act."'
    assert _seg(text)[0].targets == ["Australia"]
    # The state's own is still its body.
    text = 'Ann Lund, a Canadian MP, said: "Britain\'s House of Commons must vote."'
    assert "House of Commons" in _seg(text)[0].targets


def test_a_mixed_quotes_pronoun_after_a_person_the_reporter_names_by_a_common_noun_is_nobody():
    for lead in ("said his daughter was", "said of his sister that", "said the new chairwoman had"):
        text = f'Ann Lund was there. Tom Berg {lead} "proud of her school".'
        assert _seg(text)[-1].targets == [], lead
        assert segment(Article(id="d1", text=text), mixed="content")[-1].targets == [], lead
    # With no such noun the other-sex pronoun is still the woman named before.
    assert _seg('Ann Lund was there. Tom Berg said it was "her worst idea".')[-1].targets == ["Ann Lund"]


def test_a_party_word_before_a_family_name_is_a_given_name():
    assert _seg('Ann Lund, a shop owner, said: "Shoppers love Tory Burch bags."')[0].targets == []
    # Before a title, a body or a name that goes on, it is the party.
    for quote in ("Tory plans will hurt families.", "The Tory Party will lose.", "Tory Treasurer Jim Kell is wrong."):
        assert "Conservative Party" in _seg(f'Ann Lund, a Labour MP, said: "{quote}"')[0].targets, quote


def test_a_person_or_company_next_to_another_state_is_still_the_lexicons():
    # Only assemblies have namesakes abroad: a leader on a visit, a titled leader and a company's
    # branch are the lexicon's own.
    for quote, both in (
        ("West German Chancellor Helmut Kohl is firm.", {"West Germany", "Helmut Kohl"}),
        ("Reagan in Moscow will talk about arms.", {"Ronald Reagan", "Soviet Union"}),
        ("IBM in Japan is losing money.", {"IBM", "Japan"}),
        ("Volkswagen in Brazil is on strike.", {"Volkswagen", "Brazil"}),
    ):
        assert both <= set(_seg(f'Jean Roy, a French official, said: "{quote}"')[0].targets), quote
    text = 'Jean Roy met Chancellor Kohl in Paris on Monday. "He is a friend," Roy said.'
    assert "Helmut Kohl" in _seg(text)[0].targets


def test_an_outsider_speaks_about_the_headline_company_even_when_the_clause_names_it():
    title = "NORCO <NRC> PROFITS RISE"
    story = "Norco Corp said profits rose 20 pct. "
    quote = ' "Demand is strong and margins will improve."'
    for who in (
        "In a note to its clients, analyst Ann Roy said:",
        "Commenting on the company's results, analyst Ann Roy said:",
        "Ann Roy, an analyst who covers the firm, said:",
        "Ann Roy, who follows the company for Kell Securities, said:",
        "Ann Roy, who raised her rating on the company's stock, said:",
        "Ann Roy, head of research at Kell Securities, said:",
        "Tom Brandt, a union leader at the company's main plant, said:",
        "Tom Brandt, president of Local 12 of the United Auto Workers, said:",
        "Tom Berg, the company's largest shareholder, said:",
        "Tom Berg, an investor who owns 10 pct of their stock, said:",
        "Tom Berg, a partner at the Kell law firm, said:",
    ):
        assert _seg(story + who + quote, title=title)[-1].targets == ["Norco"], who
    # The company's own officers still speak for it.
    for who in ("Tom Lund, its former chairman, said:", "A spokesman for the company said:",
                "Tom Lund, the firm's chief executive, said:"):
        assert _seg(story + who + quote, title=title)[-1].targets == [], who


def test_a_given_name_opening_a_sentence_with_a_verb_is_a_name():
    def target(first: str, quote: str) -> list[str]:
        text = f'{first} Lund, a banker, spoke first. Ann Kell, an economist, said: "{quote}"'
        return _seg(text)[-1].targets

    for first, quote in (("Bill", "Bill has been a good friend."), ("Mark", "Mark is a good banker."),
                         ("Mark", "Mark said no to us."), ("Harry", "Harry told me so."),
                         ("Mike", "Mike called me yesterday."), ("Nick", "Nick knows this market."),
                         ("Bill", "We met at Bill's house.")):
        assert target(first, quote) == [f"{first} Lund"], quote
    # The verb and adjective readings stay nobody.
    assert target("Mark", "Mark my words, the plan will fail.") == []
    assert target("Frank", "Frank talks are needed now.") == []


def test_a_capitalised_word_after_tory_after_a_determiner_or_for_a_party_thing_is_the_partys():
    for quote in ("The Tory Budget is a disaster.", "A Tory Right is forming.", "Tory Manifesto promises are weak.",
                  "Tory Conference was a mess.", "Tory Thatcherism is over.", "Tory Scotland is shrinking."):
        text = f'Ann Lund, a Labour MP, said: "{quote}"'
        assert _seg(text)[0].targets == ["Conservative Party"], quote
    # A given name it still is.
    assert _seg('Ann Lund, a buyer, said: "Tory Burch bags sell well."')[0].targets == []


def test_a_lead_in_noun_blocks_a_mixed_quotes_pronoun_only_for_a_person_of_its_sex():
    for lead in ("said on the human rights issue that", "said the statesman had", "said the company chairman was"):
        text = f'Ann Lund spoke. Tom Berg {lead} "she let us down".'
        assert _seg(text)[-1].targets == ["Ann Lund"], lead
    # A woman or a person of either sex may be the "she".
    for lead in ("said the chairwoman had", "said his rival had"):
        assert _seg(f'Ann Lund spoke. Tom Berg {lead} "she let us down".')[-1].targets == [], lead


def test_a_shared_acronym_spelt_out_in_lower_case_is_the_lexicons_body():
    text = 'The child support agency (CSA) was criticised. Ann Lund said: "The CSA is failing."'
    assert _seg(text)[-1].targets == ["Child Support Agency"]


def test_a_headline_company_written_without_the_stops_of_its_initials_is_the_storys():
    story = 'J.C. Norco Co said sales rose. Ann Roy, an analyst at Kell Securities, said: "Margins will improve."'
    assert _seg(story, title="JC NORCO <JCN> UP ON ANALYST VIEW")[-1].targets == ["J.C. Norco"]


def test_a_headline_company_outside_the_firm_index_is_found_before_its_legal_form():
    # A legal form in lower case, and a name opening with a state, keep a company out of the index.
    quote = ' Ann Roy, an analyst at Kell Securities, said: "The stock is cheap."'
    story = "Vellmar Foods corp's stock rose 2 dlrs on bid talk." + quote
    assert _seg(story, title="TALKING POINT/VELLMAR FOODS CORP <VFC>")[-1].targets == ["Vellmar Foods"]
    story = "American Kestrel Inc's stock rose 2 dlrs on bid talk." + quote
    assert _seg(story, title="MORE AMERICAN KESTREL <AKS> DEALS SEEN")[-1].targets == ["American Kestrel"]
    # A state's name ending another company's name is not the headline's company.
    story = 'Continental Ohio Corp said sales rose. Ann Roy, an analyst, said: "Demand is strong."'
    assert _seg(story, title="CONT'L OHIO <COH> SEEN HIGHER")[-1].targets == []


def test_a_headline_company_joined_by_and_is_not_cut_at_the_joiner():
    said = ' said sales rose. Ann Roy, an analyst, said: "The stock is cheap."'
    assert _seg("H and R Norco Inc" + said, title="H AND R NORCO <HRN> UP")[-1].targets == ["H and R Norco"]
    assert _seg("Smith & Wesson Inc" + said, title="SMITH AND WESSON <SW> UP")[-1].targets == ["Smith & Wesson"]
    # The headline drops the joiner: no name, rather than the tail after it.
    assert _seg("H and R Norco Inc" + said, title="H R NORCO <HRN> UP")[-1].targets == []


def test_the_company_speaking_in_its_report_to_shareholders_speaks_for_itself():
    text = 'Norco Corp said profits rose. "We expect more growth," the company said in its report to shareholders.'
    assert _seg(text, title="NORCO <NRC> PROFITS RISE")[-1].targets == []


def test_a_rival_company_or_a_named_consulting_firm_is_an_outsider_on_the_headline_company():
    title = "NORCO <NRC> PROFITS RISE"
    lead = "Norco Corp said profits rose. "
    rival = '"The cuts are cruel," a rival company said in a statement to shareholders.'
    firm = '"The cuts are cruel," said the consulting firm Kell, which advises investors.'
    assert _seg(lead + rival, title=title)[-1].targets == ["Norco"]
    assert _seg(lead + firm, title=title)[-1].targets == ["Norco"]


def test_he_or_she_in_a_quote_naming_a_state_is_the_person_named_before_too():
    lead = "Ann Kovac, the finance minister, cut taxes on Monday. Tom Berg, an economist, said: "
    assert _seg(lead + '"She has been good for Japan."')[0].targets == ["Japan", "Ann Kovac"]
    assert _seg(lead + '"Japan will grow and she deserves credit."')[0].targets == ["Japan", "Ann Kovac"]
    # After a name in the quote, the pronoun is that person's.
    assert _seg(lead + '"Japan needs Ken Sato and he will come back."')[0].targets == ["Japan", "Ken Sato"]


def test_he_after_a_person_of_a_state_in_the_quote_is_that_person_not_one_named_before():
    story = 'Tom Lund, the finance minister, cut taxes on Monday. Ann Roy, an analyst, said: '
    assert _seg(story + '"Japan\'s prime minister has said he will resign."')[-1].targets == ["Japan"]
    assert _seg(story + '"Japan\'s new leader, whoever he is, must act."')[-1].targets == ["Japan"]
    assert _seg(story + '"He has been good for Japan."')[-1].targets == ["Japan", "Tom Lund"]


def test_a_knight_called_by_sir_and_given_name_is_the_speaker_not_a_target():
    text = (
        "Jan Kowal, the finance minister, cut taxes on Monday. Sir Tom Berg, a banker, said: "
        '"Japan will grow." Sir Tom added: "I think he has done well for Japan."'
    )
    assert _seg(text)[-1].targets == ["Japan", "Jan Kowal"]


def test_sir_and_a_given_name_the_speaker_shares_without_a_knighthood_is_another_man():
    said = 'Tom Lund, a shareholder, said: "Sir Tom has failed us."'
    assert _seg(f"Sir Tom Berg, the chairman, resigned on Monday. {said}")[0].targets == ["Sir Tom"]
    # Two knights called Sir Tom: the speaker's given name does not say which one he means.
    two = 'Sir Tom Lund met Sir Tom Berg on Monday. Sir Tom Lund said: "Sir Tom has failed us."'
    assert _seg(two)[0].targets != []


def test_an_office_in_a_quote_is_the_one_person_the_story_titles_with_it():
    def targets(story: str, quote: str, who: str = "Tom Berg, an economist,") -> list[str]:
        return _seg(f'{story} {who} said: "{quote}"')[-1].targets

    assert targets("Prime Minister Ann Kovac cut taxes on Monday.", "The prime minister is wrong.") == ["Ann Kovac"]
    story = "Taxes were raised by Finance Minister Michael\nWelk on Monday."
    assert targets(story, "It is a money machine for the minister of finance.") == ["Michael Welk"]
    assert targets("Japan's Foreign Minister Jan Kowal flew home.", "The foreign minister did well.") == ["Jan Kowal"]
    # A company's president, the speaker's own office, two holders, or an office of something named: nobody.
    assert targets("Norco President Tom Lund left on Monday.", "The president has failed.") == []
    assert targets("Prime Minister Ann Kovac spoke.", "The prime minister is right.", "Kovac") == []
    story = "Prime Minister Ann Kovac met Prime Minister Jan Kowal."
    assert targets(story, "The prime minister is wrong.") == []
    assert targets("President Ann Kovac spoke.", "The president of the club is wrong.") == []


def test_an_office_word_used_otherwise_held_no_more_or_the_speakers_own_gives_no_holder():
    def targets(story: str, speaker: str, quote: str) -> list[str]:
        return _seg(f'{story} {speaker} said: "{quote}"')[-1].targets

    premier = "Premier Jan Kowal of Norland met bankers."
    assert targets(premier, "Ann Roy, an analyst,", "This is the premier export market for Norco.") == []
    speaker = "Speaker Tom Lund opened the session."
    assert targets(speaker, "Ann Roy, an audio engineer,", "The speaker system failed twice.") == []
    late = "Ann Roy praised the late President Tom Lund."
    assert targets(late, "Tom Berg, a farmer,", "The president has failed our farmers.") == []
    kohl = "Chancellor Helmut Kohl met French leaders."
    assert targets(kohl, "Jan Kowal, Norland's chancellor,", "The chancellor must act and I will.") == []
    governor = "Governor Tom Lund of Ohio signed the bill."
    assert targets(governor, "Ann Roy, a banker,", "The governor at the central bank should cut rates.") == []
    board = "President Tom Lund of Norland met bankers. Norco Corp said profit fell."
    assert targets(board, "Ann Roy, an analyst,", "The president and the board of Norco must go.") == ["Norco"]
    # A shadow office is the opposition's: the holder is still the one the quote means.
    office = "Foreign Secretary Jan Kowal flew to Cairo."
    assert targets(office, "Tom Berg, the shadow foreign secretary,", "The foreign secretary was slow.") == [
        "Jan Kowal"
    ]
    elect = "Prime Minister Ann Kovac cut taxes."
    assert targets(elect, "Prime Minister-elect Tom Berg", "The prime minister was right.") == ["Ann Kovac"]


def test_an_office_held_by_two_people_before_an_office_held_by_one_leaves_the_one():
    story = "President Tom Lund and President Ann Roy met Chancellor Jan Kowal."
    quote = "The president and then the chancellor spoke."
    assert _seg(f'{story} Eva Holm, a banker, said: "{quote}"')[-1].targets == ["Jan Kowal"]
    assert _seg(f'{story} Eva Holm, the deputy chancellor, said: "{quote}"')[-1].targets == ["Jan Kowal"]
    assert _seg(f'{story} Eva Holm, the chancellor, said: "{quote}"')[-1].targets == []


def test_a_group_named_relative_to_one_state_after_another_owner_is_that_owners():
    def targets(quote: str) -> list[str]:
        return _seg(f'Jose Roy, a Mexican banker, said: "{quote}"')[0].targets

    assert targets("The peso fell against all of the country's trading partners.") == []
    assert targets("Shipping with its main trading partners grew.") == []
    # Ours, America's, or after a contraction, they are the lexicon's group.
    assert targets("We must listen to our trading partners.") == ["U.S. trading partners"]
    assert targets("America's trading partners must act.") == ["U.S. trading partners"]
    assert targets("It's up to trading partners to act.") == ["U.S. trading partners"]


def test_a_bloc_called_by_its_abbreviation_after_a_possessive_is_still_the_bloc():
    def targets(quote: str) -> list[str]:
        return _seg(f'Ann Lund, a Labour MP, said: "{quote}"')[0].targets

    assert targets("Britain's EU rebate must stay.") == ["Britain", "European Union"]
    assert targets("The country's E.U. membership is safe.") == ["European Union"]
    assert targets("Britain's G7 presidency starts in January.") == ["Britain", "G-7"]
    assert targets("This year's meetings of Group of Seven ministers matter.") == ["G-7"]
    # A group named after no state stays itself after any possessive.
    assert targets("The region's debtor nations need help.") == ["debtor countries"]


def test_its_or_the_nations_trading_partners_from_the_united_states_side_are_its_group():
    def targets(quote: str) -> list[str]:
        return _seg(f'Dana Holt, a U.S. senator, said: "{quote}"')[0].targets

    both = ["United States", "U.S. trading partners"]
    assert targets("The United States must press its trading partners to open up.") == both
    assert targets("The nation's trading partners must act.") == ["U.S. trading partners"]
    assert "U.S. trading partners" in targets("It is the U.S.'s trading partners that must act.")
    # Another state's "its" is still that state's group.
    assert "U.S. trading partners" not in targets("Japan must press its trading partners.")


def test_the_banks_in_a_quote_of_a_debt_story_are_the_creditor_banks():
    quote = 'Finance Secretary Jan Kowal said: "We offered the banks a choice and they took it."'
    story = (
        "Norland reached a rescheduling deal with its creditor banks on Monday.\n"
        "    The deal covers loans due in 1988 and 1989.\n"
        "    Exports of copper rose 5 pct last year, officials said.\n    "
    )
    assert "creditor banks" in _seg(story + quote)[-1].targets
    # Where the story names no creditors, the banks are someone else's.
    assert "creditor banks" not in _seg("Norland reformed its stock market on Monday. " + quote)[-1].targets


def test_the_banks_of_a_river_or_from_a_creditor_banks_own_man_are_not_the_creditors():
    story = "Norland agreed a deal with its creditors. Floods hit the north.\n    "
    assert _seg(story + 'Ann Roy, a farmer, said: "Water broke the banks of the river."')[-1].targets == []
    story = "Brazil's creditor banks met on Monday.\n    Tom Berg, an official of Kell Bank, "
    assert _seg(story + 'one of the creditor banks, said: "The banks want a deal soon."')[-1].targets == []


def test_a_state_officials_words_naming_no_one_in_a_debt_story_are_for_the_creditor_banks():
    story = (
        "Peru asked its creditor banks on Monday to extend short-term credit lines by 60 days.\n"
        "    The creditors are expected to answer next week, bankers said.\n    "
    )
    quote = 'Peruvian Finance Minister Jan Kowal said: "There is a common interest in the matter."'
    assert _seg(story + quote)[-1].targets == ["creditor banks"]
    # The creditors named once, an analyst speaking for no state, or the creditors last named
    # more than three paragraphs back: no target from them.
    once = "Peru asked its creditor banks on Monday to extend short-term credit lines by 60 days.\n    "
    assert _seg(once + quote)[-1].targets == []
    analyst = 'Jan Kowal, an economist at Kell Securities, said: "There is a common interest in the matter."'
    assert _seg(story + analyst)[-1].targets == []
    gap = "".join(f"Copper output rose {n} pct in the quarter, officials said.\n    " for n in range(2, 6))
    assert _seg(story + gap + quote)[-1].targets == []


def test_a_state_officials_words_are_for_the_creditor_banks_only_of_the_debt_and_its_own_creditors():
    def s(*paras: str) -> str:
        return "\n    ".join(paras) + "\n"

    def last(text: str, title: str | None = None) -> list[str]:
        return _seg(text, title)[-1].targets

    brazil = s(
        "Brazil asked its creditor banks on Monday for a 90-day extension of credit lines.",
        "The creditors meet next week.",
    )
    # Words of the state's own business, or of nothing, are not for the creditors.
    for quote in (
        'Brazilian Finance Minister Joao Kowal said: "We will cut the budget deficit to two pct of output this year."',
        'Brazilian central bank director Joao Kowal said: "Rates will come down soon."',
        'U.S. Treasury Secretary James Baker said: "We support the process."',
    ):
        assert "creditor banks" not in last(brazil + "    " + quote + "\n"), quote
    for text in (
        s(
            "Mexico signed a 7.7 billion dlr loan with its creditor banks on Friday.",
            "The creditors will disburse the first part in April.",
            "Mexico's inflation rose to 8 pct in March, the central bank said.",
            'Mexican central bank governor Ana Kell said: "Inflation will slow in the second half."',
        ),
        s(
            "Argentina's creditor banks agreed on Monday to a 30 billion dlr rescheduling.",
            "The creditors will lend 1.9 billion dlrs of new money.",
            'Argentine Interior Minister Ana Kell said: "The elections will be held in September."',
        ),
        # Foreign banks in a market, the Paris Club's governments, a company's creditors.
        s(
            "Japan will let foreign banks deal in trust business from April, the Finance Ministry said.",
            "Nine foreign banks have applied for licences.",
            'A Japanese official, Jiro Kowal, said: "We expect more applications next year."',
        ),
        s(
            "Egypt reached agreement with its Paris Club creditors on Friday to reschedule 7 billion dlrs of debt.",
            "Egyptian officials said the creditors had been generous.",
            "Cairo's markets rose on the news.",
            'Egyptian Economy Minister Ahmed Kell said: "This is a good day for our country."',
        ),
        s(
            "Texaco's creditors asked the court on Monday to reject its plan.",
            "The creditors hold 2 billion dlrs of claims.",
            'U.S. Bankruptcy Judge Tom Berg said: "I will rule within a week."',
        ),
    ):
        assert "creditor banks" not in last(text), text
    # Words of the debt, or of "them", are.
    assert last(brazil + '    Brazilian Finance Minister Joao Kowal said: "The terms are not acceptable."\n') == [
        "creditor banks"
    ]
    venezuela = s(
        "Venezuela asked its creditor banks to ease terms on Monday.",
        "The creditors have refused so far.",
        'Venezuelan Finance Minister Ana Kell said: "They must understand our position."',
    )
    assert last(venezuela) == ["creditor banks"]


def test_legislation_in_a_quote_of_a_story_naming_congress_is_congress():
    story = "Congress began work on a textile quota bill on Tuesday.\n    Wheat prices rose 2 pct in Chicago.\n    "
    quote = 'Trade official Tom Berg said: "We cannot accept legislation that would start a trade war."'
    assert _seg(story + quote)[-1].targets == ["U.S. Congress"]
    # Beside another party the quote names: a second target.
    second = 'Tom Berg, a trade official, said: "Japan will watch the bill closely."'
    assert _seg(story + second)[-1].targets == ["Japan", "U.S. Congress"]
    # Legislation a possessive owns, or a story that never writes "Congress": no such target.
    owned = 'Tom Berg, a trade official, said: "Ohio\'s recently passed legislation hurts us."'
    assert "U.S. Congress" not in _seg(story + owned)[-1].targets
    senate = "The Senate began work on a textile quota bill on Tuesday.\n    "
    assert "U.S. Congress" not in _seg(senate + quote)[-1].targets
    # The story's naming of Congress counts wherever it stands, after the quote too.
    later = "Wheat prices rose 2 pct in Chicago.\n    " + quote + "\n    Congress votes on the bill next week.\n"
    assert _seg(later)[0].targets == ["U.S. Congress"]


def test_legislation_is_congress_only_in_a_story_whose_legislature_is_the_us_congress():
    def s(*paras: str) -> str:
        return "\n    ".join(paras) + "\n"

    no_congress = [
        s(
            "Brazil's Congress approved a new wage bill on Tuesday, lawmakers said.",
            "The bill raises the minimum wage by 20 pct.",
            'Brazilian Labour Minister Joao Kowal said: "The bill will cost the treasury too much."',
        ),
        s(
            "Canada's parliament passed a bill on Monday to protect its publishers, a week after Congress attacked"
            " the plan.",
            "Canadian publishers welcomed it.",
            'Canadian Communications Minister Ann Kell said: "The bill protects our culture."',
        ),
        s(
            "The Ohio legislature passed a bill on Tuesday to curb imports of foreign steel.",
            "Congress is weighing a similar measure.",
            'Ohio Governor Tom Berg said: "The bill protects Ohio jobs."',
        ),
        s(
            "Texas lawmakers passed a bill on oil taxes on Monday; Congress had refused to act.",
            "Oil firms welcomed it.",
            'Texas Governor Ann Berg said: "This legislation keeps our wells pumping."',
        ),
        s(
            "China's National People's Congress passed a new bankruptcy law on Tuesday.",
            "Chinese lawmakers had debated the bill for two years.",
            'A Chinese official, Li Kowal, said: "The legislation will help state firms reform."',
        ),
        s(
            "The Trades Union Congress attacked the government's employment bill on Monday.",
            "British lawmakers will vote on it next week.",
            'Employment Secretary Ann Berg said: "The bill gives power back to union members."',
        ),
        s(
            "Colombia's Congress will be renewed in legislative elections next month, Congress officials said.",
            "Voters are weary of violence.",
            'Colombian President Ana Kowal said: "The legislative elections will be free."',
        ),
        s(
            "U.S. Treasury bill rates rose on Monday as Congress argued over the budget.",
            "Dealers said demand was thin.",
            '"The bill rate should ease later in the week," said Tom Berg, a dealer at Kell Securities.',
        ),
        s(
            "Congress refused on Monday to fund the new dam in Colorado.",
            "State officials said they would look for money elsewhere.",
            'Colorado Governor Ann Berg said: "Our taxpayers will have to foot the bill."',
        ),
        # A lawmaker's own words.
        s(
            "Congress began work on a textile quota bill on Tuesday.",
            "Wheat prices rose.",
            'Senator Ann Kovac, a Democrat from South Carolina, said: "We will pass the bill this year."',
        ),
        s(
            "Congress began work on a textile quota bill on Tuesday.",
            "Wheat prices rose.",
            'Congressman Tom Berg said: "We will pass the bill this year."',
        ),
    ]
    for text in no_congress:
        assert "U.S. Congress" not in _seg(text)[-1].targets, text
    # "They" is still resolved, and Congress comes after it.
    they = s(
        "Democrats in Congress pushed a tough trade measure on Tuesday, and Democrats said Japan must act.",
        "Japan's surplus grew again, and Japan's exporters cheered.",
        'U.S. Trade Representative Clayton Yeutter said: "They have to open the market before the legislation passes."',
    )
    assert _seg(they)[-1].targets == ["Japan", "U.S. Congress"]
    markets = s(
        "Congress will vote on a trade measure next week, officials said.",
        "Japan's trade surplus with Japan's partners grew, and Japan is under pressure.",
        'U.S. Trade Representative Clayton Yeutter said: "They must open their markets before the legislation passes."',
    )
    assert _seg(markets)[-1].targets == ["Japan", "U.S. Congress"]


def test_no_paragraph_before_state_in_a_story_of_its_party_politics():
    state = (
        "Britain must spend more on schools, Britain's teachers say, and Britain's parents agree.\n"
        "    Britain spent less than France last year.\n"
    )
    quote = '    "We will find the money," said Ann Berg, a teacher.\n'
    assert _seg(state + quote)[-1].targets == ["Britain"]
    # The story names Britain's parties twice: its quotes naming no one are about party politics.
    parties = "Labour and the Conservatives argued about school spending on Monday.\n    Tom Kell spoke in Leeds.\n"
    assert _seg(parties + state + quote)[-1].targets == []
    # Another state's parties leave it as it was.
    other = "Democrats and Republicans argued about school spending on Monday.\n    Tom Kell spoke in Ohio.\n"
    assert _seg(other + state + quote)[-1].targets == ["Britain"]


def test_the_government_in_a_story_of_british_party_politics_is_the_uk_government():
    quote = '    Ann Berg, a teacher, said: "The government has failed our schools."\n'
    text = "Labour and the Conservatives clashed over school funding on Monday.\n" + quote
    assert _seg(text)[-1].targets[-1] == "UK government"
    # No party politics, or another state's (which has no government body in the lexicon): none.
    assert "UK government" not in _seg(quote.strip() + "\n")[-1].targets
    us = "Democrats and Republicans clashed over school funding on Monday.\n" + quote
    assert "UK government" not in _seg(us)[-1].targets


def test_party_politics_and_the_government_only_for_the_parties_own_state_and_its_people():
    def s(*paras: str) -> str:
        return "\n    ".join(paras) + "\n"

    def last(text: str) -> list[str]:
        return _seg(text)[-1].targets

    # Another state's namesake parties, or a foreign speaker's own government: no UK government.
    for text in (
        s(
            "Labour and the Tories urged Peru on Monday to pay its debts.",
            'Peruvian Finance Minister Jan Kowal said: "The government will pay when it can."',
        ),
        s(
            "Japan's ruling Liberal Democrats lost ground in local elections on Sunday.",
            "The Liberal Democrats hold a majority in the lower house.",
            'Japanese opposition leader Takako Kell said: "The government must resign."',
        ),
        s(
            "Israel's Labour party threatened on Monday to quit the coalition; Labour ministers met in Jerusalem.",
            'Labour leader Shimon Peres said: "The government cannot survive this."',
        ),
        s(
            "New Zealand's Labour government faces a tough election; Labour leads the polls.",
            'New Zealand opposition leader Jim Kell said: "The government has wasted money."',
        ),
        s(
            "Australia's Labour government and the Liberals clashed over tax on Monday; Labour won.",
            'Australian Treasurer Paul Kell said: "The government will cut taxes."',
        ),
    ):
        assert "UK government" not in last(text), text
    canada = s(
        "Canada's Tories and the Liberals clashed over free trade on Monday, and the Tories won the vote.",
        'Canadian opposition leader John Kell said: "The government has sold out to Washington."',
    )
    assert last(canada) == ["United States"]
    # A foreign official reacting to a state's party politics speaks of that state.
    us = s(
        "Democrats in Congress pushed a tough trade measure against Japan on Tuesday, and Republicans split.",
        "The United States runs a big deficit with Japan, and the United States wants Japan to buy more, United"
        " States officials say. The United States also wants lower tariffs.",
        'Japanese Trade Minister Jiro Kowal said: "That is unfair and we will say so."',
    )
    assert last(us) == ["United States"]
    uk = s(
        "The Conservatives and Labour clashed over Europe on Monday.",
        "Britain wants a rebate, Britain says. Britain pays too much, Britain argues.",
        'French Finance Minister Pierre Kell said: "That is not acceptable."',
    )
    assert last(uk) == ["Britain"]
    # Another's government named after it, or a minister's own government: no UK government.
    clash = "Labour and the Conservatives clashed over arms sales on Monday.\n    "
    assert last(clash + 'Labour spokesman Tom Kell said: "The government of India has asked for the jets."\n') == [
        "India"
    ]
    for quote in (
        'Union leader Tom Kell said: "Under the government of this company, safety has suffered."',
        'SNP leader Ann Kell said: "The government in Edinburgh will fund the schools."',
        'Health Secretary Ann Berg, a Conservative, said: "The government is committed to the health service."',
    ):
        assert "UK government" not in last(clash + quote + "\n"), quote
    minister = s(
        "Britain's Labour opposition attacked the sale of Rolls-Royce on Monday; Labour said it would"
        " renationalise it.",
        'British Trade Secretary Paul Kell said: "The government will go ahead with the sale."',
    )
    assert last(minister) == []
    # The state's own place keeps it.
    assert last(clash + 'Union leader Tom Kell said: "The government in London does not care."\n')[-1] == (
        "UK government"
    )


def test_a_body_called_the_and_the_last_word_of_its_name_is_that_body():
    story = "The Farm Credit System lost 900 mln dlrs last year.\n    Senator Ann Kovac, a Democrat, said: "
    assert _seg(story + '"The system needs help now."')[-1].targets == ["Farm Credit System"]
    text = "Japan's Finance Ministry set new rules.\n    Ann Kovac, a banker, said: \"The ministry is right.\""
    assert _seg(text)[-1].targets == ["Japanese Finance Ministry"]
    text = "The Scottish Executive cut funding.\n    Ann Kovac, a teacher, said: \"The executive has let us down.\""
    assert _seg(text)[-1].targets == ["Scottish Executive"]
    # Not a head that opens a longer name, two bodies ending so, or "the bank" (most often the speaker's).
    assert _seg(story + '"The System Board must act."')[-1].targets == []
    text = (
        "The Farm Credit System and the European Monetary System were discussed.\n"
        '    Ann Kovac, a banker, said: "The system will change."'
    )
    assert _seg(text)[-1].targets == []
    text = 'The World Bank lent money.\n    Ann Kovac, a banker, said: "The bank has been generous."'
    assert _seg(text)[-1].targets == []


def test_the_and_a_common_noun_that_ends_a_bodys_name_is_not_that_body():
    def targets(story: str, speaker: str, quote: str) -> list[str]:
        return _seg(f'{story}\n    Tom Berg, {speaker}, said: "{quote}"')[-1].targets

    # Heads that are common nouns used alone for other things.
    nyse = "Shares fell on the New York Stock Exchange on Monday."
    assert targets(nyse, "a trader", "The exchange rate of the dollar worries everyone.") == []
    eu = "The European Union raised farm tariffs."
    assert targets(eu, "head of the Norland Steelworkers", "The union will strike in May.") == []
    china = "The Chinese government raised tariffs on Monday."
    assert targets(china, "a Taiwan trade official", "The government will answer soon.") == []
    uaw = "The United Auto Workers met General Motors on Monday."
    assert targets(uaw, "a Norco spokesman", "The workers will get a fair raise.") == []
    scot = "The Scottish Executive cut funding."
    assert targets(scot, "a Norco spokesman", "The executive who left was paid too much.") == []
    # A head of the list that goes on with "of", or beside a ministry the lexicon lacks.
    fcs = "The Farm Credit System lost 900 mln dlrs last year."
    assert targets(fcs, "an analyst", "The system of farm subsidies is rigged.") == []
    two = "Japan's Finance Ministry and Norland's Trade Ministry met on Monday."
    assert targets(two, "a Norland trade official", "The ministry will not accept this.") == []
    # The speaker's own body.
    assert targets(fcs, "a Farm Credit System official", "The system needs help now.") == []


def test_a_bloc_called_the_and_the_last_word_of_its_name_is_that_bloc():
    text = (
        "The European Community raised farm tariffs on Monday.\n"
        "    Wheat prices rose 2 pct in Chicago.\n"
        '    Ann Kovac, a Canadian trade official, said: "The Community must think again."'
    )
    assert _seg(text)[-1].targets == ["European Community"]


def test_a_regulator_named_in_a_quote_is_its_target():
    text = 'Analyst Ann Lark said: "The threat is that the EPA will get tough on landfills."\n'
    assert _seg(text)[0].targets == ["EPA"]
    text = 'Tom Reed, a Norco Inc executive, said: "FERC must settle the pipeline issue soon."\n'
    assert _seg(text)[0].targets == ["FERC"]


def test_a_steel_chairman_naming_the_united_states_keeps_it():
    # A company in the lexicon has no home state: its chairman does not speak for the United
    # States, so a mixed quote of his that names it keeps it.
    text = 'USX chairman Dan Roe said the U.S. should "hold firm on the dollar".\n'
    assert _seg(text)[0].targets == ["United States"]


def test_the_senate_and_house_of_a_us_story_are_congress_for_legislation():
    quote = 'Trade official Tom Berg said: "We cannot accept legislation that would start a trade war."'
    for opening in (
        "The U.S. Treasury told the Senate Banking Committee on Tuesday it opposed a textile quota bill.\n    ",
        "A textile bill may reach the House floor next week, Reagan administration officials said.\n    ",
    ):
        assert _seg(opening + quote)[-1].targets == ["U.S. Congress"], opening
    # Another state's Senate, or a Senate in a story naming nothing of the United States: none.
    for opening in (
        "The Philippine Senate began work on a textile quota bill, the U.S. Treasury said.\n    ",
        "The Senate began work on a textile quota bill on Tuesday.\n    ",
        "A White House committee on textiles met on Tuesday, the U.S. Treasury said.\n    ",
    ):
        assert "U.S. Congress" not in _seg(opening + quote)[-1].targets, opening


def test_a_senate_of_another_state_or_a_us_state_is_no_congress_for_legislation():
    quote = 'Trade official Tom Berg said: "We cannot accept legislation that would start a trade war."'
    for opening in (
        # Another state's story that mentions the United States in passing.
        "Brazilian President Jose Sarney said the Senate would vote on the debt plan, U.S. bankers said.\n    ",
        "SANTIAGO, May 4 - The Senate rejected a tax bill on Tuesday, U.S. officials said.\n    ",
        "Argentine minister Juan Sola asked the Senate for a tax bill, U.S. officials said.\n    ",
        # A U.S. state's or a university's chamber.
        "The Ohio state Senate passed a steel quota bill, U.S. officials said.\n    ",
        "A state Senate panel in Columbus passed a steel quota bill, U.S. officials said.\n    ",
        "The Faculty Senate of Ohio State voted on a bill, Reagan said.\n    ",
        "The Senate of Guam voted on a bill on Tuesday, U.S. officials said.\n    ",
    ):
        assert "U.S. Congress" not in _seg(opening + quote)[-1].targets, opening
    # A U.S. mark before the chamber needs no more.
    opening = "The U.S. Senate began work on a steel quota bill on Tuesday.\n    "
    assert _seg(opening + quote)[-1].targets == ["U.S. Congress"]


def test_a_house_committee_with_and_in_its_name_is_congress_for_legislation():
    quote = 'Trade official Tom Berg said: "We cannot accept legislation that would start a trade war."'
    for opening in (
        "Reagan aides said the House Ways and Means Committee backed a shoe quota bill.\n    ",
        "Reagan aides said the House Ways and Means trade subcommittee backed a shoe quota bill.\n    ",
    ):
        assert _seg(opening + quote)[-1].targets == ["U.S. Congress"], opening


def test_party_adjectives_make_a_story_of_british_party_politics():
    # "Conservative leader", "Liberal Democrat spokesman": with one lexicon party, party politics.
    story = (
        "The Conservative home affairs spokesman Tom Vale and the Liberal Democrat peer Ann Rook met Labour MPs.\n"
        '    Ann Rook said: "The government has let down our schools."\n'
    )
    assert "UK government" in _seg(story)[-1].targets
    # "The Conservative Party" is counted as the party once, not once more as an adjective.
    once = (
        "The Conservative Party met in Leeds on Monday.\n"
        '    Ann Rook, a teacher, said: "The government has let down our schools."\n'
    )
    assert "UK government" not in _seg(once)[-1].targets


def test_ministers_no_10_and_the_present_government_are_the_uk_government_in_british_politics():
    clash = "Labour and the Conservatives clashed over prisons on Monday.\n    "
    for words in (
        "Ministers should think again about prisons.",
        "I blame the present government for the prisons.",
        "Number 10 has ignored the prisons for years.",
        "The Home Office has ignored the prisons.",
    ):
        text = clash + f'Union leader Tom Kell said: "{words}"\n'
        assert "UK government" in _seg(text)[-1].targets, words
    # Another's ministers or government, a hypothetical or generic government, a place: none.
    for words in (
        "Foreign ministers will meet in Oslo.",
        "France's government has ignored the prisons.",
        "A Conservative government would build more prisons.",
        "We need good government in the prisons.",
        "He worked at the Home Office for years.",
    ):
        text = clash + f'Union leader Tom Kell said: "{words}"\n'
        assert "UK government" not in _seg(text)[-1].targets, words


def test_a_quote_naming_no_one_after_a_sentence_on_the_government_is_about_it():
    story = (
        "Labour and the Conservatives clashed over prisons on Monday.\n"
        "    Ministers want to build four new jails, the government said.\n"
        '    Union leader Tom Kell said: "It is a waste of money."\n'
    )
    assert _seg(story)[-1].targets == ["UK government"]
    # Not the words of one who speaks for the government, nor far from the government's mention.
    own = story.replace("Union leader Tom Kell", "Prisons Minister Tom Kell")
    assert "UK government" not in _seg(own)[-1].targets
    far = story.replace(
        "the government said.\n", "the government said.\n    The jails would hold 2,000 men. Building starts in May.\n"
    )
    assert "UK government" not in _seg(far)[-1].targets


def test_a_family_name_with_an_inner_capital_written_as_an_owner_is_a_person():
    for name in ("Tom McKellan", "Ann MacKinnon", "Ann O'Hara"):
        text = f'Tom Law, a doctor, said: "{name}\'s comment was ill-advised."\n'
        assert _seg(text)[-1].targets == [name], name
    story = "Tom McKellan's remark angered doctors.\n    Ann Law, a nurse, said: "
    story += '"Mr McKellan should know better."\n'
    assert _seg(story)[-1].targets == ["Tom McKellan"]


def test_a_party_adjective_before_a_common_noun_in_a_quote_names_the_party_in_party_politics():
    story = "Democrats and Republicans fought over the budget on Monday.\n    "
    text = story + 'Senator Tom Vale said: "Voters are tired of Democratic politicians."\n'
    assert "Democratic Party" in _seg(text)[-1].targets
    # Not an election noun, a longer name, or a story of no party politics.
    for words in ("The Republican nominee will lose.", "Christian Democratic voters are tired."):
        text = story + f'Senator Tom Vale said: "{words}"\n'
        assert not {"Republican Party", "Democratic Party"} & set(_seg(text)[-1].targets), words
    text = 'Senator Tom Vale said: "Voters are tired of Democratic politicians."\n'
    assert "Democratic Party" not in _seg(text)[-1].targets


_UK = "Labour and the Conservatives clashed over prisons on Monday.\n    "
_US = "Democrats and Republicans fought over the budget on Monday.\n    "


def test_party_adjectives_count_for_britain_only_in_a_story_with_a_british_party_named():
    stories = (
        'Liberal Democrat lawmaker Taro Sato and Liberal Democrat elder Ken Ito met in Osaka.\n'
        '    Shopkeeper Jiro Mori said: "The government must cut taxes."\n',
        "Conservative leader Jim Vane and Conservative MP Ann Rook toured Ottawa on Monday.\n"
        '    Farmer Tom Kell said: "The government has let down our farmers."\n',
        "Liberal Democrat senator Ann Rook and Conservative activist Tom Vale met in Canberra.\n"
        '    Farmer Tom Kell said: "Ministers have let down our farmers."\n',
        "Speakers at the Conservative Political Action Conference in Maryland cheered. The Conservative"
        ' Political Action Conference ends on Sunday.\n    Activist Tom Vale said: "The government spends too much."\n',
    )
    for story in stories:
        assert "UK government" not in _seg(story)[-1].targets, story
    # With a British party named, the adjectives still count.
    story = (
        "Conservative leader Jim Vane and Labour attacked the plan on Monday.\n"
        '    Farmer Tom Kell said: "The government has let down our farmers."\n'
    )
    assert "UK government" in _seg(story)[-1].targets
    home = story.replace("and Labour attacked", "attacked", 1).replace("on Monday", "in Britain on Monday", 1)
    home = home.replace("Jim Vane", "Jim Vane and Liberal Democrat Ann Rook", 1)
    assert "UK government" in _seg(home)[-1].targets


def test_the_government_in_the_words_of_its_own_spokesmen_is_no_target():
    for text in (
        'A Home Office spokesman said: "The Home Office has failed."\n',
        'A Number 10 spokesman said: "Number 10 has always been clear."\n',
        'Ministers want four new jails.\n    A Home Office spokesman said: "It is a waste of money."\n',
        'Prisons minister Tom Kell defended the plan on Monday.\n    He said: "Ministers are right."\n',
    ):
        assert "UK government" not in _seg(_UK + text)[-1].targets, text
    # A minister named beside the speaker is not the speaker's title.
    text = 'Prisons minister Ann Rook attacked Tom Kell on Monday.\n    He said: "Ministers are wrong."\n'
    assert "UK government" in _seg(_UK + text)[-1].targets


def test_other_governments_ministers_and_places_named_like_the_government_are_not_it():
    for words in (
        "European health ministers will meet in Oslo.",
        "I think EU health ministers will meet in Oslo.",
        "We will protest outside No 10 on Friday.",
        "We will march down Downing Street on Friday.",
        "Take the Number 10 bus to the prison.",
        "He wore the No 10 shirt for England.",
    ):
        text = _UK + f'Union leader Tom Kell said: "{words}"\n'
        assert "UK government" not in _seg(text)[-1].targets, words
    for words in ("The Government has failed our schools.", "Senior ministers have failed our schools."):
        text = _UK + f'Union leader Tom Kell said: "{words}"\n'
        assert "UK government" in _seg(text)[-1].targets, words


def test_a_party_adjective_opening_a_quote_is_no_party_but_one_after_a_determiner_is():
    for story, words, party in (
        (_UK, "Conservative estimates put the cost at a billion.", "Conservative Party"),
        (_US, "Democratic reform is what this country needs.", "Democratic Party"),
    ):
        text = story + f'Tom Vale said: "{words}"\n'
        assert party not in _seg(text)[-1].targets, words
    for story, words, party in (
        (_UK, "These Conservative schemes are a disgrace.", "Conservative Party"),
        (_US, "The Republican plan is cruel.", "Republican Party"),
        (_US, "Our Republican leadership has failed us.", "Republican Party"),
        (_US, "I think the Democratic leadership has failed.", "Democratic Party"),
    ):
        text = story + f'Tom Vale said: "{words}"\n'
        assert party in _seg(text)[-1].targets, words


def test_the_company_in_an_outsiders_words_is_the_headline_company_though_they_have_a_side():
    story = (
        "A group led by Ada Moor bid 40 dlrs a share for Norvale Mills Inc.\n"
        "    Kestrel Bank Corp agreed to lend the group 300 mln dlrs.\n"
        "    Both sides expect a deal soon.\n"
    )
    text = story + '    "Nothing has changed with the company," said Tom Lund, head of Kestrel Bank lending.\n'
    assert _seg(text, title="MOOR GROUP STANDS BY NORVALE <NVM> BID")[-1].targets == ["Norvale Mills"]
    # Words naming no company stay with no target from a speaker with a side of his own.
    plain = story + '    "Nothing has changed with the plan," said Tom Lund, head of Kestrel Bank lending.\n'
    assert _seg(plain, title="MOOR GROUP STANDS BY NORVALE <NVM> BID")[-1].targets == []
    # The company's own officer speaks of his own company.
    own = story + '    "Nothing has changed with the company," said Norvale Mills chairman Tom Lund.\n'
    assert _seg(own, title="MOOR GROUP STANDS BY NORVALE <NVM> BID")[-1].targets == []


def test_a_company_named_with_inner_capitals_or_by_its_bracketed_short_name_in_a_quote():
    text = (
        "Tarvex Co and NORlink Systems Inc said they agreed to merge.\n"
        '    "NORlink is a clear leader in its field," Tarvex chairman Ed Varga said.\n'
    )
    assert _seg(text)[-1].targets == ["NORlink Systems"]
    text = (
        "Analysts are upbeat on Kessler Motoren Werke AG <KMWG.F> (KMW) this year.\n"
        '    "KMW will be the story of next year," said analyst Ann Roy.\n'
    )
    assert _seg(text)[-1].targets == ["KMW"]
    # Part of a longer name is not the company.
    text = (
        "Analysts are upbeat on Kessler Motoren Werke AG <KMWG.F> (KMW) this year.\n"
        '    "The KMW Art Trust will grow," said analyst Ann Roy.\n'
    )
    assert _seg(text)[-1].targets == ["KMW Art Trust"]


def test_a_bracketed_word_after_a_legal_form_is_a_short_name_only_in_capitals_and_not_an_exchange():
    quote = '    "The stock is cheap," said analyst Ann Roy.\n'
    for bracket in ("(Nasdaq)", "(Calif)", "(Holdings)", "(Note)", "(The)", "(NYSE)", "(OTC)", "(NY)"):
        text = f"Analysts like Grover Data Inc <GRDA> {bracket} this year.\n" + quote
        assert _seg(text)[-1].targets == ["Grover Data"], bracket
        assert _seg(text, title="GROVER DATA <GRDA> SEES GAIN")[-1].targets == ["Grover Data"], bracket


def test_a_company_in_capitals_is_not_a_target_of_its_own_officers_words():
    story = "Tarvex Co and VELtron Systems Inc said they agreed to merge.\n"
    own = story + '    "VELtron is a clear leader," VELtron chairman Ed Varga said.\n'
    assert _seg(own)[-1].targets == []
    own = story + '    "VELtron is a clear leader," said Ed Varga, chairman of VELtron Systems.\n'
    assert _seg(own)[-1].targets == []
    story = "Analysts are upbeat on Brenner Motoren Werke AG <BMWX.F> (BRM) this year.\n"
    assert _seg(story + '    "BRM will grow," said BRM chairman Otto Kahl.\n')[-1].targets == []
    assert _seg(story + '    "BRM will grow," said analyst Ann Roy.\n')[-1].targets == ["BRM"]


def test_an_officer_whose_post_follows_a_verb_of_saying_still_speaks_for_the_headline_company():
    story = "Halvard Foods Inc shares rose sharply on Monday.\n"
    quote = '    "The closures were overdue," Marsh said.\n'
    for intro in (
        "Lena Marsh said she would stay on as chairman of Halvard Foods.",
        "Lena Marsh announced she would step down as president of Halvard Foods.",
        "Lena Marsh, said to be chief of Halvard Foods, backs it.",
        "Lena Marsh, a noted chemist at Halvard Foods, backs it.",
    ):
        text = story + "    " + intro + "\n" + quote
        assert _seg(text, title="TALKING POINT/HALVARD FOODS <HLV>")[-1].targets == [], intro


def test_the_title_words_before_a_name_are_read_across_brackets_marks_and_semicolons_not_commas():
    """`_introduced_affiliation` splits the words before the name at once: the same words, and
    the same stop at a comma, as a regex pass over them."""
    title = "SOUTH KOREA AND JAPAN SIGN CHIP PACT"

    def targets(intro: str) -> list[str]:
        return _seg(intro + ' told reporters in Tokyo: "The pact will hold."\n', title)[0].targets

    assert targets("MITI (trade) official Ken Sato") == ["South Korea"]
    assert targets("MITI's top (trade) official Ken Sato") == ["South Korea"]
    assert targets("A MITI; official Ken Sato") == ["South Korea"]
    assert targets("MITI, official Ken Sato") == ["Japan"]  # the comma ends the title: the headline's state speaks


def test_an_unknown_states_possessive_congress_is_no_us_congress():
    # The government rule's "word before" pattern once shadowed the Congress rule's, whose
    # possessive form ("Norland's Congress") has no captured word: another state's legislature.
    text = (
        "Norland's Congress debated a farm bill on Tuesday.\n"
        '    Ana Ruiz said: "We cannot accept this legislation."\n'
    )
    assert "U.S. Congress" not in _seg(text)[-1].targets


def test_congress_as_where_a_senators_fellows_sit_is_no_pointer_target():
    # "her Senate colleagues" around the quote is a setting: "they" does not point back to it.
    fellows = (
        "Maple Verity won the backing of three of her Senate colleagues on Monday.\n"
        '    "They see what I see," Verity said.\n'
    )
    assert "U.S. Congress" not in _seg(fellows)[-1].targets
    # Congress named as such keeps its place as the party "they" means.
    plain = (
        "Congress passed the farm measure on Monday.\n"
        '    "They did the right thing," said Tom Aldine, a grower.\n'
    )
    assert _seg(plain)[-1].targets == ["U.S. Congress"]


def test_the_pair_in_a_quote_is_the_two_people_the_story_names_most():
    text = (
        "Rival claims split the cabinet\n\n"
        "Marta Ilves and Tomas Verhoek clashed again on Monday. Ms Ilves said the budget was fair, "
        "while Mr Verhoek said it was not. Ms Ilves later met Dan Fossey, an aide.\n"
        'A memoir by Lena Arnott said the pair had "long stopped speaking".\n'
    )
    assert _seg(text)[-1].targets == ["Marta Ilves", "Tomas Verhoek"]
    # "both parties" is the two parties the story names most; "either one of us" is the speaker's own side.
    parties = (
        "Labour and the Tories traded blows over the Tories' fuel tax plan, and Labour said it was unfunded.\n"
        'The Greens cautioned both parties over "gaming the pumps".\n'
    )
    assert _seg(parties)[-1].targets == ["Labour Party", "Conservative Party"]
    ours = (
        "Marta Ilves and Tomas Verhoek clashed again on Monday, and Ms Ilves walked out.\n"
        '"Neither one of us will give way," said Ms Ilves.\n'
    )
    assert "Tomas Verhoek" not in _seg(ours)[-1].targets


def _seg_content(text: str):
    return segment(Article(id="d1", text=text), mixed="content")


def test_object_pronoun_opening_mixed_content_is_someone_named_before():
    # "him" after the reporter's verb is whom the words are aimed at, not the speaker, even of the same sex.
    text = (
        "Water bill vetoed\n\n"
        "Governor Tomas Verhoek vetoed the water bill on Friday.\n\n"
        'Senator Piet Adler wrote to Mr Verhoek on Monday, calling for him to "explain the veto to farmers".\n'
    )
    assert "Tomas Verhoek" in _seg_content(text)[-1].targets
    # The sentence's own subject is not the one "him" means.
    subject = (
        "Water bill signed\n\n"
        "Governor Tomas Verhoek signed the water bill on Friday.\n\n"
        'Piet Adler thanked him for "acting when the council would not".\n'
    )
    targets = _seg_content(subject)[-1].targets
    assert "Tomas Verhoek" in targets and "Piet Adler" not in targets
    # "her" before a noun is a possessive, most often the speaker's own.
    own = (
        "Water bill signed\n\n"
        "Governor Marta Ilves signed the water bill on Friday.\n\n"
        'Lena Arnott said her plan "would cost farmers less".\n'
    )
    assert "Marta Ilves" not in _seg_content(own)[-1].targets


def test_a_body_a_quote_names_in_full_is_a_target_unless_it_is_the_speakers_own():
    text = (
        "Stadium rules eased\n\n"
        "Clubs welcomed the change on Monday.\n\n"
        'Fan leader Tom Aldine said: "The Ground Safety Authority has listened at last."\n'
    )
    assert "Ground Safety Authority" in _seg_content(text)[-1].targets
    own = (
        "Stadium rules eased\n\n"
        "Tom Aldine, a spokesman for the Ground Safety Authority, spoke on Monday.\n\n"
        'Mr Aldine said: "The Ground Safety Authority has listened to fans."\n'
    )
    assert "Ground Safety Authority" not in _seg_content(own)[-1].targets


def test_a_determiner_or_a_sentence_opening_participle_before_a_family_name_is_no_given_name():
    story = "Marta Ilves leads the polls.\n\n"
    text = story + 'One aide said: "Every Ilves surrogate is lowering expectations."\n'
    assert _seg_content(text)[-1].targets == ["Marta Ilves"]
    text = story + 'One aide wrote: "Great news. Celebrating Ilves and her team tonight."\n'
    assert _seg_content(text)[-1].targets == ["Marta Ilves"]


def test_the_person_a_quote_addresses_as_you_after_a_verb_of_address():
    story = "Marta Ilves and Tomas Verhoek fell out over the budget.\n\n"
    text = story + 'Mr Verhoek told Ms Ilves: "Nothing you say will change my mind."\n'
    assert _seg_content(text)[-1].targets == ["Marta Ilves"]
    # An interviewer is no addressee of the words' subject.
    text = story + 'Mr Verhoek told Channel Four\'s Dan Fossey: "You know my view."\n'
    assert "Dan Fossey" not in _seg_content(text)[-1].targets


def test_a_blocs_adjective_opening_a_longer_name_is_not_the_bloc():
    text = 'Judge Ann Roy said: "The detentions breach the European Charter of Fishing Rights."\n'
    assert "Western Europe" not in _seg(text)[-1].targets
    text = 'Minister Ann Roy said: "European farmers will lose out."\n'
    assert _seg(text)[-1].targets == ["Western Europe"]


def test_a_family_name_with_a_bare_possessive_apostrophe_in_a_quote_is_the_person():
    text = "Lena Markus won again.\n\nAnn Roy said: \"Voters cannot look past Markus' record.\"\n"
    assert _seg_content(text)[-1].targets == ["Lena Markus"]
    text = "Lena Markus won again.\n\nAnn Roy said: \"Voters cannot look past Markus’ record.\"\n"
    assert _seg_content(text)[-1].targets == ["Lena Markus"]


def test_a_royal_named_by_title_and_given_name_is_a_person_target():
    text = (
        "Royal row grows\n\n"
        "Prince Rupert has skipped the lifeboat charity's gala for a polo match.\n\n"
        'Tom Berg said: "He owes the crews a letter by Friday."\n\n'
        'Ann Roy said: "Rupert should sponsor a new boat."\n\n'
        "Aides said the prince had a fever.\n"
    )
    quotes = _seg_content(text)
    assert quotes[0].targets == ["Prince Rupert"]
    assert quotes[1].targets == ["Prince Rupert"]


def test_openers_before_a_body_head_and_either_one_of_things_give_no_target():
    # A sentence's determiner or possessive before a head word is no body's name.
    assert _seg_content('Ann Roy said: "Every Committee member will vote."\n')[-1].targets == []
    assert _seg_content('Ann Roy said: "Our Foundation will grow."\n')[-1].targets == []
    # "either one of these plans" speaks of things, not of the two people named before.
    base = "Marta Ilves and Tom Verhoek clashed again on Monday, and Ms Ilves walked out.\n"
    text = base + '"Either one of these plans would cost too much," said Ann Roy.\n'
    assert _seg_content(text)[-1].targets == []
    text = base + '"Either one of them could win," said Ann Roy.\n'
    assert _seg_content(text)[-1].targets == ["Marta Ilves", "Tom Verhoek"]


def test_a_given_name_ending_in_ing_opening_a_sentence_is_still_the_persons():
    for given in ("Sterling", "Irving", "Deming"):
        text = (
            f"Race day\n\n{given} Kessel won the race. Kessel, 30, was delighted.\n\n"
            'Ann Roy said: "Kessel drove brilliantly."\n'
        )
        assert _seg_content(text)[-1].targets == [f"{given} Kessel"], given


def test_the_pair_tests_each_name_once_per_story_not_once_per_quote(monkeypatch):
    import stance.segment as seg

    calls = []
    real = seg._same_person

    def counted(*args, **kwargs):
        calls.append(args[0])
        return real(*args, **kwargs)

    monkeypatch.setattr(seg, "_same_person", counted)
    story = "Marta Ilves and Tom Verhoek clashed again on Monday.\n\n"
    line = 'Mr Verhoek met Ms Ilves in town {}. Ann Roy said: "The pair will never agree."\n'
    story += "".join(line.format(i) for i in range(60))
    quotes = _seg_content(story)
    assert quotes[-1].targets == ["Marta Ilves", "Tom Verhoek"]
    assert calls.count("Marta Ilves") < 10


def test_an_address_in_a_clause_about_the_speaker_is_no_addressee_of_the_quote():
    story = "Marta Ilves and Tom Verhoek are rivals for the post.\n\n"
    text = story + 'Mr Verhoek, who last year told Ms Ilves to quit, said: "You voters deserve better."\n'
    assert _seg_content(text)[-1].targets == []
    text = story + 'Mr Verhoek, who told Ms Ilves of his plan in May, said on Monday: "Should you want change, act."\n'
    assert _seg_content(text)[-1].targets == []
    text = story + 'Mr Verhoek told Ms Ilves: "You cannot be trusted."\n'
    assert _seg_content(text)[-1].targets == ["Marta Ilves"]


def test_a_body_named_in_a_quote_is_no_target_where_it_is_the_speakers_own_or_its_name_is_unsure():
    # Wire copy: the company speaks itself first, bears the attribution's word, or its initials.
    text = (
        "NEW YORK - Norco Realty Trust said on Monday it sold two malls for 40 mln dlrs.\n"
        '    "Norco Realty Trust will use the cash to cut debt," the company\'s chief executive Tom Lund said.\n'
    )
    assert _seg(text)[-1].targets == []
    text = (
        "NEW YORK - Norco Industries Inc said it would buy back stock.\n"
        '    "The Norco Industries Board believes the shares are cheap," Norco chairman Tom Lund said.\n'
    )
    assert "Norco Industries Board" not in _seg(text)[-1].targets
    assert _seg('"The Auto Workers Union will win," said Tom Lund, an official with the UAW.\n')[-1].targets == []
    # A lexicon name shortened is no body of its own.
    assert _seg('"The Reserve Board will hold," said analyst Ann Berg.\n')[-1].targets == []
    # Two bodies joined by "and"; a head word inside a longer name or before more capitals.
    say = 'Ann Roy said: "{}"\n'.format
    assert _seg(say("The Harbour Board and the Water Authority failed us."))[-1].targets == [
        "Harbour Board",
        "Water Authority",
    ]
    assert _seg(say("The Board of Directors of the Norco Foundation met."))[-1].targets == []
    assert _seg(say("The National Union of Glaziers has it wrong."))[-1].targets == []
    assert _seg(say("The Dunmore Board Options Exchange had a record day."))[-1].targets == []
    assert _seg(say("Vote No To The Harbour Board Plan"))[-1].targets == []
    # A sentence's capitalised common word before a head word.
    assert _seg(say("We vote tomorrow. Tomorrow Board members vote."))[-1].targets == []
    assert _seg(say("Glenmoor Council has failed us."))[-1].targets == ["Glenmoor Council"]
    # A bare "and" inside one name; a lexicon word shared with the speaker's title is no own body.
    assert _seg(say("The Dunmore Savings and Loan Association failed us."))[-1].targets == [
        "Dunmore Savings and Loan Association"
    ]
    text = 'House Speaker Tom Lund said: "The House Farm Committee will act."\n'
    assert "House Farm Committee" in _seg(text)[-1].targets
    text = 'The White House spoke first.\n    Tom Lund said: "The House Farm Committee will act."\n'
    assert "House Farm Committee" in _seg(text)[-1].targets
    text = '"The Dunmore Savings and Loan Association failed," said the Federal Loan Board.\n'
    assert "Dunmore Savings and Loan Association" in _seg(text)[-1].targets


def test_a_gerund_opening_a_quote_before_a_name_is_no_given_name():
    story = "The county wants its Dunmore depot gone.\n\nPresident Ana Kovac unveiled a budget.\n\n"
    text = story + '"Funding Dunmore drains the county budget," Ann Roy told the chamber.\n'
    assert "Funding Dunmore" not in _seg_content(text)[-1].targets
    text = story + 'Ann Roy said the plan was overdue.\n\n"Shelving Dunmore was never shelving it," she said.\n'
    assert "Shelving Dunmore" not in _seg_content(text)[-1].targets


def test_a_state_opening_the_name_a_ticker_headline_gives_is_the_company():
    text = 'Kell said sales rose.\n    "We believe U.S. Norvale stock is good value," said treasurer Tom Lund.\n'
    assert _seg(text, title="U.S. NORVALE <USN> TO BUY BACK SHARES")[-1].targets == []
    other = 'Kell said sales rose.\n    "The United States must act," said treasurer Tom Lund.\n'
    assert _seg(other, title="U.S. NORVALE <USN> TO BUY BACK SHARES")[-1].targets == ["United States"]


def test_a_common_word_after_the_state_is_no_ticker_headlines_company_name():
    # The headline is in capitals, the story not: "U.S. home" is the state's (an older rule on
    # "U.S." as an adjective in company stories hides this from segment(), so ask directly).
    from stance import segment as seg
    from stance.targets import TargetLexicon

    text = 'Kell said sales rose.\n    "U.S. home builders and U.S. Home stock," said Tom Lund.\n'
    article = Article(id="t", text=text, title="U.S. HOME <UH> SEES LOWER PROFIT")
    s = seg._Segmenter(article, TargetLexicon.load(), "fragment")
    first = text.index("U.S.")
    second = text.index("U.S.", first + 1)
    assert not s._in_firm_name(first, first + 4)
    assert s._in_firm_name(second, second + 4)


def test_a_ticker_headlines_legal_form_or_slug_is_not_part_of_the_name():
    text = 'Kell said sales rose.\n    "We believe U.S. Norvale stock is good value," said treasurer Tom Lund.\n'
    assert _seg(text, title="U.S. NORVALE INC <USN> TO BUY BACK SHARES")[-1].targets == []
    assert _seg(text, title="BRIEF-U.S. Norvale <USN> to buy back shares")[-1].targets == []


def test_a_capitalised_word_before_a_state_in_a_quote_makes_them_one_name():
    text = 'Analyst Ann Roy said: "Kell had to pay more, as Royal Danish/Vestra did last year."\n'
    assert _seg(text)[-1].targets == []


def test_a_name_or_a_sentence_opener_before_a_state_keeps_the_state():
    # A sentence's capitalised opener is no name, also after a curly quote, an ellipsis, a dash
    # or a wide gap; nor is a name of its own before the state (an object, a short opening phrase).
    leads = ("Talks failed.", "He called it ‘a lie.’", "Talks failed…", "Talks failed —", "Talks failed." + " " * 16)
    for lead in leads:
        text = f'"{lead} Senior Danish Navy officials agreed," Brenner said.\n'
        assert _seg(text)[-1].targets == ["Denmark"], lead
    for quote in ("We told Congress Denmark Alone cannot pay,", "Without Brussels Denmark Alone is weaker,"):
        assert "Denmark" in _seg(f'"{quote}" Brenner said.\n')[0].targets, quote


def test_a_bare_and_after_a_party_starts_the_body_after_it():
    # "and" joins a person, a place or a company to the body: two parties, only the second a body.
    say = 'Pia Holm said: "{}"\n'
    assert _seg(say.format("Any pact between Vellmar and Ostrava Council is far off."))[-1].targets == [
        "Ostrava Council"
    ]
    assert _seg(say.format("Brisco and Tallow Trust plan a joint bid."))[-1].targets == ["Tallow Trust"]
    assert _seg(say.format("Dr Ferrand and Ostrava Council share the blame."))[-1].targets == ["Ostrava Council"]
    assert _seg(say.format("By Friday and Saturday Council crews will be out."))[-1].targets == []
    # Both sides the body's own common words: one name.
    assert _seg(say.format("The Ostrava Health and Safety Board shut the mill."))[-1].targets == [
        "Ostrava Health and Safety Board"
    ]


def test_a_title_word_opening_a_body_name_is_part_of_it():
    # "New", "State", "General", "Central", "Industry" open real names; only determiners and
    # possessives are cut from the front.
    say = 'Pia Holm said: "{} approved the plan."\n'
    for name in (
        "New Carvel Harbour Authority",
        "State Fishing Board",
        "General Dental Council",
        "Central Grain Board",
        "Industry Skills Council",
    ):
        assert _seg(say.format("The " + name))[-1].targets == [name]
    assert _seg(say.format("Each Committee member"))[-1].targets == []


def test_a_body_named_in_full_before_is_not_a_new_body_when_shortened():
    # Once "New", "State" or a title word opens a name, the tail of a name written in full
    # before is that body again, not a new one.
    text = (
        "The Western Grain Trade Board said\nit fined two ship owners on Monday.\n"
        "    The Trade Board faulted the owners for\ncargo losses due to \"careless\nloading at every port.\"\n"
    )
    assert _seg(text)[-1].targets == []


def test_a_generic_first_word_or_a_state_code_is_no_sign_of_the_speakers_own_body():
    # "National" opens many bodies' names, and "NC" beside the speaker is a state, not initials.
    text = '"The National Fire Safety Board blamed the crew," said National Ferries spokesman Pia Holm.\n'
    assert _seg(text)[-1].targets == ["National Fire Safety Board"]
    text = '"The Northern Council failed us," said Pia Holm, a nurse in Durham, NC.\n'
    assert _seg(text)[-1].targets == ["Northern Council"]
    # The speaker's own body still: its own word in the title, or its initials beside the name.
    text = '"The Ostrava Dock Union let us down," said Pia Holm, an official with the ODU.\n'
    assert _seg(text)[-1].targets == []
    text = '"The Norco Family Trust will sell," said Norco chairman Tom Lund.\n'
    assert _seg(text)[-1].targets == []


def test_an_address_in_a_relative_clause_or_before_any_cue_is_another_event():
    # "who ... told X" is an aside on an earlier event, whatever verb (or none) cues the quote.
    story = "Pia Holm and Rolf Brenner are vying for the seat.\n\n"
    for line in (
        'Mr Brenner, who in March told Ms Holm to step aside, argued: "You farmers need a louder voice."\n',
        'Mr Brenner, who told Ms Holm of his bid in June, explained on Friday: "If you want roads, back me."\n',
        'Mr Brenner, who in March told Ms Holm to step aside, was curt on Friday: "You farmers need a louder voice."\n',
        '"You farmers need a louder voice," Mr Brenner, who once told Ms Holm to step aside, says.\n',
    ):
        assert "Pia Holm" not in _seg_content(story + line)[-1].targets
    line = 'Mr Brenner told Ms Holm: "You cannot be trusted with the budget."\n'
    assert _seg_content(story + line)[-1].targets == ["Pia Holm"]


def test_a_body_opening_the_lead_after_a_headline_or_with_no_dateline_is_the_speakers_own():
    # The lead may follow a headline or stand with no dateline; the body may take an apposition
    # or a verb of its own news.
    quote = '    "Harlow Cargo Trust will pay down loans," finance chief Ida Moss said.\n'
    for lead in (
        "Harlow Cargo Trust said on Tuesday it sold three depots.\n",
        "HARLOW CARGO SELLS DEPOTS\n    LEEDS - Harlow Cargo Trust said it sold three depots.\n",
        "Harlow Cargo Sells Depots\n\nLEEDS - Harlow Cargo Trust said it sold three depots.\n",
        "LEEDS - Harlow Cargo Trust, the depot owner, said it sold three depots.\n",
        "LEEDS - Harlow Cargo Trust reported a loss and sold three depots.\n",
    ):
        assert _seg(lead + quote)[-1].targets == []
    other = "Harlow Cargo Trust's plan to shut the depot angered locals.\n\n"
    assert _seg(other + '"Harlow Cargo Trust has let us down," resident Ida Moss said.\n')[-1].targets == [
        "Harlow Cargo Trust"
    ]


def test_the_board_of_a_company_the_story_names_with_its_legal_form_is_that_company():
    text = (
        "LEEDS - Kestrel Mills Inc said it would buy back stock.\n"
        '    "The Kestrel Mills Board thinks the shares are cheap," analyst Ida Moss said.\n'
    )
    assert _seg(text)[-1].targets == ["Kestrel Mills"]


def test_many_pair_quotes_cost_in_proportion_to_the_story():
    # Each "the pair" quote counts the names before it by bisection, not by reading the story again:
    # eight times the quotes take about eight times as long (reading it again took about 25 times).
    import time

    story = "Marta Ilves and Tom Verhoek clashed again on Monday.\n\n"
    line = 'Mr Verhoek met Ms Ilves in town {}. Ann Roy said: "The pair will never agree."\n'

    def fastest(n: int) -> float:
        text = story + "".join(line.format(i) for i in range(n))
        best = float("inf")
        for _ in range(3):
            t0 = time.perf_counter()
            quotes = _seg_content(text)
            best = min(best, time.perf_counter() - t0)
        assert quotes[-1].targets == ["Marta Ilves", "Tom Verhoek"]
        return best

    assert fastest(2400) < 16 * fastest(300)


_FILLER = "    The talks will resume on Monday in the capital, officials said after the meeting ended.\n"


def test_acronym_the_story_defines_in_brackets_is_the_body():
    text = (
        "Dunmore Mills faces a rival bid from <Kestrel Holdings Ltd> (KHL), the company said.\n"
        + _FILLER
        + '    "We think KHL is bidding only to block our merger," Dunmore chairman Pat Orme said.\n'
    )
    assert _seg(text)[-1].targets == ["Kestrel Holdings"]


def test_acronym_with_the_initials_of_a_body_named_before():
    text = (
        "Talks with the Federation of Independent Glass Cutters broke down at Norco.\n"
        + _FILLER
        + '    Norco spokesman Ian Pell said the FIGC was "spreading falsehoods" about the company.\n'
    )
    assert _seg(text)[-1].targets == ["Federation of Independent Glass Cutters"]


def test_acronym_near_misses_are_no_body():
    # A measure's initials, the speaker's own body (by its word, its apposition, its head noun),
    # initials two names share, and initials never spelled out.
    cases = [
        "Norland's Gross Farm Output (GFO) fell 3 pct.\n" + _FILLER + '    "The GFO is poor," analyst Ann Vale said.\n',
        "Kessel Mining Corp (KMC) posted a loss.\n" + _FILLER + '    "KMC will recover," KMC chairman Bo Lind said.\n',
        "The Council of Tarn Exporters (CTE) met.\n"
        + _FILLER
        + '    "I spoke with the CTE," said Jo Fey, president of the Council of Tarn Exporters.\n',
        "The Norland Grain Board (NGB) cut its forecast.\n" + _FILLER + '    "NGB buyers want more," the board said.\n',
        "The Tarn Press Association and the Tarn Pilots Association met.\n"
        + _FILLER
        + '    "The TPA has walked out," Ann Vale said.\n',
        'Ann Vale said on Monday: "The QRX has walked out."\n',
    ]
    for text in cases:
        assert _seg(text)[-1].targets == [], text
