"""The places stage on real news sentences: detection, resolution, naming, offsets, bad setups."""

from __future__ import annotations

import json

import pytest

from claimledger.document import Document, Metadata, Place
from claimledger.gazetteer.build import build
from claimledger.gazetteer.geojson import to_geojson
from claimledger.gazetteer.index import default_path
from claimledger.pipeline import Pipeline
from claimledger.report.json import to_report
from claimledger.settings import Settings
from claimledger.stages.language import LanguageStage
from claimledger.stages.nlp import NlpStage
from claimledger.stages.places import PlacesStage


@pytest.fixture(scope="session")
def places_settings(tmp_path_factory) -> Settings:
    """The real default gazetteer (`make test` builds it); built into a temporary dir where absent."""
    if default_path().is_file():
        return Settings()
    path = tmp_path_factory.mktemp("gazetteer") / "gazetteer.sqlite"
    build(path)
    return Settings(gazetteer_path=str(path))


@pytest.fixture(scope="session")
def places(places_settings):
    pipeline = Pipeline(
        [LanguageStage(places_settings), NlpStage(places_settings), PlacesStage(places_settings)]
    )

    def run(text: str) -> Document:
        doc = pipeline(Document(text, meta=Metadata(language="en")))
        assert doc.error is None
        return doc

    return run


def _found(doc: Document) -> dict[str, Place]:
    return {doc.surface(p): p for p in doc.get(Place)}


# (sentence, mention, GeoNames id or canonical name, naming)
CASES = [
    ("The capture of Krasnoarmysk was announced on Sunday.", "Krasnoarmysk", 704422, "soviet"),
    ("Troops entered Krasnoarmeysk from the south.", "Krasnoarmeysk", 704422, "soviet"),
    ("Fighting continued in Pokrovsk, Donetsk Oblast.", "Pokrovsk", 704422, "uk"),
    ("Residents of Покровськ were evacuated.", "Покровськ", 704422, "uk"),
    ("Russian forces entered Красноармейск.", "Красноармейск", 704422, "soviet"),
    ("Putin was told of the liberation of Volchansk.", "Volchansk", 689304, "ru"),
    ("Civilians left Vovchansk in Kharkiv Oblast.", "Vovchansk", 689304, "uk"),
    ("The army held Bakhmut for months.", "Bakhmut", 713174, "uk"),
    ("Moscow said its troops had taken Artemovsk.", "Artemovsk", 713174, "soviet"),
    ("Assault groups entered Dimitrov to the east.", "Dimitrov", 710035, "soviet"),
    ("Drones hit Kiev overnight.", "Kiev", 703448, "en"),
    ("Drones hit Kyiv overnight.", "Kyiv", 703448, "uk"),
    (
        "The Donetsk People's Republic held a vote.",
        "Donetsk People's Republic",
        "Donetsk Oblast",
        "ru-occupation",
    ),
    (
        "Officials in the Luhansk People's Republic said so.",
        "Luhansk People's Republic",
        "Luhansk Oblast",
        "ru-occupation",
    ),
    ("Shells fell in the Zaporozhye region on Monday.", "Zaporozhye region", "Zaporizhzhia Oblast", "ru"),
    ("Ukrainian units advanced in the Kursk region.", "Kursk region", "Kursk Oblast", "ru"),
    ("He spoke of the citizens of Donbass.", "Donbass", "Donbas", "ru"),
    ("Mines in Donbas were flooded.", "Donbas", "Donbas", "uk"),
    ("The front in eastern Ukraine barely moved.", "eastern Ukraine", "eastern Ukraine", None),
    ("Marines held a foothold at Krynky in the Kherson region.", "Krynky", 703861, "uk"),
    ("Ukrainian troops broke through near Robotyne.", "Robotyne", 695586, "uk"),
    ("Klishchiivka south of Bakhmut was retaken.", "Klishchiivka", 705666, "uk"),
    ("Heavy fighting near Pishchane, south-west of Pokrovsk, went on.", "Pishchane", 697528, "uk"),
    ("Shelling hit Kramatorsk and Slavyansk.", "Slavyansk", 693468, "ru"),
    ("Kostiantynivka is the next target after Chasiv Yar.", "Kostiantynivka", 705104, "uk"),
    ("The delegation flew from Ukraine to Russia.", "Russia", 2017370, None),
    ("Officials in Washington and Moscow disagreed.", "Moscow", 524901, "ru"),
    ("In Yakutia, the town of Pokrovsk lies on the Lena.", "Pokrovsk", 2017824, "ru"),
    ("The fire in Athens, Ga., spread overnight.", "Athens", 4180386, None),
    ("Alexandria, Va., reported heavy rain.", "Alexandria", 4744091, None),
]


@pytest.mark.parametrize(("text", "mention", "expected", "naming"), CASES)
def test_places_resolve_real_sentences(places, text, mention, expected, naming):
    place = _found(places(text))[mention]
    if isinstance(expected, int):
        assert place.geonames_id == expected
    else:
        assert place.name == expected
    assert place.naming == naming
    assert place.lat is not None
    assert 0 < place.confidence <= 1


def test_countries_resolve_to_countries_not_capitals(places):
    found = _found(places("Ukraine and Russia exchanged prisoners in Belarus."))
    assert {m: (p.feature, p.country) for m, p in found.items()} == {
        "Ukraine": ("country", "UA"),
        "Russia": ("country", "RU"),
        "Belarus": ("country", "BY"),
    }


def test_pokrovsk_is_never_engels(places):
    place = _found(places("Russian forces are closing in on Pokrovsk."))["Pokrovsk"]
    assert (place.geonames_id, place.admin1) == (704422, "Donetsk Oblast")


def test_compound_yields_both_parts(places):
    doc = places("It opens the way to the Sloviansk-Kramatorsk agglomeration.")
    assert [(doc.surface(p), p.geonames_id) for p in doc.get(Place)] == [
        ("Sloviansk", 693468),
        ("Kramatorsk", 704508),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Ukrainian and Russian officials met.",
        "Russian President Vladimir Putin spoke.",
        "Speaking to TASS, Stepanyan said so.",
        "As the conflict continues, the Maidan revolution is recalled.",
        "Military commentator Igor Vasiliev described the city.",
    ],
)
def test_no_place_in_demonyms_people_and_agencies(places, text):
    assert [places(text).surface(p) for p in places(text).get(Place)] == []


def test_possessive_stays_outside_the_span(places):
    doc = places("Krasnoarmysk could become a cornerstone of Donbass's future.")
    assert [doc.surface(p) for p in doc.get(Place)] == ["Krasnoarmysk", "Donbass"]


def test_river_named_like_a_city_is_not_the_city(places):
    assert "Dnipro" not in _found(places("Marines crossed the Dnipro at night."))


def test_seed_article_resolves_every_toponym(places, seed_path):
    doc = places(seed_path.read_text(encoding="utf-8"))
    found = [(doc.surface(p), p.name) for p in doc.get(Place)]
    assert set(found) == {
        ("Krasnoarmysk", "Pokrovsk"),
        ("Pokrovsk", "Pokrovsk"),
        ("Donetsk People's Republic", "Donetsk Oblast"),
        ("Sloviansk", "Sloviansk"),
        ("Kramatorsk", "Kramatorsk"),
        ("eastern Ukraine", "eastern Ukraine"),
        ("Volchansk", "Vovchansk"),
        ("Donbass", "Donbas"),
        ("Russia", "Russia"),
        ("Ukraine", "Ukraine"),
        ("Kyiv", "Kyiv"),
    }
    ids = {p.geonames_id for p in doc.get(Place) if doc.surface(p) in {"Krasnoarmysk", "Pokrovsk"}}
    assert ids == {704422}


def test_places_are_in_text_order_with_exact_offsets(places, seed_path):
    text = seed_path.read_text(encoding="utf-8")
    report = to_report(places(text))
    starts = [p["start"] for p in report["places"]]
    assert starts == sorted(starts)
    assert all(text[p["start"] : p["end"]] == p["mention"] for p in report["places"])


def test_report_notes_the_naming_choices(places):
    doc = places("Krasnoarmeysk, which Kyiv calls Pokrovsk, fell, Moscow said of Krasnoarmeysk.")
    assert "place naming: soviet 2, uk 2" in " ".join(doc.notes)


def test_unknown_place_is_kept_without_coordinates(places):
    doc = places("Refugees arrived in Zyxwvutsk Oblast-on-Nowhere, officials in Lviv said.")
    assert all(p.lat is None or p.geonames_id is not None or p.feature for p in doc.get(Place))


def test_missing_gazetteer_notes_the_fix_and_the_pipeline_goes_on(tmp_path):
    settings = Settings(gazetteer_path=str(tmp_path / "absent.sqlite"))
    pipeline = Pipeline([LanguageStage(settings), NlpStage(settings), PlacesStage(settings)])
    doc = pipeline(Document("Troops entered Pokrovsk.", meta=Metadata(language="en")))
    assert doc.error is None
    assert doc.get(Place) == []
    assert any("claimledger gazetteer build" in note for note in doc.notes)


def test_corrupt_gazetteer_does_not_crash(tmp_path):
    path = tmp_path / "corrupt.sqlite"
    path.write_bytes(b"\x00garbage" * 1000)
    settings = Settings(gazetteer_path=str(path))
    doc = Pipeline([LanguageStage(settings), NlpStage(settings), PlacesStage(settings)])(
        Document("Troops entered Pokrovsk.", meta=Metadata(language="en"))
    )
    assert doc.error is None
    assert any("claimledger gazetteer build" in note for note in doc.notes)


def test_geojson_counts_mentions_and_names(places):
    doc = places("Krasnoarmeysk, which Kyiv calls Pokrovsk, fell.")
    collection = to_geojson([doc])
    json.dumps(collection)  # serializable as is
    pokrovsk = next(f for f in collection["features"] if f["properties"]["geonames_id"] == 704422)
    assert pokrovsk["properties"]["mentions"] == 2
    assert pokrovsk["properties"]["names_used"] == {"Krasnoarmeysk": 1, "Pokrovsk": 1}
    assert pokrovsk["geometry"]["coordinates"][0] == pytest.approx(37.18, abs=0.01)


def test_auc_is_zero_for_perfect_and_one_for_antipodal_errors():
    from claimledger.eval.places import MAX_ERROR_KM, auc

    assert auc([0.0, 0.0, 0.0]) == 0.0
    assert auc([MAX_ERROR_KM, MAX_ERROR_KM]) == pytest.approx(1.0, rel=1e-4)


def test_places_in_the_report_validate_against_the_schema(places):
    import jsonschema

    from claimledger.report.json import report_schema

    doc = places(
        "Drones hit Kiev, Asia and Henderson County, Texas, and the Lena River, officials in Ukraine said."
    )
    report = to_report(doc)
    assert report["places"]
    jsonschema.validate(report, report_schema())


def test_county_resolves_to_a_us_county_in_the_articles_state(places):
    doc = places("Deputies in Hall County, Georgia, closed a road near Gainesville on Monday.")
    county = _found(doc)["Hall County"]
    assert (county.feature, county.country, county.admin1, county.geonames_id) == (
        "county",
        "US",
        "Georgia",
        None,
    )


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        ("The flight left from a New Jersey airport on Sunday.", "New Jersey"),
        ("A spill was reported by the Gainesville Public Utilities department.", "Gainesville"),
    ],
)
def test_a_place_naming_a_building_or_an_agency_is_still_a_place(places, text, mention):
    assert mention in _found(places(text))


@pytest.mark.parametrize(
    "text",
    [
        "Brett Hartmann filed a motion. Hartmann said he needed more time.",
        "Winning the Miss Teen title was Veronica Wende, 16.",
    ],
)
def test_surnames_and_titles_named_like_places_are_not_places(places, text):
    doc = places(text)
    assert [doc.surface(p) for p in doc.get(Place)] == []


@pytest.mark.parametrize(
    "text",
    [
        "WASHINGTON (Reuters) - Lawmakers voted on Tuesday to extend aid to Ukraine and Israel.",
        "Aid bill passes. WASHINGTON — Lawmakers voted on Tuesday to extend aid to Ukraine.",
    ],
)
def test_dateline_is_the_city_not_the_state(places, text):
    doc = places(text)
    washington = next(p for p in doc.get(Place) if doc.surface(p) == "WASHINGTON")
    assert (washington.feature, washington.admin1) == ("city", "District of Columbia")


def test_a_chinese_province_is_a_region(places):
    doc = places("Floods forced thousands from their homes in Sichuan province and in Hunan on Monday.")
    found = _found(doc)
    assert {(found[n].feature, found[n].country) for n in found if n.startswith(("Sichuan", "Hunan"))} == {
        ("region", "CN")
    }


def test_the_capital_of_a_country_the_article_names_is_the_capital(places):
    doc = places("Officials in Washington said the U.S. would send more air defence systems to Ukraine.")
    washington = _found(doc)["Washington"]
    assert (washington.feature, washington.admin1) == ("city", "District of Columbia")


def test_a_name_the_text_calls_a_state_is_the_region():
    from claimledger.gazetteer.detect import Mention
    from claimledger.gazetteer.resolve import regions_named

    text = "Fires in Washington state and in the state of Oregon spread; Idaho said so."
    mentions = [
        Mention(text.index(name), text.index(name) + len(name), name, "gazetteer", ())
        for name in ("Washington", "Oregon", "Idaho")
    ]
    assert regions_named(mentions, text) == {"washington", "oregon"}


def test_an_all_capitals_dateline_after_a_headline_is_a_place(places):
    doc = places("Budget vote delayed. TOPEKA — The state Senate put off a vote on the budget on Tuesday.")
    topeka = _found(doc)["TOPEKA"]
    assert (topeka.feature, topeka.admin1) == ("city", "Kansas")


def test_the_first_word_of_a_university_of_name_is_not_a_place(places):
    doc = places("She teaches chemistry at the University of Kentucky.")
    assert [doc.surface(p) for p in doc.get(Place)] == ["Kentucky"]


def test_a_river_the_gazetteer_lacks_lies_beside_the_town_named_with_it(places):
    doc = places("Boats were seen near Kherson on the Dnipro River at dawn.")
    found = _found(doc)
    river, kherson = found["Dnipro River"], found["Kherson"]
    assert (river.feature, river.geonames_id, river.country) == ("unlisted", None, "UA")
    assert (river.lat, river.lon) == (kherson.lat, kherson.lon)
    assert river.confidence is not None
    assert river.confidence <= 0.1


def test_a_river_in_a_list_of_places_gets_no_borrowed_point(places):
    doc = places("Drones hit Kiev, Asia and Henderson County, Texas, and the Lena River, officials said.")
    assert _found(doc)["Lena River"].lat is None


def test_a_city_named_after_its_country_does_not_pull_the_country_to_itself(places):
    doc = places("Health officials in Mexico City said the outbreak had spread across Mexico.")
    assert _found(doc)["Mexico"].feature == "country"


def test_an_abbreviation_before_a_capitalized_word_is_no_dateline(places):
    doc = places("Vote delayed. ST. PAUL — The state Senate put off a vote on Tuesday.")
    assert "PAUL" not in _found(doc)


def test_city_before_an_institution_is_the_institutions_word(places):
    doc = places(
        "The Springfield City Council met in Springfield, Missouri, on Monday to approve the budget."
    )
    names = [doc.surface(p) for p in doc.get(Place)]
    assert "Springfield City" not in names
    assert names.count("Springfield") == 2


def test_a_city_called_x_city_keeps_its_name(places):
    doc = places("The tour stops in Quebec City and Halifax before it heads west.")
    quebec = _found(doc)["Quebec City"]
    assert (quebec.feature, quebec.country) == ("city", "CA")


@pytest.mark.parametrize(
    "text",
    [
        "The Jordan City Council voted on Monday to repave two streets near the grain elevator.",
        "Deputies said a Jordan woman was hurt when her pickup slid off the county road.",
    ],
)
def test_a_name_with_a_towns_institutions_or_people_is_no_country(places, text):
    assert _found(places(text))["Jordan"].feature != "country"


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Growers in the Napa Valley expect a small harvest.", "Valley"),
        ("Ships waited in Delaware Bay.", "Bay"),
    ],
)
def test_a_feature_word_after_a_name_is_not_the_town_of_that_word(places, text, word):
    assert word not in _found(places(text))


def test_a_capitals_old_name_is_not_as_famous_as_the_city_that_bears_it(places):
    doc = places("The orchestra will play three concerts in Philadelphia next spring.")
    assert _found(doc)["Philadelphia"].country == "US"


def test_a_loose_spelling_match_outside_the_romanized_countries_is_no_place(places):
    doc = places("Barges moored on the River Lune near the old mill were moved upstream.")
    assert all(p.country != "DE" for p in doc.get(Place))


def test_a_lone_town_name_ner_calls_a_person_is_the_town(places):
    found = _found(places("Crews repaired a leak in the Gainesville sewer system on Monday."))
    assert found["Gainesville"].feature == "city"


def test_a_lone_person_before_said_stays_a_person(places):
    assert "Lindsay" not in _found(places("Lindsay said the plan for the new bridge was sound."))


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        ("A Columbia woman was charged with theft on Friday.", "Columbia"),
        ("Elkhart police closed the road after the crash.", "Elkhart"),
    ],
)
def test_a_name_followed_by_its_people_or_police_is_a_town(places, text, mention):
    assert _found(places(text))[mention].feature == "city"


def test_a_demonym_of_a_country_is_not_an_unplaced_toponym(places):
    doc = places("The Sri Lankan army advanced on the town before the rains.")
    assert all("Lankan" not in doc.surface(p) for p in doc.get(Place))


def test_names_listed_before_counties_are_counties(places):
    found = _found(places("Crews from Camden and Charlton counties in Georgia cleared the roads."))
    assert {(found[n].feature, found[n].admin1) for n in ("Camden", "Charlton")} == {("county", "Georgia")}


def test_a_river_far_from_any_town_in_the_text_lies_in_the_middle_of_a_local_storys_towns(places):
    doc = places(
        "Officials in Hickory and Morganton met on Monday to plan the summer. Later that week, "
        "volunteers cleared trash along the banks of the Catawba River."
    )
    river = _found(doc)["Catawba River"]
    assert (river.feature, river.admin1, river.geonames_id) == ("unlisted", "North Carolina", None)


@pytest.mark.parametrize(
    "text",
    [
        "Firefighters from Paris and Henry County fought the blaze.",
        "Deputies said the Paris woman was booked into the Henry County jail on Tuesday.",
    ],
)
def test_a_namesake_in_a_local_story_lies_in_the_region_that_fits_its_names(places, text):
    found = _found(places(text))
    assert {(found[n].country, found[n].admin1) for n in ("Paris", "Henry County")} == {("US", "Tennessee")}


def test_a_world_city_beside_its_country_stays_abroad_in_a_story_from_a_us_state(places):
    found = _found(places("Tourists from Kentucky visited Paris and Lyon, France, last week."))
    assert (found["Paris"].country, found["Lyon"].country) == ("FR", "FR")


def test_a_foreign_story_keeps_its_country_though_us_towns_share_its_names(places):
    found = _found(places("Police in Cairo and Alexandria guarded the churches of St. Peter and St. Paul."))
    assert (found["Cairo"].country, found["Alexandria"].country) == ("EG", "EG")


def _mentions(text: str, *names: str) -> list:
    from claimledger.gazetteer.detect import Mention

    out, cursor = [], 0
    for name in names:
        start = text.index(name, cursor)
        cursor = start + len(name)
        out.append(Mention(start, cursor, name, "gazetteer", ()))
    return out


def test_a_name_met_only_as_a_street_is_no_evidence_of_where_the_story_is():
    from claimledger.gazetteer.names import fold
    from claimledger.gazetteer.resolve import streets

    text = "He lives at 2517 Memphis St. in Alexandria. Augusta Road was shut; they drove to Augusta."
    mentions = _mentions(text, "Memphis", "Alexandria", "Augusta", "Augusta")
    groups: dict = {}
    for m in mentions:
        groups.setdefault(fold(m.text), []).append(m)
    assert streets(groups, text) == {"memphis"}  # Augusta is also a town here (one sense per discourse)
    after_a_sentence = "They drove to Plattsville. St. Mary's church was full."
    groups = {"plattsville": _mentions(after_a_sentence, "Plattsville")}
    assert streets(groups, after_a_sentence) == set()


def test_a_towns_police_council_or_residents_mark_a_local_town():
    from claimledger.gazetteer.resolve import local_towns

    text = "A Paris man spoke. The Dublin City Council met. Newark police came. London is far."
    mentions = _mentions(text, "Paris", "Dublin", "Newark", "London")
    assert local_towns(mentions, text) == {"paris", "dublin", "newark"}
