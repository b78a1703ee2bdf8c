"""Speakers: a source phrase from the parse into name, description and kind, and pronouns and role
references ("he", "they", "the president") resolved to an earlier speaker or person.

The resolver is salience by recency with gender and number agreement, over named people the parser
found and speakers already attributed: enough for news, where a pronoun speaker almost always
points back to the last person quoted or named.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable
from dataclasses import dataclass, replace

from claimledger.document import SpeakerKind
from claimledger.quotes.lexicon import Lexicon
from claimledger.quotes.spacy_types import SpacyDoc, SpacySpan, Token

_PERSONAL = {"he": "m", "him": "m", "she": "f", "her": "f"}
_PLURAL = {"they", "them"}
_NEUTER = {"it"}
_RELATIVE = {"who", "which", "that"}
_DROP_DEPS = {"relcl", "appos", "acl", "cc", "conj", "advcl"}
_TIME_ENTS = {"DATE", "TIME"}
_LABEL = re.compile(r"\s*([A-Z][A-Z.'\- ]{1,40}[A-Z]):\s")
_NAME_ENTS = {"PERSON"}
_ORG_ENTS = {"ORG", "GPE", "NORP", "FAC"}


@dataclass(frozen=True)
class Who:
    """A speaker as found: what the report shows, plus what resolution needs (gender, number)."""

    name: str | None
    description: str | None
    kind: SpeakerKind
    start: int
    end: int
    gender: str | None = None
    plural: bool = False


class Speakers:
    """Builds Who records from source tokens and resolves references, in text order."""

    def __init__(
        self, parsed: SpacyDoc, lexicon: Lexicon, quoted: Iterable[tuple[int, int]], text: str | None = None
    ) -> None:
        self.parsed = parsed
        # spaCy rebuilds Doc.text on every access: read it once (or take the caller's copy)
        self.text: str = parsed.text if text is None else text
        self.lex = lexicon
        self.quoted = list(quoted)
        self.seen: list[Who] = []  # speakers and people named so far, in order of mention
        # Doc.ents and Span.ents rebuild their spans on every access: collect the names once
        self._person_ents = [ent for ent in parsed.ents if ent.label_ in _NAME_ENTS]
        self._people = [ent for ent in self._person_ents if not self._inside(ent.start_char)]
        self._plural_tokens: list[Token] | None = None
        self._named = self._people_named()

    def _inside(self, offset: int) -> bool:
        return any(s <= offset < e for s, e in self.quoted)

    def who(self, token: Token) -> Who:
        """The speaker a source token names, resolved when it is a pronoun or a role reference."""
        start, end = token.idx, token.idx + len(token.text)
        if token.lower_ in _RELATIVE and token.head.dep_ == "relcl":
            # "voters who say ...": the voters speak; the mention stays "who", as PolNeAR marks it
            found = self._lookup(token.head.head)
        else:
            found = self._lookup(token)
            start, end = found.start, found.end
        if found.start != start or found.end != end:
            found = replace(found, start=start, end=end)
        self.seen.append(found)
        return found

    def _lookup(self, token: Token) -> Who:
        lower = token.lower_
        start, end = token.idx, token.idx + len(token.text)
        if lower in _PERSONAL or lower in _PLURAL or lower in _NEUTER:
            found = self._resolve_pronoun(token)
        elif lower in ("i", "we") and (label := self._transcript_label(token)) is not None:
            found = label
            start, end = label.start, label.end
        else:
            found = self._phrase(token)
            start, end = found.start, found.end
            if found.name is None and _is_definite(token):
                found = self._resolve_role(token, start) or found
            elif found.name is not None and found.description is None:
                found = replace(found, description=self._known_description(found.name))
        return found if (found.start, found.end) == (start, end) else replace(found, start=start, end=end)

    def _transcript_label(self, token: Token) -> Who | None:
        """ "FALLIN: Well, I think ...": in a transcript, "I" is the speaker the line opens with."""
        text = self.text
        line_start = text.rfind("\n", 0, token.idx) + 1
        match = _LABEL.match(text, line_start)
        if match is None or match.end() > token.idx:
            return None
        name = match.group(1)
        return Who(name.title(), None, "person", match.start(1), match.end(1))

    def _known_description(self, name: str) -> str | None:
        """ "Stepanyan" later in the article keeps the "military expert" he was introduced with."""
        for who in self._candidates(sys.maxsize):
            if who.name == name and who.description:
                return who.description
        return None

    def phrase_text(self, token: Token) -> str:
        """The noun phrase a token heads, without relative clauses or appositions ("the Russian media")."""
        tokens = _core(token)
        return _strip_det(self.parsed[tokens[0].i : tokens[-1].i + 1].text)

    def phrase_span(self, token: Token) -> tuple[int, int]:
        """Character offsets of the phrase `phrase_text` names (with its determiner)."""
        tokens = _core(token)
        return tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)

    def is_media(self, token: Token) -> bool:
        text = self.phrase_text(token).lower()
        return text in self.lex.media_names or token.lemma_.lower() in self.lex.media_nouns

    def _phrase(self, token: Token) -> Who:
        core = _core(token)
        span = self.parsed[core[0].i : core[-1].i + 1]
        appos = [c for c in token.children if c.dep_ == "appos"]
        name_span = self._name_in(span) or next((n for a in appos if (n := self._name_in(_sub(a)))), None)
        start, end = span.start_char, span.end_char
        if name_span is not None:
            name = self._full_name(name_span.text)
            inside = span.start <= name_span.start < span.end
            desc_parts = [span[: name_span.start - span.start].text] if inside else [span.text]
            desc_parts += [
                _sub(a, core=True).text for a in appos if not _sub(a).start <= name_span.start < _sub(a).end
            ]
            description = ", ".join(p for p in desc_parts if p) or None
            kind = self._kind_of_name(name, name_span)
            return Who(name, description, kind, start, end, _gender(name, description, self.lex), False)
        text = span.text
        descs = [text] + [_sub(a, core=True).text for a in appos]
        plural = token.tag_ in {"NNS", "NNPS"}
        lemma = token.lemma_.lower()
        if text.lower() in self.lex.media_names or _strip_det(text).lower() in self.lex.media_names:
            return Who(_strip_det(text), None, "media", start, end, None, plural)
        if lemma in self.lex.media_nouns:
            return Who(None, ", ".join(descs), "media", start, end, None, plural)
        if token.ent_type_ in _ORG_ENTS or lemma in self.lex.organization_nouns:
            named = token.pos_ == "PROPN" or token.ent_type_ in _ORG_ENTS
            return Who(
                _strip_det(text) if named else None, None if named else text, "organization", start, end
            )
        return Who(None, ", ".join(descs), "anonymous", start, end, None, plural)

    def _name_in(self, span: SpacySpan) -> SpacySpan | None:
        """The person's name inside a phrase: a PERSON entity, else a run of proper nouns we know."""
        for ent in self._person_ents:
            if span.start <= ent.start and ent.end <= span.end:
                return ent
        propn = _name_run(span)
        if not propn:
            return None
        run = self.parsed[propn[0].i : propn[-1].i + 1]
        last = propn[-1].text
        if last in {w for who in self.seen if who.kind == "person" for w in (who.name or "").split()}:
            return run
        if any(ent.text.split()[-1] == last for ent in self._people):
            return run
        # "Military commentator Igor Vasiliev" where the tagger missed the PERSON: two or more
        # proper nouns, none tagged as an organization or place, ending the phrase
        untagged = all(t.ent_type_ in ("", "PERSON", "NORP") for t in propn)
        if len(propn) >= 2 and untagged and propn[-1].lemma_.lower() not in self.lex.organization_nouns:
            return run
        return None

    def _full_name(self, name: str) -> str:
        """ "Stepanyan" after "Alexander Stepanyan" was named: the full name."""
        if " " in name:
            return name
        for ent in self._people:
            if ent.text.split()[-1] == name and " " in ent.text:
                return str(ent.text)
        return name

    def _kind_of_name(self, name: str, span: SpacySpan) -> SpeakerKind:
        if name.lower() in self.lex.media_names:
            return "media"
        labels = {t.ent_type_ for t in span}
        if labels & _ORG_ENTS and "PERSON" not in labels and not self._is_known_person(name):
            return "organization"
        return "person"

    def _is_known_person(self, name: str) -> bool:
        return any(w.kind == "person" and w.name == name for w in self.seen) or any(
            ent.text == name or ent.text.endswith(" " + name) for ent in self._people
        )

    def _people_named(self) -> list[Who]:
        """Every person the parser named outside quotes, with the title they were first given."""
        people: list[Who] = []
        described: dict[str, str | None] = {}
        for ent in self._people:
            name = self._full_name(ent.text)
            description = _ent_description(ent) or described.get(name)
            described.setdefault(name, description)
            gender = _gender(name, description, self.lex)
            people.append(Who(name, description, "person", ent.start_char, ent.end_char, gender))
        return people

    def _candidates(self, before: int) -> list[Who]:
        """People named and speakers seen before `before`, most recent first."""
        found = [w for w in self._named if w.end <= before] + [
            w for w in self.seen if w.start < before and not _bare_pronoun(w)
        ]
        return sorted(found, key=lambda w: w.start, reverse=True)

    def _resolve_pronoun(self, token: Token) -> Who:
        lower, start = token.lower_, token.idx
        candidates = self._candidates(start)
        if lower in _PERSONAL:
            gender = _PERSONAL[lower]
            match = next((c for c in candidates if c.kind == "person" and c.gender in (gender, None)), None)
        elif lower in _PLURAL:
            match = self._resolve_they(candidates, token)
        else:
            match = next((c for c in candidates if c.kind in ("organization", "media")), None)
        if match is None:
            return Who(None, lower, "anonymous", start, start + len(lower))
        return match

    def _resolve_they(self, candidates: list[Who], token: Token) -> Who | None:
        """ "they": the last unnamed or collective speaker nearby, else the last plural group."""
        sent = token.sent
        window = self.parsed[sent.start - 1].sent.start_char if sent.start > 0 else sent.start_char
        for c in candidates:
            if c.start >= window and (c.kind != "person" or c.plural) and c in self.seen:
                return c
        groups = sorted(self._plural_subjects(token.idx), key=lambda w: w.start, reverse=True)
        if groups:
            return groups[0]
        return next((c for c in candidates if c.kind in ("organization", "anonymous")), None)

    def _plural_subjects(self, before: int) -> list[Who]:
        if self._plural_tokens is None:
            self._plural_tokens = [
                t
                for t in self.parsed
                if t.dep_ == "nsubj" and t.tag_ in ("NNS", "NNPS") and not self._inside(t.idx)
            ]
        return [replace(self._phrase(t), plural=True) for t in self._plural_tokens if t.idx < before]

    def _resolve_role(self, token: Token, start: int) -> Who | None:
        """ "the president", "the expert", "the ministry": the last candidate described that way."""
        lemma = token.lemma_.lower()
        for c in self._candidates(start):
            words = f"{c.name or ''} {c.description or ''}".lower().replace(",", " ").split()
            if lemma in words or token.lower_ in words:
                return c
        return None


def _bare_pronoun(who: Who) -> bool:
    """ "which" or an unresolved "they" names nobody: no antecedent for a later pronoun."""
    words = _PERSONAL.keys() | _PLURAL | _NEUTER | _RELATIVE
    return who.name is None and (who.description or "").lower() in words


def _core(token: Token) -> list[Token]:
    """The tokens of a noun phrase without its clauses, appositions and punctuation."""
    keep = {token.i}
    stack = list(token.children)
    while stack:
        child = stack.pop()
        if child.dep_ not in _DROP_DEPS and not _is_time(child):
            keep.add(child.i)
            stack.extend(child.children)
    doc = token.doc
    first = last = token.i
    while first - 1 in keep and not (doc[first - 1].is_punct or doc[first - 1].is_space):
        first -= 1
    while last + 1 in keep:
        last += 1
    while last > token.i and (doc[last].is_punct or doc[last].is_space):
        last -= 1
    return [token.doc[i] for i in range(first, last + 1)]


def _is_time(child: Token) -> bool:
    """ "Ukraine's military on Monday": a time phrase the parser hung on the noun."""
    return child.dep_ == "prep" and any(t.ent_type_ in _TIME_ENTS for t in child.subtree)


def _name_run(span: SpacySpan) -> list[Token]:
    """The run of proper nouns that ends a phrase ("Igor Vasiliev" in "commentator Igor Vasiliev")."""
    run: list[Token] = []
    for t in reversed(list(span)):
        if t.pos_ != "PROPN":
            if run:
                break
            continue
        run.insert(0, t)
    return run


def _sub(token: Token, *, core: bool = False) -> SpacySpan:
    tokens = _core(token) if core else list(token.subtree)
    return token.doc[tokens[0].i : tokens[-1].i + 1]


def _strip_det(text: str) -> str:
    for det in ("the ", "The "):
        if text.startswith(det):
            return text[len(det) :]
    return text


def _is_definite(token: Token) -> bool:
    return any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in token.children)


def _ent_description(ent: SpacySpan) -> str | None:
    """ "Russian President" in "Russian President Vladimir Putin": the title words before a name."""
    doc = ent.doc
    i = ent.start
    while i > 0 and doc[i - 1].dep_ in ("compound", "amod") and i <= doc[i - 1].head.i < ent.end:
        i -= 1
    words = doc[i : ent.start].text
    appos = [c for c in ent.root.children if c.dep_ == "appos"]
    parts = [words] + [_sub(a, core=True).text for a in appos]
    return ", ".join(p for p in parts if p) or None


def _gender(name: str | None, description: str | None, lex: Lexicon) -> str | None:
    """A guess from the first name (or a title) only where it is fairly safe; None means either."""
    desc = (description or "").lower()
    if any(w in desc.split() for w in ("woman", "mrs.", "ms.", "mother", "wife", "daughter")):
        return "f"
    if not name or " " not in name:
        return None
    first = name.split()[0].lower()
    if first in lex.female_names or (first.endswith("a") and first not in lex.male_names):
        return "f"
    return "m"
