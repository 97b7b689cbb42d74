"""Target lexicon: loading, matching, canonical names and errors."""

from __future__ import annotations

import pytest

from stance.errors import StanceError
from stance.targets import TargetLexicon


@pytest.fixture(scope="module")
def lex() -> TargetLexicon:
    return TargetLexicon.load()


def test_aliases_map_to_canonical_names(lex):
    assert lex.find("Washington warned Tehran and the Iranian navy") == ["United States", "Iran"]
    assert lex.find("the U.S. Congress passed it") == ["U.S. Congress"]
    assert lex.canonical("U.S.") == "United States"
    assert lex.canonical("bonn") == "West Germany"
    assert lex.canonical("Atlantis") is None


def test_find_is_deduplicated_and_word_bounded(lex):
    assert lex.find("Japan and Japanese firms, not Japanesque") == ["Japan"]
    assert lex.find("us and them") == []


def test_explicit_path_and_bad_keys(tmp_path):
    good = tmp_path / "t.yaml"
    good.write_text("states:\n  Freedonia: [Freedonian, Fredville]\n", encoding="utf-8")
    lex = TargetLexicon.load(good)
    assert lex.find("The Freedonian envoy left Fredville.") == ["Freedonia"]
    bad = tmp_path / "bad.yaml"
    bad.write_text("countries:\n  X: [Y]\n", encoding="utf-8")
    with pytest.raises(StanceError, match="countries"):
        TargetLexicon.load(bad)
    broken = tmp_path / "broken.yaml"
    broken.write_text("states: [unclosed\n", encoding="utf-8")
    with pytest.raises(StanceError):
        TargetLexicon.load(broken)
    aliases = tmp_path / "aliases.yaml"
    aliases.write_text("states:\n  X: 5\n", encoding="utf-8")
    with pytest.raises(StanceError, match="'X'"):
        TargetLexicon.load(aliases)


def test_default_lexicon_is_large(lex):
    assert len(lex.aliases) >= 150


def test_trie_pattern_prefers_longest_alias():
    import re

    from stance.targets import trie_pattern

    pat = re.compile("(?:" + trie_pattern(["U.S", "U.S.", "US", "United States", "United"]) + ")")
    assert [m.group() for m in pat.finditer("U.S. US United  States United")] == [
        "U.S.",
        "US",
        "United  States",
        "United",
    ]


def test_trie_pattern_guard_is_a_word_edge_after_the_first_character():
    import re

    from stance.targets import trie_pattern

    words = ["said", "says", "Said", "told"]
    guarded = re.compile("(?:" + trie_pattern(words, guard=r"(?<![A-Za-z].)") + ")(?![A-Za-z])")
    plain = re.compile(r"(?<![A-Za-z])(?:" + trie_pattern(words) + ")(?![A-Za-z])")
    text = "Said Kowal: unsaid, he says; Kovac told Berg, retold, and said."
    spans = [m.span() for m in guarded.finditer(text)]
    assert spans == [m.span() for m in plain.finditer(text)]
    assert [text[a:b] for a, b in spans] == ["Said", "says", "told", "said"]
    # Searched from inside a word ("un|said"), the edge still looks at the text before it.
    assert guarded.search(text, text.index("said,")).group() == "says"


def test_names_state_like(lex):
    assert lex.names_state_like("Japanese")
    assert lex.names_state_like("Tokyo")
    assert not lex.names_state_like("Reagan")
    assert not lex.names_state_like("Kovac")


def test_side_takes_home_states_and_blocs():
    lex = TargetLexicon.from_dict(
        {
            "states": {"Freedonia": ["Freedonian"], "Sylvania": []},
            "blocs": {"Northern League": []},
            "organisations": {"Freedonian Mint": ["the Mint"]},
            "home": {"Freedonian Mint": "Freedonia"},
            "members": {"Northern League": ["Freedonia"]},
        }
    )
    assert lex.side(["the Mint"]) == {"Freedonian Mint", "Freedonia", "Northern League"}
    assert lex.side(["Sylvania"]) == {"Sylvania"}


def test_narrower_name_follows_the_story():
    lex = TargetLexicon.load()
    assert lex.resolver(["Germany", "West Germany"]) == {"Germany": "West Germany"}
    assert lex.resolver(["Germany", "West Germany", "East Germany"]) == {}
    assert lex.resolver(["Germany"]) == {}


def test_relations_must_name_canonical_entries(tmp_path):
    bad = tmp_path / "rel.yaml"
    bad.write_text("states:\n  Freedonia: []\nhome:\n  Freedonia: Atlantis\n", encoding="utf-8")
    with pytest.raises(StanceError, match="Atlantis"):
        TargetLexicon.load(bad)
    bad.write_text("states:\n  Freedonia: []\nmembers:\n  Freedonia: Freedonia\n", encoding="utf-8")
    with pytest.raises(StanceError, match="list"):
        TargetLexicon.load(bad)


def test_default_relations_are_loaded(lex):
    assert lex.homes["MITI"] == "Japan"
    assert "European Community" in lex.side(["Britain"])


def test_roles_map_titles_to_the_state_that_holds_them(tmp_path):
    lex = TargetLexicon.from_dict(
        {"states": {"Freedonia": [], "Sylvania": []}, "roles": {"Grand Vizier": "Freedonia", "Sen.": "Sylvania"}}
    )
    assert lex.role_states("Grand  Vizier Rufus T. Firefly and Sen. Trentino") == ["Freedonia", "Sylvania"]
    assert lex.role_states("the grand vizier") == []
    assert lex.role_states("Senator Trentino") == []
    bad = tmp_path / "roles.yaml"
    bad.write_text("states:\n  Freedonia: []\nblocs:\n  League: []\nroles:\n  Vizier: League\n", encoding="utf-8")
    with pytest.raises(StanceError, match="not a state"):
        TargetLexicon.load(bad)


def test_default_roles_are_loaded(lex):
    assert lex.role_states("Under Secretary of State for Economic Affairs") == ["United States"]
    assert lex.role_states("Prime Minister") == []


def test_a_compass_word_makes_a_region_not_the_state(lex):
    assert lex.find("a North American trade pact") == []
    assert lex.find("Central\nAmerican coffee and Northern Ireland") == []
    assert lex.find("West German and South Korean firms, and the American one") == [
        "West Germany",
        "South Korea",
        "United States",
    ]


def test_new_after_a_lower_case_word_makes_another_place(lex):
    """"New" inside a sentence names a place or body of its own ("New England", "New Mexico");
    opening a sentence or in a title-cased headline it is the adjective."""
    assert lex.find("Power prices in New England rose, said Tom Berg of New Mexico") == []
    assert lex.find("the New Democratic Party voted against it") == []
    assert lex.find("New Irish curbs on imports were announced") == ["Ireland"]
    assert lex.find("Minister Praises New Irish Trade Policies") == ["Ireland"]
    assert lex.find("the future of New Labour") == ["Labour Party"]
    assert lex.find("The party wants a New Europe and a New Britain") == ["Western Europe", "Britain"]
    assert lex.find("He is a New England farmer") == []


def test_the_british_government_is_a_body_of_its_own(lex):
    # Modern judgements name the British government "UK government", not the state.
    assert lex.find("The British government and Whitehall will not budge") == ["UK government"]
    assert lex.find("the U.K. government said") == ["UK government"]
    assert lex.canonical("UK government") == "UK government"
    # "Downing Street" stays the state: the Reuters pool judges it so.
    assert lex.find("Downing Street said no") == ["Britain"]


def test_british_bodies_are_in_the_lexicon(lex):
    assert lex.find("Peers in the House of Lords and the Commons disagreed") == ["House of Lords", "House of Commons"]
    assert lex.find("the Lords will block it, and the CSA must pay") == ["House of Lords", "Child Support Agency"]
    # Opening a sentence too.
    assert lex.find("The Commons will vote and the Lords will follow.") == ["House of Commons", "House of Lords"]
    assert lex.find("Peers spoke. The Lords will block it.") == ["House of Lords"]
    assert lex.find("The Scottish Executive and the Welsh Assembly Government agreed") == [
        "Scottish Executive",
        "Welsh Assembly Government",
    ]
    # The party's adjective names it as "Labour" does Labour.
    assert lex.find("Tory plans would cut deep, said a Labour spokesman") == ["Conservative Party", "Labour Party"]
    # Their home is Britain: a Lords committee chairman speaks for Britain's side.
    assert {"House of Lords", "Britain"} <= lex.side(["House of Lords"])


def test_long_text_spans_match_a_plain_scan(lex):
    """A long text is scanned through its letter shape; what it finds must be what the alias
    pattern finds on its own, at word edges, across wrapped lines and beside other scripts."""
    text = (
        "the, House and the\n    House; U.S.-Japan talks, G-7 and G7 met. Curaçao's É-Japan "
        "x-Japan Japanese Japan's 2Japan the  Senate (the White House) North American "
        "\u00a0the\u00a0Senate «Washington» al-Qaeda al Qaeda. "
    ) * 6
    assert len(text) > 400
    plain = [m.span() for m in lex._pattern.finditer(text)]
    assert len(plain) > 30
    assert [m.span() for m in lex._matches(text)] == plain


def test_shape_scan_first_letter_guard_keeps_every_candidate(lex):
    """The scan's opening test of an alias's first letter only fails sooner where the trie fails."""
    import re

    from stance.targets import letter_shape

    guard_end = lex._shape_scan.pattern.index(b"])") + 2
    plain = re.compile(b" " + lex._shape_scan.pattern[guard_end:])
    text = (
        "the  House, 12 Japanese firms; zebra Norland's U.S. x-Japan the\nSenate. "
        "(Washington) ,al Qaeda and the West ; Quito"
    ) * 3
    shape = letter_shape(text)
    found = [m.start() for m in lex._shape_scan.finditer(shape)]
    assert found and found == [m.start() for m in plain.finditer(shape)]


def test_the_administration_is_found_however_it_is_capitalised(lex):
    for text in ("the administration", "The administration", "the Administration", "The Administration"):
        assert lex.find(f"{text} agreed") == ["Reagan administration"]


def test_places_are_aliases_that_name_a_city(lex, tmp_path):
    assert lex.is_city("Lisbon") and lex.is_city("Buenos  Aires")
    assert not lex.is_city("Portugal")
    bad = tmp_path / "bad.yaml"
    bad.write_text("states:\n  Norland: [Norland, Nordby]\nplaces: [Oslo]\n", encoding="utf-8")
    with pytest.raises(StanceError, match="places"):
        TargetLexicon.load(bad)
    ok = tmp_path / "ok.yaml"
    ok.write_text("states:\n  Norland: [Norland, Nordby]\nplaces: [Nordby]\n", encoding="utf-8")
    assert TargetLexicon.load(ok).is_city("Nordby")


def test_spelled_out_lists_aliases_of_the_lexicon(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("organisations:\n  Norland Safety Board: [NSB]\nspelled_out: [NSA]\n", encoding="utf-8")
    with pytest.raises(StanceError, match="spelled_out"):
        TargetLexicon.load(bad)
    ok = tmp_path / "ok.yaml"
    ok.write_text("organisations:\n  Norland Safety Board: [NSB]\nspelled_out: [NSB]\n", encoding="utf-8")
    assert TargetLexicon.load(ok).spelled_out == frozenset({"NSB"})


def test_proper_canonical_matches_a_proper_name_in_any_case_but_no_common_noun():
    lex = TargetLexicon.from_dict(
        {"organisations": {"NorCorp": ["NorCorp"], "creditor banks": ["creditors"]}}
    )
    assert lex.proper_canonical("NORCORP") == "NorCorp"
    assert lex.proper_canonical("norcorp") == "NorCorp"
    assert lex.proper_canonical("CREDITORS") is None
    assert lex.proper_canonical("Sudcorp") is None
