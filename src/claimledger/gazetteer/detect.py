"""Find toponym mentions in a spaCy parse: gazetteer phrase matching checked against NER.

spaCy's small English model misses or mislabels most Donbas toponyms (on the seed article it tags
"Krasnoarmysk" ORG, "Volchansk" and "Donbass" PERSON), so NER alone cannot be trusted either way. Every
capitalized token sequence (up to five tokens, within a sentence) is looked up in the gazetteer,
longest first; a hit is kept when NER calls it a place, or when NER's label is not a person's name
containing it and the place is one conflict news is about (Ukraine, Russia, a region or a country),
or when NER is silent and the name is a proper noun of a sizeable place. Hyphenated compounds
("Sloviansk-Kramatorsk") yield one mention per part; a possessive 's is left outside the span. An
all-capitals word is a place only when it names a region or country, or opens the story as its
dateline ("TOPEKA —"). Where the small NER model misreads a town, the text can still tell: a lone
sizeable town's name it calls a person ("the Gainesville sewer system"), or a name followed by its
people or police ("a Columbia woman"), is the town. Loose (folded) spellings count only for places
romanized from Cyrillic; "Dublin City Council" names Dublin; "Sri Lankan" is no unplaced toponym.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING

from claimledger.gazetteer.index import Candidate, Gazetteer

if TYPE_CHECKING:  # spaCy is imported by the nlp stage; here only its types are needed
    from spacy.tokens import Doc, Span, Token
from claimledger.gazetteer.names import fold, norm

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
MAX_TOKENS = 5
# Lower-case words allowed inside a name ("Rostov-on-Don", "Sea of Azov", "Donetsk People's Republic").
_JOINERS = frozenset(
    {"of", "on", "the", "de", "la", "del", "upon", "am", "an", "der", "na", "'s", "’s", "-", "s"}
)
_REGION_WORDS = frozenset({"region", "oblast", "province", "krai", "territory", "republic", "okrug"})
# "eastern Ukraine": the directional phrases conflict news uses as regions.
# Rivers that share a name with a city; preceded by "the" they are the river ("crossed the Dnipro").
_RIVERS = frozenset(
    {"Dnipro", "Dnieper", "Dnepr", "Don", "Donets", "Volga", "Oskil", "Desna", "Bug", "Siverskyi"}
)
_DIRECTIONS = frozenset({"eastern", "western", "southern", "northern", "central", "east", "south"})
_FOCUS = frozenset({"UA", "RU"})
_TITLES = frozenset(
    {"Mr.", "Mrs.", "Ms.", "Dr.", "Sen.", "Rep.", "Gov.", "Mayor", "President", "Judge", "Coach"}
)
# "a Columbia woman", "Berea police": words that follow a town's name, not a person's or a firm's
_TOWN_PEOPLE = frozenset(
    {"man", "woman", "men", "women", "resident", "residents", "native", "police", "teen"}
)
_SPEECH = frozenset({"said", "says", "told", "added", "wrote", "asked", "'s"})
# Countries whose place names reach English text romanized from Cyrillic, in several systems.
_ROMANIZED = frozenset(
    {"UA", "RU", "BY", "KZ", "KG", "TJ", "UZ", "TM", "MD", "GE", "AM", "AZ", "MN", "BG", "RS", "MK"}
)
# A name followed by one of these is a river, a mountain or an area named after a place ("Lena river").
_FEATURE_WORDS = frozenset(
    {"river", "sea", "lake", "bay", "gulf", "mountains", "mountain", "island", "islands", "valley", "canal",
     "county", "parish", "township", "district", "reservoir", "dam"}
)  # fmt: skip
# A building or street is named after a place only when capitalized ("Orchard Street", "Kharkiv
# Airport"); "a New Jersey airport", "an east London hospital" still name the place itself.
_BUILDING_WORDS = frozenset(
    {"street", "road", "avenue", "boulevard", "square", "bridge", "airport", "station", "university",
     "hospital", "park", "highway", "stadium", "college", "church", "hotel", "center", "centre", "mall"}
)  # fmt: skip


# A dateline: an all-capitals name within the first characters (a headline may come first), after the
# start of a line or sentence, and before one of these marks.
_DATELINE_WITHIN = 300
_DATELINE_MARKS = (",", "—", "–", "-", "(")
_SENTENCE_ENDS = (".", "!", "?", '"', "”")

# "Miss.", "Ind.", "Pa." name states only with their period; the bare word is a title or a name.
_AP_WITHOUT_PERIOD = frozenset(
    {"Miss", "Ind", "Wash", "Pa", "Ga", "Mo", "Md", "Del", "Conn", "Mass", "Ore", "Ala", "Ark", "Colo",
     "Fla", "Ill", "Kan", "Ky", "La", "Mich", "Minn", "Mont", "Neb", "Nev", "Okla", "Tenn", "Vt", "Wis",
     "Wyo", "Va"}
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class Mention:
    """A toponym's character span, how it was found, and the places its name may refer to."""

    start: int
    end: int
    text: str
    source: str
    candidates: tuple[Candidate, ...]


@lru_cache(maxsize=1)
def stoplist() -> frozenset[str]:
    """Words that are never toponyms in news although a gazetteer lists them (see the file)."""
    text = resources.files("claimledger.resources").joinpath("places-stoplist.txt").read_text("utf-8")
    return frozenset(norm(line) for line in text.splitlines() if line.strip() and not line.startswith("#"))


def find_mentions(parsed: Doc, gazetteer: Gazetteer) -> list[Mention]:
    """Mentions in text order, none overlapping."""
    entity_at = _entity_index(parsed)
    found = _gazetteer_mentions(parsed, gazetteer, entity_at)
    taken = {i for m in found for i in range(m.start, m.end)}
    for ent in parsed.ents:
        if ent.label_ in {"GPE", "LOC"} and not taken.intersection(range(ent.start_char, ent.end_char)):
            mention = _ner_mention(ent, gazetteer)
            if mention is not None:
                found.append(mention)
    return sorted(found, key=lambda m: m.start)


def _entity_index(parsed: Doc) -> dict[int, Span]:
    return {token.i: ent for ent in parsed.ents for token in ent}


def _gazetteer_mentions(parsed: Doc, gazetteer: Gazetteer, entity_at: dict[int, Span]) -> list[Mention]:
    people = _surnames(parsed)
    named = _names_of_people(parsed)
    found: list[Mention] = []
    doubted: list[Mention] = []
    i, n = 0, len(parsed)
    while i < n:
        hit = _longest_hit(parsed, i, gazetteer) if _can_start(parsed[i]) else None
        if hit is None:
            i += 1
            continue
        end, candidates = hit
        county = _county(parsed, i, end, candidates)
        if county is not None:
            found.append(county)
            i = end + 1
            continue
        span = parsed[i:end]
        mention = Mention(span.start_char, span.end_char, span.text, "gazetteer", candidates)
        if (
            _accept(span, candidates, entity_at)
            or _misread_person(span, candidates, entity_at, named)
            or _town_by_its_people(span, candidates, named)
        ) and not _surname(span, entity_at, people):
            found.append(mention)
            i = end
        else:
            if _in_name_of_a_place(span, entity_at):
                doubted.append(mention)
            i += 1
    return _listed_counties(parsed, gazetteer, _one_sense(found, doubted))


def _listed_counties(parsed: Doc, gazetteer: Gazetteer, found: list[Mention]) -> list[Mention]:
    """'Camden and Charlton counties', 'Madison, Oconee and Oglethorpe counties': each name of a list
    that ends in 'counties' (or 'parishes') is a county, read as 'X County' where the gazetteer has
    that county; a name the matcher skipped (a surname to NER) is added the same way."""
    lists: list[tuple[int, int, str]] = []
    for token in parsed:
        if token.lower_ not in {"counties", "parishes"} or token.i == 0:
            continue
        i = token.i - 1
        while i >= 0 and (parsed[i].text[:1].isupper() or parsed[i].lower_ in {",", "and", "or", "."}):
            i -= 1
        lists.append((i + 1, token.i, "County" if token.lower_ == "counties" else "Parish"))
    if not lists:
        return found
    by_start = {m.start: m for m in found}
    for first, last, word in lists:
        names: list[list[Token]] = [[]]
        for token in parsed[first:last]:
            if token.text[:1].isupper() and token.text != ".":
                names[-1].append(token)
            elif names[-1]:
                names.append([])
        for tokens in (t for t in names if t):
            start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
            text = parsed.text[start:end]
            counties = tuple(c for c in gazetteer.lookup(f"{text} {word}") if c.feature == "county")
            held = by_start.get(start)
            if counties and (held is None or held.end == end):
                by_start[start] = Mention(start, end, text, "gazetteer", counties)
    taken: set[int] = set()
    out = []
    for m in sorted(by_start.values(), key=lambda m: (m.start, -m.end)):
        if not taken.intersection(range(m.start, m.end)):
            out.append(m)
            taken.update(range(m.start, m.end))
    return out


def _in_name_of_a_place(span: Span, entity_at: dict[int, Span]) -> bool:
    """'Gainesville Public Utilities', 'Dublin's boards': a place's name inside an organization's or
    before a noun; not a person's name, a street or a river."""
    ent = entity_at.get(span.start)
    return (
        not (ent is not None and ent.label_ == "PERSON")
        and not _names_a_feature(span)
        and not _after_name(span)
    )


def _one_sense(found: list[Mention], doubted: list[Mention]) -> list[Mention]:
    """One sense per discourse for detection too: a name the article uses as a place elsewhere is a
    place in 'the Gainesville sewer system' as well."""
    places = {fold(m.text) for m in found}
    taken = {i for m in found for i in range(m.start, m.end)}
    extra = [m for m in doubted if fold(m.text) in places and not taken.intersection(range(m.start, m.end))]
    return sorted(found + extra, key=lambda m: m.start)


def _county(parsed: Doc, start: int, end: int, candidates: tuple[Candidate, ...]) -> Mention | None:
    """'Henderson County': GeoNames counties are not in the default gazetteer, so the county is placed
    at the same-named town (usually in or beside it), as a county, with no GeoNames id."""
    if end >= len(parsed) or parsed[end].text not in {"County", "Parish"}:
        return None
    word = parsed[end].text
    towns = tuple(
        replace(c, id=-abs(c.id), name=f"{c.name} {word}", feature="county", naming=None, capital=False)
        for c in candidates
        if c.feature not in {"region", "country"}
    )
    if not towns:
        return None
    span = parsed[start : end + 1]
    return Mention(span.start_char, span.end_char, span.text, "gazetteer", towns)


def _can_start(token: Token) -> bool:
    text = token.text
    if not text[:1].isalpha():
        return False
    return bool(text[0].isupper() or token.lower_ in _DIRECTIONS)


def _longest_hit(parsed: Doc, i: int, gazetteer: Gazetteer) -> tuple[int, tuple[Candidate, ...]] | None:
    sentence_end = parsed[i].sent.end if parsed.has_annotation("SENT_START") else len(parsed)
    for end in range(min(i + MAX_TOKENS, sentence_end), i, -1):
        span = parsed[i:end]
        if not _well_formed(span):
            continue
        if norm(span.text) in stoplist():
            continue
        candidates = _spelled(gazetteer.lookup(span.text))
        if candidates:
            return _city_word(parsed, i, end, candidates, gazetteer)
    return None


def _spelled(candidates: tuple[Candidate, ...]) -> tuple[Candidate, ...]:
    """Romanization folding (names.fold) is for names romanized from Cyrillic: 'Lune' folds to
    'Lünne' (Germany), 'Harriet' to 'Haret' (Romania) and 'Jill' to Illinois, which no reader means.
    A loosely matched candidate is kept only in the countries whose names the press romanizes from
    Cyrillic, and in the front zone."""
    return tuple(c for c in candidates if c.exact or c.front > 0 or (c.country or "") in _ROMANIZED)


def _city_word(
    parsed: Doc, i: int, end: int, candidates: tuple[Candidate, ...], gazetteer: Gazetteer
) -> tuple[int, tuple[Candidate, ...]]:
    """'Dublin City Council', 'Springfield City Schools': when an institution's name follows, no
    place is called 'X City' itself (as Jersey City or Kansas City are) and the hit is only an
    alternate name of one town called X, the word 'City' belongs to the institution, and the toponym
    is X with all of X's readings. ('Quebec City and Halifax' keeps its city.)"""
    if end - i < 2 or end >= len(parsed) or parsed[end - 1].text != "City":
        return end, candidates
    if not (parsed[end].text[:1].isupper() and parsed[end].is_alpha):  # "Quebec City and Halifax"
        return end, candidates
    if any(fold(c.name) == fold(parsed[i:end].text) for c in candidates):
        return end, candidates
    shorter = _spelled(gazetteer.lookup(parsed[i : end - 1].text))
    return (end - 1, shorter) if shorter else (end, candidates)


def _well_formed(span: Span) -> bool:
    """Capitalized words, with joiners only inside and a region word only at the end."""
    last = span[-1]
    if not (last.text[:1].isupper() or last.lower_ in _REGION_WORDS) or last.text in {"-", "'s", "’s"}:
        return False
    first = span[0]
    if first.lower_ in _DIRECTIONS and len(span) == 1:
        return False
    return all(token.text[:1].isupper() or token.lower_ in _JOINERS for token in span[1:-1])


def _surnames(parsed: Doc) -> frozenset[str]:
    """Last words of the article's multi-word person names ("Brett Hartmann" -> "Hartmann")."""
    return frozenset(ent[-1].text for ent in parsed.ents if ent.label_ == "PERSON" and len(ent) > 1)


def _names_of_people(parsed: Doc) -> frozenset[str]:
    """Every word of the article's multi-word person names, first names too ("Tyler Jones" -> "Tyler")."""
    return frozenset(t.text for ent in parsed.ents if ent.label_ == "PERSON" and len(ent) > 1 for t in ent)


def _misread_person(
    span: Span, candidates: tuple[Candidate, ...], entity_at: dict[int, Span], named: frozenset[str]
) -> bool:
    """'the Gainesville sewer system', 'Tbilisi has denied': the small NER model calls a lone city
    name a person. A one-word PERSON that is a sizeable town's own name, that no person in the article
    bears as a first or last name, and that neither follows a title nor comes before 'said', is the town."""
    ent = entity_at.get(span.start)
    if ent is None or ent.label_ != "PERSON" or (ent.start, ent.end) != (span.start, span.end):
        return False
    if span.text in named or not _sizeable(candidates):
        return False
    doc = span.doc
    previous = doc[span.start - 1].text if span.start > 0 else ""
    following = doc[span.end].lower_ if span.end < len(doc) else ""
    return previous not in _TITLES and following not in _SPEECH


def _town_by_its_people(span: Span, candidates: tuple[Candidate, ...], named: frozenset[str]) -> bool:
    """'A Columbia woman', 'Elkhart man', 'Berea Police Department': a name followed by the word for
    one of its people or by its police is a town, whatever NER calls it (the small model reads
    'Columbia woman' as an organization). Not a person's name of the article, not a region's only."""
    doc = span.doc
    if span.end >= len(doc) or span.text in named or not span[0].text[:1].isupper():
        return False
    if _after_name(span) or not any(c.feature not in {"region", "country"} for c in candidates):
        return False
    return doc[span.end].lower_ in _TOWN_PEOPLE


def _surname(span: Span, entity_at: dict[int, Span], people: frozenset[str]) -> bool:
    """One sense per discourse for people: once "Brett Hartmann" is named, a bare "Hartmann" (or
    "coach Ripley", "Walker said") is him, unless NER calls that word a place; and an AP state
    abbreviation without its period ("Miss Teen") is a title, not Mississippi."""
    if len(span) != 1:
        return False
    if span.text in _AP_WITHOUT_PERIOD:
        return True
    ent = entity_at.get(span.start)
    return span.text in people and not (ent is not None and ent.label_ in {"GPE", "LOC"})


def _accept(span: Span, candidates: tuple[Candidate, ...], entity_at: dict[int, Span]) -> bool:
    """Keep a gazetteer hit unless NER and the candidates together say it is not a place."""
    ent = entity_at.get(span.start)
    if _names_a_feature(span) or _feature_of_a_name(span):
        return False
    if ent is not None and ent.label_ in {"GPE", "LOC"}:
        return True
    if span[-1].text in {"County", "Parish"} and any(c.feature == "county" for c in candidates):
        return True  # "Hall County Environmental Health": the county, whatever NER says
    if ent is not None and ent.label_ in {"FAC", "ORG"} and _leads(ent, span):
        # "Gainesville Public Utilities", "Vancouver International Airport": a known town's name
        # leading an organization's or a building's name still places the story there
        return _sizeable(candidates) or any(_is_focus(c) and c.population >= 100_000 for c in candidates)
    if ent is not None and ent.label_ == "FAC":  # a part of "Orchard Street" is no town
        return not _extends(ent, span)
    if span.text.isupper() and len(span.text) > 1:  # "TASS", "NATO": acronyms only for regions/countries
        return any(c.feature in {"region", "country"} for c in candidates) or _dateline(span)
    if ent is not None and _extends(ent, span):
        # inside a longer name: "Vladimir Putin" is no city; "Kiev regime" still names Kyiv
        return ent.label_ in {"ORG", "NORP"} and any(
            _is_focus(c) and c.population >= 100_000 for c in candidates
        )
    if _after_name(span) or (ent is None and _before_name(span)):
        return False  # "Igor Vasiliev", "Fargo Forum": part of a longer name
    focus = [
        c for c in candidates if _is_focus(c) and (c.exact or c.naming is not None or c.population >= 10_000)
    ]
    if ent is not None:
        return bool(focus)
    if span[0].is_stop or len(span.text) < 3:
        return False
    if span[0].is_sent_start:  # "As the conflict continues": only places a reader would know
        return any(_prominent(c) for c in focus) or (span[0].pos_ == "PROPN" and _sizeable(candidates))
    return bool(focus) or (span[0].pos_ == "PROPN" and _sizeable(candidates))


def _dateline(span: Span) -> bool:
    """'HARTFORD —', 'COLUMBUS, Ohio (AP) —', 'TBILISI, Georgia --': an all-capitals name that opens
    the article or its body (after a headline) and is followed by a dash, comma or bracket is the
    place the story was filed from, not an acronym."""
    text = span.doc.text
    if len(span.text) < 3 or span.start_char > _DATELINE_WITHIN:
        return False
    before = text[: span.start_char].rstrip(" ")
    words = before.split()
    if not words or before.endswith("\n"):
        opens = True
    else:  # after a headline's full stop, not after "ST." or "U.S."
        abbreviated = words[-1].endswith(".") and words[-1][:1].isupper() and len(words[-1]) <= 4
        opens = before.endswith(_SENTENCE_ENDS) and not abbreviated
    return opens and text[span.end_char :].lstrip(" ").startswith(_DATELINE_MARKS)


def _leads(ent: Span, span: Span) -> bool:
    """The span opens a longer entity ("Huntsville Fire Department"), rather than ends or is it; in
    "University of Georgia" or "Bank of America" the first word is the organization's own noun."""
    opens = ent.start == span.start or (ent.start == span.start - 1 and ent[0].lower_ == "the")
    return opens and ent.end > span.end and span.doc[span.end].lower_ != "of"


def _extends(ent: Span, span: Span) -> bool:
    """True when the entity continues the name right beside the span ("Vladimir Putin" vs "Vladimir");
    "Robotyne and Verbove" does not extend "Robotyne"."""
    doc = span.doc
    beside = [doc[i] for i in (span.start - 1, span.end) if ent.start <= i < ent.end]
    return any(t.pos_ in {"PROPN", "NOUN"} or (t.text[:1].isupper() and t.lower_ != "the") for t in beside)


def _names_a_feature(span: Span) -> bool:
    """'Lena River', 'Orchard Street', 'the Dnipro' (a river): not the populated place of that name."""
    doc = span.doc
    following = doc[span.end] if span.end < len(doc) else None
    if following is not None and following.lower_ in _FEATURE_WORDS:
        return True
    if following is not None and following.lower_ in _BUILDING_WORDS and following.text[:1].isupper():
        return True
    previous = doc[span.start - 1] if span.start > 0 else None
    return bool(previous is not None and previous.text == "the" and len(span) == 1 and span.text in _RIVERS)


def _feature_of_a_name(span: Span) -> bool:
    """'Las Vegas Valley', 'Delaware Bay': a feature word that is also a town's name ('Valley',
    Alabama), right after a capitalized name, is that name's feature, not the town."""
    if len(span) != 1 or span[0].lower_ not in _FEATURE_WORDS or span.start == 0 or span[0].is_sent_start:
        return False
    previous = span.doc[span.start - 1]
    return previous.is_alpha and previous.text[:1].isupper()


def _before_name(span: Span) -> bool:
    """True when a capitalized proper noun directly follows ("Washington Post", "Otter Tail")."""
    doc = span.doc
    if span.end >= len(doc):
        return False
    following = doc[span.end]
    return following.pos_ == "PROPN" and following.text[:1].isupper() and not following.is_sent_start


def _after_name(span: Span) -> bool:
    """True when a capitalized proper noun directly precedes the span (a first name, a title)."""
    if span.start == 0 or span[0].is_sent_start:
        return False
    previous = span.doc[span.start - 1]
    return previous.pos_ == "PROPN" and previous.text[:1].isupper() and not previous.is_sent_start


def _prominent(candidate: Candidate) -> bool:
    return candidate.population >= 20_000 or candidate.front > 1 or candidate.feature in {"region", "country"}


def _is_focus(candidate: Candidate) -> bool:
    """Places conflict news is about: Ukraine and Russia, and any region or country."""
    return candidate.country in _FOCUS or candidate.feature in {"region", "country"} or candidate.front > 0


def _sizeable(candidates: tuple[Candidate, ...]) -> bool:
    return any(
        c.canonical and c.exact and (c.population >= 20_000 or c.feature == "county") for c in candidates
    )


def _ner_mention(ent: Span, gazetteer: Gazetteer) -> Mention | None:
    """An NER place the phrase matcher did not keep: looked up whole, else reported without
    coordinates (a toponym we cannot place is still a toponym), unless it is a demonym."""
    tokens = [t for t in ent if not (t.i == ent.start and t.lower_ == "the")]
    while tokens and tokens[-1].text in {"'s", "’s", "'"}:
        tokens.pop()
    if not tokens or all(t.tag_ in {"JJ", "NNPS"} for t in tokens) or not tokens[0].text[:1].isupper():
        return None
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
    text = ent.doc.text[start:end]
    if norm(text) in stoplist():
        return None
    span = ent.doc[tokens[0].i : tokens[-1].i + 1]
    candidates = () if _names_a_feature(span) else _spelled(gazetteer.lookup(text))  # "the Dnipro": a river
    if not candidates and len(tokens) == 1 and ent.label_ == "GPE":
        return None  # one unknown word NER calls a GPE is mostly a surname ("Saakashvili", "Farrin")
    if not candidates and _demonym(text, gazetteer):
        return None
    return Mention(start, end, text, "ner", candidates)


def _demonym(text: str, gazetteer: Gazetteer) -> bool:
    """'Sri Lankan', 'South Ossetian': an unknown name that is a country's or region's name with a
    demonym ending is its people's adjective, not a place (the issue rules demonyms out)."""
    for ending, stem in (("n", ""), ("ian", "ia"), ("ese", ""), ("ish", "")):
        if text.endswith(ending) and len(text) > len(ending) + 2:
            base = text[: len(text) - len(ending)] + stem
            if any(c.feature in {"country", "region"} for c in gazetteer.lookup(base)):
                return True
    return False
