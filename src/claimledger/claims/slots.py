"""Fill a claim's slots from the parse: clause type, stance, who says it, the acting side, figures.

Each function reads one thing off the dependency tree around the claim's anchor word and returns
None where the text does not say, so the report shows an honest gap instead of a guess.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from claimledger.claims import lexicon as lx
from claimledger.claims.triggers import LIGHT_VERBS as _LIGHT_VERBS
from claimledger.claims.triggers import Trigger, modal_future
from claimledger.document import ClaimType, Stance
from claimledger.temporal.arith import NUMBER_WORDS

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

_CUT_FROM_NAMES = frozenset({"appos", "relcl", "acl", "punct", "advcl"})
_PERSONAL = frozenset({"he", "she", "him", "her"})


def clause_type(head: Token, first: int, last: int) -> ClaimType:
    """Type a clause that names no event: intent, prediction, assessment, or other."""
    lemma = head.lemma_.lower()
    aux = {c.lower_ for c in head.children if c.dep_ in {"aux", "auxpass"}}
    subjects = [c for c in head.children if c.dep_ in {"nsubj", "nsubjpass"}]
    first_person = any(s.lower_ in {"we", "i"} for s in subjects)
    complements = [c for c in head.children if c.dep_ in {"acomp", "attr", "xcomp", "oprd"}]
    if lemma in lx.INTENT_VERBS and any(c.dep_ in {"xcomp", "dobj"} for c in head.children):
        return "statement_of_intent"
    if any(c.lemma_.lower() in lx.INTENT_ADJECTIVES for c in complements):
        return "statement_of_intent"
    if aux & (lx.FUTURE_MODALS | {"would"}) and (first_person or lemma in lx.INTENT_WILL_VERBS):
        return "statement_of_intent"
    if modal_future(head) or lemma in lx.PREDICT_VERBS:
        return "prediction"
    if any(c.lemma_.lower() in lx.PREDICT_ADJECTIVES and _has(c, "xcomp") for c in complements):
        return "prediction"
    span = head.doc[first : last + 1]
    if lemma in lx.ASSESS_VERBS or any(t.lemma_.lower() in lx.EVALUATIVE for t in span):
        return "assessment"
    existential = any(c.dep_ == "expl" for c in head.children)  # "there are troops on the border"
    if lemma == "be" and not existential and any(c.dep_ in {"attr", "acomp"} for c in head.children):
        return "assessment"
    return "other"


def _has(token: Token, dep: str) -> bool:
    return any(c.dep_ == dep for c in token.children)


def stance(anchor: Token, verb: Token, sent: SpacySpan, *, event: bool, presupposed: bool) -> Stance:
    """Denied where a denial verb governs the claim, its event is negated, a falsity predicate sits
    in its sentence, or it is a side holding on; hedged where a hedge word or modal governs it."""
    chain = [anchor, *anchor.ancestors]
    tail = postposed_reporter(sent)
    if tail is not None:
        chain.append(tail)
    if any(t.lemma_.lower() in lx.DENY_VERBS for t in chain[1:]):
        return "denied"
    if event and not presupposed and (_negated(verb) or _negated(anchor)):
        return "denied"
    if _so_called(anchor) or (anchor is not sent.root and _falsity(sent)):
        return "denied"
    if event and anchor.lemma_.lower() in {"hold", "remain"}:
        return "denied"
    scope = [*chain, *(c for t in chain for c in t.children if c.dep_ in {"advmod", "amod", "aux", "acomp"})]
    if any(t.lemma_.lower() in lx.HEDGE_WORDS or t.lower_ in lx.HEDGE_WORDS for t in scope):
        return "hedged"
    if any(c.dep_ == "aux" and c.lower_ in lx.UNCERTAIN_MODALS for c in verb.children) and not _negated(verb):
        return "hedged"
    return "asserted"


def _negated(token: Token) -> bool:
    return any(c.dep_ == "neg" for c in token.children)


def _so_called(anchor: Token) -> bool:
    # Doc.text rebuilds the whole article on every access; a token window is cheap.
    before = anchor.doc[max(0, anchor.i - 4) : anchor.i].text.lower()
    return "so-called" in before


def _falsity(sent: SpacySpan) -> bool:
    """ "untrue", "fake", "do not correspond to reality" anywhere in the sentence."""
    if any(t.lemma_.lower() in lx.FALSITY_WORDS for t in sent):
        return True
    return any(t.lemma_.lower() == "correspond" and _negated(t) for t in sent) and "reality" in sent.text


def disclaims(sent: SpacySpan) -> bool:
    """A sentence that says the preceding figures could not be verified."""
    lowered = sent.text.lower()
    return any(phrase in lowered for phrase in lx.DISCLAIMERS)


def reporting_verb(anchor: Token, *, include_self: bool) -> Token | None:
    """The nearest verb of saying that governs the claim ("…, the ministry said")."""
    chain = [anchor, *anchor.ancestors] if include_self else list(anchor.ancestors)
    found = next((t for t in chain if t.lemma_.lower() in lx.REPORTING_VERBS and t.pos_ == "VERB"), None)
    return found or postposed_reporter(anchor.sent)


def postposed_reporter(sent: SpacySpan) -> Token | None:
    """ ", a Russian general claimed on Monday." which spaCy attaches as a conjunct of the main verb
    (or, misreading the sentence, as a relative clause)."""
    root = sent.root
    # The tail hangs off the main verb or closes the sentence; looking only there keeps this cheap.
    near_end = sent.doc[max(root.i + 1, sent.end - 6) : sent.end]
    tails = sorted(t for t in (*root.children, *near_end) if t.i > root.i and is_bare_reporter(t))
    return tails[-1] if tails else None


def is_bare_reporter(token: Token) -> bool:
    """A reporting verb with a subject and nothing reported under it: the attribution tail."""
    deps = {c.dep_ for c in token.children}
    return (
        token.dep_ in {"conj", "parataxis", "relcl"}
        and token.lemma_.lower() in lx.REPORTING_VERBS
        and "nsubj" in deps
        and not deps & {"ccomp", "dobj", "xcomp"}
    )


def according_to(sent: SpacySpan) -> Token | None:
    for token in sent:
        if token.lower_ == "according":
            for prep in token.children:
                objects = [c for c in prep.children if c.dep_ == "pobj"]
                if prep.lower_ == "to" and objects:
                    return objects[0]
    return None


def speaker(verb: Token) -> Token | None:
    """The subject of a reporting verb; a participle ("…, saying …") borrows its head's subject, and
    a subject the parser misattached sits just before the verb ("…, the ministry said")."""
    current = verb
    for _ in range(3):
        subjects = [c for c in current.children if c.dep_ in {"nsubj", "agent"}]
        if subjects:
            return subjects[0]
        before = current.doc[current.i - 1] if current.i > current.sent.start else None
        if (
            before is not None
            and before.pos_ in {"PROPN", "NOUN"}
            and current.lemma_.lower() in lx.REPORTING_VERBS
        ):
            return before
        if current.dep_ not in {"advcl", "conj", "xcomp"} or current.head.i == current.i:
            break
        current = current.head
    return None


def name_of(token: Token, resolve_pronoun: dict[int, str]) -> str | None:
    """A readable name for a subject token: its noun phrase without clauses; a pronoun's antecedent."""
    if token.lower_ in _PERSONAL:
        return resolve_pronoun.get(token.i)
    if token.pos_ == "PRON":
        return None
    if token.dep_ == "agent":
        objects = [c for c in token.children if c.dep_ == "pobj"]
        return name_of(objects[0], resolve_pronoun) if objects else None
    return _phrase(token)


def _phrase(token: Token) -> str:
    cut = {d.i for t in token.subtree if t is not token and _cut_from_name(t) for d in t.subtree}
    kept = [t for t in token.subtree if t.i not in cut and t.i <= token.i + 6]
    while kept and kept[0].dep_ in {"det", "punct", "cc"} and kept[0] is not token:
        kept.pop(0)
    doc = token.doc
    return doc[kept[0].i : kept[-1].i + 1].text.strip(" ,'\"‘’“”")


def _cut_from_name(token: Token) -> bool:
    """Clauses, appositions and prepositions other than "of" ("Ukraine's military on Monday")."""
    return token.dep_ in _CUT_FROM_NAMES or (token.dep_ == "prep" and token.lower_ != "of")


def pronoun_antecedents(parsed: SpacySpan) -> dict[int, str]:
    """he/she → the latest person named before it: enough for "'…,' he stated" after a named expert."""
    out: dict[int, str] = {}
    last: str | None = None
    # A "person" that modifies a noun ("the Maidan revolution") is a misread name of something else.
    people = {ent.start: ent for ent in parsed.ents if ent.label_ == "PERSON" and ent.root.dep_ != "compound"}
    for token in parsed:
        if token.i in people:
            last = people[token.i].text
        elif token.lower_ in _PERSONAL and last:
            out[token.i] = last
    return out


def actor(trigger: Trigger, resolve_pronoun: dict[int, str]) -> str | None:
    """The side that acts in a territorial or attack claim, as the text names it."""
    anchor, verb = trigger.anchor, trigger.verb
    if trigger.type not in {"territorial_control", "attack"}:
        return None
    if anchor is not verb and verb.lemma_.lower() not in _LIGHT_VERBS:
        # "Russia's capture of Avdiivka" names the actor; "Avdiivka's capture" names the place.
        takes_of = any(c.dep_ == "prep" and c.lower_ == "of" for c in anchor.children)
        owners = [c for c in anchor.children if c.dep_ == "poss" and takes_of]
        agents = [o for p in anchor.children if p.lower_ == "by" for o in p.children if o.dep_ == "pobj"]
        chosen = owners or agents
        return name_of(chosen[0], resolve_pronoun) if chosen else None
    subjects = [c for c in verb.children if c.dep_ in {"nsubj", "agent"}]
    to_side = [o for p in verb.children if p.lower_ == "to" for o in p.children if o.dep_ == "pobj"]
    if verb.lemma_.lower() == "fall":
        return name_of(to_side[0], resolve_pronoun) if to_side else None
    return name_of(subjects[0], resolve_pronoun) if subjects else None


_QUALIFIER = re.compile(
    r"(?:" + "|".join(re.escape(q) for q in lx.FIGURE_QUALIFIERS) + r")\s+$", re.IGNORECASE
)


def figure(tokens: SpacySpan) -> tuple[int | None, str | None, str | None]:
    """A casualty figure, what it counts and its qualifier: "more than 1,200 soldiers"."""
    for token in tokens:
        if not token.like_num or token.ent_type_ in {"DATE", "TIME", "PERCENT", "MONEY"}:
            continue
        value = _number(token.text)
        if value is None:
            continue
        head = token.head
        unit = head.text if token.dep_ == "nummod" and head.lemma_.lower() in lx.CASUALTY_UNITS else None
        before = token.doc[max(0, token.i - 3) : token.i].text + " "
        qualifier = _QUALIFIER.search(before)
        return value, unit, qualifier.group(0).strip().lower() if qualifier else None
    return None, None, None


def _number(text: str) -> int | None:
    cleaned = text.replace(",", "")
    if cleaned.isdigit():
        return int(cleaned)
    return NUMBER_WORDS.get(text.lower()) if text.lower() not in {"a", "an"} else None
