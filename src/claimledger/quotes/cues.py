"""Attribution cues in the parse: reporting verbs and "according to", each with its source token,
its reported clause, and the outlets it was relayed through.

Patterns follow PARC 3.0 / PolNeAR (source, cue, content): "X said (that) C", "C, X said",
"said X", "according to X, C", and participle chains ("spoke ..., stating 'C'") whose source is
the subject of the clause they hang from.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from claimledger.quotes.lexicon import Lexicon
from claimledger.quotes.spacy_types import SpacyDoc, Token

_SUBJECTS = ("nsubj", "nsubjpass")
_CHAIN = ("advcl", "xcomp", "conj", "pcomp", "ccomp")
_RELATIVE = {"who", "which", "that"}
_REPORT_NOUNS = {"report", "reports", "statement", "data", "figure", "figures", "source", "sources"}
_ANONYMITY = {"name", "identify", "anonymous", "anonymity", "identification", "quote"}
_OPEN_MARKS = {'"', "“", "„", "«", "'", "‘", "``"}
_PUNCT_EDGE = " \t\n,.;:—–-\"“”„«»'‘’()"


@dataclass
class Cue:
    """One attribution cue: `token` is the verb (or "according"), `phrase` what the report shows."""

    token: Token
    phrase: str
    source: Token | None
    content: tuple[int, int] | None
    speech: bool
    via: list[Token] = field(default_factory=list)


def find_cues(parsed: SpacyDoc, lex: Lexicon, is_media: Callable[[Token], bool]) -> list[Cue]:
    """Every cue in the parse, in text order; `is_media(token)` decides what counts as a relay."""
    cues: list[Cue] = []
    for token in parsed:
        if token.lower_ == "according" and token.i + 1 < len(parsed) and parsed[token.i + 1].lower_ == "to":
            cue = _according(token, parsed[token.i + 1])
        elif token.pos_ in ("VERB", "AUX") and token.lemma_.lower() in lex.cue_verbs:
            cue = _verb(token, lex)
        elif token.text == ":":
            cue = _colon(token)
        else:
            continue
        if cue is not None:
            cue.via = _relays(cue, is_media)
            cues.append(cue)
    return cues


def _according(token: Token, to: Token) -> Cue | None:
    source = next((c for c in to.children if c.dep_ == "pobj"), None)
    if source is None:
        return None
    if source.lower_ in _REPORT_NOUNS:
        inner = _prep_object(source, ("from", "by", "in", "of"))
        source = inner or source
    sent = token.sent
    pp = sorted(t.i for t in token.subtree)
    left = _trimmed(token.doc, sent.start, pp[0])
    right = _trimmed(token.doc, pp[-1] + 1, sent.end)
    sides = [s for s in (left, right) if s is not None]
    content = max(sides, key=lambda s: s[1] - s[0]) if sides else None
    return Cue(token, "according to", source, content, speech=True)


def _colon(token: Token) -> Cue | None:
    """ "Trump: 'We will win'": a speaker named right before a colon that opens a quote."""
    doc = token.doc
    if token.i == 0 or token.i + 1 >= len(doc) or doc[token.i + 1].text not in _OPEN_MARKS:
        return None
    before = doc[token.i - 1]
    if before.pos_ not in ("NOUN", "PROPN", "PRON"):
        return None
    while before.dep_ == "compound" and before.head.i > before.i:
        before = before.head
    return Cue(token, ":", before, None, speech=True)


def _verb(token: Token, lex: Lexicon) -> Cue | None:
    lemma = token.lemma_.lower()
    if lemma == "point" and not any(c.dep_ == "prt" for c in token.children):
        return None
    clause = _clause(token, lemma, lex)
    source = _source(token)
    content = None
    if clause is not None:
        sub = sorted(t.i for t in clause.subtree)
        first = sub[0] if sub[0] > token.i or sub[-1] < token.i else token.i + 1
        last = sub[-1] + 1
        if source is not None and first <= source.i < last:
            # "C, the ministry said": the parser hung the source on C; cut C before it
            last = min(t.i for t in source.subtree) if source.i > first else last
        content = _trimmed(token.doc, first, last)
    elif token.dep_ == "parataxis" and lemma in lex.speech_verbs and token.head.i != token.i:
        content = _around(token)
    phrase = " ".join(t.text for t in [token, *(c for c in token.children if c.dep_ == "prt")])
    return Cue(token, phrase, source, content, speech=lemma in lex.speech_verbs)


def _around(token: Token) -> tuple[int, int] | None:
    """ "The museum, Mr. Obama said, would make visitors face ...": the longer side of the sentence
    the parenthetical cue interrupts (PolNeAR marks both sides; a span here is one stretch)."""
    clause = sorted(t.i for t in token.head.subtree)
    cue = sorted(t.i for t in token.subtree)
    sides = [
        s
        for s in (_trimmed(token.doc, clause[0], cue[0]), _trimmed(token.doc, cue[-1] + 1, clause[-1] + 1))
        if s is not None
    ]
    return max(sides, key=lambda s: s[1] - s[0]) if sides else None


def _clause(token: Token, lemma: str, lex: Lexicon) -> Token | None:
    """The reported clause: a that-clause first, else any clausal complement, else an infinitive."""
    clauses = [c for c in token.children if c.dep_ == "ccomp"]
    marked = [c for c in clauses if any(m.dep_ == "mark" for m in c.children)]
    if marked or clauses:
        return (marked or clauses)[0]
    if lemma in lex.infinitive_verbs:
        found = next((c for c in token.children if c.dep_ == "xcomp"), None)
        # "asked not to be named" describes the source, it reports nothing
        if found is not None and not any(t.lemma_ in _ANONYMITY for t in found.subtree):
            return found
    if lemma in lex.object_verbs:
        # "call X Y" names, "call for X" demands: only the second reports a position
        obj = (
            _prep_object(token, ("for",))
            if lemma == "call"
            else next((c for c in token.children if c.dep_ == "dobj"), None)
        )
        if obj is not None and obj.pos_ != "PRON" and sum(1 for _ in obj.subtree) >= 3:
            return obj
    if lemma == "tell":
        # "told a broadcaster that C", which the parser reads as a relative clause on the object
        for obj in token.children:
            if obj.dep_ in ("dobj", "dative"):
                rel = next((c for c in obj.children if c.dep_ == "relcl"), None)
                if rel is not None and rel.doc[rel.left_edge.i].lower_ == "that":
                    return rel
    return None


def _source(verb: Token) -> Token | None:
    """The subject of the verb, or of the clause a participle or conjunct hangs from."""
    for _ in range(4):
        subject = next((c for c in verb.children if c.dep_ in _SUBJECTS), None)
        if subject is not None:
            if (
                subject.lower_ in _RELATIVE
                and verb.dep_ == "relcl"
                and verb.head.pos_ not in ("NOUN", "PROPN")
            ):
                return verb.head
            return subject
        if verb.dep_ in ("relcl", "acl") and verb.head.pos_ in ("NOUN", "PROPN"):
            return verb.head
        if verb.dep_ == "pcomp" and verb.head.dep_ == "prep" and verb.head.head.i != verb.head.i:
            # "Ryan, despite admitting that ..., said": the subject of the verb the phrase hangs on
            verb = verb.head.head
            continue
        if verb.dep_ not in _CHAIN or verb.head.i == verb.i:
            return _stray_subject(verb)
        verb = verb.head
    return None


def _stray_subject(verb: Token) -> Token | None:
    """ "C, the Russian Defense Ministry said": a noun just before the verb the parser hung elsewhere."""
    if verb.i == 0:
        return None
    before = verb.doc[verb.i - 1]
    if before.pos_ in ("NOUN", "PROPN") and before.dep_ in ("appos", "conj", "pobj", "dobj"):
        return before
    return None


def _prep_object(token: Token, preps: tuple[str, ...]) -> Token | None:
    for prep in token.children:
        if prep.dep_ == "prep" and prep.lower_ in preps:
            obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if obj is not None:
                return obj
    return None


def _relays(cue: Cue, is_media: Callable[[Token], bool]) -> list[Token]:
    """Outlets the statement went through: "speaking to TASS", "told Reuters", "in an interview with"."""
    if cue.token.lower_ == "according":
        return []
    found: list[Token] = []
    verb = cue.token
    for _ in range(3):
        for child in verb.children:
            found.extend(_relay_of(child))
        if verb.dep_ not in _CHAIN or verb.head.i == verb.i:
            break
        verb = verb.head
    if cue.source is not None:
        # "Igor Vasiliev, speaking to RIA Novosti, described ...": the relay hangs on the source
        found.extend(r for child in cue.source.children if child.dep_ == "acl" for r in _relay_of(child))
    return [t for t in found if is_media(t) and (cue.source is None or t.i != cue.source.i)]


def _relay_of(child: Token) -> list[Token]:
    if child.dep_ in ("dative", "dobj") and child.head.lemma_ == "tell":
        return [child]
    if child.dep_ in ("advcl", "acl") and child.lemma_ in ("speak", "talk"):
        obj = _prep_object(child, ("to", "with"))
        return [obj] if obj is not None else []
    if child.dep_ == "prep" and child.lower_ in ("to", "with"):
        return [c for c in child.children if c.dep_ == "pobj"]
    if child.dep_ == "prep" and child.lower_ == "in":
        obj = next((c for c in child.children if c.dep_ == "pobj"), None)
        if obj is not None and obj.lemma_ == "interview":
            inner = _prep_object(obj, ("with", "to"))
            return [inner] if inner is not None else []
    return []


def _trimmed(doc: SpacyDoc, start: int, end: int) -> tuple[int, int] | None:
    """Character span of tokens start..end without edge punctuation or a leading "that"."""
    while start < end and (doc[start].is_punct or doc[start].is_space or doc[start].lower_ == "that"):
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    if end - start < 2:
        return None
    first, last = doc[start], doc[end - 1]
    # strip marks glued to the edge tokens ("'irreversible"); doc.text is rebuilt on each access
    s = first.idx + len(first.text) - len(first.text.lstrip(_PUNCT_EDGE))
    e = last.idx + len(last.text.rstrip(_PUNCT_EDGE))
    return (s, e) if s < e else None
