"""The framing stage: lexicon, combination with model spans, speakers, summary, PTC measures."""

from __future__ import annotations

import json
import re
from collections import Counter

import jsonschema
import numpy as np
import pytest

from claimledger.cli.app import run
from claimledger.document import Document, Metadata, Quote, Speaker, Technique
from claimledger.framing.encoder import Encoded, windows
from claimledger.framing.heads import Decoding, spans_from_probabilities, whole_word_count
from claimledger.framing.lexicon import Lexicon, Match, Term, load_lexicon, load_terms
from claimledger.framing.ptc import LABELS, merge, si_score, tc_correct
from claimledger.framing.summary import framing_summary
from claimledger.pipeline import Pipeline
from claimledger.report.json import report_schema, to_report
from claimledger.stages.framing import combine, quote_of

REGIME = Term("en", ("Kiev regime",), "Name_Calling,Labeling", "russia", "Ukrainian government")


@pytest.mark.parametrize(
    ("text", "lang", "surface", "neutral"),
    [
        ("Russian troops liberated the village on Monday.", "en", "liberated", "captured / capture"),
        ("The Kiev regime shelled Donetsk again.", "en", "Kiev regime", "Ukrainian government"),
        ("The orcs fled the city.", "en", "orcs", "Russian soldiers"),
        (
            "Moscow calls it a special military operation.",
            "en",
            "special military operation",
            "invasion / war",
        ),
        ("Рашисты обстреляли Харьков.", "ru", "Рашисты", "российские военные / идеология российской власти"),
        ("Удар по объектам киевского режима.", "ru", "киевского режима", "правительство Украины"),
        ("Москва назвала отход жестом доброй воли.", "ru", "жестом доброй воли", "отступление"),
        ("Окупанти обстріляли Херсон.", "uk", "Окупанти", "російські війська"),
        ("У Криму знову бавовна.", "uk", "бавовна", "вибух"),
    ],
)
def test_lexicon_finds_term_with_neutral_wording(text, lang, surface, neutral):
    matches = load_lexicon().find(text, lang)
    assert [(text[m.start : m.end], m.term.neutral) for m in matches] == [(surface, neutral)]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Ukrainian forces retook the village on Monday.", "en"),
        ("The liberal party met in Kyiv.", "en"),
        ("Российские войска обстреляли Харьков.", "ru"),
    ],
)
def test_lexicon_leaves_neutral_text_alone(text, lang):
    assert load_lexicon().find(text, lang) == []


def test_lexicon_covers_both_sides_in_each_language():
    sides = {(t.lang, t.side) for t in load_terms()}
    for lang in ("en", "ru", "uk"):
        assert {(lang, "russia"), (lang, "ukraine")} <= sides


def test_lexicon_longest_overlapping_match_wins():
    lexicon = Lexicon([REGIME, Term("en", ("regime",), "Loaded_Language", "both", "government")])
    text = "the Kiev regime said"
    assert [(text[m.start : m.end]) for m in lexicon.find(text, "en")] == ["Kiev regime"]


def test_combine_merges_a_term_the_model_also_found():
    model = [Technique(4, 15, "Loaded_Language", 0.6)]
    merged = combine(model, [Match(4, 15, REGIME)])
    assert merged == [
        Technique(4, 15, "Name_Calling,Labeling", 0.9, "model+lexicon", "Ukrainian government", "russia")
    ]


@pytest.mark.parametrize("technique", ["Appeal_to_fear-prejudice", "Name_Calling,Labeling"])
def test_combine_keeps_a_term_nested_in_a_longer_model_span(technique):
    model = [Technique(0, 80, technique, 0.5)]
    out = combine(model, [Match(4, 15, REGIME)])
    assert [(t.start, t.end, t.source) for t in out] == [(0, 80, "model"), (4, 15, "lexicon")]


def _quoted_doc() -> Document:
    text = 'The ministry said: "The Kiev regime lost again." Our reporters saw the Kiev regime flee.'
    doc = Document(text, Metadata(language="en"))
    start = text.index("The Kiev")
    doc.add(
        Quote(
            start,
            text.index('."') + 1,
            direct=True,
            speaker=Speaker("Defense ministry", None, "organization"),
        )
    )
    return doc


def test_quote_of_charges_a_quoted_term_to_its_speaker():
    doc = _quoted_doc()
    first, second = (doc.text.index("Kiev"), doc.text.rindex("Kiev"))
    quotes = doc.get(Quote)
    assert quote_of(Technique(first, first + 11, "Name_Calling,Labeling", 0.9), quotes) == 0
    assert quote_of(Technique(second, second + 11, "Name_Calling,Labeling", 0.9), quotes) is None


def test_summary_counts_rates_and_speakers():
    doc = _quoted_doc()
    first, second = (doc.text.index("Kiev"), doc.text.rindex("Kiev"))
    for start, quote in ((first, 0), (second, None)):
        doc.add(
            Technique(
                start,
                start + 11,
                "Name_Calling,Labeling",
                0.9,
                "lexicon",
                "Ukrainian government",
                "russia",
                quote,
            )
        )
    doc.stages.append("framing@1")
    summary = framing_summary(doc)
    assert summary is not None
    assert summary["by_label"] == {"Name_Calling,Labeling": 2}
    assert summary["by_speaker"] == {"Defense ministry": 1, "narrator": 1}
    assert summary["per_1000_words"] == round(2000 / summary["words"], 2)
    assert [t["speaker"] for t in summary["loaded_terms"]] == ["Defense ministry", "narrator"]


def test_summary_absent_when_stage_did_not_run():
    assert framing_summary(Document("text")) is None


def test_si_score_gives_partial_credit_by_overlap():
    score = si_score({"1": [(0, 10)]}, {"1": [(5, 15), (20, 30)]})
    assert (score.precision, score.recall) == (0.5, 0.25)


def test_merge_joins_overlapping_spans():
    assert merge([(5, 9), (0, 6), (12, 14)]) == [(0, 9), (12, 14)]


def test_tc_correct_gives_k_guesses_for_k_labels():
    gold = Counter({"Doubt": 1, "Loaded_Language": 1})
    assert tc_correct(["Loaded_Language", "Repetition", "Doubt"], gold) == 1
    assert tc_correct(["Doubt", "Loaded_Language"], gold) == 2


def test_windows_cover_every_piece_once_and_cut_after_sentences():
    text = "One two three. Four five six seven. Eight."
    words = [(m.start(), m.end()) for m in re.finditer(r"\S+", text)]
    cuts = windows(text, [s for s, _ in words], [e for _, e in words], size=4)
    assert cuts == [(0, 3), (3, 7), (7, 8)]


def test_windows_without_a_sentence_end_in_the_back_half_cut_at_the_size():
    text = "One. two three four five six seven eight"
    words = [(m.start(), m.end()) for m in re.finditer(r"\S+", text)]
    cuts = windows(text, [s for s, _ in words], [e for _, e in words], size=4)
    assert cuts == [(0, 4), (4, 8)]  # "One." closes piece 0, in the front half: no cut there


@pytest.mark.parametrize(
    ("haystack", "key"),
    [
        ("the regime, the regime's men and the regimes", "regime"),
        ("fake news is fake news; fakenews is not", "fake news"),
        ("aa aa aa", "aa aa"),  # non-overlapping, as findall counts
        ("_x x_ x x2 (x)", "x"),  # the underscore and digits are word characters
        ("ünter über über", "über"),
        ("nothing here", "absent"),
    ],
)
def test_whole_word_count_counts_what_the_word_boundary_pattern_finds(haystack, key):
    assert whole_word_count(haystack, key) == len(re.findall(r"\b" + re.escape(key) + r"\b", haystack))


def test_decoding_joins_short_gaps_and_needs_a_confident_core():
    text = "aa bb cc dd ee ff gg"
    starts = np.arange(0, 21, 3, dtype=np.int32)
    enc = Encoded(starts, starts + 2, np.zeros((7, 1), dtype=np.float32))
    probs = np.array([0.3, 0.1, 0.35, 0.0, 0.0, 0.3, 0.0], dtype=np.float32)
    spans = spans_from_probabilities(text, enc, probs, Decoding(low=0.25, high=0.32, gap=1))
    assert [text[s:e] for s, e, _ in spans] == ["aa bb cc"]


def test_stage_marks_techniques_in_the_report(pipeline: Pipeline):
    text = (
        "Russian forces have liberated the town, the ministry said. The Kiev regime and its "
        "neo-Nazi battalions are a threat to every family, and only a fool would doubt it."
    )
    doc = pipeline(Document(text, Metadata(language="en")))
    assert doc.error is None
    report = to_report(doc)
    jsonschema.validate(report, report_schema())
    found = {t["text"]: t for t in report["techniques"]}
    assert found["Kiev regime"]["neutral"] == "Ukrainian government"
    assert all(t["technique"] in LABELS for t in report["techniques"])
    assert report["framing"]["techniques"] == len(report["techniques"])


def test_eval_ptc_prints_the_four_figures(tmp_path, capsys):
    text = "The Kiev regime lied again.\n\nIt is a shameful, disgusting lie, said everyone."
    (tmp_path / "article1.txt").write_text(text, encoding="utf-8")
    labels = tmp_path / "dev-task-flc-tc.labels"
    start, end = text.index("shameful"), text.index(" lie,")
    labels.write_text(f"1\tName_Calling,Labeling\t4\t15\n1\tLoaded_Language\t{start}\t{end}\n")
    assert run(["eval", "ptc", str(tmp_path), str(labels)]) == 0
    figures = json.loads(capsys.readouterr().out)
    assert {"si_precision", "si_recall", "si_f1", "tc_micro_f1"} <= set(figures)
    assert figures["counts"]["tc_micro_f1"] == 2


def test_eval_group_still_routes_a_stage_name_to_the_generic_scorer(capsys):
    assert run(["eval", "no-such-stage"]) == 2
    assert "no evaluation named 'no-such-stage'" in capsys.readouterr().err


@pytest.mark.shared
def test_training_runs_end_to_end_on_three_articles(shared, tmp_path):
    from claimledger.framing import train
    from claimledger.framing.model import TechniqueModel

    ptc = shared / "data" / "ptc-semeval2020"
    args = ["--ptc", str(ptc), "--cache", str(tmp_path / "cache"), "--out", str(tmp_path / "out")]
    small = ["--limit", "3", "--si-epochs", "1", "--tc-epochs", "1", "--taggers", "2", "--classifiers", "2"]
    train.main([*args, *small, "--jobs", "2"])  # the ensemble members in two forked workers
    model = TechniqueModel(tmp_path / "out")
    assert model.labels == list(LABELS)
    assert (len(model.taggers), len(model.classifiers)) == (2, 2)
    assert all(f.technique in LABELS for f in model.find(["The Kiev regime lied, again and again."])[0])
    train.main([*args, "--limit", "6", "--decoding-only", "--folds", "1,2,3,4"])
    card = json.loads((tmp_path / "out" / "framing-techniques.json").read_text(encoding="utf-8"))
    assert card["decoding_choice"]["out_of_fold"]["articles"] >= 1
    assert TechniqueModel(tmp_path / "out").decoding == Decoding(**card["decoding"])


def test_decoding_transfer_flags_the_share_of_pieces_the_fold_taggers_flag():
    from claimledger.framing.train import transfer

    folds = [np.linspace(0, 1, 101, dtype=np.float32)]  # flags 70 % at 0.3, 40 % at 0.6
    shipped = np.linspace(0, 0.5, 101, dtype=np.float32)  # a more cautious ensemble
    carried, rates = transfer(Decoding(0.3, 0.6, 2), folds, shipped)
    assert rates == pytest.approx({"low": 0.7, "high": 0.4}, abs=0.01)
    assert (carried.low, carried.high, carried.gap) == (
        pytest.approx(0.15, abs=0.005),
        pytest.approx(0.3, abs=0.005),
        2,
    )
