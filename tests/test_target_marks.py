import json
from pathlib import Path

import pytest
import yaml

from stance.classify import TARGET_LEXICON, Encoder, InputTemplate, StanceClassifier
from stance.errors import StanceError
from stance.records import Example
from stance.target_marks import mark_target, target_spans
from stance.targets import TargetLexicon
from tests.conftest import write_config, write_examples
from training.config import load_config
from training.train import train


@pytest.fixture(scope="module")
def lexicon() -> TargetLexicon:
    return TargetLexicon.load()


def test_every_alias_of_a_lexicon_target_is_marked(lexicon: TargetLexicon) -> None:
    text = "Tehran will pay, and every Iranian knows the Americans mean it."
    marked = "@ Tehran @ will pay, and every @ Iranian @ knows the Americans mean it."
    assert mark_target(text, "Iran", lexicon) == marked
    assert mark_target(text, "United States", lexicon).count("@") == 2


def test_a_person_outside_the_lexicon_is_marked_by_full_and_family_name(lexicon: TargetLexicon) -> None:
    text = "Berg is wrong, and Tomas Berg knows it; Bergman agrees."
    assert target_spans(text, "Tomas Berg", lexicon) == [(0, 4), (19, 29)]
    assert mark_target(text, "Tomas Berg", lexicon).startswith("@ Berg @ is wrong, and @ Tomas Berg @ knows")


def test_names_match_with_their_case_and_only_a_persons_last_word_alone(lexicon: TargetLexicon) -> None:
    assert mark_target("We will not give in, and Will knows it.", "Anna Will", lexicon) == (
        "We will not give in, and @ Will @ knows it."
    )
    for text, target in [
        ("Every trade union and the Union of Farmers agree.", "Norland Workers Union"),
        ("At times we disagree.", "Eastwick Times"),
        ("Ed Kovac Jr. and his father spoke.", "Tom Berg Jr."),
    ]:
        assert mark_target(text, target, lexicon) == text


def test_a_mark_already_in_the_text_is_spelt_out(lexicon: TargetLexicon) -> None:
    marked = mark_target("The @Berg account posted it, Berg said.", "Tom Berg", lexicon)
    assert marked == "The at @ Berg @ account posted it, @ Berg @ said."


def test_a_quote_that_does_not_name_its_target_is_left_alone(lexicon: TargetLexicon) -> None:
    text = "We will not be bullied by anyone."
    assert mark_target(text, "Iran", lexicon) == text
    assert mark_target(text, "", lexicon) == text


def test_encoder_marks_quote_and_context_only_when_asked(tiny_base: Path, lexicon: TargetLexicon) -> None:
    from transformers import AutoTokenizer

    tok = AutoTokenizer.from_pretrained(tiny_base)
    ex = Example("Tehran will pay.", "Iran", context="Iranian boats were seen. Tehran will pay.")
    _, plain, _ = Encoder(tok, InputTemplate(max_length=64)).pairs([ex])
    _, marked, _ = Encoder(tok, InputTemplate(max_length=64, mark_target=True), lexicon).pairs([ex])
    assert "@" not in plain[0]
    assert marked[0].startswith("@ Tehran @ will pay.") and "@ Iranian @ boats" in marked[0]
    cut = Encoder(tok, InputTemplate(max_length=64, max_context_tokens=6, mark_target=True), lexicon)
    ctx = "Ships left port and Tehran said nothing at all about the ships."
    _, seconds, flags = cut.pairs([Example("We will act.", "Iran", context=ctx)])
    assert flags == [True] and seconds[0].count("@") % 2 == 0 and "Tehran" not in seconds[0]


def test_models_without_marks_save_the_template_older_versions_read(tiny_model: Path) -> None:
    template = json.loads((tiny_model / "stance_config.json").read_text())["template"]
    assert "mark_target" not in template and not (tiny_model / TARGET_LEXICON).exists()


def test_a_marking_model_carries_its_lexicon(tmp_path: Path, tiny_base: Path) -> None:
    data = write_examples(tmp_path / "train.jsonl", repeat=2)
    cfg_path = write_config(tmp_path, tiny_base, data, None, epochs=1)
    raw = yaml.safe_load(cfg_path.read_text())
    raw["template"]["mark_target"] = True
    cfg_path.write_text(yaml.safe_dump(raw))
    path = train(load_config(cfg_path), progress=False).path
    assert json.loads((path / "stance_config.json").read_text())["template"]["mark_target"] is True
    assert "target marks: on" in (path / "README.md").read_text()
    clf = StanceClassifier.from_pretrained(path)
    assert clf.encoder.lexicon is not None and clf.encoder.lexicon.canonical("Tehran") == "Iran"
    assert len(clf.predict([Example("Tehran will pay.", "Iran")])) == 1
    (path / TARGET_LEXICON).unlink()
    with pytest.raises(StanceError, match="marks targets but has no target_lexicon.yaml"):
        StanceClassifier.from_pretrained(path)
