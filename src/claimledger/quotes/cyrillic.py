"""Direct quotes in Russian and Ukrainian text, attributed by the cue beside them (issue 12, a first slice).

Finds «ёлочки», „лапки“ and straight quotes (claimledger.quotes.marks) and dash-introduced speech at
a paragraph's start ("— Мы продолжаем наступление, — сказал он."), and takes the speaker from the
attribution right after the quote (", — заявил Песков", ", сообщили в Минобороны") or right before
it ("Генштаб ЗСУ повідомив: «…»"). Pronouns (он, она, він, вона) take the previous named speaker.
Without a parse, a speaker is the run of capitalized words after the cue (or before it). Does not:
read reported speech ("по словам", "заявил, что"), relay chains, or anonymous sources.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from claimledger.document import Quote, Speaker, SpeakerKind
from claimledger.quotes.find import Found
from claimledger.quotes.marks import Quoted, find_quoted

# Reporting verbs, past tense, every gender and number: Russian then Ukrainian.
CUE = (
    r"(?:заявил|сообщил|сообщило|сказал|отметил|подчеркнул|добавил|пояснил|признал|уточнил|написал|рассказал|"
    r"опроверг|передает|передаёт|сообщает|"
    r"заявив|заявила|заявили|повідомив|повідомила|повідомили|сказав|сказала|зазначив|зазначила|"
    r"наголосив|додав|пояснив|розповів|написав|спростував|передає|повідомляє)[а-яіїєґ]*"
)
NAME = r"(?:[А-ЯЁІЇЄҐ][\w'ʼ’-]*)(?:\s+[А-ЯЁІЇЄҐ][\w'ʼ’-]*){0,3}"
_PRONOUNS = frozenset({"он", "она", "він", "вона"})
_AFTER = re.compile(
    rf"[\s,]*[—–-]?\s*(?P<cue>(?i:{CUE}))(?:\s+в|\s+у)?\s+(?P<who>{NAME}|(?i:он|она|він|вона))"
)
_BEFORE = re.compile(rf"(?P<who>{NAME})\s+(?P<cue>(?i:{CUE}))\s*:\s*$")
_DASH_LINE = re.compile(r"(?m)^[ \t]*[—–]\s*(?P<body>[^\n]+?),\s*[—–]\s*(?=\w)")
_ORGS = re.compile(
    r"(?i)минобороны|міноборони|министерств|міністерств|генштаб|штаб|мид|мзс|кремл|ведомств|"
    r"командуванн|командовани|зсу|всу|сили|силы|управлінн|администрац|адміністрац|ова|ода|росія|россия"
)
_MEDIA = re.compile(r"(?i)тасс|риа|интерфакс|укрінформ|укринформ|рбк|уніан|униан|суспільне|інтерфакс")


@dataclass
class _Last:
    speaker: Speaker | None = None


def find_cyrillic_quotes(text: str) -> Found:
    """Direct quotes in text order, each with the speaker its attribution names (unknown if none)."""
    quoted, unclosed = find_quoted(text)
    spans = [(q.start, q.end) for q in quoted] + _dash_speech(text, quoted)
    last = _Last()
    quotes = []
    for start, end in sorted(spans):
        speaker, cue = _attribution(text, start, end, last)
        quotes.append(Quote(start, end, direct=True, speaker=speaker, cue=cue))
    return Found(quotes, unclosed)


def _dash_speech(text: str, quoted: list[Quoted]) -> list[tuple[int, int]]:
    """ "— Мы продолжаем наступление, — сказал он.": the words between the dashes."""
    out = []
    for m in _DASH_LINE.finditer(text):
        start, end = m.span("body")
        if not any(q.start < end and start < q.end for q in quoted):
            out.append((start, end))
    return out


def _attribution(text: str, start: int, end: int, last: _Last) -> tuple[Speaker, str | None]:
    after = _AFTER.match(text, _close(text, end), min(len(text), end + 120))
    line_start = text.rfind("\n", 0, start) + 1
    before = _BEFORE.search(text, max(line_start, start - 120), _open(text, start))
    m = after or before
    if m is None:
        return Speaker(None, None, "anonymous"), None
    who_start, who_end = m.span("who")
    who = text[who_start:who_end].rstrip(".")
    who_end = who_start + len(who)
    if who.casefold() in _PRONOUNS:
        held = last.speaker
        name = held.name if held else None
        kind: SpeakerKind = held.kind if held else "person"
        return Speaker(name, None, kind, who_start, who_end), m["cue"]
    speaker = Speaker(who, None, _kind(who), who_start, who_end)
    last.speaker = speaker
    return speaker, m["cue"]


def _close(text: str, end: int) -> int:
    """Just past the closing mark (and a comma), where an attribution after the quote begins."""
    return end + 1 if end < len(text) and text[end] in "»“”\"'" else end


def _open(text: str, start: int) -> int:
    return start - 1 if start > 0 and text[start - 1] in "«„“\"'" else start


def _kind(name: str) -> SpeakerKind:
    if _MEDIA.search(name):
        return "media"
    if _ORGS.search(name):
        return "organization"
    return "person"
