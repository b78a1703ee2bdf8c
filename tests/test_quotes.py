"""The quotes stage: quotation marks, reported speech, speakers, relays, and bad input."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimledger.document import Document, Metadata, Quote
from claimledger.pipeline import Pipeline
from claimledger.quotes.marks import find_quoted
from claimledger.report.json import to_report
from claimledger.settings import Settings
from claimledger.stages.language import LanguageStage
from claimledger.stages.nlp import NlpStage, load_spacy
from claimledger.stages.quotes import QuotesStage


@pytest.fixture(scope="module")
def quotes_pipeline(settings: Settings) -> Pipeline:
    return Pipeline([LanguageStage(settings), NlpStage(settings), QuotesStage(settings)])


def run(pipeline: Pipeline, text: str) -> list[tuple[str, Quote]]:
    doc = pipeline(Document(text, meta=Metadata(language="en")))
    assert doc.error is None
    return [(doc.surface(q), q) for q in doc.get(Quote)]


# --- quotation marks, from the text alone ----------------------------------------------------------

MARKS = [
    ('He said "we will hold" and left.', ["we will hold"]),
    ("'Control is of strategic importance,' he stated.", ["Control is of strategic importance"]),
    ("The city's fall, Donbass's future and the residents' homes.", []),
    ("The residents' homes burned. 'Nobody came to help,' she said.", ["Nobody came to help"]),
    ("“Curly quotes,” he said.", ["Curly quotes"]),
    ("The commander said: «We will not retreat».", ["We will not retreat"]),
    ("The mayor said: „Water is back.“", ["Water is back."]),
    ("«Outer „inner“ quote» here.", ["Outer „inner“ quote"]),
    ('"First paragraph.\n"Second paragraph," he said.', ["First paragraph.", "Second paragraph"]),
    ("stating, 'The mines are a lifeline.\nIf restored, the city could thrive.' The end.", None),
]


@pytest.mark.parametrize(("text", "expected"), MARKS)
def test_marks_pair_quotation_marks_and_skip_apostrophes(text: str, expected: list[str] | None):
    quoted, unclosed = find_quoted(text)
    assert unclosed == 0
    if expected is None:  # a quote running over a line break without reopening marks
        assert [text[q.start : q.end] for q in quoted] == [
            "The mines are a lifeline.\nIf restored, the city could thrive."
        ]
    else:
        assert [text[q.start : q.end] for q in quoted] == expected


def test_marks_two_apostrophes_are_a_double_quotation_mark():
    # the New York Times' plain text, a quote within a quote closing with '''
    text = "''They were wrong, 'he's not in line,''' Ms. Compton recalled, ''and I said no.''"
    quoted, unclosed = find_quoted(text)
    assert unclosed == 0
    assert [text[q.start : q.end] for q in quoted] == [
        "They were wrong, 'he's not in line,'",
        "and I said no.",
    ]


def test_marks_blank_line_paragraphs_of_one_quote_all_come_back():
    text = '"One more paragraph.\n\n"Another paragraph.\n\n"The last one," he said.'
    quoted, unclosed = find_quoted(text)
    assert unclosed == 0
    assert [(text[q.start : q.end], q.continues) for q in quoted] == [
        ("One more paragraph.", False),
        ("Another paragraph.", True),
        ("The last one", True),
    ]


def test_marks_later_paragraph_of_a_quote_continues_it():
    quoted, _ = find_quoted('"First paragraph.\n"Second paragraph," he said.')
    assert [q.continues for q in quoted] == [False, True]


@pytest.mark.parametrize(
    "text",
    [
        '"This quote never closes. It runs on.\n\nA new paragraph "with its own" quote.',
        '"""""',
        "'''' ' ' '",
        "«««»",
        '"' * 3 + "text" + "„" * 2,
        "",
        '"' + "An article that is one long quote. " * 50,
    ],
)
def test_marks_bad_input_gives_spans_inside_the_text(text: str):
    quoted, _ = find_quoted(text)
    for q in quoted:
        assert 0 <= q.start < q.end <= len(text)


def test_marks_unclosed_quote_ends_at_its_paragraph():
    text = '"This quote never closes.\n\nA new paragraph "with its own" quote.'
    quoted, unclosed = find_quoted(text)
    assert unclosed == 1
    assert [text[q.start : q.end] for q in quoted] == ["This quote never closes.", "with its own"]


# --- the stage on real sentences ------------------------------------------------------------------

# (text, quote text, speaker name, speaker description, kind, cue)
SENTENCES = [
    (
        '"Both sides have strong reasons to shape the story," said Maria Hollis, a researcher at a '
        "European security think tank.",
        "Both sides have strong reasons to shape the story",
        "Maria Hollis",
        "a researcher at a European security think tank",
        "person",
        "said",
    ),
    (
        "Russia's Defense Ministry said on Sunday that its forces had taken the town.",
        "its forces had taken the town",
        "Russia's Defense Ministry",
        None,
        "organization",
        "said",
    ),
    (
        "According to the Ukrainian side, Russian forces lost more than 1,200 soldiers last week.",
        "Russian forces lost more than 1,200 soldiers last week",
        None,
        "the Ukrainian side",
        "organization",
        "according to",
    ),
    (
        "The General Staff of the Armed Forces of Ukraine wrote on Telegram that fighting continues.",
        "fighting continues",
        "General Staff of the Armed Forces of Ukraine",
        None,
        "organization",
        "wrote",
    ),
    (
        "A local resident, who wished to remain anonymous, described the liberation as a 'new beginning'.",
        "new beginning",
        None,
        "A local resident",
        "anonymous",
        "described",
    ),
    (
        "'We are not seeking confrontation,' a Russian defense ministry official said.",
        "We are not seeking confrontation",
        None,
        "a Russian defense ministry official",
        "anonymous",
        "said",
    ),
    (
        "TASS reported that the town had been fully cleared.",
        "the town had been fully cleared",
        "TASS",
        None,
        "media",
        "reported",
    ),
    (
        "The commander said: «We will not retreat from the city under any circumstances».",
        "We will not retreat from the city under any circumstances",
        None,
        "The commander",
        "anonymous",
        "said",
    ),
]


@pytest.mark.parametrize(("text", "quote", "name", "description", "kind", "cue"), SENTENCES)
def test_quotes_speaker_kind_and_cue(quotes_pipeline, text, quote, name, description, kind, cue):
    found = dict(run(quotes_pipeline, text))
    assert quote in found, list(found)
    q = found[quote]
    assert (q.speaker.name, q.speaker.description, q.speaker.kind, q.cue) == (name, description, kind, cue)


@pytest.mark.parametrize(
    "text",
    [
        "The so-called 'peace plan' was never published.",
        'She starred in "War and Peace" last year.',
        "Troops entered the 'grey zone' before dawn.",
    ],
)
def test_quotes_scare_quotes_and_titles_are_not_quotes(quotes_pipeline, text):
    assert run(quotes_pipeline, text) == []


@pytest.mark.parametrize(
    ("text", "not_quoted"),
    [
        ("A resident, who asked not to be named, said the shelling had stopped.", "not to be named"),
        (
            "The ministry said on Sunday, calling the capture of the city a decisive step.",
            "the capture of the city",
        ),
    ],
)
def test_quotes_naming_and_anonymity_phrases_are_not_content(quotes_pipeline, text, not_quoted):
    assert not_quoted not in [surface for surface, _ in run(quotes_pipeline, text)]


def test_quotes_split_quote_gives_two_parts_with_one_speaker(quotes_pipeline):
    text = (
        "'We are not seeking confrontation,' a Russian defense ministry official said, "
        "'but we will not stand idly by as Donbass is subjected to violence.'"
    )
    (first, a), (second, b) = run(quotes_pipeline, text)
    assert first == "We are not seeking confrontation"
    assert second.startswith("but we will not stand idly by")
    assert b.continues == 0
    assert a.speaker.description == b.speaker.description == "a Russian defense ministry official"


def test_quotes_relay_through_an_outlet(quotes_pipeline):
    text = "Speaking to TASS, military expert Alexander Stepanyan emphasized that the city had fallen."
    [(_, q)] = run(quotes_pipeline, text)
    assert q.via == ("TASS",)
    assert (q.speaker.name, q.speaker.description) == ("Alexander Stepanyan", "military expert")


def test_quotes_pronoun_resolves_to_the_earlier_person(quotes_pipeline):
    text = (
        "Foreign Minister Annalena Baerbock met Sergei Lavrov in Geneva on Monday. "
        '"We need a ceasefire before winter," she said.'
    )
    [(_, q)] = run(quotes_pipeline, text)
    assert q.speaker.name == "Annalena Baerbock"
    assert text[q.speaker.start : q.speaker.end] == "she"  # type: ignore[misc]


def test_quotes_stage_runs_on_a_document_carrying_only_the_parse(settings):
    text = "'The bridge is intact,' the mayor said."
    doc = Document(text)
    doc.parsed = load_spacy(settings.spacy_model)(text)
    [doc] = list(QuotesStage(settings).pipe([doc], batch_size=1))
    assert [doc.surface(q) for q in doc.get(Quote)] == ["The bridge is intact"]


@pytest.mark.parametrize(
    "text",
    [
        '"This quote never closes, he said. And it goes on.\n\nThe next paragraph is plain.',
        '"' + "Everything here is one long quote from the official. " * 30 + '"',
        "He said \"they told me 'never' and 'always' at once\" and left.",
        "''''\"\"\"«»„“ said the man.",
    ],
)
def test_quotes_bad_input_no_crash_and_spans_inside(quotes_pipeline, text):
    doc = quotes_pipeline(Document(text, meta=Metadata(language="en")))
    assert doc.error is None
    for q in doc.get(Quote):
        assert 0 <= q.start < q.end <= len(text)
        if q.speaker.start is not None and q.speaker.end is not None:
            assert 0 <= q.speaker.start < q.speaker.end <= len(text)


def test_quotes_unclosed_quote_is_noted(quotes_pipeline):
    doc = quotes_pipeline(Document('"We will never leave, he said.\n\nNext.', meta=Metadata(language="en")))
    assert any("never closed" in note for note in doc.notes)


def test_quotes_report_shows_speaker_mention_and_continuation(quotes_pipeline):
    text = "'We are ready,' he said, 'and we will stay.' Nobody else spoke."
    doc = quotes_pipeline(
        Document("Defense Minister Pavel Petrov arrived. " + text, meta=Metadata(language="en"))
    )
    quotes = to_report(doc)["quotes"]
    assert [q["speaker"]["mention"]["text"] for q in quotes] == ["he", "he"]
    assert quotes[1]["continues"] == 0
    assert quotes[0]["speaker"]["name"] == "Pavel Petrov"


# --- the seed article -----------------------------------------------------------------------------

# (start of the quote, speaker name or description, kind, via)
SEED = [
    ("The capture of Krasnoarmysk, known", "Alexander Stepanyan", "person", ()),
    ("irreversible process of full liberation", "Alexander Stepanyan", "person", ("TASS",)),
    ("Control over Krasnoarmysk", "Alexander Stepanyan", "person", ("TASS",)),
    ("The capture of Krasnoarmysk will allow", "Vladimir Putin", "person", ("Russian media",)),
    ("protect the citizens of Donbass", "Vladimir Putin", "person", ()),
    ("new beginning", "A local resident", "anonymous", ()),
    ("We are tired of the fighting", "A local resident", "anonymous", ()),
    ("The coal mines are a lifeline", "Another resident, a former miner", "anonymous", ()),
    ("This is a turning point", "Alexander Stepanyan", "person", ()),
    ("aggressive actions by Kyiv", "Russian officials", "anonymous", ()),
    ("We are not seeking confrontation", "a Russian defense ministry official", "anonymous", ()),
    ("but we will not stand idly by", "a Russian defense ministry official", "anonymous", ()),
]


@pytest.fixture(scope="module")
def seed_quotes(quotes_pipeline, seed_path: Path) -> list[tuple[str, Quote]]:
    return run(quotes_pipeline, seed_path.read_text(encoding="utf-8"))


@pytest.mark.shared
@pytest.mark.parametrize(("start", "who", "kind", "via"), SEED)
def test_quotes_seed_article_every_quote_has_its_speaker(seed_quotes, start, who, kind, via):
    matches = [q for surface, q in seed_quotes if surface.startswith(start)]
    assert matches, f"no quote starting {start!r}"
    q = matches[0]
    assert who in (q.speaker.name, q.speaker.description)
    assert q.speaker.kind == kind
    if via:
        assert q.via == via


@pytest.mark.shared
def test_quotes_seed_stepanyan_statement_came_through_tass(seed_quotes):
    [q] = [q for surface, q in seed_quotes if surface.startswith("the city's fall has effectively")]
    assert q.via == ("TASS",)
    assert q.speaker.description == "military expert"


@pytest.mark.shared
def test_quotes_seed_scare_quote_strategic_importance_is_putins_partial_quote(seed_quotes):
    [q] = [q for surface, q in seed_quotes if surface == "strategic importance"]
    assert q.speaker.name == "Vladimir Putin"


def test_quotes_transcript_line_is_a_quote_of_its_label(quotes_pipeline):
    text = "TAPPER: Do you think the ceasefire will hold through the winter?\nFALLIN: I think it will."
    found = run(quotes_pipeline, text)
    assert [(surface, q.speaker.name) for surface, q in found] == [
        ("Do you think the ceasefire will hold through the winter?", "Tapper"),
        ("I think it will.", "Fallin"),
    ]


def test_quotes_column_heading_is_not_a_speaker(quotes_pipeline):
    assert run(quotes_pipeline, "UPDATE: The bridge reopened on Monday morning after repairs.") == []


def test_quotes_quoted_transcript_paragraphs_take_their_labels(quotes_pipeline):
    # a transcript printed as one quote over blank-line paragraphs, each reopened with a mark
    text = (
        '"WALLACE: Will the governor be at the talks tomorrow night?\n\n'
        '"PENCE: The governor will not be attending the talks tomorrow night.\n\n'
        '"But the truth is that the talks matter more than any tweet he sends."'
    )
    found = run(quotes_pipeline, text)
    assert [(surface, q.speaker.name, q.continues) for surface, q in found] == [
        ("Will the governor be at the talks tomorrow night?", "Wallace", None),
        ("The governor will not be attending the talks tomorrow night.", "Pence", None),
        ("But the truth is that the talks matter more than any tweet he sends.", "Pence", 1),
    ]


def test_quotes_signed_after_a_dash_take_the_signature(quotes_pipeline):
    text = (
        "“Trump must stop portraying Latinos as dangerous gangsters when most of us work.”― Carla Sanchez.\n"
        "“He can’t even answer a question without scaring people first.” ― Esther Tapia\n"
    )
    found = run(quotes_pipeline, text)
    assert [(q.speaker.name, q.cue) for _, q in found] == [("Carla Sanchez", "―"), ("Esther Tapia", "―")]
    assert [text[q.speaker.start : q.speaker.end] for _, q in found] == ["Carla Sanchez", "Esther Tapia"]


def test_quotes_a_day_after_the_verb_is_not_the_speaker(quotes_pipeline):
    text = (
        "“I will just make this promise to you: We will achieve justice in this case,” Tulsa police Chief "
        "Chuck Jordan said Monday. “I want to assure our community: We will achieve justice ― period.”"
    )
    found = run(quotes_pipeline, text)
    assert [q.speaker.name for _, q in found] == ["Chuck Jordan", "Chuck Jordan"]


def test_quotes_parenthetical_cue_reports_the_sentence_it_interrupts(quotes_pipeline):
    found = run(quotes_pipeline, "The museum, Mr. Obama said, would make visitors face uncomfortable truths.")
    assert [(surface, q.speaker.name, q.direct) for surface, q in found] == [
        ("would make visitors face uncomfortable truths", "Obama", False)
    ]


def test_quotes_they_after_a_relative_pronoun_keeps_its_antecedent(quotes_pipeline):
    text = (
        "Russian officials have framed the operation as a necessary measure to counter what they describe "
        "as 'aggressive actions by Kyiv,' which they claim have threatened the security of Donbass."
    )
    found = run(quotes_pipeline, text)
    assert [q.speaker.description for _, q in found] == ["Russian officials", "Russian officials"]


# --- evaluation -----------------------------------------------------------------------------------

ANN = """T1\tSource 0 3\tHe
T2\tCue 4 8\tsaid
T3\tContent 9 20;25 30\tit was over after
T4\tAttribution 4 8\tsaid
E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1
T5\tDiscard 40 45\tnoise
"""


def test_eval_reads_brat_attributions_with_discontinuous_content():
    from claimledger.eval.quotes import parse_brat

    [gold] = parse_brat(ANN)
    assert gold.content == ((9, 20), (25, 30))
    assert gold.source == ((0, 3),)


@pytest.mark.shared
def test_eval_quotes_scores_polnear_dev_with_denominators(settings, shared):
    from claimledger.eval.quotes import evaluate

    result = evaluate(settings, shared, 2)
    assert result.figures["articles that failed"] == 0
    assert result.denominators["content recall (overlap)"] > 0
    assert 0 < result.figures["content F1 (overlap)"] <= 1
