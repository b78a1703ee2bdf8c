"""Russian and Ukrainian territorial-control claims: the phrasings and stances the first blind sets
showed missing (issue 12).

Every passage is written for this file in wire-copy style; none is taken from a report or from the gold
sets. They run the pipeline up to claims, since a claim needs the places stage's places.
"""

from __future__ import annotations

from datetime import date

import pytest

from claimledger.claims.cyrillic import FLAG, denial_in, extract_cyrillic_events, stance
from claimledger.document import Claim, Document, Metadata, Place
from claimledger.pipeline import Pipeline
from claimledger.settings import Settings


@pytest.fixture(scope="module")
def pipeline(cyrillic_pipeline: Pipeline) -> Pipeline:
    return cyrillic_pipeline


def claims_of(pipeline: Pipeline, text: str, language: str) -> list[tuple[str, str, list[str]]]:
    """(claim text, stance, place names) of each territorial-control claim."""
    doc = pipeline(Document(text, Metadata(language=language, published=date(2026, 4, 8))))
    assert doc.error is None
    places = list(doc.get(Place))
    return [
        (doc.text[c.start : c.end], c.stance, [places[n].name for n in c.places])
        for c in doc.get(Claim)
        if c.type == "territorial_control"
    ]


@pytest.mark.parametrize(
    ("language", "text", "anchor"),
    [
        ("ru", "Штурмовые группы вклинились в оборону противника у Торецка.", "вклинились"),
        ("ru", "Противник был отброшен от Купянска, сообщили в штабе.", "отброшен"),
        ("uk", "Ворог відкотився від Куп'янська після невдалого штурму.", "відкотився"),
        ("uk", "Оборонці зупинили всі спроби ворога просунутися до Покровська.", "зупинили всі спроби"),
        ("ru", "Десантники сорвали попытку противника закрепиться у Часова Яра.", "сорвали попытку"),
        ("ru", "Бригада отразила контратаку у Торецка.", "отразила контратаку"),
        ("uk", "Під Торецьком штурм відбили ще до світанку.", "штурм відбили"),
        ("ru", "Бойцы продолжают зачистку Покровска.", "зачистку"),
        ("ru", "Российские подразделения контролировали часть Купянска.", "контролировали"),
        ("ru", "Сообщения о прорыве под Часовым Яром не подтвердились.", "прорыве"),
        ("ru", "Над администрацией Торецка подняли флаг.", "подняли флаг"),
        ("ru", "«Торецк наш», — написал военкор.", "Торецк наш"),
    ],
)
def test_more_control_phrasings_are_claims(pipeline: Pipeline, language: str, text: str, anchor: str) -> None:
    assert any(anchor in claim for claim, _, _ in claims_of(pipeline, text, language))


def test_time_taken_is_no_control(pipeline: Pipeline) -> None:
    assert claims_of(pipeline, "Переговоры в Купянске заняли три часа.", "ru") == []


def test_repelled_attacks_take_the_place_of_the_sentence_before(pipeline: Pipeline) -> None:
    text = "Противник девять раз атаковал позиции у Торецка. Все атаки отбиты, отметили в штабе."
    assert claims_of(pipeline, text, "ru")[-1] == (
        "Все атаки отбиты, отметили в штабе.",
        "asserted",
        ["Toretsk"],
    )
    text = "Окупанти штурмували позиції біля Покровська.\n\nУсі штурми відбито."
    assert claims_of(pipeline, text, "uk") == []  # a new paragraph: no place carried over


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        (  # what a denier goes on to assert is asserted
            "ru",
            "В штабе эти сведения опровергли и подчеркнули, что Торецк остается под контролем ВСУ.",
            [("denied", "опровергли"), ("asserted", "Торецк остается под контролем")],
        ),
        (
            "uk",
            "Речник бригади назвав це вигадкою й додав, що Покровськ утримують українські підрозділи.",
            [("denied", "вигадкою"), ("asserted", "Покровськ утримують")],
        ),
        (  # the denial governs the clause: one denied claim
            "ru",
            "В штабе опровергли, что российские войска заняли Торецк.",
            [("denied", "заняли Торецк")],
        ),
        (  # the main clause names its own place: asserted; the "despite" clause denied
            "uk",
            "Бійці утримують позиції в Торецьку, попри заяви росіян про захоплення міста.",
            [("asserted", "утримують позиції в Торецьку"), ("denied", "захоплення міста")],
        ),
    ],
)
def test_a_denial_and_an_assertion_in_one_sentence(
    pipeline: Pipeline, language: str, text: str, expected: list[tuple[str, str]]
) -> None:
    claims = claims_of(pipeline, text, language)
    assert [
        (claim_stance, next(a for s, a in expected if a in claim)) for claim, claim_stance, _ in claims
    ] == [(s, a) for s, a in expected]


@pytest.mark.parametrize(
    "text",
    [
        "Жодного закріплення ворога в селі немає.",
        "Ни одного российского военного в поселке нет.",
        "Окружения города нет, заявили в штабе.",
        "Эти сообщения он назвал плодом фантазии.",
    ],
)
def test_denials_by_negated_presence_and_fantasy(text: str) -> None:
    assert stance(text) == "denied"


def test_an_outlet_unable_to_verify_is_no_denial() -> None:
    assert denial_in("Проверить эту информацию независимо не удалось.") is None
    assert denial_in("Перевірити ці дані редакції не вдалося.") is None
    assert denial_in("Противнику не удалось захватить село.") is not None


@pytest.mark.parametrize(
    ("language", "text", "anchor"),
    [
        ("ru", "Российские войска оккупировали Купянск еще весной.", "оккупировали"),
        ("uk", "Бійці 3-ї бригади відбили Торецьк у ворога.", "відбили"),
        ("ru", "Подразделения ВСУ покинули Торецк.", "покинули"),
        ("uk", "Оборонці стримують наступ ворога біля Покровська.", "стримують наступ"),
    ],
)
def test_occupied_retaken_left_and_held_back(
    pipeline: Pipeline, language: str, text: str, anchor: str
) -> None:
    assert any(anchor in claim for claim, _, _ in claims_of(pipeline, text, language))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("По непроверенным данным, бойцы вошли в город.", "hedged"),
        ("За неофіційними даними, ворог зайшов у село.", "hedged"),
        ("Військові начебто відійшли з міста.", "hedged"),
        ("Российских войск в поселке нет.", "denied"),
        ("В штабе назвали это очередным вбросом.", "denied"),
        ("Противник пытается вернуть позиции, но безуспешно.", "denied"),  # a failed attempt
        ("Ни о каком отходе из города речи не идет.", "denied"),
        ("Никакого прорыва у села нет.", "denied"),
        ("Бойцы вошли в город.", "asserted"),
    ],
)
def test_hedges_and_denials(text: str, expected: str) -> None:
    assert stance(text) == expected


def test_returning_people_to_a_place_is_no_control(pipeline: Pipeline) -> None:
    assert claims_of(pipeline, "Пленных вернули в Харьков на автобусах.", "ru") == []


def events_of(
    pipeline: Pipeline, text: str, language: str
) -> list[tuple[str, list[str], tuple[object, ...]]]:
    """(type, place names, (figure, unit, qualifier)) of each strike or casualty claim."""
    doc = pipeline(Document(text, Metadata(language=language, published=date(2026, 4, 8))))
    places = list(doc.get(Place))
    return [
        (c.type, [places[n].name for n in c.places], (c.figure, c.unit, c.qualifier))
        for c in extract_cyrillic_events(doc)
    ]


def test_strikes_and_casualty_figures(pipeline: Pipeline) -> None:
    text = "Армия нанесла ракетный удар по Харькову. Погибли трое жителей, еще 14 человек ранены."
    assert events_of(pipeline, text, "ru") == [
        ("attack", ["Kharkiv"], (None, None, None)),
        ("casualties", ["Kharkiv"], (3, "жителей", None)),
    ]
    text = "За добу ворог втратив понад 1 200 військових біля Покровська."
    assert events_of(pipeline, text, "uk") == [("casualties", ["Pokrovsk"], (1200, "військових", "понад"))]


def test_a_ground_assault_is_no_strike(pipeline: Pipeline) -> None:
    assert events_of(pipeline, "Противник восемь раз атаковал позиции у Торецка.", "ru") == []


def test_a_situation_or_a_fire_under_control_is_no_territory(pipeline: Pipeline) -> None:
    assert claims_of(pipeline, "В Харькове ситуация под контролем, заявил мэр.", "ru") == []
    assert claims_of(pipeline, "Пожежу на нафтобазі в Сумах взяли під контроль.", "uk") == []


def test_the_claims_stage_reports_strikes_and_casualties_beside_control() -> None:
    from claimledger.document import Claim, Document, Metadata
    from claimledger.stages import build_pipeline

    text = (
        "Российские войска нанесли удар по Краматорску, сообщил начальник городской военной "
        "администрации. Погибли три человека. Подразделения ВСУ отошли из Курахово."
    )
    doc = build_pipeline(Settings())(Document(text, Metadata(language="ru", published="2026-03-02")))
    types = [c.type for c in doc.get(Claim)]
    assert "attack" in types
    assert "casualties" in types
    assert "territorial_control" in types
    casualty = next(c for c in doc.get(Claim) if c.type == "casualties")
    assert casualty.figure == 3


# --- the third blind set's error classes (each sentence written for this file) -------------------


def claimed(pipeline: Pipeline, text: str, language: str) -> list[tuple[str, str, str | None]]:
    """(claim text, stance, claimant) of each territorial-control claim."""
    doc = pipeline(Document(text, Metadata(language=language, published=date(2026, 4, 8))))
    assert doc.error is None
    return [
        (doc.text[c.start : c.end], c.stance, c.claimant)
        for c in doc.get(Claim)
        if c.type == "territorial_control"
    ]


@pytest.mark.parametrize(
    ("language", "text", "anchor"),
    [
        ("uk", "Під Куп'янськом ворог відступив за річку.", "відступив"),
        ("uk", "Блогери пишуть про відступ бригади з Торецька.", "відступ"),
        ("ru", "Морпехи высадились на острове у Херсона.", "высадились"),
        ("ru", "Войска улучшили положение у Торецка.", "улучшили положение"),
        ("ru", "Картографы отметили продвижение у Торецка.", "продвижение"),
        ("uk", "Десантники закріплюються на околиці Куп'янська.", "закріплюються"),
        ("uk", "Ворог намагався прорватися до Оріхова, але зазнав невдачі.", "зазнав невдачі"),
        ("uk", "Противник безуспішно атакував Оріхів.", "безуспішно атакував"),
        ("uk", "Місто Оріхів залишається українським.", "залишається українським"),
        ("uk", "Окупанти нібито взяли Оріхів.", "взяли"),
        ("ru", "«Торецк уже за нами», — сказал боец.", "за нами"),
        ("ru", "Город Торецк в руках противника.", "в руках"),
    ],
)
def test_more_control_phrasings(pipeline: Pipeline, language: str, text: str, anchor: str) -> None:
    assert any(anchor in claim for claim, _, _ in claims_of(pipeline, text, language))


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("uk", "У Куп'янську не залишилося жодного банку."),  # what remains, not what was left
        ("ru", "Жители оккупированного Херсона жалуются на цены."),  # an attribute
        ("uk", "Мешканці окупованої Каховки скаржаться на воду."),
        ("ru", "Бои шли в Торецке. «Мы зашли в подвал и ждали», — сказал боец."),  # into no named place
        ("uk", "Ворог намагався вклинитися в оборону біля Оріхова."),  # a bare attempt
    ],
)
def test_not_control(pipeline: Pipeline, language: str, text: str) -> None:
    assert claims_of(pipeline, text, language) == []


def test_an_absence_beside_own_control_backs_it(pipeline: Pipeline) -> None:
    text = "Весь Торецк под нашим контролем, ни одного солдата противника там нет."
    assert [stance for _, stance, _ in claims_of(pipeline, text, "ru")] == ["asserted"]
    assert stance("Ни одного российского солдата в Торецке нет.") == "denied"


def test_a_denial_then_a_colon_then_what_the_denier_asserts(pipeline: Pipeline) -> None:
    text = "В штабе назвали захват Торецка выдумкой: по данным штаба, бригада удерживает позиции в городе."
    stances = [stance for _, stance, _ in claims_of(pipeline, text, "ru")]
    assert stances == ["denied", "asserted"]


def test_a_denial_after_a_denial_is_no_new_claim(pipeline: Pipeline) -> None:
    text = "Генштаб ЗСУ спростував заяви про захоплення Оріхова. „Це неправда“, — сказав речник."
    assert [stance for _, stance, _ in claims_of(pipeline, text, "uk")] == ["denied"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Говорить о взятии города преждевременно.", "denied"),
        ("Говорити про оточення міста зарано.", "denied"),
        ("Это ложные сообщения о прорыве.", "denied"),
        ("Ворог безуспішно штурмував село.", "asserted"),  # an assault that failed: the line held
        ("По непроверенной информации, войска вошли в город.", "hedged"),
        ("Не исключено, что бригада отошла.", "hedged"),
    ],
)
def test_more_hedges_and_denials(text: str, expected: str) -> None:
    assert stance(text) == expected


def test_the_claimant_of_a_role_noun_is_the_body_named_before(pipeline: Pipeline) -> None:
    text = (
        "Министерство обороны России сообщило о взятии Торецка. В ведомстве уточнили, что подразделения "
        "заняли также высоты у Курахово."
    )
    assert [claimant for _, _, claimant in claimed(pipeline, text, "ru")] == [
        "Министерство обороны России",
        "Министерство обороны России",
    ]


def test_an_anonymous_claimant_is_named_by_its_description(pipeline: Pipeline) -> None:
    text = "Город Торецк полностью занят, сообщил ТАСС в среду источник в силовых структурах."
    assert [claimant for _, _, claimant in claimed(pipeline, text, "ru")] == ["источник в силовых структурах"]


def test_a_contracted_name_takes_the_full_name_a_word_of_it_stays(pipeline: Pipeline) -> None:
    text = (
        "Генеральный штаб ВСУ опубликовал утреннюю сводку. Все атаки у Торецка отбиты, отмечают в "
        "Генштабе. У Курахово подразделения отразили еще две атаки."
    )
    assert [claimant for _, _, claimant in claimed(pipeline, text, "ru")] == ["Генеральный штаб ВСУ"] * 2


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Окупанти запевняють, ніби зайшли до Курахового.", "hedged"),
        ("Слова о взятии Курахово далеки от реальности.", "denied"),
        ("Курахове залишається сірою зоною.", "denied"),
    ],
)
def test_a_seeming_report_unreal_claims_and_grey_zones(text: str, expected: str) -> None:
    assert stance(text) == expected


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("— Лиман целиком наш, — сказал командир роты.", "ru"),
        ("«Лиман ми тримаємо», – сказав офіцер.", "uk"),
        ("Наши бойцы держат поселок у Лимана.", "ru"),
        ("По его словам, части противника отходят из Лимана.", "ru"),
        ("Він додав, що ворог просувається до Лимана.", "uk"),
        ("Росіяни намагалися прорватися до Лимана, однак були зупинені.", "uk"),
    ],
)
def test_holding_owning_and_present_tense_moves_are_control(
    pipeline: Pipeline, text: str, language: str
) -> None:
    assert [s for _, s, _ in claimed(pipeline, text, language)] == ["asserted"]


def test_a_move_granted_before_but_is_asserted_though_a_grey_zone_follows(pipeline: Pipeline) -> None:
    text = "Волонтери вважають, що окупанти справді увійшли до Лиману, але Ямпіль залишається сірою зоною."
    assert [s for _, s, _ in claimed(pipeline, text, "uk")] == ["asserted"]


def test_a_denial_then_a_repelled_assault_after_and(pipeline: Pipeline) -> None:
    text = "Захват Лимана противник объявлял уже трижды, и это ложь, а вчера атака у Лимана тоже была отбита."
    assert [s for _, s, _ in claimed(pipeline, text, "ru")] == ["denied", "asserted"]


def test_no_bridgehead_is_a_denial(pipeline: Pipeline) -> None:
    text = "„Жодного плацдарму біля Лиману ворог не має“, – сказав речник."
    assert [s for _, s, _ in claimed(pipeline, text, "uk")] == ["denied"]


def test_neither_side_holding_a_place_is_no_assertion() -> None:
    assert stance("Ни одна из сторон не контролирует Лиман полностью.") == "denied"


def test_a_hedged_report_and_its_denial_are_two_claims(pipeline: Pipeline) -> None:
    text = (
        "Окупанти поширюють чутки про нібито оточення Сіверська, але це вигадка, заявив речник бригади "
        "Богдан Кравець."
    )
    assert [(stance, claimant) for _, stance, claimant in claimed(pipeline, text, "uk")] == [
        ("hedged", "Окупанти"),
        ("denied", "Богдан Кравець"),
    ]
    text = "Заявления военкоров о якобы взятии Ямполя далеки от реальности, сказал спикер бригады Олег Лис."
    assert [(stance, claimant) for _, stance, claimant in claimed(pipeline, text, "ru")] == [
        ("hedged", "военкоров"),
        ("denied", "Олег Лис"),
    ]


def test_an_unhedged_report_then_but_this_is_false_is_two_claims(pipeline: Pipeline) -> None:
    # Issue 12 convention: a report needs no hedge of its own to stay its reporter's claim.
    text = "Окупанти заявили про захоплення Сіверська, однак у бригаді це назвали неправдою."
    assert [stance for _, stance, _ in claimed(pipeline, text, "uk")] == ["asserted", "denied"]


def test_doubting_what_others_assert_denies_it_and_keeps_their_claim(pipeline: Pipeline) -> None:
    text = "Аналитик Олег Жданов усомнился в заявлениях российских блогеров, что штурмовики вошли в Ямполь."
    assert [(stance, claimant) for _, stance, claimant in claimed(pipeline, text, "ru")] == [
        ("denied", "Олег Жданов"),
        ("asserted", "российских блогеров"),
    ]


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("ru", "Военкор сказал, что это не так: Ямполь никто не сдавал.", "denied"),
        ("uk", "Аналітик засумнівався, що росіяни захопили Ямпіль.", "denied"),
        # the other side's failure beside a defence backs it
        ("uk", "Прорватися до Сіверська ворогу не вдалося, бійці тримають позиції.", "asserted"),
        ("ru", "Противник пытался захватить Ямполь, но не смог.", "denied"),
    ],
)
def test_doubts_and_failures_scoped_to_their_clause(
    pipeline: Pipeline, language: str, text: str, expected: str
) -> None:
    assert claimed(pipeline, text, language)[0][1] == expected


@pytest.mark.parametrize(
    ("language", "text", "anchor"),
    [
        ("ru", "Ямполь никто не сдавал, бои продолжаются.", "не сдавал"),
        ("uk", "Ворог тисне біля Сіверська, але наші бійці стримують його.", "стримують його"),
        ("ru", "Под Сиверском украинские части потеряли два опорных пункта.", "потеряли два опорных пункта"),
        ("uk", "Окупанти оголосили звільненим Ямпіль ще в травні.", "оголосили звільненим"),
    ],
)
def test_negated_loss_held_back_lost_positions_and_declared_captures(
    pipeline: Pipeline, language: str, text: str, anchor: str
) -> None:
    assert any(anchor in claim for claim, _, _ in claims_of(pipeline, text, language))


def test_a_report_nobody_made_claims_nothing(pipeline: Pipeline) -> None:
    assert claims_of(pipeline, "Генштаб о продвижении у Ямполя не сообщал.", "ru") == []
    text = "Блогеры пишут о продвижении у Ямполя, в штабе это не подтверждают."
    assert claims_of(pipeline, text, "ru") != []


def test_the_claimant_of_a_relayed_report_is_its_source(pipeline: Pipeline) -> None:
    text = "Штурмовики заняли Ямполь, сообщает ТАСС. Об этом агентству рассказал военкор Павел Рудой."
    assert claimed(pipeline, text, "ru")[0][2] == "Павел Рудой"


def test_an_impossible_hold_and_a_negated_denial_claim_nothing(pipeline: Pipeline) -> None:
    assert claims_of(pipeline, "Утримувати Ямпіль далі було неможливо, пояснив речник.", "uk") == []
    assert denial_in("Речниця цього не підтвердила, але й не спростувала.") is None


def test_a_part_that_names_its_own_speaker_is_their_claim(pipeline: Pipeline) -> None:
    text = "В бригаде это опровергли: как отметил ее пресс-офицер Роман Гуц, Ямполь удерживают десантники."
    assert claimed(pipeline, text, "ru")[-1][1:] == ("asserted", "Роман Гуц")


@pytest.mark.parametrize(
    ("language", "text", "anchor"),
    [
        ("ru", "К вечеру защитники Ямполя начали отходить на запад.", "начали отходить"),
        ("ru", "По словам блогера, Ямполь якобы был оставлен накануне.", "был оставлен"),
        ("ru", "Ямполь мы не отдадим, заявил комбат.", "не отдадим"),
        ("ru", "В штабе заявили, что контроль над Ямполем сохраняется.", "контроль над Ямполем сохраняется"),
        ("uk", "Ямпіль тримають десантники, повідомив речник.", "тримають"),
    ],
)
def test_retreats_begun_passive_losses_and_kept_control_are_claims(
    pipeline: Pipeline, language: str, text: str, anchor: str
) -> None:
    assert any(anchor in claim for claim, _, _ in claims_of(pipeline, text, language))


def test_calling_a_claim_an_overstatement_denies_it_a_sentence_later(pipeline: Pipeline) -> None:
    text = (
        "Военкоры сообщили о взятии Ямполя. Бои там продолжаются. "
        "Пресс-офицер бригады Олег Сомов назвал эти сообщения преувеличением."
    )
    assert claimed(pipeline, text, "ru")[-1][1:] == ("denied", "Олег Сомов")


def test_a_grey_zone_said_of_the_village_is_a_denial(pipeline: Pipeline) -> None:
    text = (
        "Росіяни заявили про захоплення Ямполя. "
        "Речник бригади Іван Гук сказав, що село лишається в сірій зоні."
    )
    assert claimed(pipeline, text, "uk")[-1][1:] == ("denied", "Іван Гук")


def test_broken_windows_are_no_ground_taken(pipeline: Pipeline) -> None:
    assert claims_of(pipeline, "В Ямполе выбиты окна в двух домах, сообщил глава района.", "ru") == []


@pytest.mark.parametrize(
    ("language", "text"),
    [
        (
            "ru",
            "Российские военкоры сообщили о захвате Ямполя, однако пресс-офицер бригады Олег Сомов назвал "
            "это ложью.",
        ),
        ("ru", "Штаб бригады опроверг сообщения российских военкоров о взятии Ямполя."),
        ("uk", "Речник бригади Іван Гук спростував заяви російських блогерів про захоплення Ямполя."),
    ],
)
def test_a_report_and_another_partys_denial_are_two_claims(
    pipeline: Pipeline, language: str, text: str
) -> None:
    # Issue 12 convention: the ledger keeps both the report, its owner's, and the denial, the denier's.
    stances = sorted(stance for _, stance, places in claims_of(pipeline, text, language) if places)
    assert stances == ["asserted", "denied"]


def test_the_report_is_its_reporters_and_the_denial_the_deniers(pipeline: Pipeline) -> None:
    text = "Росіяни вдруге за тиждень заявили про захоплення Ямполя, однак у бригаді це назвали вигадкою."
    assert [(stance, who) for _, stance, who in claimed(pipeline, text, "uk")] == [
        ("asserted", "Росіяни"),
        ("denied", "бригаді"),
    ]


def test_a_denial_of_an_ownerless_report_stays_one_claim(pipeline: Pipeline) -> None:
    text = "У бригаді назвали фейком повідомлення про захоплення Ямполя."
    assert [stance for _, stance, _ in claims_of(pipeline, text, "uk")] == ["denied"]


def test_not_confirming_a_report_is_no_denial(pipeline: Pipeline) -> None:
    text = "Російські канали повідомили про захоплення Ямполя, проте у бригаді ці дані не підтверджують."
    assert "denied" not in [stance for _, stance, _ in claims_of(pipeline, text, "uk")]


@pytest.mark.parametrize(
    "text",
    [
        "Командир роты назвал этот ролик постановкой.",
        "Речник бригади заявив, що ці повідомлення не мають нічого спільного з дійсністю.",
        "В штабе ответили, что эти сведения не имеют ничего общего с реальностью.",
    ],
)
def test_staged_footage_and_nothing_to_do_with_reality_are_denials(text: str) -> None:
    assert denial_in(text) is not None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ворог, найімовірніше, зайшов у село.", "hedged"),
        ("Противник, скорее всего, занял окраину.", "hedged"),
        ("Росіяни, вірогідно, просунулися біля села.", "hedged"),
    ],
)
def test_probability_adverbs_in_every_degree_hedge(text: str, expected: str) -> None:
    assert stance(text) == expected


def test_a_likely_retreat_then_ground_held_outright_keeps_two_stances(pipeline: Pipeline) -> None:
    text = (
        "Военный блогер Иван Сергеев написал, что ВСУ, возможно, отошли с южной окраины Ямполя, однако, "
        "по его словам, центр поселка пока держат."
    )
    assert [stance for _, stance, _ in claims_of(pipeline, text, "ru")] == ["hedged", "asserted"]


def test_a_burst_pipe_is_no_breakthrough(pipeline: Pipeline) -> None:
    text = "«В Ямполе вчера снова прорвало трубу на главной улице», — говорит местная жительница."
    assert claims_of(pipeline, text, "ru") == []


def test_own_units_standing_in_a_place_hold_it(pipeline: Pipeline) -> None:
    text = "В Ямполе стоят наши подразделения, противник туда не доходил, — сказал офицер."
    assert [stance for _, stance, _ in claims_of(pipeline, text, "ru")] == ["asserted"]


def test_a_denial_on_a_dash_line_answers_the_claim_before(pipeline: Pipeline) -> None:
    text = (
        "Російські канали пишуть, що війська РФ нібито увійшли в Ямпіль. — Це брехня, — сказав речник "
        "бригади."
    )
    assert [stance for _, stance, _ in claims_of(pipeline, text, "uk")] == ["hedged", "denied"]


def test_a_failed_counterattack_is_no_denial() -> None:
    assert denial_in("Противник трижды безуспешно контратаковал у поселка.") is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Противник, по всей видимости, вошел в село.", "hedged"),
        ("Ворог, судячи з усього, зайшов на околицю.", "hedged"),
        # a hedge in a clause of its own does not bear on the control stated beside it
        ("Село контролюють наші підрозділи, а ролик, ймовірно, зняли ще влітку.", "asserted"),
        ("ЗСУ, ймовірно, відійшли з околиці, а центр села тримають.", "hedged"),
    ],
)
def test_hedge_idioms_and_the_clause_a_hedge_bears_on(text: str, expected: str) -> None:
    assert stance(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Росіяни поширюють кадри, де військові нібито піднімають прапор над селом.",
        "Над школой вывешивают флаг.",
    ],
)
def test_a_flag_raised_in_the_present_tense(text: str) -> None:
    assert FLAG.search(text) is not None
