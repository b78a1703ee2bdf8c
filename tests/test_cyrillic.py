"""Russian and Ukrainian articles (issue 12): routed, places resolved to the English ids, dates resolved.

The passages are written for these tests in the style of each side's wire copy (TASS and the Russian
defence ministry; Ukrinform and the General Staff); none is quoted from a real report.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from claimledger.document import Claim, DateMention, Document, Entity, Metadata, Place, Quote
from claimledger.eval.cyrillic import evaluate_file, read_adaq, read_gold, same_speaker
from claimledger.gazetteer.cyrillic_forms import direction_forms, forms
from claimledger.gazetteer.index import default_path
from claimledger.pipeline import Pipeline
from claimledger.quotes.marks import find_quoted
from claimledger.settings import Settings
from claimledger.temporal.cyrillic import find_cyrillic_dates

PUBLISHED = date(2025, 12, 3)  # a Wednesday
POKROVSK, VOVCHANSK, CHASIV_YAR, BAKHMUT, KOSTIANTYNIVKA = 704422, 689304, 710915, 713174, 705104
KHARKIV, KYIV, TORETSK, KUPIANSK, RUSSIA = 706483, 703448, 709354, 703656, 2017370


def analyze(pipeline: Pipeline, text: str, language: str) -> Document:
    doc = pipeline(Document(text, Metadata(language=language, published=PUBLISHED)))
    assert doc.error is None
    return doc


def places_of(doc: Document) -> dict[str, tuple[int | None, str, str | None]]:
    return {doc.text[p.start : p.end]: (p.geonames_id, p.name, p.naming) for p in doc.get(Place)}


PLACES = [
    (
        "ru",
        "Подразделения группировки «Центр» продолжают зачистку кварталов в Покровске, сообщило "
        "Минобороны России.",
        {"Покровске": (POKROVSK, "Pokrovsk", "ru")},  # "Минобороны России" names an owner, not a place
    ),
    (
        "ru",
        "Под Покровском и в районе Красноармейска противник потерял до 300 военнослужащих.",
        {"Покровском": (POKROVSK, "Pokrovsk", "ru"), "Красноармейска": (POKROVSK, "Pokrovsk", "soviet")},
    ),
    (
        "ru",
        "Штурмовые отряды закрепились на окраинах Артёмовска, передает ТАСС.",
        {"Артёмовска": (BAKHMUT, "Bakhmut", "soviet")},
    ),
    (
        "ru",
        "По данным источника, обстрелу подверглись Купянск и Харьковская область.",
        {"Купянск": (KUPIANSK, "Kupiansk", "ru"), "Харьковская область": (None, "Kharkiv Oblast", "ru")},
    ),
    (
        "ru",
        "Удары по Белгороду и Курской области ВСУ продолжают, заявили в России.",
        {
            "Белгороду": (578072, "Belgorod", "ru"),
            "Курской области": (None, "Kursk Oblast", "ru"),
            "России": (RUSSIA, "Russia", "ru"),
        },
    ),
    (
        "uk",
        "Росіяни намагалися прорватися до Оріхова та Роботиного, але були відкинуті.",
        {"Оріхова": (698428, "Orikhiv", "uk"), "Роботиного": (695586, "Robotyne", "uk")},
    ),
    (
        "ru",
        "Российские подразделения вошли в Дзержинск с северо-востока.",
        {"Дзержинск": (TORETSK, "Toretsk", "soviet")},
    ),
    (
        "uk",
        "Сили оборони утримують позиції до Покровська, повідомив Генштаб ЗСУ.",
        {"Покровська": (POKROVSK, "Pokrovsk", "uk")},
    ),
    (
        "uk",
        "Окупанти обстріляли житлові квартали у Вовчанську, є поранені.",
        {"Вовчанську": (VOVCHANSK, "Vovchansk", "uk")},
    ),
    (
        "uk",
        "Евакуація мешканців із Костянтинівки триває, бої точаться біля Часового Яру.",
        {
            "Костянтинівки": (KOSTIANTYNIVKA, "Kostiantynivka", "uk"),
            "Часового Яру": (CHASIV_YAR, "Chasiv Yar", "uk"),
        },
    ),
    (
        "uk",
        "Повітряну тривогу оголошено в Харкові та Києві, передає Укрінформ.",
        {"Харкові": (KHARKIV, "Kharkiv", "uk"), "Києві": (KYIV, "Kyiv", "uk")},
    ),
    (  # adjectives of front directions name their town
        "ru",
        "Самые тяжелые бои идут на Купянском и Запорожском направлениях.",
        {"Купянском": (KUPIANSK, "Kupiansk", "ru"), "Запорожском": (687700, "Zaporizhia", "ru")},
    ),
    (
        "uk",
        "Ворог тисне на Костянтинівському напрямку.",
        {"Костянтинівському": (KOSTIANTYNIVKA, "Kostiantynivka", "uk")},
    ),
    (  # a hyphenated name the tokenizer splits, in the instrumental
        "ru",
        "Бои продолжаются под Купянском-Узловым.",
        {"Купянском-Узловым": (703652, "Kupiansk-Vuzlovyi", "ru")},
    ),
    (  # an oblast named by its centre with "-щина"
        "uk",
        "Вибухи пролунали на Херсонщині та Харківщині.",
        {"Херсонщині": (None, "Kherson Oblast", "uk"), "Харківщині": (None, "Kharkiv Oblast", "uk")},
    ),
    (  # a krai, and a town whose name is a plural noun, in the instrumental and the locative
        "ru",
        "Над Краснодарским краем и Черкассами сбиты дроны, обломки упали в Сумах.",
        {
            "Краснодарским краем": (542415, "Krasnodar Krai", "ru"),
            "Черкассами": (710791, "Cherkasy", "ru"),
            "Сумах": (692194, "Sumy", "ru"),
        },
    ),
    (  # a unit named after a city is no mention of the city
        "ru",
        "Бойцы группировки «Днепр» закрепились под Херсоном.",
        {"Херсоном": (706448, "Kherson", "ru")},
    ),
    (  # the front's Северск, not Seversk near Tomsk; Запорожье in the dative
        "ru",
        "Противник отступает от Северска, а по Запорожью снова нанесены удары.",
        {"Северска": (694403, "Siversk", "ru"), "Запорожью": (687700, "Zaporizhia", "ru")},
    ),
]


@pytest.mark.parametrize(("language", "text", "expected"), PLACES)
def test_cyrillic_places_resolve_to_the_english_ids(
    cyrillic_pipeline: Pipeline, language: str, text: str, expected: dict[str, tuple[int | None, str, str]]
) -> None:
    assert places_of(analyze(cyrillic_pipeline, text, language)) == expected


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("ru", "Путин и Зеленский не встречались. Противник отступил, сообщил Сырский."),
        ("uk", "Вона сказала, що Міноборони РФ знову поширює фейки."),
        ("ru", "Представитель Восточной группировки войск и Донецкой народной милиции выступили."),
        ("uk", "Заяву оприлюднила Донецька обласна прокуратура, повідомив Сергій Лисак."),
        ("uk", "Сили оборони відповіли командиру з позивним «Сокіл»."),
    ],
)
def test_cyrillic_names_of_people_and_institutions_are_no_places(
    cyrillic_pipeline: Pipeline, language: str, text: str
) -> None:
    assert places_of(analyze(cyrillic_pipeline, text, language)) == {}


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        ("Войска вошли в Пoкровск.", "Пoкровск"),  # a Latin "o"
        ("Бои под Покров\u00adском продолжаются.", "Покров\u00adском"),  # a soft hyphen
        ("Обстріл у Вовчан\u200bську триває.", "Вовчан\u200bську"),  # a zero-width space
    ],
)
def test_cyrillic_names_with_lookalikes_or_invisible_characters_still_resolve(
    cyrillic_pipeline: Pipeline, text: str, surface: str
) -> None:
    language = "uk" if "і" in text else "ru"
    found = places_of(analyze(cyrillic_pipeline, text, language))
    assert found[surface][0] in {POKROVSK, VOVCHANSK}


def test_cyrillic_forms_undo_case_endings() -> None:
    assert "Покровськ" in forms("Покровську")
    assert "Харків" in forms("Харкові")
    assert "Харьковская" in forms("Харьковской")
    assert forms("Яру")[:2] == ["Яру", "Яр"]


DATES = [
    ("Об этом 30 ноября сообщили в Минобороны.", "30 ноября", "2025-11-30", None),
    ("Удар был нанесен в ночь на 12 марта.", "в ночь на 12 марта", "2025-03-12", None),
    ("Накануне противник предпринял три атаки.", "Накануне", "2025-12-02", None),
    ("Штурм начался в понедельник.", "понедельник", "2025-12-01", None),
    ("Бои шли на прошлой неделе.", "прошлой неделе", "2025-11-24", "2025-11-30"),
    ("Вчера вечером сбиты 40 беспилотников.", "Вчера", "2025-12-02", None),
    ("Переговоры будут в пятницу.", "пятницу", "2025-12-05", None),
    ("Атака сталася у ніч на 5 травня.", "у ніч на 5 травня", "2025-05-05", None),
    ("Про це стало відомо минулого тижня.", "минулого тижня", "2025-11-24", "2025-11-30"),
    ("Вчора ворог 12 разів атакував.", "Вчора", "2025-12-02", None),
    ("Звіт оприлюднили 2 грудня.", "2 грудня", "2025-12-02", None),
    ("Місто звільнили 11 листопада 2022 року.", "11 листопада 2022 року", "2022-11-11", None),
    ("С начала ноября противник потерял тысячи солдат.", "С начала ноября", "2025-11", None),
    ("Наступ почався наприкінці березня 2024 року.", "наприкінці березня 2024 року", "2024-03", None),
    ("В январе обстрелы усилились.", "В январе", "2025-01", None),
    ("Порівняно з жовтнем втрати зросли.", "з жовтнем", "2025-10", None),
    ("Місто залишили у 2022 році.", "у 2022 році", "2022", None),
    ("С начала года освобождены 30 сел.", "С начала года", "2025", None),
    ("На минувших выходных шли бои.", "На минувших выходных", "2025-11-29", "2025-11-30"),
    ("Ремонт триватиме до п'ятниці.", "п'ятниці", "2025-12-05", None),
]


@pytest.mark.parametrize(("text", "mention", "value", "until"), DATES)
def test_cyrillic_dates_resolve_against_publication(
    text: str, mention: str, value: str, until: str | None
) -> None:
    found = find_cyrillic_dates(text, PUBLISHED)
    assert [(text[t.start : t.end], t.value, t.until) for t in found] == [(mention, value, until)]


def test_cyrillic_dates_reach_the_report(cyrillic_pipeline: Pipeline) -> None:
    doc = analyze(cyrillic_pipeline, "ВСУ отошли от Часов Яра 30 ноября, сообщили вчера.", "ru")
    assert [d.value for d in doc.get(DateMention)] == ["2025-11-30", "2025-12-02"]


QUOTES = [
    (
        "ru",
        "«Мы продолжаем наступление», — заявил Песков.",
        [("Мы продолжаем наступление", "Песков", "person", "заявил")],
    ),
    (
        "ru",
        "— Это фейк, — сказал Дмитрий Песков журналистам. «Мы не комментируем», — добавил он.",
        [
            ("Это фейк", "Дмитрий Песков", "person", "сказал"),
            ("Мы не комментируем", "Дмитрий Песков", "person", "добавил"),
        ],
    ),
    (
        "ru",
        "«Информация не соответствует действительности», сообщили в Минобороны России.",
        [("Информация не соответствует действительности", "Минобороны России", "organization", "сообщили")],
    ),
    (
        "uk",
        "Генштаб ЗСУ повідомив: „Ворог відступив від Вовчанська“.",
        [("Ворог відступив від Вовчанська", "Генштаб ЗСУ", "organization", "повідомив")],
    ),
    (
        "uk",
        "«Ситуація під контролем», — зазначив Олександр Сирський. «Позиції утримуємо», — додав він.",
        [
            ("Ситуація під контролем", "Олександр Сирський", "person", "зазначив"),
            ("Позиції утримуємо", "Олександр Сирський", "person", "додав"),
        ],
    ),
    ("uk", "«Ворог відступив», — передає Укрінформ.", [("Ворог відступив", "Укрінформ", "media", "передає")]),
    ("ru", "Так называемые «референдумы» прошли осенью.", [("референдумы", None, "anonymous", None)]),
]


@pytest.mark.parametrize(("language", "text", "expected"), QUOTES)
def test_cyrillic_direct_quotes_have_their_speakers(
    cyrillic_pipeline: Pipeline,
    language: str,
    text: str,
    expected: list[tuple[str, str | None, str, str | None]],
) -> None:
    doc = analyze(cyrillic_pipeline, text, language)
    found = [(text[q.start : q.end], q.speaker.name, q.speaker.kind, q.cue) for q in doc.get(Quote)]
    assert found == expected


CLAIMS = [
    (
        "ru",
        "Российские войска освободили Покровск 30 ноября, сообщило Минобороны России.",
        ("Минобороны России", "asserted", "2025-11-30"),
    ),
    (
        "ru",
        "«Информация о взятии Покровска не соответствует действительности», — заявил Сырский.",
        ("Сырский", "denied", None),
    ),
    ("ru", "ВСУ якобы отошли от Часова Яра, по данным ТАСС.", ("ТАСС", "hedged", None)),
    (
        "uk",
        "Сили оборони утримують позиції у Вовчанську, повідомив Генштаб ЗСУ.",
        ("Генштаб ЗСУ", "asserted", None),
    ),
    (
        "uk",
        "Генштаб ЗСУ спростував: „Ворог зайшов до Покровська — це фейк“.",
        ("Генштаб ЗСУ", "denied", None),
    ),
    ("uk", "Росіяни нібито окупували Часів Яр минулого тижня.", (None, "hedged", "2025-11-24")),
]


@pytest.mark.parametrize(("language", "text", "expected"), CLAIMS)
def test_cyrillic_territorial_claims_have_claimant_and_stance(
    cyrillic_pipeline: Pipeline, language: str, text: str, expected: tuple[str | None, str, str | None]
) -> None:
    doc = analyze(cyrillic_pipeline, text, language)
    claims = [(c.type, c.claimant, c.stance, c.date, len(c.places)) for c in doc.get(Claim)]
    assert claims == [("territorial_control", *expected, 1)]


def test_cyrillic_sentence_without_control_verb_is_no_claim(cyrillic_pipeline: Pipeline) -> None:
    doc = analyze(cyrillic_pipeline, "В Харькове объявлена воздушная тревога.", "ru")
    assert doc.get(Claim) == []


def test_cyrillic_articles_note_what_is_not_analyzed_yet(cyrillic_pipeline: Pipeline) -> None:
    doc = analyze(cyrillic_pipeline, "«Мы продолжаем наступление», — заявил он журналистам.", "ru")
    assert "quotes: ru attribution read from the words around each cue, no parse" in doc.notes
    assert (
        "claims: territorial control, strikes and casualty figures only; other types not read in ru yet"
        in doc.notes
    )


def test_cyrillic_article_is_detected_and_analyzed(cyrillic_pipeline: Pipeline) -> None:
    text = "Министерство обороны России заявило, что войска взяли под контроль Покровск и Мирноград."
    doc = cyrillic_pipeline(Document(text, Metadata(published=PUBLISHED)))
    assert (doc.error, doc.meta.language) == (None, "ru")
    assert POKROVSK in {p.geonames_id for p in doc.get(Place)}


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Министерството на отбраната съобщи, че войските са превзели града, и това е потвърдено.", "bg"),
        ("Міністэрства абароны паведаміла, што войскі занялі горад, і гэта пацверджана ўрадам.", "be"),
        ("Министарство одбране је саопштило да су јединице заузеле град и да се борбе настављају.", "sr"),
    ],
)
def test_other_cyrillic_languages_are_refused_clearly(
    cyrillic_pipeline: Pipeline, text: str, code: str
) -> None:
    doc = cyrillic_pipeline(Document(text, Metadata()))
    assert doc.error is not None
    assert f"({code}); claimledger can analyze only English (en), Russian (ru), Ukrainian (uk)" in str(
        doc.error
    )


@pytest.mark.parametrize(
    "text",
    [
        "«Войска вошли в Пoкровск 30 ноября», — заявил он.",  # a Latin "o" inside the Cyrillic name
        "Бои под Покров\u00adском и у Вовчан\u200bська продолжаются вчера.",  # soft hyphen, zero-width space
        "\u200b\u200bВ ночь на 12 марта\u200b ВСУ обстреляли Белгород\ufeff.",
        "Pokrovsk и Покровск, Kupiansk и Купʼянськ.",
    ],
)
@pytest.mark.parametrize("language", ["ru", "uk"])
def test_cyrillic_odd_characters_keep_spans_inside_the_text(
    cyrillic_pipeline: Pipeline, text: str, language: str
) -> None:
    doc = analyze(cyrillic_pipeline, text, language)
    spans = [*doc.get(Place), *doc.get(DateMention), *doc.get(Quote)]
    assert spans
    assert all(0 <= s.start < s.end <= len(doc.text) for s in spans)
    assert all(doc.text[s.start : s.end].strip() == doc.text[s.start : s.end] for s in doc.get(Place))


@pytest.mark.parametrize(
    ("text", "content"), [("He said “we hold\n", "we hold"), ("Він сказав «тримаємо\n\n", "тримаємо")]
)
def test_unclosed_quote_before_a_final_newline_is_cut_not_a_crash(text: str, content: str) -> None:
    quoted, unclosed = find_quoted(text)
    assert ([text[q.start : q.end] for q in quoted], unclosed) == ([content], 1)


REPORTED = [
    (  # the speaker before "что", the content after it
        "ru",
        "Губернатор Курской области Александр Хинштейн заявил, что ночью сбиты восемь дронов.",
        [("ночью сбиты восемь дронов", "Александр Хинштейн", "person", ())],
    ),
    (  # the content first, then the cue and a speaker with office words before the name
        "uk",
        "Окупанти двічі обстріляли Херсон, повідомив начальник міської адміністрації Роман Мрочко.",
        [("Окупанти двічі обстріляли Херсон", "Роман Мрочко", "person", ())],
    ),
    (  # a relay chain: the agency goes to `via`, the source it cites is the speaker
        "ru",
        "Две деревни перешли под контроль армии, сообщает ТАСС со ссылкой на Минобороны России.",
        [("Две деревни перешли под контроль армии", "Минобороны России", "organization", ("ТАСС",))],
    ),
    (
        "uk",
        "Як повідомляє Суспільне з посиланням на Генштаб ЗСУ, ворог втратив 12 танків.",
        [("ворог втратив 12 танків", "Генштаб ЗСУ", "organization", ("Суспільне",))],
    ),
    (  # a pronoun and a role noun take the speaker named before
        "ru",
        "Генштаб ВСУ сообщил, что отбито 30 атак. По данным штаба, противник потерял 900 человек. "
        "Командир роты Игорь Лысенко рассказал, что рота держится. По его словам, подвоз затруднен.",
        [
            ("отбито 30 атак", "Генштаб ВСУ", "organization", ()),
            ("противник потерял 900 человек", "Генштаб ВСУ", "organization", ()),
            ("рота держится", "Игорь Лысенко", "person", ()),
            ("подвоз затруднен", "Игорь Лысенко", "person", ()),
        ],
    ),
    (  # "Про це повідомив X": the previous sentence is what X said
        "uk",
        "Уночі над Сумами збили 14 дронів. Про це повідомив голова ОВА Олег Григоров.",
        [("Уночі над Сумами збили 14 дронів", "Олег Григоров", "person", ())],
    ),
    (  # a date between "Про це" and the cue; a lead-in after a colon; a present-tense cue
        "uk",
        "Дрони атакували Суми. Про це в понеділок повідомив Олег Григоров. У бригаді відповіли: за словами "
        "військових, штурм відбито. Ворог втратив два танки, каже Іван Ковальчук.",
        [
            ("Дрони атакували Суми", "Олег Григоров", "person", ()),
            ("штурм відбито", "військових", "organization", ()),
            ("Ворог втратив два танки", "Іван Ковальчук", "person", ()),
        ],
    ),
    (  # an anonymous source keeps its description and no name
        "ru",
        "Как рассказал источник в силовых структурах, задержаны трое.",
        [("задержаны трое", None, "anonymous", ())],
    ),
]


@pytest.mark.parametrize(("language", "text", "expected"), REPORTED)
def test_cyrillic_reported_speech_has_speaker_and_relay(
    cyrillic_pipeline: Pipeline,
    language: str,
    text: str,
    expected: list[tuple[str, str | None, str, tuple[str, ...]]],
) -> None:
    doc = analyze(cyrillic_pipeline, text, language)
    found = [
        (text[q.start : q.end], q.speaker.name, q.speaker.kind, q.via) for q in doc.get(Quote) if not q.direct
    ]
    assert found == expected
    assert all(q.speaker.start is not None for q in doc.get(Quote))


def test_cyrillic_split_dash_speech_is_one_utterance(cyrillic_pipeline: Pipeline) -> None:
    text = "— Город мы не сдадим, — сказал комбат Олег Бойко. — Подкрепление уже в пути."
    quotes = analyze(cyrillic_pipeline, text, "ru").get(Quote)
    found = [(text[q.start : q.end], q.speaker.name, q.continues) for q in quotes]
    assert found == [("Город мы не сдадим", "Олег Бойко", None), ("Подкрепление уже в пути", "Олег Бойко", 0)]


def test_cyrillic_quoted_names_are_not_direct_quotes(cyrillic_pipeline: Pipeline) -> None:
    text = "Группировка «Днепр» и бригада «Азов» вели бои, передает «Интерфакс»."
    quotes = analyze(cyrillic_pipeline, text, "ru").get(Quote)
    assert [(q.direct, q.speaker.name, q.speaker.kind) for q in quotes] == [(False, "Интерфакс", "media")]


CLAIMS_MORE = [
    # (language, text, [(stance, place names)])
    ("ru", "Штурмовики выбили противника из Торецка.", [("asserted", ["Toretsk"])]),
    ("uk", "Українські війська вийшли з Вугледара, щоб уникнути оточення.", [("asserted", ["Vuhledar"])]),
    ("ru", "Атаки на Купянск были отбиты, заявили в ВСУ.", [("asserted", ["Kupiansk"])]),
    (  # "the city" after a place, and a denial of the claim just before
        "uk",
        "Росіяни заявили про захоплення Сіверська. У Силах оборони це назвали неправдою. "
        "Місто залишається під контролем ЗСУ.",
        [("asserted", ["Siversk"]), ("denied", ["Siversk"]), ("asserted", ["Siversk"])],
    ),
    ("uk", "Ворог нібито увійшов до Мирнограда.", [("hedged", ["Myrnohrad"])]),
    ("ru", "Курахово не было захвачено, подчеркнул командир.", [("denied", ["Kurakhove"])]),
    ("uk", "Біля Торецька Сили оборони зупинили 14 штурмів.", [("asserted", ["Toretsk"])]),
]


@pytest.mark.parametrize(("language", "text", "expected"), CLAIMS_MORE)
def test_cyrillic_control_phrasings_and_denials(
    cyrillic_pipeline: Pipeline, language: str, text: str, expected: list[tuple[str, list[str]]]
) -> None:
    doc = analyze(cyrillic_pipeline, text, language)
    places = doc.get(Place)
    found = [(c.stance, [places[i].name for i in c.places]) for c in doc.get(Claim)]
    assert found == expected
    assert all(c.type == "territorial_control" for c in doc.get(Claim))


def test_cyrillic_direction_forms() -> None:
    assert "Покровськ" in direction_forms("Покровському")
    assert "Костянтинівка" in direction_forms("Костянтинівському")
    assert "Запоріжжя" in direction_forms("Запорізькому")
    assert "Гуляйполе" in direction_forms("Гуляйпольском")


def test_speaker_names_match_across_case_endings() -> None:
    assert same_speaker("Генштаба ВСУ", "Генштаб ВСУ")
    assert same_speaker("Минобороны", "Минобороны России")
    assert same_speaker("Генеральному штабі", "Генеральний штаб")
    assert not same_speaker("Песков", "Сырский")


def test_speaker_abbreviations_match_their_spelled_out_names() -> None:
    assert same_speaker("Ізюмська РВА", "Ізюмській районній військовій адміністрації")
    assert same_speaker("Генштаб ВСУ", "Генштаба Вооруженных сил Украины")
    assert not same_speaker("Ізюмська РВА", "Ізюмській міській раді")


@pytest.mark.parametrize(
    "text",
    [
        "Minoborony Rossii zayavilo, chto voyska osvobodili Pokrovsk, soobshchil istochnik.",
        "Zbroini syly zaiavyv shcho vid Pokrovska do Myrnohrada tse yak pislia boiv, povidomyv shtab.",
    ],
)
def test_transliterated_russian_is_refused_with_a_clear_reason(
    cyrillic_pipeline: Pipeline, text: str
) -> None:
    doc = cyrillic_pipeline(Document(text, Metadata()))
    assert "in Latin letters (transliterated)" in str(doc.error)
    assert doc.get(Place) == doc.get(Quote) == []


def test_english_with_russian_names_is_not_taken_for_transliteration(cyrillic_pipeline: Pipeline) -> None:
    text = "Russian troops entered Pokrovsk on Saturday, the ministry said, citing the Genshtab in Kyiv."
    assert cyrillic_pipeline(Document(text, Metadata())).error is None


@pytest.mark.parametrize(
    "text",
    [
        "— , — сказал .",
        "Сообщили, что. По словам , . Об этом сообщил.",
        "«" * 40 + "— заявил" * 5,
        "Бои у Вовчан\u200bська, — за\u00adявив він. «Ми три\u200bмаємо»",
        "Пoкровск (Latin o), Kупянск (Latin K), Купʼянськ.",
    ],
)
@pytest.mark.parametrize("language", ["ru", "uk"])
def test_cyrillic_odd_input_gives_no_empty_or_outside_spans(
    cyrillic_pipeline: Pipeline, text: str, language: str
) -> None:
    doc = analyze(cyrillic_pipeline, text, language)
    spans = [*doc.get(Place), *doc.get(DateMention), *doc.get(Quote), *doc.get(Claim)]
    assert all(0 <= s.start < s.end <= len(text) and text[s.start : s.end].strip() for s in spans)
    assert all(
        text[p.start] not in "\u00ad\u200b" and text[p.end - 1] not in "\u00ad\u200b" for p in doc.get(Place)
    )


GOLD = Path(__file__).parent / "data"


@pytest.mark.parametrize(
    "name", [f"cyrillic-{s}-{lang}" for s in ("gold", "heldout", "test") for lang in ("ru", "uk")]
)
def test_cyrillic_gold_sets_are_consistent(name: str) -> None:
    """Every gold mention is in its passage and every place carries an id or an oblast name."""
    golds = read_gold(GOLD / f"{name}.jsonl")
    assert len(golds) >= 10
    assert {g["language"] for g in golds} == {name.rsplit("-", maxsplit=1)[-1]}
    for gold in golds:
        for key, field in (
            ("places", "mention"),
            ("quotes", "content"),
            ("dates", "mention"),
            ("claims", "anchor"),
        ):
            assert all(item[field] in gold["text"] for item in gold[key]), (gold["id"], key)
        assert all(p["geonames_id"] or p["name"].endswith("Oblast") for p in gold["places"])


def test_cyrillic_dev_sets_meet_the_issue_targets() -> None:
    """The dev sets shaped the rules; this guards them against regressions, it is no measure."""
    settings = Settings() if default_path().is_file() else None
    if settings is None:
        pytest.skip("no default gazetteer here (claimledger gazetteer build)")
    result = evaluate_file(settings, GOLD / "cyrillic-gold-ru.jsonl", None).figures
    result |= evaluate_file(settings, GOLD / "cyrillic-gold-uk.jsonl", None).figures
    for language in ("ru", "uk"):
        assert result[f"{language}: toponyms resolved"] >= 0.90
        assert result[f"{language}: quotes with the right speaker"] >= 0.85
        assert result[f"{language}: date values"] >= 0.90
        assert result[f"{language}: territorial-control claims found with the right stance"] >= 0.85


ADAQ = Path(__file__).parents[2] / "shared" / "data" / "quotes-ru-cs-adaq" / "ru_tokens.tsv"


@pytest.mark.skipif(not ADAQ.is_file(), reason="../shared/data/quotes-ru-cs-adaq is not here")
def test_adaq_sentences_align_with_their_tags() -> None:
    sentences = read_adaq(ADAQ)
    assert len(sentences) == 208
    assert sum(bool(s.content) for s in sentences) == 100
    first = sentences[0]
    assert first.text[first.source[0][0] : first.source[0][1]] == "Папа"
    assert first.text[first.content[0][0] : first.content[0][1]].startswith("что ушло их четыреста")


def test_russian_articles_get_natasha_entities(cyrillic_pipeline: Pipeline) -> None:
    pytest.importorskip("natasha", reason="natasha is not installed (make install)")
    text = "Глава Минобороны Андрей Белоусов прибыл в Курск, сообщил ТАСС."
    doc = analyze(cyrillic_pipeline, text, "ru")
    found = {(text[e.start : e.end], e.label) for e in doc.get(Entity)}
    assert {("Андрей Белоусов", "PERSON"), ("Курск", "LOC")} <= found
    assert 538560 in {p.geonames_id for p in doc.get(Place)}


def test_ukrainian_articles_get_no_natasha_entities(cyrillic_pipeline: Pipeline) -> None:
    doc = analyze(cyrillic_pipeline, "Олександр Сирський прибув до Харкова.", "uk")
    assert doc.get(Entity) == []


def test_prisoners_taken_are_no_territorial_claim(cyrillic_pipeline: Pipeline) -> None:
    doc = analyze(
        cyrillic_pipeline, "Біля Торецька у полон взято трьох окупантів. Под Курском взяты в плен двое.", "uk"
    )
    assert doc.get(Claim) == []


# --- general rules for what a blind set showed missing (issue 12): sentences written for these tests --

VELYKA_NOVOSILKA, MALI_SHCHERBAKY, BALAKLIIA, DOBROPILLIA, HULIAIPOLE = (
    690237,
    11011094,
    712926,
    709900,
    707898,
)
INFLECTED_PLACES = [
    ("ru", "Бои идут у Двуречной и под Липцами.", {"Двуречной": 709399, "Липцами": 702989}),
    ("ru", "Переговоры о пленных прошли в Стамбуле.", {"Стамбуле": 745044}),
    (
        "uk",
        "У Балаклії та під Добропіллям тривають обстріли.",
        {"Балаклії": BALAKLIIA, "Добропіллям": DOBROPILLIA},
    ),
    ("uk", "Окупанти обстріляли громаду у Лимані.", {"Лимані": 704204}),
    ("uk", "На Гуляйпільському напрямку ворог атакував 12 разів.", {"Гуляйпільському": HULIAIPOLE}),
    ("ru", "На Гуляйпольском направлении тихо.", {"Гуляйпольском": HULIAIPOLE}),
    ("ru", "В Донецкой Народной Республике объявлена тревога.", {"Донецкой Народной Республике": None}),
    ("ru", "Бои идут за Великую Новоселку.", {"Великую Новоселку": VELYKA_NOVOSILKA}),
    ("uk", "Бої тривають біля Великої Новосілки.", {"Великої Новосілки": VELYKA_NOVOSILKA}),
    ("ru", "Противник закрепился у Малых Щербаков.", {"Малых Щербаков": MALI_SHCHERBAKY}),
    ("ru", "Артиллерия работает по Малыми Щербаками.", {"Малыми Щербаками": MALI_SHCHERBAKY}),
    ("uk", "Ворог накопичує сили біля Малих Щербаків.", {"Малих Щербаків": MALI_SHCHERBAKY}),
    ("ru", "Бои продолжаются в Балаклее.", {"Балаклее": BALAKLIIA}),
    ("ru", "Противник атаковал позиции у Пятихаток.", {"Пятихаток": None}),
    (
        "ru",
        "Российские войска вошли в Приморское Запорожской области.",
        {"Приморское": 696278, "Запорожской области": None},
    ),
    ("ru", "В Харьковской области ВСУ отошли от Боровой.", {"Харьковской области": None, "Боровой": 711623}),
    ("uk", "Бої тривають біля Борової на Харківщині.", {"Борової": 711623, "Харківщині": None}),
    (
        "ru",
        "Противник наступает на Белую Гору и Александро-Шультино.",
        {"Белую Гору": 712663, "Александро-Шультино": 713689},
    ),
    ("ru", "Удары по Белгородской и Курской областям.", {"Белгородской": None, "Курской областям": None}),
    (
        "uk",
        "Удари по Бєлгородській та Курській областях.",
        {"Бєлгородській": None, "Курській областях": None},
    ),
    ("ru", "В Волновахском районе идут бои.", {"Волновахском": 689198}),
    ("ru", "Переговоры пройдут в Вашингтоне.", {"Вашингтоне": 4140963}),
    ("uk", "Евакуація з Донеччини триває.", {"Донеччини": None}),
    ("ru", "ВСУ вытеснены из Нью-Йорка.", {"Нью-Йорка": 699751}),  # the Donetsk town, not the US city
    (  # a list of direction adjectives sharing one noun; a hyphenated direction names no town
        "ru",
        "На Лиманском, Новопавловском и Южно-Донецком направлениях идут бои.",
        {"Лиманском": 704204, "Новопавловском": 699373},
    ),
    (
        "uk",
        "На Куп'янському, Оріхівському та Херсонському напрямках тривають бої.",
        {"Куп'янському": KUPIANSK, "Оріхівському": 698428, "Херсонському": 706448},
    ),
]


@pytest.mark.parametrize(("language", "text", "expected"), INFLECTED_PLACES)
def test_cyrillic_inflected_and_multiword_names_resolve(
    cyrillic_pipeline: Pipeline, language: str, text: str, expected: dict[str, int | None]
) -> None:
    found = {
        surface: gid for surface, (gid, _, _) in places_of(analyze(cyrillic_pipeline, text, language)).items()
    }
    assert set(found) == set(expected)
    assert {k: v for k, v in found.items() if expected[k] is not None} == {
        k: v for k, v in expected.items() if v is not None
    }


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("ru", "Мария Иванова и Владимир Романов выступили на брифинге."),
        ("uk", "Володимир Зеленський провів нараду."),
        ("uk", "Командувач ОСУВ «Дніпро» та ОТУ «Харків» провели нараду."),
        ("uk", "Українське угруповання посилено резервами."),
        ("uk", "Речник Південних сил розповів про обстріли."),
        ("ru", "Сообщил глава Сумской областной военной администрации."),
        ("ru", "Подразделения «Южной» группировки улучшили положение."),
        ("ru", "Киевский режим скрывает потери."),
        ("ru", "Об этом сказали Смирнов, Соколов, Новиков, Морозов и Волков."),  # surnames in -ов
    ],
)
def test_cyrillic_first_names_units_and_adjectives_are_no_places(
    cyrillic_pipeline: Pipeline, language: str, text: str
) -> None:
    assert places_of(analyze(cyrillic_pipeline, text, language)) == {}


def test_russian_names_find_ukrainian_only_spellings() -> None:
    from claimledger.gazetteer.cyrillic_spelling import ukrainian_spellings

    assert "Велика Новосілка" in ukrainian_spellings("Великая Новоселка")
    assert "Малі Щербаки" in ukrainian_spellings("Малые Щербаки")
    assert "Андріївка" in ukrainian_spellings("Андреевка")
    assert "Приморське" in ukrainian_spellings("Приморское")
    assert "Гуляйполе" in direction_forms("Гуляйпільському")


FRIDAY = date(2025, 12, 5)
NARRATIVE_DATES = [
    ("В четверг российские войска атаковали Купянск. Переговоры будут продолжены.", "2025-12-04"),
    ("Как заявили в штабе, в четверг противник планировал наступление.", "2025-12-04"),
    ("У четвер ворог намагався прорватися, а в понеділок буде нарада.", "2025-12-04"),
    ("Встреча пройдет в понедельник, будут обсуждать обмен.", "2025-12-08"),
]


@pytest.mark.parametrize(("text", "value"), NARRATIVE_DATES)
def test_cyrillic_weekday_follows_the_clause_tense(text: str, value: str) -> None:
    assert find_cyrillic_dates(text, FRIDAY)[0].value == value


@pytest.mark.parametrize(
    ("text", "values"),
    [
        (
            "В ночь на четверг дроны атаковали Харьков. Днем ранее был обстрелян Херсон.",
            ["2025-12-04", "2025-12-03"],
        ),
        ("В минувшую пятницу шли бои.", ["2025-11-28"]),
    ],
)
def test_cyrillic_day_earlier_and_last_weekday(text: str, values: list[str]) -> None:
    assert [t.value for t in find_cyrillic_dates(text, FRIDAY)] == values


def test_cyrillic_eve_of_a_long_past_day_is_the_eve_of_publication() -> None:
    found = find_cyrillic_dates("24 февраля 2022 года началась война. Накануне обстреляли Херсон.", FRIDAY)
    assert [t.value for t in found] == ["2022-02-24", "2025-12-04"]


SPEAKERS = [
    (  # a mid-sentence attribution; a role noun takes the person named before
        "ru",
        "Командир батальона Андрей Бойко рассказал о ситуации. Обстановка, по словам Бойко, остается "
        "напряженной. «Мы держим позиции», — сказал собеседник агентства.",
        [("Обстановка, по словам Бойко, остается напряженной", "Бойко"), ("Мы держим позиции", "Бойко")],
    ),
    (
        "ru",
        "Утром 3 декабря, как отметил Гордеев, противник атаковал Купянск. "
        "«Атаки отбиты», — добавил генерал.",
        [
            ("Утром 3 декабря, как отметил Гордеев, противник атаковал Купянск", "Гордеев"),
            ("Атаки отбиты", "Гордеев"),
        ],
    ),
    (
        "uk",
        "Офіцер Олег Ткаченко розповів про бої. «Ворог тисне», — сказав офіцер.",
        [("Ворог тисне", "Олег Ткаченко")],
    ),
    (
        "uk",
        "Вранці, за словами Олега Ткаченка, ворог атакував Покровськ.",
        [("Вранці, за словами Олега Ткаченка, ворог атакував Покровськ", "Олега Ткаченка")],
    ),
    (  # "Об этом заявил X" opening the text names X for the role noun after it
        "ru",
        "Об этом заявил представитель группировки «Восток» Александр Гордеев. «Противник отступает», — "
        "добавил военный.",
        [("Противник отступает", "Александр Гордеев")],
    ),
    (  # "Про це …" with a longer aside before the cue; "Там" for the institution named before
        "uk",
        "Про це в ефірі телемарафону розповів речник Дмитро Лиховій. Він додав, що росіяни накопичують сили. "
        "«Ворог зазнав втрат», — повідомили у Генштабі ЗСУ. Там також зазначили, що бої тривають.",
        [
            ("росіяни накопичують сили", "Дмитро Лиховій"),
            ("Ворог зазнав втрат", "Генштабі ЗСУ"),
            ("бої тривають", "Генштабі ЗСУ"),
        ],
    ),
    (  # a date after the speaker is not part of the name
        "ru",
        "Российские войска полностью освободили Курахово, сообщили в Минобороны РФ в субботу.",
        [("Российские войска полностью освободили Курахово", "Минобороны РФ")],
    ),
    (  # a nominal report
        "ru",
        "В Минобороны России сообщили об освобождении Андреевки.",
        [("освобождении Андреевки", "Минобороны России")],
    ),
    (
        "ru",
        "Президент Владимир Зеленский заявил, что Купянск под контролем. "
        "«Мы не отступим», — сказал президент.",
        [("Купянск под контролем", "Владимир Зеленский"), ("Мы не отступим", "Владимир Зеленский")],
    ),
]


@pytest.mark.parametrize(("language", "text", "expected"), SPEAKERS)
def test_cyrillic_speakers_named_back_and_mid_sentence(
    cyrillic_pipeline: Pipeline, language: str, text: str, expected: list[tuple[str, str]]
) -> None:
    doc = analyze(cyrillic_pipeline, text, language)
    assert [(text[q.start : q.end], q.speaker.name) for q in doc.get(Quote)] == expected


CONTROL_MORE = [
    # (language, text, (stance, claimant or None, place names))
    (
        "ru",
        "Город Часов Яр находится под контролем ВСУ, заявил Андрей Ковалев.",
        ("asserted", "Андрей Ковалев", ["Chasiv Yar"]),
    ),
    ("ru", "По словам военного, Купянск в полном контроле украинских сил.", ("asserted", None, ["Kupiansk"])),
    ("ru", "Украинские подразделения продолжают оборону Покровска.", ("asserted", None, ["Pokrovsk"])),
    (
        "ru",
        "Противник держит часть города Мирноград, сообщил источник.",
        ("asserted", "источник", ["Myrnohrad"]),
    ),
    ("uk", "Захисники відбили всі штурми біля Покровська.", ("asserted", None, ["Pokrovsk"])),
    ("uk", "Село Торське перейшло під контроль окупантів.", ("asserted", None, ["Torske"])),
    (
        "uk",
        "Росіяни нібито зайняли Андріївку, повідомили російські блогери.",
        ("hedged", "російські блогери", ["Andriyivka"]),
    ),
    (
        "uk",
        "Окупанти повністю вибиті з Куп'янська, заявив командир бригади.",
        ("asserted", "командир бригади", ["Kupiansk"]),
    ),
    ("uk", "Сили оборони мають повний контроль над Куп'янськом.", ("asserted", None, ["Kupiansk"])),
    ("uk", "Речник розповів, що бійці утримують оборону в Покровську.", ("asserted", "Речник", ["Pokrovsk"])),
    ("ru", "Город Покровск не окружен, заявил командир.", ("denied", "командир", ["Pokrovsk"])),
    (
        "uk",
        "Попри заяви росіян про захоплення Куп'янська, місто контролюють ЗСУ.",
        ("denied", None, ["Kupiansk"]),
    ),
    (
        "ru",
        "Как сообщил нашему изданию источник, российские войска заняли Андреевку.",
        ("asserted", "источник", ["Andriyivka"]),
    ),
    (
        "ru",
        "Командир роты Игорь Петренко рассказал о боях. Он заявил, что ВСУ отбили атаки у Купянска.",
        ("asserted", "Игорь Петренко", ["Kupiansk"]),
    ),
    ("ru", "Информацию о взятии Покровска в ВСУ опровергли.", ("denied", "ВСУ", ["Pokrovsk"])),
    ("uk", "Ворогу не вдалося захопити Вовчанськ, наголосив речник.", ("denied", "речник", ["Vovchansk"])),
    (
        "uk",
        "Окупанти втратили контроль над Білою Горою, кажуть військові.",
        ("asserted", "військові", ["Bila Hora"]),
    ),
    ("ru", "Российская армия установила контроль над Березовкой.", ("asserted", None, ["Berezivka"])),
    ("ru", "ВСУ вытеснены из Торецка, сообщил Пушилин.", ("asserted", "Пушилин", ["Toretsk"])),
    (
        "uk",
        "На думку аналітиків ISW, росіяни не здатні швидко захопити Покровськ.",
        ("denied", "аналітиків ISW", ["Pokrovsk"]),
    ),
]


@pytest.mark.parametrize(("language", "text", "expected"), CONTROL_MORE)
def test_cyrillic_nominal_passive_and_denied_control(
    cyrillic_pipeline: Pipeline, language: str, text: str, expected: tuple[str, str | None, list[str]]
) -> None:
    doc = analyze(cyrillic_pipeline, text, language)
    places = doc.get(Place)
    claims = [(c.stance, c.claimant, [places[i].name for i in c.places]) for c in doc.get(Claim)]
    stance, claimant, names = expected
    assert len(claims) == 1
    assert claims[0][0] == stance
    assert claims[0][2] == names
    if claimant is not None:
        assert claims[0][1] is not None
        assert same_speaker(claims[0][1], claimant)


def test_cyrillic_denial_by_name_follows_the_claim(cyrillic_pipeline: Pipeline) -> None:
    text = "Минобороны России заявило о захвате Купянска. В ВСУ назвали это фейком."
    claims = analyze(cyrillic_pipeline, text, "ru").get(Claim)
    assert [(c.stance, c.claimant) for c in claims] == [("asserted", "Минобороны России"), ("denied", "ВСУ")]


def test_same_speaker_keeps_the_number_of_an_ordinal() -> None:
    assert same_speaker("7-й корпус", "7-му корпусі")
    assert same_speaker("украинской 28-й бригаде", "украинская 28-я бригада")
    assert not same_speaker("17-й корпус", "7-й корпус")
