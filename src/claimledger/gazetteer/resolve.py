"""Choose one place per toponym: readable scores, article context, one sense per discourse.

Each candidate's score is a sum of named features a reviewer can check (see `Features`): how big the
place is, what kind of place, how well and how officially the name matched, whether it lies in the
countries and regions the article names (and whether it is the capital of a country named), how close
it lies to the article's other places, whether it lies in the article's home region (the state that
fits the article's names together: 'Paris' beside 'Henry County' is Paris, Tennessee), and a prior for
the front zone this tool is built for. The text itself can narrow a name's candidates: a dateline is a
town, "Washington state" a region, a name before "City Council" or "Mayor" a town, and "a Lebanon
woman" is no country; a town's police, council or residents make a story local, where a namesake's
fame counts for less; a name met only as a street ("Memphis St.") is no evidence of where the story
is. All mentions of one name share one reading. Confidence is the winner's share of a softmax over
its rivals' scores, lowered for a loose (folded) name match. A river or township the gazetteer lacks
gets the point of the town the text names beside it, with a low confidence.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from itertools import pairwise

from claimledger.gazetteer.detect import Mention
from claimledger.gazetteer.index import Candidate
from claimledger.gazetteer.names import fold

# Prior for the countries conflict news is about; small enough for context to override.
COUNTRY_PRIOR = {"UA": 0.3, "RU": 0.15}
Votes = dict[str, float]  # country or region code -> share of the article's names pointing there
_TEMPERATURE = 0.2
_HOME_NAMES = 2  # a home region must fit at least this many of the article's names (home_region)
_LOCAL_SIZE = 5 / 7  # a local town's size counts up to a town of 100,000 people (local_towns)
_NEAR_KM = 150.0
_AREAS = frozenset({"county", "region", "country"})
_DATELINE_MARKS = (",", "-", "—", "–", "(")
_DATELINE_WITHIN = 300  # characters: a headline may come first
_SENTENCE_ENDS = (".", "!", "?", '"', "”")
# lower-case "state"/"province" after a name, or "state of" before it, says the name is a region
_REGION_AFTER = ("state ", "state,", "state.", "state'", "province ", "province,", "province.")
_REGION_BEFORE = ("state of", "province of")
# A named feature the gazetteer lacks is placed beside a place named this close (see _beside).
_UNLISTED_WORDS = frozenset(
    {"river", "lake", "creek", "township", "park", "island", "islands", "sea", "bay", "mountains",
     "valley", "reservoir", "county", "city", "village"}
)  # fmt: skip
_BESIDE_CHARS = 40
_BESIDE_CONFIDENCE = 0.1
_LOCAL_KM = 200.0  # a story whose towns mostly lie this close to their middle is local (_local_middle)
# Keys (names.fold) of the words that turn a town's name into another name of the same town.
_SAME_PLACE_WORDS = frozenset(fold(word) for word in ("City", "Town", "Township", "Village"))
_CURATED = frozenset({"soviet", "en", "ru-occupation"})  # namings only resources/places-*.tsv assign
# A town's institutions and officers: a name right before one of these is a town (see municipal).
_TOWN_AFTER = (
    "City Council", "City Hall", "City Manager", "City Commission", "Mayor", "mayor", "Fire Department",
    "Fire Chief", "Town Council", "town council", "Board of Selectmen", "Selectman", "Selectmen",
    "aldermen", "Aldermen", "city council", "city officials", "High School", "Middle School",
    "middle school", "Public Library", "Public Schools", "city limits",
)  # fmt: skip
_NOT_TOWNS = frozenset({"country", "region"})
# "a Lebanon woman": people called after their town or state; a country's go by its demonym
_PEOPLE = frozenset(
    {"man", "woman", "men", "women", "boy", "girl", "teen", "teenager", "resident", "native", "couple",
     "family"}
)  # fmt: skip


# "2517 Memphis St.": the word after a name that makes it a street's (see streets)
_STREET_WORDS = frozenset(
    {"st.", "st", "street", "rd.", "road", "ave.", "ave", "avenue", "blvd.", "boulevard", "drive", "lane",
     "pike", "highway", "hwy."}
)  # fmt: skip
# "Paris police", "Paris firefighters": a town's own services and people (see local_towns)
_LOCAL_WORDS = frozenset({"police", "policemen", "firefighters", "residents", "resident"})


@dataclass(frozen=True, slots=True)
class Weights:
    """The weight of each feature in a candidate's score. Tuned on the first half of LGL and of
    TR-News (see docs/stages.md); each is a plain number a reviewer can change and re-score."""

    size: float = 2.0  # log10(population) / 7, capped at 1
    country: float = 0.25  # the place is a country
    region: float = 0.8  # a first-level region (state, oblast)
    county: float = 0.0
    capital: float = 0.3
    canonical: float = 0.2  # the name is the place's main name
    exact: float = 0.8  # the spelling matches without romanization folding
    naming: float = 0.3  # the spelling carries a naming tradition (uk, ru, ...)
    in_country: float = 1.0  # share of the article's other names in the candidate's country
    in_admin1: float = 0.6  # the article's other names point to the candidate's region
    near: float = 0.5  # closeness to the article's other places
    contained: float = 1.0  # "Athens, Ga.": the text puts the place inside a region or country
    clear: float = 0.8  # confidence from which a name votes for its own place only
    front: float = 0.1  # a place of the front zone this tool is built for (VIINA)
    curated: float = 0.0  # the spelling is a curated former or foreign name (Artemovsk, Kiev)
    smooth: float = 1.0  # pseudo-votes against the article's countries: one other name is weak evidence
    # the capital of a country the article names: "Washington" beside "the U.S." is the government's
    # seat, not the state; "Moscow" beside "Russia" (chosen on even-numbered LGL articles, checked on odd)
    capital_named: float = 0.6
    # the place lies in the article's home region, the one that fits most of its names together
    # (home_region; chosen on even-numbered LGL articles, checked on odd)
    home: float = 0.35


WEIGHTS = Weights()


@dataclass(frozen=True, slots=True)
class Resolution:
    """The chosen place for one mention (None when no candidate) and how sure we are."""

    mention: Mention
    place: Candidate | None
    confidence: float


@dataclass
class Context:
    """What the article as a whole says about where it is: each name's votes for countries and
    regions, and anchor points. A name whose reading is clear votes for its place's country and
    region; an ambiguous one spreads its vote over its candidates ("Athens" is mostly American)."""

    countries: dict[str, Votes]
    admin1: dict[str, Votes]
    anchors: list[tuple[str, float, float]]
    nations: dict[str, str] = field(default_factory=dict)  # name key -> country, for names read as countries
    region: str | None = None  # the article's home region (home_region), a first-level code
    # name keys that may read as a country, or as the capital of another country the article names
    national: frozenset[str] = frozenset()

    def others(self, key: str) -> tuple[Votes, Votes]:
        """Votes of the article's other names: a name does not vote for itself."""
        countries: Votes = defaultdict(float)
        admin1: Votes = defaultdict(float)
        for other, votes in self.countries.items():
            if not _same_name(other, key):
                for code, weight in votes.items():
                    countries[code] += weight
                for code, weight in self.admin1[other].items():
                    admin1[code] += weight
        return countries, admin1


def _same_name(a: str, b: str) -> bool:
    """'Dublin City' and 'Dublin', 'New York City' and 'New York' are one name to a reader: the longer
    is no independent evidence for the shorter's reading, nor the shorter for the longer's. ('DeKalb
    County' and 'DeKalb' are two places, and do vote for each other.)"""
    short, long = sorted((a, b), key=len)
    return a == b or (long.startswith(short + " ") and long[len(short) + 1 :] in _SAME_PLACE_WORDS)


def prior(c: Candidate, w: Weights = WEIGHTS, local: bool = False) -> float:
    """Context-free score: size, kind of place, match quality, front-zone prior. A name the text
    treats as a local town (`local_towns`) weighs size only up to _LOCAL_SIZE, and no capital bonus:
    the town's council, police or residents make local news wherever the town is."""
    size = min(_LOCAL_SIZE if local else 1.0, math.log10(c.population + 1) / 7)
    match = w.canonical * c.canonical + w.exact * c.exact + w.naming * (c.naming is not None)
    match += w.curated * (c.naming in _CURATED)
    front = w.front * (c.front > 0) + 0.05 * min(max(c.front - 1, 0), 4)
    kind = {"country": w.country, "region": w.region, "county": w.county}.get(c.feature, 0.0)
    kind += w.capital * (c.capital and c.canonical and not local)  # "Philadelphia" is also Amman's old name
    return w.size * size + kind + match + COUNTRY_PRIOR.get(c.country or "", 0.0) + front


def contextual(
    c: Candidate,
    key: str,
    ctx: Context,
    votes: tuple[Votes, Votes] | None = None,
    w: Weights = WEIGHTS,
) -> float:
    """Agreement with the article: its countries, its regions, the capitals of the countries it names,
    nearness to its other places."""
    countries, admin1 = votes or ctx.others(key)
    score = w.in_country * max(0, countries[c.country or ""]) / max(1, sum(countries.values()) + w.smooth)
    if c.admin1_code:  # a town in the article's region, or the region of the article's towns
        score += w.in_admin1 * min(1, max(0, admin1[c.admin1_code]))
        # "Russia", "Peru", or "Paris" beside "France", is not pulled to a home-state village
        score += w.home * (c.admin1_code == ctx.region and key not in ctx.national)
    if c.capital and c.country in {code for other, code in ctx.nations.items() if other != key}:
        score += w.capital_named
    if c.lat is not None and c.lon is not None:
        distances = [
            haversine_km(c.lat, c.lon, lat, lon)
            for other, lat, lon in ctx.anchors
            if not _same_name(other, key)
        ]
        if distances:
            score += w.near * math.exp(-min(distances) / _NEAR_KM)
    return score


def resolve(mentions: Sequence[Mention], text: str = "", w: Weights = WEIGHTS) -> list[Resolution]:
    """Two passes: priors alone pick anchors, then context re-ranks every name's candidates."""
    groups: dict[str, list[Mention]] = {}
    for mention in mentions:
        groups.setdefault(fold(mention.text), []).append(mention)
    within = containment(mentions, text)
    pool = {key: ms[0].candidates for key, ms in groups.items()}
    line = dateline(mentions, text)
    if line is not None:
        towns = tuple(c for c in line.candidates if c.feature not in _AREAS)
        pool[fold(line.text)] = towns or line.candidates
    for key in regions_named(mentions, text):
        pool[key] = tuple(c for c in pool[key] if c.feature == "region") or pool[key]
    for key, kinds in municipal(mentions, text).items():
        pool[key] = tuple(c for c in pool[key] if c.feature not in kinds) or pool[key]
    local = local_towns(mentions, text)
    chosen = {key: _ranked(pool[key], key, None, within, w, key in local) for key in groups}
    mute = streets(groups, text)
    for _ in range(2):
        ctx = _context({key: ranked for key, ranked in chosen.items() if key not in mute}, w)
        chosen = {key: _ranked(pool[key], key, ctx, within, w, key in local) for key in groups}
    out = []
    located = _locate_counties(chosen)
    beside = _beside(mentions, chosen, located, text)
    for mention in mentions:
        ranked = chosen[fold(mention.text)]
        if not ranked:
            near = beside.get(fold(mention.text))
            out.append(Resolution(mention, near, _BESIDE_CONFIDENCE if near else 0.0))
            continue
        best = located.get(fold(mention.text), ranked[0][1])
        out.append(Resolution(mention, best, _confidence(ranked)))
    return out


def _beside(
    mentions: Sequence[Mention],
    chosen: dict[str, list[tuple[float, Candidate]]],
    located: dict[str, Candidate],
    text: str,
) -> dict[str, Candidate]:
    """'Pokrovsk on the Lena River', 'Jerome Township, near Dublin': a river, lake or township the
    gazetteer does not list lies where the text puts it, beside a town named within _BESIDE_CHARS
    in the same paragraph (the closest over all the name's mentions: one sense per discourse). The
    point is rough: no GeoNames id, feature 'unlisted', confidence _BESIDE_CONFIDENCE. By name key."""
    closest: dict[str, tuple[int, Candidate, str]] = {}
    for m in mentions:
        words = m.text.split()
        if m.candidates or len(words) < 2 or words[-1].lower() not in _UNLISTED_WORDS:
            continue
        key = fold(m.text)
        for other in mentions:
            ranked = chosen.get(fold(other.text))
            if other is m or not ranked:
                continue
            place = located.get(fold(other.text), ranked[0][1])
            if place.lat is None or place.feature in _AREAS:
                continue  # a region's or county's point is too rough to lend
            start, end = (m.end, other.start) if other.start >= m.end else (other.end, m.start)
            held = closest.get(key)
            if (
                end - start <= _BESIDE_CHARS
                and "\n" not in text[start:end]
                and (held is None or end - start < held[0])
            ):
                closest[key] = (end - start, place, m.text)
    towns = [
        located.get(key, ranked[0][1])
        for key, ranked in chosen.items()
        if ranked and ranked[0][1].feature not in _AREAS and ranked[0][1].lat is not None
    ]
    middle = _local_middle(towns)
    for m in mentions:  # none beside it: the middle of a local story's towns, where the story is
        words = m.text.split()
        feature = words[-1].lower() in _UNLISTED_WORDS or words[0].lower() in {"lake", "mount", "mt."}
        if middle is not None and not m.candidates and len(words) >= 2 and feature:
            closest.setdefault(fold(m.text), (_BESIDE_CHARS + 1, middle, m.text))
    return {
        key: replace(place, id=-1, name=name, feature="unlisted", capital=False, naming=None)
        for key, (_, place, name) in closest.items()
    }


def _local_middle(towns: list[Candidate]) -> Candidate | None:
    """The middle (median point) of a local story's towns: two or more, at least half of them within
    _LOCAL_KM of it. A story with one town, or ranging wider, has no middle to lend."""
    if len(towns) < 2:
        return None
    lat = sorted(float(t.lat or 0) for t in towns)[len(towns) // 2]
    lon = sorted(float(t.lon or 0) for t in towns)[len(towns) // 2]
    near = sum(haversine_km(lat, lon, float(t.lat or 0), float(t.lon or 0)) <= _LOCAL_KM for t in towns)
    if 2 * near < len(towns):
        return None
    return replace(towns[0], lat=lat, lon=lon)


def _locate_counties(chosen: dict[str, list[tuple[float, Candidate]]]) -> dict[str, Candidate]:
    """A county of the default gazetteer sits at its state's centre or at a same-named town, both
    rough. Local news names places inside the county it writes about, so the county is moved to
    the middle of the article's towns in the same state, where there are any."""
    towns: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for ranked in chosen.values():
        if ranked:
            c = ranked[0][1]
            if c.feature not in _AREAS and c.admin1_code and c.lat is not None and c.lon is not None:
                towns[c.admin1_code].append((c.lat, c.lon))
    out = {}
    for key, ranked in chosen.items():
        if ranked and ranked[0][1].feature == "county" and ranked[0][1].id < 0:
            points = towns.get(ranked[0][1].admin1_code or "")
            if points:
                lat = sorted(p[0] for p in points)[len(points) // 2]
                lon = sorted(p[1] for p in points)[len(points) // 2]
                out[key] = replace(ranked[0][1], lat=lat, lon=lon)
    return out


def dateline(mentions: Sequence[Mention], text: str) -> Mention | None:
    """'WASHINGTON (Reuters) -', 'KIEV, Ukraine —': an all-capitals name that opens the article (or
    its body, after a headline) and is followed by a comma, dash, bracket or the story's first word is
    where the story was filed: a town or city, never the state or region of the same name. The
    name's other mentions follow it (one sense per discourse)."""
    for m in mentions:
        if m.start > _DATELINE_WITHIN:
            return None
        before = text[: m.start].rstrip(" ")
        opens = not before.strip() or before.endswith("\n") or before.endswith(_SENTENCE_ENDS)
        after = text[m.end :].lstrip(" ")
        marked = after.startswith(_DATELINE_MARKS) or after[:1].isupper()
        if opens and marked and m.text.isupper() and len(m.text) >= 3:
            return m
    return None


def regions_named(mentions: Sequence[Mention], text: str) -> set[str]:
    """'Washington state', 'the state of Washington', 'Ontario province': the text itself says the
    name is a first-level region, so only regions are its candidates. The name's other mentions
    follow (one sense per discourse)."""
    keys = set()
    for m in mentions:
        after = text[m.end : m.end + 10].lstrip(" ")
        before = text[max(0, m.start - 12) : m.start].rstrip(" ").lower()
        if after.startswith(_REGION_AFTER) or before.endswith(_REGION_BEFORE):
            keys.add(fold(m.text))
    return keys


def municipal(mentions: Sequence[Mention], text: str) -> dict[str, frozenset[str]]:
    """'the Athens City Council', 'Jordan Middle School': a name followed by a town's own institutions
    or officers is a town, not a country or a state ('Queensland Police' is no cue: states have
    police too); 'a Lebanon woman' is no country (a country's people go by its demonym). Returns, per
    name key, the kinds of place it cannot be; the name's other mentions follow (one sense per
    discourse)."""
    out: dict[str, frozenset[str]] = {}
    for m in mentions:
        after = text[m.end : m.end + 30].lstrip(" ")
        before = text[max(0, m.start - 4) : m.start].lower()
        if after.startswith(_TOWN_AFTER):
            out[fold(m.text)] = _NOT_TOWNS
        elif before.endswith((" a ", " an ")) and after.split(" ")[0].rstrip(",.") in _PEOPLE:
            out.setdefault(fold(m.text), frozenset({"country"}))
    return out


def streets(groups: dict[str, list[Mention]], text: str) -> set[str]:
    """Names met only as streets ('2517 Memphis St.', 'Augusta Road'): they stay mentions, but a
    street named after a far town says nothing about where the story is, so they cast no vote and
    lend no point to the article's context. Name keys."""
    return {key for key, ms in groups.items() if all(_street(m, text) for m in ms)}


def _street(m: Mention, text: str) -> bool:
    """'Memphis St.' but not 'Plattsville. St. Mary's': the street word must follow the name itself."""
    after = text[m.end : m.end + 12]
    words = after.split()
    return after.startswith(" ") and bool(words) and words[0].rstrip(",").lower() in _STREET_WORDS


def local_towns(mentions: Sequence[Mention], text: str) -> set[str]:
    """'Paris City Hall', 'the Paris Police Department', 'a Paris woman': a town's own institutions
    and residents are the business of its local paper, so the text says the story is local to that
    town, whichever of its namesakes it is; its size then says little. Name keys."""
    keys = set()
    for m in mentions:
        after = text[m.end : m.end + 30].lstrip(" ")
        before = text[max(0, m.start - 4) : m.start]
        word = after.split(" ")[0].rstrip(",.").lower()
        article = before.endswith(" ") and before.split()[-1:] in (["a"], ["an"], ["A"], ["An"])
        if after.startswith(_TOWN_AFTER) or word in _LOCAL_WORDS or (article and word in _PEOPLE):
            keys.add(fold(m.text))
    return keys


def containment(mentions: Sequence[Mention], text: str) -> dict[str, set[str]]:
    """'Athens, Ga.', 'Pokrovsk, Donetsk Oblast', 'Lviv (Ukraine)': a place written beside a region or
    country lies in it. Returns, per name key, the region and country codes its candidates may take
    from such pairs (both directions: the town constrains the region's reading too)."""
    allowed: dict[str, set[str]] = {}
    for inner, outer in pairwise(mentions):
        if text[inner.end : outer.start].strip() not in {",", "(", "-"}:
            continue
        containers = {c for c in outer.candidates if c.feature in {"region", "country"}}
        inside = {_area(c) for c in containers} - {None}
        if inside:
            allowed.setdefault(fold(inner.text), set()).update(str(a) for a in inside)
        reachable = {c.admin1_code for c in inner.candidates} | {c.country for c in inner.candidates}
        allowed.setdefault(fold(outer.text), set()).update(str(r) for r in reachable if r)
    return allowed


def _area(c: Candidate) -> str | None:
    return c.admin1_code if c.feature == "region" else c.country


def _ranked(
    candidates: Sequence[Candidate],
    key: str,
    ctx: Context | None,
    within: dict[str, set[str]],
    w: Weights,
    local: bool = False,
) -> list[tuple[float, Candidate]]:
    votes = ctx.others(key) if ctx else None
    scored = [
        (
            prior(c, w, local)
            + (contextual(c, key, ctx, votes, w) if ctx else 0.0)
            + w.contained * _contained(c, within.get(key)),
            c,
        )
        for c in candidates
    ]
    return sorted(scored, key=lambda sc: (-sc[0], -sc[1].population, sc[1].id))


def _contained(c: Candidate, allowed: set[str] | None) -> float:
    """Bonus for agreeing with a 'Town, Region' pair: the strongest evidence a text gives."""
    if not allowed:
        return 0.0
    own = _area(c) if c.feature in {"region", "country"} else None
    return 1.0 if {c.admin1_code, c.country, own} & allowed else 0.0


def _context(chosen: dict[str, list[tuple[float, Candidate]]], w: Weights) -> Context:
    countries: dict[str, Votes] = {}
    admin1: dict[str, Votes] = {}
    anchors: list[tuple[str, float, float]] = []
    nations: dict[str, str] = {}
    for key, ranked in chosen.items():
        if not ranked:
            continue
        best = ranked[0][1]
        voters = [best] if _confidence(ranked) >= w.clear else [c for _, c in ranked]
        countries[key], admin1[key] = defaultdict(float), defaultdict(float)
        for c in voters:
            countries[key][c.country or ""] += 1 / len(voters)
            admin1[key][c.admin1_code or ""] += 1 / len(voters)
        if best.feature == "country" and best.country:
            nations[key] = best.country
        if best.lat is not None and best.lon is not None and best.feature not in {"country"}:
            anchors.append((key, best.lat, best.lon))
    named = set(nations.values())
    national = frozenset(
        key
        for key, ranked in chosen.items()
        for _, c in ranked
        if c.feature == "country" or (c.capital and c.country in named and nations.get(key) != c.country)
    )
    return Context(countries, admin1, anchors, nations, home_region(chosen, w), national)


def home_region(chosen: dict[str, list[tuple[float, Candidate]]], w: Weights) -> str | None:
    """Where a local story is: the first-level region that fits the article's names together. Each
    region scores the sum, over names, of the context-free score of the name's best reading there:
    'Paris' and 'Henry County' both fit Tennessee, Kentucky and Illinois, and Tennessee's Paris is
    the largest of those. The region must fit at least _HOME_NAMES names and lie in the country
    the names' current readings lean to (their softmax shares summed): a Cairo story spread over
    several governorates stays Egyptian, however many Minnesota towns share its names. Else None."""
    regions: dict[str, float] = defaultdict(float)
    fits: dict[str, int] = defaultdict(int)
    lean: dict[str, float] = defaultdict(float)
    for ranked in chosen.values():
        if not ranked:
            continue
        best: dict[str, float] = {}
        for _, c in ranked:
            if c.admin1_code:
                best[c.admin1_code] = max(best.get(c.admin1_code, 0.0), prior(c, w))
        for code, score in best.items():
            regions[code] += score
            fits[code] += 1
        top = ranked[0][0]
        shares = [(math.exp((score - top) / _TEMPERATURE), c.country or "") for score, c in ranked]
        total = math.fsum(share for share, _ in shares)
        for share, country in shares:
            lean[country] += share / total
    if not regions:
        return None
    region = max(regions, key=lambda code: (regions[code], code))
    country = max(lean, key=lambda code: (lean[code], code))
    if fits[region] < _HOME_NAMES or region.split(".")[0] != country:
        return None
    return region


def _confidence(ranked: list[tuple[float, Candidate]]) -> float:
    top = ranked[0][0]
    weights = [math.exp((score - top) / _TEMPERATURE) for score, _ in ranked]
    share = weights[0] / math.fsum(weights)
    best = ranked[0][1]
    quality = 1.0 if best.exact else 0.85
    return round(min(0.99, share * quality), 4)


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance on a sphere of the Earth's mean radius."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(a)))
