"""Which namesake an article means: one sense per name, former names, and nearness to its other places.

Namesakes are many at the front ("Романівка", "Водяне": dozens of villages, most with no population in
GeoNames). Mentions of one name read as one place (`one_sense`); a former name of a place the article
names by its own name is that place (`renamed`); a village's namesakes near the article's unambiguous
places are kept over those far away (`in_context`).
"""

from __future__ import annotations

import math
from dataclasses import replace
from typing import TYPE_CHECKING

from claimledger.gazetteer.detect import Mention
from claimledger.gazetteer.index import Candidate
from claimledger.gazetteer.names import fold

if TYPE_CHECKING:
    from claimledger.gazetteer.index import Gazetteer

AREAS = frozenset({"region", "country"})
# Namesakes of the front are many ("Романівка", "Калинівка": dozens of villages, most with no
# population in GeoNames), and the resolver's size prior favours whichever has a figure; a village
# named beside others lies near them. Within this distance of the article's unambiguous places.
NEAR_KM = 50.0
LARGE = 100_000
TOWN = 20_000
SIZED = 10_000
# The Russian oblasts on the border the war is fought across (Belgorod, Kursk, Bryansk): the VIINA
# front zone covers Ukraine only, so their villages score no `front`, yet news of the war names them
# as often as Ukrainian ones ("в Борисовке", "Яковлевского округа").
BORDER_ADMIN1 = frozenset({"RU.09", "RU.41", "RU.10"})


def at_war(c: Candidate) -> bool:
    """Whether the place lies where the war is fought: the front zone or a Russian border oblast."""
    return c.front > 0 or c.admin1_code in BORDER_ADMIN1


def one_sense(mentions: list[Mention]) -> list[Mention]:
    """All mentions of one name read as one place: where one mention's context narrowed its
    candidates (a region named after it, "Макіївку на Луганщині"), every mention takes that set
    (the fewest candidates)."""
    narrowest: dict[str, tuple[Candidate, ...]] = {}
    for m in mentions:
        key = fold(m.text)
        held = narrowest.get(key)
        if held is None or (m.candidates and len(m.candidates) < len(held)):
            narrowest[key] = m.candidates
    return [replace(m, candidates=narrowest[fold(m.text)]) for m in mentions]


def renamed(mentions: list[Mention], gazetteer: Gazetteer) -> list[Mention]:
    """A former name of a place the article names by its own name elsewhere ("утримують Хромове …
    називає село старою назвою Артемівське", "Бильмак … поселок Куйбышево"): that place, though the
    name matched it only as one GeoNames keeps besides (`_same_name` sets such matches aside where
    another place bears the name today)."""
    sole: dict[int, str] = {}
    for m in mentions:
        towns = [c for c in m.candidates if c.feature not in AREAS]
        if len(towns) == 1:
            sole.setdefault(towns[0].id, fold(m.text))
    if not sole:
        return mentions
    out = []
    for m in mentions:
        key = fold(m.text)
        if not m.candidates or any(sole.get(c.id, key) != key for c in m.candidates):
            out.append(m)
            continue
        renamed = tuple(
            replace(c, naming=m.candidates[0].naming)
            for c in gazetteer.lookup(m.text)
            if sole.get(c.id, key) != key
        )
        out.append(replace(m, candidates=renamed) if renamed else m)
    return out


def in_context(mentions: list[Mention]) -> list[Mention]:
    """A village's namesakes narrowed to those near the article's other places: the places of names
    with one reading are anchors, and the namesakes within `NEAR_KM` of an anchor are kept, the
    anchor named nearest in the text first ("на Северском направлении ... в районах Григоровки" is
    the Григорівка by Siversk, though Orikhiv is named later). A large town gives way only to a town
    of size. Twice: a village the first pass narrowed to one place anchors its neighbours in the
    second ("поблизу Удачного, Котлярівки та Новопавлівки": the Новопавлівка by Котлярівка, not the
    one by Pokrovsk the direction named)."""
    return _narrowed(mentions, _anchors(_narrowed(mentions, _anchors(mentions))))


def in_named_region(mentions: list[Mention]) -> list[Mention]:
    """A village's namesakes narrowed to those in an oblast the article names ("контратаки со
    стороны Новоукраинки" in a report about fighting "в ДНР" is a Новоукраинка of Donetsk Oblast,
    not the Kirovohrad town), where its places left more than one: the resolver's size prior would
    otherwise pick the largest anywhere."""
    named = {
        m.candidates[0].admin1_code
        for m in mentions
        if len(m.candidates) == 1 and m.candidates[0].feature == "region" and m.candidates[0].admin1_code
    }
    if not named:
        return mentions
    out = []
    for m in mentions:
        towns = [c for c in m.candidates if c.feature not in AREAS]
        inside = tuple(c for c in towns if c.admin1_code in named)
        out.append(replace(m, candidates=inside) if len(towns) > 1 and 0 < len(inside) < len(towns) else m)
    return out


def former_near(mentions: list[Mention], gazetteer: Gazetteer) -> list[Mention]:
    """A name that is also the former name of a town right by the article's other places: that town
    ("в Кирово к востоку от Торецка" is Pivnichne, 5 km off, not the Kirove 37 km away). The
    Soviet names the 2016 renaming removed are still written, above all in Russian, and GeoNames
    keeps many as other names; the reading picks them only where the places named beside make them
    nearer than every place bearing the name today."""
    anchors = _anchors(mentions)
    if not anchors:
        return mentions
    out = []
    for m in mentions:
        towns = [c for c in m.candidates if c.feature not in AREAS and c.lat is not None]
        if not towns:
            out.append(m)
            continue
        key, held = fold(m.text), {c.id for c in m.candidates}
        points = [(lat, lon) for _, other, lat, lon in anchors if other != key]
        formers = [
            c
            for c in gazetteer.lookup(m.text)
            if c.id not in held
            and c.front
            and c.feature not in AREAS
            and c.population < LARGE
            and c.lat is not None
            and c.lon is not None
        ]
        if not points or not formers:
            out.append(m)
            continue
        best = min(formers, key=lambda c: _distance(c, points))
        closest = _distance(best, points)
        if closest <= NEAR_KM / 2 and all(_distance(c, points) > closest + _NEAR_SLACK_KM for c in towns):
            out.append(replace(m, candidates=(replace(best, naming=m.candidates[0].naming),)))
        else:
            out.append(m)
    return out


def _distance(c: Candidate, points: list[tuple[float, float]]) -> float:
    """The place's distance to the nearest of the points."""
    return min(km(c.lat or 0.0, c.lon or 0.0, lat, lon) for lat, lon in points)


_Anchor = tuple[int, str, float, float]  # a mention's start, its name key, its place's point


def _anchors(mentions: list[Mention]) -> list[_Anchor]:
    """The places of names with one reading (or one town of size among villages)."""
    anchors: list[_Anchor] = []
    for m in mentions:
        towns = [c for c in m.candidates if c.feature not in AREAS and c.lat is not None]
        sized = [c for c in towns if c.population >= TOWN]
        # a small town of the front among villages away from it ("Гуляйполя": the town of 13,000)
        front = [c for c in towns if c.population >= SIZED and c.front]
        # one reading, or one town of size among villages ("Костянтинівки": the city, as resolved)
        town = (
            towns[0]
            if len(towns) == 1
            else sized[0]
            if len(sized) == 1
            else front[0]
            if len(front) == 1 and not sized
            else None
        )
        if town is not None and town.lat is not None and town.lon is not None:
            anchors.append((m.start, fold(m.text), town.lat, town.lon))
    return anchors


def _narrowed(mentions: list[Mention], anchors: list[_Anchor]) -> list[Mention]:
    out = []
    for m in mentions:
        towns = [c for c in m.candidates if c.feature not in AREAS]
        if len(towns) < 2:
            out.append(m)
            continue
        # where a large town is among them, only a town of size replaces it ("Новомосковську" beside
        # Дніпро and Павлоград is Samar, not the city of Tula Oblast)
        floor = TOWN if any(c.population >= LARGE for c in towns) else 0
        key, narrowed = fold(m.text), m
        for _, other, lat, lon in sorted(anchors, key=lambda a: abs(a[0] - m.start)):
            near = tuple(
                c
                for c in towns
                if other != key
                and c.population >= floor
                and c.lat is not None
                and c.lon is not None
                and km(c.lat, c.lon, lat, lon) <= NEAR_KM
            )
            if near:
                near = _nearest(near, lat, lon)
                others = [a for a in anchors if a[1] != key]
                narrowed = replace(m, candidates=near + _sized_near(towns, near, others))
                break
        out.append(narrowed)
    return out


# Namesakes within this much of the nearest one's distance are as near: GeoNames points are rough.
_NEAR_SLACK_KM = 12.0


def _nearest(near: tuple[Candidate, ...], lat: float, lon: float) -> tuple[Candidate, ...]:
    """The namesakes about as near the anchor as the nearest ("біля Водяного, що поблизу Курахового"
    is the Водяне 18 km from Kurakhove, not the one 32 km off): the size and front priors of the
    resolver would otherwise pick among all within `NEAR_KM`."""
    distance = {c.id: km(c.lat or 0.0, c.lon or 0.0, lat, lon) for c in near}
    closest = min(distance.values())
    return tuple(c for c in near if distance[c.id] <= closest + _NEAR_SLACK_KM)


def _sized_near(
    towns: list[Candidate], near: tuple[Candidate, ...], anchors: list[_Anchor]
) -> tuple[Candidate, ...]:
    """Towns of some size within twice `NEAR_KM` of any anchor, kept beside the villages by the
    nearest one: news names a town of 12,000 (Антонівка by Kherson) more than a village of the
    same name a little closer to the place named just before."""
    held = {c.id for c in near}
    return tuple(
        c
        for c in towns
        if c.id not in held
        and c.population >= SIZED
        and c.lat is not None
        and c.lon is not None
        and any(km(c.lat, c.lon, lat, lon) <= 2 * NEAR_KM for _, _, lat, lon in anchors)
    )


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (the mean Earth radius)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = (
        math.sin((p2 - p1) / 2) ** 2
        + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    )
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(a)))
