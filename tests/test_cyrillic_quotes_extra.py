"""Russian and Ukrainian quote attribution, the cases the first blind sets showed missing (issue 12).

Each case is a sentence written for this file in wire-copy style; none is quoted from a report or from
the gold sets. They run `find_cyrillic_quotes` alone: attribution needs no parse.
"""

from __future__ import annotations

import pytest

from claimledger.quotes.cyrillic import find_cyrillic_quotes
from claimledger.quotes.cyrillic_speakers import gender, speaker_kind
from claimledger.quotes.cyrillic_subjects import sentence_speaker


def attributed(text: str) -> list[tuple[str, str | None]]:
    """(content, speaker name, else the description of an unnamed source) for each quote."""
    return [
        (text[q.start : q.end], q.speaker.name or q.speaker.description)
        for q in find_cyrillic_quotes(text).quotes
    ]


def test_split_speech_inside_quotation_marks_gives_both_halves_the_speaker() -> None:
    text = (
        "«Мы выбили противника из лесополосы, — сказал командир взвода Павел Андреев. — Теперь держим "
        "высоту»."
    )
    quotes = find_cyrillic_quotes(text).quotes
    assert [text[q.start : q.end] for q in quotes] == [
        "Мы выбили противника из лесополосы",
        "Теперь держим высоту",
    ]
    assert [q.speaker.name for q in quotes] == ["Павел Андреев", "Павел Андреев"]
    assert quotes[1].continues == 0


def test_split_speech_in_ukrainian_quotes_with_a_call_sign() -> None:
    text = (
        "„Ми тримаємо оборону третій тиждень, — розповів Укрінформу командир роти з позивним «Грім». — "
        "Жодного метра не віддали“."
    )
    assert attributed(text) == [
        ("Ми тримаємо оборону третій тиждень", "командир роти з позивним Грім"),
        ("Жодного метра не віддали", "командир роти з позивним Грім"),
    ]
    assert find_cyrillic_quotes(text).quotes[0].via == ("Укрінформу",)


def test_a_second_dash_quote_with_its_own_attribution_is_not_swallowed_by_the_first() -> None:
    text = (
        "— Мост через реку разрушен, — рассказал «Интерфаксу» сапер с позывным «Лис». — Переправу "
        "наводим ночью, — добавил он. По словам сапера, работы закончат к утру."
    )
    assert attributed(text) == [
        ("Мост через реку разрушен", "сапер с позывным Лис"),
        ("Переправу наводим ночью", "сапер с позывным Лис"),
        ("работы закончат к утру", "сапер с позывным Лис"),
    ]


def test_attribution_between_commas_splits_the_sentence() -> None:
    text = "Возле Часова Яра, уточнил представитель группировки Иван Лисицын, идут встречные бои."
    assert attributed(text) == [
        ("Возле Часова Яра", "Иван Лисицын"),
        ("идут встречные бои", "Иван Лисицын"),
    ]


def test_she_takes_the_last_woman_and_he_the_last_man() -> None:
    text = (
        "— Школу закрыли еще весной, — рассказала директор лицея Анна Белова. Ее коллега Петр Жуков "
        "сообщил, что учителя уехали. Она добавила, что в поселке остались пенсионеры. Он уточнил, что "
        "автобусы ходят раз в неделю."
    )
    assert attributed(text)[1:] == [
        ("учителя уехали", "Петр Жуков"),
        ("в поселке остались пенсионеры", "Анна Белова"),
        ("автобусы ходят раз в неделю", "Петр Жуков"),
    ]


@pytest.mark.parametrize(
    ("name", "cue", "expected"),
    [
        ("Ольга Стефанишина", "повідомила", "f"),
        ("Микола Олещук", "заявив", "m"),
        ("Микола Олещук", None, None),  # "Микола" ends in -а but is a man's name
        ("Марина Кравець", "каже", "f"),  # a present-tense verb: the name tells
        ("Владислава Назаренко", None, None),  # "по словам Владислава …": a genitive, not a woman
        ("в Генштабе", "сообщили", "p"),
        ("мешканка села", None, "f"),
    ],
)
def test_speaker_gender_from_the_verb_then_the_noun_or_name(
    name: str, cue: str | None, expected: str | None
) -> None:
    assert gender(name, cue) == expected


def test_a_possessive_before_the_speaker_is_not_a_pronoun_speaker() -> None:
    text = "Його заступник Тарас Гуменюк повідомив, що міст відновлять за тиждень."
    assert attributed(text) == [("міст відновлять за тиждень", "Тарас Гуменюк")]


def test_an_anonymous_source_is_who_his_words_refer_to() -> None:
    text = (
        "Штурмовые группы зашли в промзону, сообщил агентству собеседник в военных кругах. По его словам, "
        "бои идут за каждый цех."
    )
    quotes = find_cyrillic_quotes(text).quotes
    assert [q.speaker.kind for q in quotes] == ["anonymous", "anonymous"]
    assert [q.speaker.description for q in quotes] == ["собеседник в военных кругах"] * 2
    text = (
        "Водій, який попросив не називати його прізвища, розповів, що дорогу обстрілюють. Чоловік додав, "
        "що об'їзду немає."
    )
    assert [speaker for _, speaker in attributed(text)] == ["Водій"] * 2


def test_a_participle_or_aside_between_the_speaker_and_the_cue_is_skipped() -> None:
    text = "Офицер штаба, попросивший не называть его имени, сказал, что резервы на исходе."
    assert attributed(text) == [("резервы на исходе", "Офицер штаба")]
    text = "Власти Каховки, в свою очередь, обвинили украинских военных в обстреле больницы."
    assert attributed(text) == [("украинских военных в обстреле больницы", "Власти Каховки")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # the ministry named in full, then "в министерстве"
            "Министерство обороны России сообщило о перехвате 12 дронов. Еще два, отметили в министерстве, "
            "упали в поле.",
            "Министерство обороны России",
        ),
        (  # the initials of the administration named before
            "Про обстріл повідомила Запорізька обласна військова адміністрація. «Поранено трьох людей», — "
            "уточнили в ОВА.",
            "Запорізька обласна військова адміністрація",
        ),
        (  # a contraction of the staff named before
            "По данным Генерального штаба ВСУ, на Лиманском направлении было 9 атак. Все они отбиты, "
            "отмечают в Генштабе.",
            "Генерального штаба ВСУ",
        ),
        (  # the head noun of the unit named before, after a date
            "У 5-й штурмовій бригаді заявили про нові позиції. Минулого тижня бригада повідомляла про "
            "звільнення висоти.",
            "5-й штурмовій бригаді",
        ),
        (  # the body behind a bulletin
            "Про це повідомив Генеральний штаб ЗСУ. Ворог втратив 11 танків, йдеться у вечірньому "
            "зведенні штабу.",
            "Генеральний штаб ЗСУ",
        ),
    ],
)
def test_an_institution_named_again_in_short_is_the_same_speaker(text: str, expected: str) -> None:
    assert attributed(text)[-1][1] == expected


def test_reported_speech_with_a_qualified_source_and_a_quoted_recipient() -> None:
    text = "По предварительным данным местных властей, в Шебекино повреждены три дома."
    assert attributed(text) == [("в Шебекино повреждены три дома", "местных властей")]
    text = "Речниця бригади повідомила «Радіо Свобода», що ворог відступив."
    assert attributed(text) == [("ворог відступив", "Речниця бригади")]
    text = "Жители Белгорода пишут в соцсетях, что «в городе слышны взрывы»."
    assert attributed(text) == [("в городе слышны взрывы", "Жители Белгорода")]


def test_an_unattributed_hedge_makes_no_speaker() -> None:
    text = "По неподтвержденным данным, в поселке работает ПВО."
    assert all(q.speaker.name is None for q in find_cyrillic_quotes(text).quotes)


def test_heads_of_units_and_officials_are_people() -> None:
    assert speaker_kind("начальник штабу батальйону з позивним «Сокіл»") == "person"
    assert speaker_kind("чиновник городской администрации") == "person"
    assert speaker_kind("5-й корпус") == "organization"


def test_a_dash_line_after_an_announcing_colon_has_the_announced_speaker() -> None:
    text = (
        "Сапер батальона рассказал нашему корреспонденту:\n— Мины ставят каждую ночь. Дорогу проверяем утром."
    )
    assert attributed(text) == [("Мины ставят каждую ночь. Дорогу проверяем утром", "Сапер батальона")]


def test_a_second_quoted_half_after_the_attribution_continues_the_first() -> None:
    text = "«Связь восстановили», — говорит Игорь. — «Но света пока нет»."
    quotes = find_cyrillic_quotes(text).quotes
    assert [(text[q.start : q.end], q.speaker.name, q.continues) for q in quotes] == [
        ("Связь восстановили", "Игорь", None),
        ("Но света пока нет", "Игорь", 0),
    ]


def test_a_local_resident_is_an_anonymous_source() -> None:
    assert speaker_kind("Місцева мешканка") == "anonymous"
    assert speaker_kind("местный житель") == "anonymous"


def test_according_to_and_a_sentence_opening_with_its_cue() -> None:
    text = "Согласно данным ISW, бои идут на окраинах поселка."
    assert attributed(text) == [("бои идут на окраинах поселка", "ISW")]
    assert speaker_kind("ISW") == speaker_kind("DeepState") == "organization"
    text = "Згідно з даними обласної адміністрації, світло повернули в 40 будинків."
    assert attributed(text) == [("світло повернули в 40 будинків", "обласної адміністрації")]
    text = "Заявил Пушилин, что ремонт моста завершен."
    assert attributed(text) == [("ремонт моста завершен", "Пушилин")]


def test_an_attribution_with_an_aside_still_leads_to_the_second_half() -> None:
    text = (
        "— Связи нет третий день, — признался в разговоре с «Эхом» связист, попросивший не называть его "
        "имени. — Чиним ночью."
    )
    quotes = find_cyrillic_quotes(text).quotes
    assert [(text[q.start : q.end], q.speaker.name, q.via, q.continues) for q in quotes] == [
        ("Связи нет третий день", "связист", ("Эхом",), None),
        ("Чиним ночью", "связист", ("Эхом",), 0),
    ]


def test_a_person_named_without_a_reporting_verb_is_who_he_refers_to() -> None:
    text = "Министр Андрей Кравцов отказался от комментариев. «Все вопросы к штабу», — добавил он."
    assert attributed(text) == [("Все вопросы к штабу", "Андрей Кравцов")]


def test_the_platform_is_not_the_speaker() -> None:
    text = "Як повідомила у Facebook пресслужба поліції, вибухом пошкоджено магазин."
    assert attributed(text) == [("вибухом пошкоджено магазин", "пресслужба поліції")]


def test_he_after_a_man_named_with_a_verb_that_is_no_cue() -> None:
    text = (
        "Мер Сум Олексій Гриценко закликав людей не виходити надвір. Речниця ОВА Ірина Коваль повідомила, "
        "що дрон влучив у гараж. Він додав, що світло вже є."
    )
    assert attributed(text)[-1] == ("світло вже є", "Олексій Гриценко")


def test_more_reporting_verbs() -> None:
    text = "«Никакой паники нет», — парировал представитель мэрии."
    assert attributed(text) == [("Никакой паники нет", "представитель мэрии")]


def test_a_whole_clause_before_the_cue_is_not_split_by_an_apposition() -> None:
    text = "Переговоры о мосте возобновят после праздников, говорит собеседник, близкий к мэрии."
    assert [content for content, _ in attributed(text)] == ["Переговоры о мосте возобновят после праздников"]


# --- the third blind set's error classes (each sentence written for this file) -------------------


def test_more_lead_in_nouns() -> None:
    text = "По утверждению министерства, части противника откатились к реке."
    assert attributed(text) == [("части противника откатились к реке", "министерства")]
    text = "За твердженням прикордонників, ворожа група повернулася назад."
    assert attributed(text) == [("ворожа група повернулася назад", "прикордонників")]


def test_an_agency_and_a_day_between_the_cue_and_an_anonymous_source() -> None:
    text = "Город полностью блокирован, сообщил «Интерфаксу» во вторник источник в оборонном ведомстве."
    assert attributed(text) == [("Город полностью блокирован", "источник в оборонном ведомстве")]


def test_a_gerund_cue_takes_the_subject_of_the_verb_before_it() -> None:
    text = "В штабе корпуса назвали эти сведения выдумкой, заявив о «затяжных боях у переправы»."
    assert attributed(text) == [("затяжных боях у переправы", "штабе корпуса")]
    text = "У бригаді це заперечили, наголосивши, що позиції утримано."
    assert attributed(text) == [("позиції утримано", "бригаді")]


def test_the_subject_before_an_aside_and_an_adverbial() -> None:
    text = (
        "Собеседник, знакомый с планами штаба, на условиях анонимности рассказал изданию, что отход "
        "готовили неделю."
    )
    assert attributed(text) == [("отход готовили неделю", "Собеседник")]
    text = "Рыбаки Каменки, прибрежного села под Херсоном, рассказали агентству, что лодки конфисковали."
    assert attributed(text) == [("лодки конфисковали", "Рыбаки Каменки")]
    text = "Марина, жительница пригорода, рассказала, что автобусы не ходят."
    assert attributed(text) == [("автобусы не ходят", "Марина")]


def test_no_aside_means_the_speaker_follows_the_cue() -> None:
    text = "Украинские части оставили мост у Николаевки, сообщил штаб группировки."
    assert attributed(text) == [("Украинские части оставили мост у Николаевки", "штаб группировки")]


def test_a_document_cue_refers_to_the_body_named_before() -> None:
    text = (
        "Про це повідомило Командування Повітряних сил. Усі ракети збито над областю, йдеться у "
        "вечірньому зведенні."
    )
    assert attributed(text)[-1] == ("Усі ракети збито над областю", "Командування Повітряних сил")


def test_an_adverb_before_a_surname_is_not_the_name() -> None:
    text = "Затем Куликов уточнил, что пожар потушен."
    assert attributed(text) == [("пожар потушен", "Куликов")]


def test_an_age_is_not_part_of_the_speaker() -> None:
    text = "«Крыша держится на честном слове», — говорит 71-летняя Нина."
    assert attributed(text) == [("Крыша держится на честном слове", "Нина")]


def test_a_short_quote_after_a_colon_is_speech_not_a_name() -> None:
    text = "Речник відповів коротко: „Це відверта маячня“."
    assert attributed(text) == [("Це відверта маячня", "Речник")]


def test_will_have_it_that_introduces_what_is_reported() -> None:
    text = "Провоенные блогеры между тем пишут, будто десант высадился у моста."
    assert attributed(text) == [("десант высадился у моста", "Провоенные блогеры")]


def test_there_refers_to_the_forces_named_in_short() -> None:
    text = "Тим часом у Силах оборони спростували чутки про відхід. „Позиції утримуємо“, — наголосили там."
    assert attributed(text) == [("Позиції утримуємо", "Силах оборони")]


def test_a_phrase_in_quotation_marks_inside_reported_speech_has_its_speaker() -> None:
    text = "Пропагандисти, за даними Центру стратегічних комунікацій, поширюють чутки про «здачу Ізюму»."
    assert attributed(text) == [("здачу Ізюму", "Центру стратегічних комунікацій")]


def test_analysts_record_an_advance() -> None:
    text = "Аналитики проекта OSINT-карта в среду зафиксировали продвижение войск у Бахмутовки."
    assert attributed(text) == [("продвижение войск у Бахмутовки", "Аналитики проекта OSINT-карта")]


def test_a_call_sign_in_quotation_marks_is_part_of_the_speaker_not_a_quote() -> None:
    text = (
        "Командир роти штурмової бригади з позивним «Сокіл» спростував ці чутки. "
        "— Село тримаємо, — сказав він."
    )
    assert attributed(text) == [("Село тримаємо", "Командир роти штурмової бригади з позивним Сокіл")]


def test_a_pronoun_skips_a_plural_group_for_the_woman_who_closed_the_sentence() -> None:
    text = (
        "Пропагандисти стверджують, що взяли висоту, проте це вигадка, заявила речниця бригади Олена Ткач. "
        "„Висота наша“, – додала вона."
    )
    assert attributed(text)[-1] == ("Висота наша", "Олена Ткач")


def test_the_outlet_told_about_something_is_not_the_speaker() -> None:
    text = (
        "Учительница Анна Гребенюк, которая осталась в городе, рассказала «Первому каналу» о перебоях "
        "со светом. — Воду носим из колодца, — говорит она."
    )
    assert attributed(text)[-1] == ("Воду носим из колодца", "Анна Гребенюк")


def test_writers_and_complainers_are_speakers() -> None:
    text = "Родственники пленных пожаловались журналистам, что обмен снова откладывают."
    assert attributed(text) == [("обмен снова откладывают", "Родственники пленных")]
    text = "Волонтери напередодні писали, що міст через річку зруйновано."
    assert attributed(text) == [("міст через річку зруйновано", "Волонтери")]


def test_a_country_after_the_subject_is_not_the_institution_that_speaks() -> None:
    text = "Военные корреспонденты в России пишут о прорыве обороны у станции."
    assert attributed(text)[0][1] == "Военные корреспонденты в России"


def test_what_a_summary_notes_is_said_by_the_body_that_issued_it() -> None:
    text = (
        "Ворог тричі атакував біля Степногірська, повідомляє Генштаб ЗСУ. "
        "Також у зведенні зазначено, що уночі збито дев'ять дронів."
    )
    assert attributed(text)[-1] == ("уночі збито дев'ять дронів", "Генштаб ЗСУ")


def test_more_reporting_verbs_underlined_remarked_believe() -> None:
    text = "Речниця Олена Ткач повідомила про обстріл. „Цивільних серед поранених немає“, – підкреслила вона."
    assert attributed(text)[-1] == ("Цивільних серед поранених немає", "Олена Ткач")
    text = "Эксперты считают, что наступление выдохлось."
    assert attributed(text) == [("наступление выдохлось", "Эксперты")]


def test_a_generic_noun_for_a_body_refers_back_to_the_last_body_of_its_kind() -> None:
    text = (
        "Про обстріл Балаклії повідомили в Харківській ОВА. За даними адміністрації, поранено двох людей. "
        "Як уточнили військові, удар завдали з Бєлгородщини."
    )
    # "військові" after a civil body: no military body to refer to, so the noun stands as it is
    assert [speaker for _, speaker in attributed(text)] == ["Харківській ОВА", "Харківській ОВА", "військові"]
    text = "Атаку у Часова Яра отбили, сообщили в Генштабе ВСУ. По данным администрации, жертв нет."
    assert attributed(text)[-1] == ("жертв нет", "администрации")  # no civil body named before


def test_a_nationality_makes_a_generic_noun_a_new_side() -> None:
    text = "Об обстреле сообщили в Генштабе ВСУ. Российские военные, по их словам, ударов не наносили."
    assert attributed(text)[0][1] == "Генштабе ВСУ"
    assert "Генштабе ВСУ" not in [speaker for _, speaker in attributed(text)[1:]]


def test_dash_speech_attributed_by_any_past_tense_verb() -> None:
    text = (
        "— Света нет уже третью неделю, — вздохнула жительница Лимана Ирина Котова. — Воду возим сами. "
        "Она добавила, что магазин закрылся в августе."
    )
    assert attributed(text) == [
        ("Света нет уже третью неделю", "Ирина Котова"),
        ("Воду возим сами", "Ирина Котова"),
        ("магазин закрылся в августе", "Ирина Котова"),
    ]


def test_as_subject_said_puts_the_subject_before_the_cue() -> None:
    text = (
        "Командир роти Олег Бондар спростував ці чутки: як він зазначив, рота тримає висоту біля Кліщіївки."
    )
    assert attributed(text)[-1] == ("рота тримає висоту біля Кліщіївки", "Олег Бондар")
    text = "Как Минобороны уточнило, в районе Угледара сбиты три дрона."
    assert attributed(text) == [("в районе Угледара сбиты три дрона", "Минобороны")]


def test_a_name_after_a_date_and_a_conjunction_before_an_apposition_is_the_subject() -> None:
    text = "Але в суботу Ганна Коваль, речниця бригади, спростувала це. Вона додала, що рота на місці."
    assert attributed(text)[-1] == ("рота на місці", "Ганна Коваль")


def test_a_reported_clause_runs_up_to_the_direct_speech_it_introduces() -> None:
    text = (
        "Фельдшер Ігор Савчук розповів, що вночі їхню машину обстріляли біля Сіверська: „Ми ледве вибралися“."
    )
    assert attributed(text) == [
        ("вночі їхню машину обстріляли біля Сіверська", "Ігор Савчук"),
        ("Ми ледве вибралися", "Ігор Савчук"),
    ]


def test_a_quoted_name_governed_by_a_preposition_is_no_speech() -> None:
    text = "Противник ударил по Изюму из «Смерчей», сообщили в городской администрации."
    quotes = attributed(text)
    assert len(quotes) == 1
    assert quotes[0] == (
        "Противник ударил по Изюму из «Смерчей»",
        "городской администрации",
    )


def test_a_source_given_after_an_outlet_speaks_and_the_outlet_relays() -> None:
    text = (
        "Бригада заняла высоту у Кременной, сообщает РИА Новости. "
        "Об этом агентству рассказал военкор Павел Рудой."
    )
    quotes = find_cyrillic_quotes(text).quotes
    assert len(quotes) == 1
    assert quotes[0].speaker.name == "Павел Рудой"
    assert quotes[0].via == ("РИА Новости",)


def test_a_speaker_citing_own_sources_speaks_for_them() -> None:
    text = "Армия РФ вышла к Двуречной, написал блогер Олег Зорин со ссылкой на собственные источники."
    assert attributed(text) == [("Армия РФ вышла к Двуречной", "Олег Зорин")]


def test_unverified_reports_with_no_owner_stand_as_the_source() -> None:
    text = "За неофіційною інформацією, ворог зайшов на околицю Ямполя."
    assert attributed(text) == [("ворог зайшов на околицю Ямполя", "неофіційною інформацією")]
    text = "По неподтвержденным данным военкоров, армия РФ вошла в Ямполь."
    assert attributed(text) == [("армия РФ вошла в Ямполь", "военкоров")]


def test_a_fronted_topic_is_not_the_subject() -> None:
    text = "О взятии Ямполя под Лиманом российское Минобороны объявило в четверг."
    assert sentence_speaker(text, 0, len(text)) == "российское Минобороны"


def test_a_possessive_before_a_title_leaves_the_named_person_the_speaker() -> None:
    text = "Бригада опровергла это: как отметил ее пресс-офицер Роман Гуц, высоту удерживают десантники."
    assert attributed(text)[-1] == ("высоту удерживают десантники", "Роман Гуц")
    text = "Бригада опровергла это. «Высоту держим», — цитируют его российские агентства."
    assert attributed(text)[-1][1] != "российские агентства"


def test_a_second_verb_after_but_shares_the_subject_of_the_first() -> None:
    text = "У штабі цього не коментують, але визнають, що частину позицій довелося залишити."
    assert attributed(text) == [("частину позицій довелося залишити", "штабі")]


def test_a_fronted_topic_of_a_report_is_what_was_reported() -> None:
    text = "Про звільнення Ямполя міністерство оборони Росії повідомило в четвер."
    assert attributed(text) == [("звільнення Ямполя", "міністерство оборони Росії")]


def test_an_office_refers_back_only_to_a_person_named_with_that_office() -> None:
    text = (
        "Глава района Олег Тарасов заявил, что обстрел продолжался час. "
        "Губернатор области ранее сообщал о попытке прорыва, которая, по его словам, отражена."
    )
    assert attributed(text)[-1][1] == "Губернатор области"
    text = "Губернатор Олег Тарасов заявил, что обстрел продолжался час. По словам главы региона, жертв нет."
    assert attributed(text)[-1] == ("жертв нет", "Олег Тарасов")


def test_a_source_in_one_of_several_units_keeps_the_units() -> None:
    text = "Источник «Новой газеты» в одной из штурмовых бригад сообщил, что позиции удерживаются."
    assert attributed(text)[-1][1] == "Источник Новой газеты в одной из штурмовых бригад"


def test_a_call_sign_in_an_aside_goes_with_the_speaker() -> None:
    text = "Командир батареи, известный под позывным «Гроза», рассказал, что снарядов хватает."
    assert "Гроза" in (attributed(text)[-1][1] or "")


def test_an_unverified_hedge_names_no_speaker_when_a_source_closes_the_sentence() -> None:
    text = "Бригада, по неподтвержденным данным, отошла от реки, сообщил «Вёрстке» собеседник в штабе."
    assert attributed(text)[-1][1] == "собеседник в штабе"


def test_a_toll_after_a_reported_strike_goes_on_with_its_reporter() -> None:
    text = "Вночі ворог атакував дронами Ямпіль, повідомив голова громади Петро Гнатюк. Поранено двох людей."
    assert attributed(text)[-1] == ("Поранено двох людей", "Петро Гнатюк")


def test_a_person_named_in_a_contrasting_clause_is_the_next_he() -> None:
    text = (
        "Военкоры сообщили о штурме, однако эксперт Илья Лобов назвал это слухами. "
        "«Съемка старая», — сказал он."
    )
    assert attributed(text)[-1] == ("Съемка старая", "Илья Лобов")


def test_one_officer_is_not_the_group_that_spoke_before() -> None:
    text = "Пабліки пишуть, що ворог наступає. „Це неправда“, — сказав офіцер бригади."
    assert attributed(text)[-1][1] != "Пабліки"


def test_speech_after_a_colon_and_dash_on_the_same_line() -> None:
    text = "Глава района Семен Орлов попросил жителей уехать: — Здесь сейчас опасно."
    assert attributed(text)[-1] == ("Здесь сейчас опасно", "Семен Орлов")


def test_a_lone_surname_before_the_addressees_is_the_speaker() -> None:
    text = "„Виїжджайте“, — закликав Гнатюк мешканців громади."
    assert attributed(text)[-1][1] == "Гнатюк"


def test_a_second_reporting_verb_of_the_same_subject_keeps_the_speaker() -> None:
    text = "Мер Петро Гнатюк визнав, що „обстріл був сильним“, проте запевнив, що світло вже дали."
    assert attributed(text)[-1] == ("світло вже дали", "Петро Гнатюк")


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("«Колонна прошла мост утром», — пояснил Ковальчик журналистам.", "Ковальчик"),
        ("«Связь восстановили к полудню», — сказал Гаврилин РИА Новости.", "Гаврилин"),
        ("„Світло дали о восьмій“, — розповів Мельник журналістам.", "Мельник"),
    ],
)
def test_whom_a_surname_told_is_no_part_of_the_speaker(text: str, speaker: str) -> None:
    assert [who for _, who in attributed(text)] == [speaker]


def test_a_verb_of_naming_takes_no_speaker_after_it() -> None:
    text = (
        "Аналітик Петро Гордієнко, опитаний агентством, вважає цю заяву передчасною. „Кадри показують лише "
        "околицю“, — сказав він."
    )
    assert attributed(text)[-1] == ("Кадри показують лише околицю", "Петро Гордієнко")


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Местные жители говорят, что после обстрела в районе пропал газ.", "Местные жители"),
        ("Противник дважды атаковал позиции у поселка, информирует штаб бригады.", "штаб бригады"),
        ("Ворог двічі штурмував позиції біля села, інформує Генштаб ЗСУ.", "Генштаб ЗСУ"),
        ("Бригада заняла новый рубеж, следует из сводки Минобороны России.", "Минобороны России"),
    ],
)
def test_plural_present_and_informing_verbs_and_a_summary_cited(text: str, speaker: str) -> None:
    assert [who for _, who in attributed(text)] == [speaker]


def test_speech_a_colon_announces_takes_any_verb_as_its_cue() -> None:
    text = "Мэр города Олег Петренко обратился к жителям: «Не выходите на улицу во время тревоги»."
    assert attributed(text) == [("Не выходите на улицу во время тревоги", "Олег Петренко")]


def test_an_occupational_noun_refers_back_to_the_person_named() -> None:
    text = (
        "Военкор Семен Пегов написал, что бои идут на окраине. «Противник бросил технику», — утверждает "
        "блогер."
    )
    assert attributed(text)[-1] == ("Противник бросил технику", "Семен Пегов")


def test_a_generic_noun_for_police_and_a_district_administration_refer_back() -> None:
    text = (
        "Дрон атаковал машину скорой, сообщили в полиции Сумской области. Водитель ранен, добавили "
        "правоохранители. Обстріляли Бурин, повідомила Конотопська РВА. Пошкоджено школу, за даними "
        "адміністрації."
    )
    assert [who for _, who in attributed(text)] == [
        "полиции Сумской области",
        "полиции Сумской области",
        "Конотопська РВА",
        "Конотопська РВА",
    ]


def test_an_unverified_hedge_inside_a_report_leaves_it_to_the_reporter() -> None:
    text = "Блогер Иван Сергеев сообщил, что подразделения, по непроверенным данным, покинули поселок."
    assert [who for _, who in attributed(text)] == ["Иван Сергеев"]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Командир взводу Ігор Литвин в коментарі Суспільному зазначив, що бої тривають.", "Ігор Литвин"),
        ("Спикер бригады Олег Рудой в эфире телеканала сказал, что штурмы отбиты.", "Олег Рудой"),
    ],
)
def test_where_a_speaker_said_it_is_no_part_of_the_speaker(text: str, speaker: str) -> None:
    assert [who for _, who in attributed(text)] == [speaker]


def test_footage_cited_is_evidence_not_a_source() -> None:
    text = "Армия РФ вошла в поселок, пишет проект DeepState со ссылкой на геолокацию видео."
    assert [who for _, who in attributed(text)] == ["проект DeepState"]
