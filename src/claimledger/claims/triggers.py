"""Find the words that make a sentence a claim of a given type, on spaCy's dependency parse.

Event claims (territorial control, attacks, casualties, visits) are anchored on a verb or a noun and
tested against its arguments, so "captured Pokrovsk" counts and "captured 30 soldiers" does not.
Clause claims (statements of intent, predictions, assessments, other) type what is left of each
sentence: its main clause, once reporting verbs ("he said that …") are looked through.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from claimledger.claims import lexicon as lx
from claimledger.document import ClaimType

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

PlaceTest = Callable[["Token"], bool]

_VERB = frozenset({"VERB", "AUX"})
_NOMINAL = frozenset({"NOUN", "PROPN"})
_OBJECTS = frozenset({"dobj", "nsubjpass", "obj"})
# Nouns that stand for part of a place: "most of the town", "control of the city".
_PARTITIVE = frozenset(
    {"most", "part", "rest", "half", "all", "much", "control", "outskirts", "center", "centre"}
)
# Verbs that merely carry a nominal event: "completed the liberation of", "announced the capture of".
LIGHT_VERBS = frozenset(
    {"complete", "announce", "confirm", "report", "claim", "achieve", "finish", "declare"}
)
_MILITARY = frozenset(
    {"unit", "troop", "force", "soldier", "defender", "army", "brigade", "fighter", "serviceman"}
)
# Heads of organization names, which spaCy may tag as places ("the General Staff").
_INSTITUTIONS = frozenset(
    {
        "ministry",
        "staff",
        "army",
        "forces",
        "group",
        "institute",
        "council",
        "command",
        "service",
        "office",
        "kremlin",
        "nato",
        "government",
        "administration",
        "guard",
        "navy",
        "troops",
        "media",
    }
)
# Verbs whose infinitive complement is happening, not planned: "continues to hold".
_ASPECTUAL = frozenset({"continue", "keep", "remain", "manage", "begin", "start"})
# Past forms the small English model leaves unlemmatized.
_IRREGULAR = {"overran": "overrun", "withdrew": "withdraw", "overrun": "overrun"}
# Verbs of encircling, whose object may be the troops rather than the place ("encircled units in X").
_SURROUND = frozenset({"encircle", "surround", "besiege", "trap", "blockade"})
# Counting nouns that stand before what they count: "dozens of drones".
_COUNTING = frozenset(
    {"dozen", "dozens", "hundred", "hundreds", "wave", "swarm", "number", "barrage", "salvo"}
)
# An attack that "stopped" or "ceased" is reported as absent, not as an event.
_STOPPED = frozenset({"stop", "cease", "halt", "end", "subside", "pause"})
_EDGE_DEPS = frozenset({"punct", "cc", "mark", "prep"})
_CUT_DEPS = frozenset({"advcl", "parataxis", "conj", "cc"})


@dataclass(frozen=True, slots=True)
class Trigger:
    """A claim's anchor word, the verb that governs its tense and stance, and the unit's tokens."""

    type: ClaimType
    anchor: Token
    verb: Token
    first: int
    last: int

    @property
    def presupposed(self) -> bool:
        """A nominal event that is the subject of its clause is taken as given ("the capture … marks")."""
        return self.anchor.pos_ in _NOMINAL and self.anchor.dep_ in {"nsubj", "nsubjpass"}


def is_place_token(token: Token, place_chars: set[int]) -> bool:
    """A place name (per the places stage, else spaCy) or a noun that stands for a place."""
    if token.idx in place_chars or token.ent_type_ in {"GPE", "LOC", "FAC"}:
        return True
    if token.pos_ == "PROPN" and token.ent_type_ not in {"NORP", "DATE"}:
        return token.lower_ not in _INSTITUTIONS
    return token.lemma_.lower() in lx.PLACE_NOUNS


def _targets(token: Token) -> Iterator[Token]:
    """The token, its conjuncts, and what a partitive stands for ("most of the town" → town)."""
    for item in (token, *token.conjuncts):
        yield item
        if item.lemma_.lower() in _PARTITIVE:
            for prep in item.children:
                if prep.dep_ == "prep" and prep.lower_ in {"of", "over"}:
                    yield from (c for c in prep.children if c.dep_ == "pobj")


def _placey(token: Token, is_place: PlaceTest) -> bool:
    return any(is_place(t) for t in _targets(token))


def _children(token: Token, *deps: str) -> list[Token]:
    return [c for c in token.children if c.dep_ in deps]


def _pobjs(token: Token, preps: frozenset[str]) -> list[Token]:
    return [o for p in token.children if p.dep_ == "prep" and p.lower_ in preps for o in _children(p, "pobj")]


def _wh_subject(token: Token) -> bool:
    return any(c.lower_ in lx.WH_SUBJECTS for c in _children(token, "nsubj"))


def _control_verb(token: Token, is_place: PlaceTest) -> bool:
    lemma = _IRREGULAR.get(token.lower_, token.lemma_.lower())
    objects = _children(token, *_OBJECTS)
    if lemma in lx.REPEL_VERBS:
        return any(o.lemma_.lower() in lx.ASSAULT_NOUNS for o in objects)
    if lemma == "hold":
        return _holding(token, objects, is_place)
    if lemma in lx.CONTROL_VERBS_OBJECT:
        if token.dep_ == "amod" and token.tag_ == "VBN":
            return is_place(token.head)
        if lemma == "take" and any(p.lower_ == "over" for p in token.children):
            return True
        around = frozenset({"in", "near", "around"})
        located = [p for t in (token, *objects) for p in _pobjs(t, around)] if lemma in _SURROUND else []
        return any(_placey(o, is_place) for o in (*objects, *located))
    if lemma in lx.CONTROL_VERBS_SUBJECT:
        subjects = _children(token, "nsubj")
        return not objects and not _children(token, "acomp") and any(_placey(s, is_place) for s in subjects)
    preps = lx.CONTROL_VERBS_PREP.get(lemma)
    if preps is None:
        return False
    if lemma == "remain" and not any(s.lemma_.lower() in _MILITARY for s in _children(token, "nsubj")):
        return False
    return any(_placey(o, is_place) for o in _pobjs(token, preps)) or (
        lemma == "pull" and any(c.lower_ == "out" for c in token.children)
    )


def _holding(token: Token, objects: list[Token], is_place: PlaceTest) -> bool:
    """ "still hold positions in", "holding the line", "continues to hold the town"."""
    if any(o.lemma_.lower() in lx.HOLD_OBJECTS for o in objects):
        return True
    persisting = any(c.lemma_.lower() in lx.STILL_WORDS for c in token.children) or (
        token.dep_ == "xcomp" and token.head.lemma_.lower() in lx.STILL_WORDS
    )
    return persisting and (not objects or any(_placey(o, is_place) for o in objects))


def _control_noun(token: Token, is_place: PlaceTest) -> bool:
    lemma = token.lemma_.lower()
    if lemma == "control":
        head = token.head
        governed = token.dep_ in {"dobj", "nsubjpass"} and head.lemma_.lower() in lx.CONTROL_NOUN_VERBS
        return governed or (token.dep_ == "pobj" and head.lower_ == "under")
    if lemma not in lx.CONTROL_NOUNS:
        return False
    owners = _children(token, "poss") + _pobjs(token, frozenset({"of"}))
    return any(_placey(o, is_place) for o in owners)


def _territorial(token: Token, is_place: PlaceTest) -> bool:
    if token.pos_ in _VERB or token.tag_.startswith("VB"):
        return not _wh_subject(token) and _control_verb(token, is_place)
    return token.pos_ in _NOMINAL and _control_noun(token, is_place)


def _casualties(token: Token) -> bool:
    lemma = token.lemma_.lower()
    if token.pos_ in _VERB:
        if lemma in {"lose", "destroy"}:
            return any(o.lemma_.lower() in lx.CASUALTY_UNITS for o in _children(token, *_OBJECTS))
        return lemma in lx.CASUALTY_VERBS
    return token.pos_ == "NOUN" and lemma in lx.CASUALTY_NOUNS and token.dep_ != "compound"


def _attack(token: Token) -> bool:
    lemma = token.lemma_.lower()
    if token.pos_ in _VERB:
        if lemma in {"launch", "fire", "carry", "conduct"}:
            objects = _children(token, "dobj")
            counted = [
                c for o in objects if o.lemma_.lower() in _COUNTING for c in _pobjs(o, frozenset({"of"}))
            ]
            return any(o.lemma_.lower() in lx.ATTACK_LAUNCH_OBJECTS for o in (*objects, *counted))
        return lemma in lx.ATTACK_VERBS and (lemma != "hit" or bool(_children(token, *_OBJECTS)))
    if token.pos_ != "NOUN" or lemma not in lx.ATTACK_NOUNS:
        return False
    if token.head.lemma_.lower() in lx.REPEL_VERBS | _STOPPED or token.dep_ == "compound":
        return False
    modified = any(
        c.dep_ in {"compound", "amod", "nmod"} and c.lemma_.lower() not in {"information"}
        for c in token.children
    )
    targeted = bool(_pobjs(token, frozenset({"on", "against", "in"})))
    return modified or targeted or token.dep_ in {"nsubj", "nsubjpass", "dobj"}


def _visit(token: Token) -> bool:
    lemma = token.lemma_.lower()
    if token.pos_ in _VERB:
        if lemma in lx.VISIT_VERBS:
            return lemma != "host" or bool(_children(token, "dobj"))
        preps = lx.VISIT_PREP_VERBS.get(lemma)
        return preps is not None and bool(_pobjs(token, preps))
    if token.pos_ != "NOUN" or lemma not in lx.VISIT_NOUNS:
        return False
    head = token.head.lemma_.lower()
    if token.dep_ == "dobj" and head in lx.VISIT_NOUN_VERBS:
        return lemma != "call" or any(c.lower_ in {"phone", "telephone"} for c in token.children)
    return token.dep_ == "nsubj" and head == "take"


def event_type(token: Token, is_place: PlaceTest) -> ClaimType | None:
    """The event claim `token` anchors, if any; the order settles words that fit two types."""
    if _casualties(token) and token.lemma_.lower() in {"lose", "destroy"}:
        return "casualties"
    if _territorial(token, is_place):
        return "territorial_control"
    if _casualties(token):
        return "casualties"
    if _attack(token):
        return "attack"
    if _visit(token):
        return "visit_or_meeting"
    return None


def governing_verb(token: Token) -> Token:
    """The verb whose tense, modality and negation apply to `token` (itself, for a verb)."""
    current = token
    while current.pos_ not in _VERB and current.head.i != current.i:
        current = current.head
    return current


def clause_bounds(head: Token, *, keep_advcl: bool = False) -> tuple[int, int]:
    """Token range [first, last] of `head`'s clause, without adverbial and coordinated clauses
    (each is its own unit) and without edge punctuation or a leading "that". Casualty claims keep
    their adverbial clause, which says where ("died after a missile hit a mall in Odesa")."""
    cut: set[int] = set()
    for child in head.children:
        if keep_advcl and child.dep_ == "advcl":
            continue
        if child.dep_ in _CUT_DEPS and (child.pos_ in _VERB or child.dep_ in {"advcl", "parataxis", "cc"}):
            cut.update(t.i for t in child.subtree)
    kept = [t for t in head.subtree if t.i not in cut]
    return _trim(kept)


def phrase_bounds(token: Token) -> tuple[int, int]:
    """Token range of a nominal trigger's phrase ("the liberation of Krasnoarmysk and Volchansk"),
    without appositions and relative clauses that describe its parts."""
    cut = {
        d.i
        for t in token.subtree
        if t is not token and t.dep_ in {"appos", "acl", "relcl"}
        for d in t.subtree
    }
    return _trim([t for t in token.subtree if t.i not in cut])


def _trim(tokens: list[Token]) -> tuple[int, int]:
    ordered = sorted(tokens, key=lambda t: t.i)
    while len(ordered) > 1 and (ordered[0].dep_ in _EDGE_DEPS or ordered[0].is_punct):
        ordered.pop(0)
    while len(ordered) > 1 and (ordered[-1].is_punct or ordered[-1].dep_ in {"cc", "prep"}):
        ordered.pop()
    return ordered[0].i, ordered[-1].i


def event_triggers(sent: SpacySpan, is_place: PlaceTest) -> list[Trigger]:
    """Event claims in a sentence, one per anchor, minus those nested in a same-type claim."""
    found: list[Trigger] = []
    for token in sent:
        kind = event_type(token, is_place)
        if kind is None:
            continue
        if token.pos_ in _VERB and token.dep_ not in {"amod", "nsubj"}:
            # "continues to hold the town": the claim is the clause of "continues".
            verb = token.head if token.dep_ == "xcomp" and token.head.lemma_.lower() in _ASPECTUAL else token
            first, last = clause_bounds(verb, keep_advcl=kind == "casualties")
        elif _carried(token, kind):
            verb = token.head
            first, last = clause_bounds(verb, keep_advcl=kind == "casualties")
        else:
            verb = governing_verb(token)
            first, last = phrase_bounds(token.head if token.dep_ == "amod" else token)
        found.append(Trigger(kind, token, verb, first, last))
    return _merge_conjuncts(
        [t for t in found if not any(o is not t and o.type == t.type and _inside(t, o) for o in found)]
    )


def _merge_conjuncts(found: list[Trigger]) -> list[Trigger]:
    """ "two civilians were killed and five wounded" is one claim: fold a same-type conjunct into its head."""
    merged: list[Trigger] = []
    for trigger in found:
        host = next(
            (m for m in merged if m.type == trigger.type and trigger.anchor in m.anchor.conjuncts), None
        )
        if host is None:
            merged.append(trigger)
            continue
        merged[merged.index(host)] = Trigger(
            host.type, host.anchor, host.verb, min(host.first, trigger.first), max(host.last, trigger.last)
        )
    return merged


def _carried(token: Token, kind: ClaimType) -> bool:
    """A nominal event whose verb carries it ("held talks", "had not established control", "losses
    reached 20,000"): the claim is that verb's clause, not the noun phrase alone."""
    head = token.head.lemma_.lower()
    if (
        token.dep_ in {"dobj", "nsubjpass"}
        and head in LIGHT_VERBS | lx.CONTROL_NOUN_VERBS | lx.VISIT_NOUN_VERBS
    ):
        return True
    subject_of_event = token.dep_ == "nsubj" and token.head.pos_ in _VERB and token.head.lemma_ != "be"
    return kind in {"casualties", "attack"} and subject_of_event


def _inside(inner: Trigger, outer: Trigger) -> bool:
    if (inner.first, inner.last) == (outer.first, outer.last):
        return inner.anchor.i > outer.anchor.i
    return outer.first <= inner.first and inner.last <= outer.last


def prospective(trigger: Trigger) -> bool:
    """Whether an event is only foreseen or conditional ("will pave the way for the liberation of",
    "if Pokrovsk falls"): then it is part of a prediction, not a report of the event."""
    if trigger.presupposed:
        return False
    if trigger.anchor is trigger.verb and _infinitive(trigger.verb):
        return True  # "plans to capture", "poised to attack": intended or expected, not reported
    current = trigger.verb
    while True:
        if modal_future(current) or any(
            c.dep_ == "mark" and c.lower_ in {"if", "unless"} for c in current.children
        ):
            return True
        if current.lemma_.lower() in lx.PREDICT_VERBS or current.lemma_.lower() in lx.PURE_REPORTING:
            return current.lemma_.lower() in lx.PREDICT_VERBS
        if current.head.i == current.i or current.dep_ not in {
            "xcomp",
            "ccomp",
            "advcl",
            "conj",
            "acl",
            "pcomp",
            "pobj",
            "prep",
            "dobj",
        }:
            return False
        current = current.head


def _infinitive(verb: Token) -> bool:
    return verb.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def modal_future(verb: Token) -> bool:
    """A verb under "will", "would", "could", "may", "might" or "going to"."""
    for child in verb.children:
        if child.dep_ == "aux" and child.lower_ in lx.FUTURE_MODALS | lx.UNCERTAIN_MODALS | {"would"}:
            return not any(c.dep_ == "neg" for c in verb.children) or child.lower_ in lx.FUTURE_MODALS | {
                "would"
            }
    return verb.dep_ == "xcomp" and verb.head.lower_ == "going"


def content_head(verb: Token) -> Token:
    """Look through pure reporting verbs to what was reported ("he said that X" → X)."""
    current = verb
    while current.lemma_.lower() in lx.PURE_REPORTING:
        complements = _children(current, "ccomp")
        if not complements:
            break
        current = complements[0]
    return current


def _attribution_tail(token: Token) -> bool:
    """ ", a Russian general claimed on Monday.": a reporting verb with nothing reported under it."""
    deps = {c.dep_ for c in token.children}
    return token.lemma_.lower() in lx.REPORTING_VERBS and not deps & {"ccomp", "dobj", "xcomp"}


def clause_heads(sent: SpacySpan) -> list[Token]:
    """The main clause of the sentence, then reported clauses hanging off it ("…, adding that X")."""
    root = sent.root
    heads = [content_head(root)]
    for child in (*root.children, *heads[0].children):
        if child.dep_ in {"advcl", "conj"} and child.pos_ in _VERB and not _attribution_tail(child):
            head = content_head(child)
            if head not in heads:
                heads.append(head)
    return heads
