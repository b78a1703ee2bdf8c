"""Quotation marks paired into quoted spans, from the text alone.

News uses straight and curly double quotes, « », „ “, and single quotes as quotation marks, which
share a character with the apostrophe; a quote may run over paragraphs (each new paragraph reopens
it) and may never close. Pairing works on a stack so nested quotes stay inside their outer quote,
and a mark is read as opening or closing from the characters around it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

# '' (two apostrophes) is a double quotation mark in some newspapers' plain text (the NYT's);
# in ''' closing a quote within a quote, the inner single mark comes first
_MARKS = re.compile(r"'(?='')|''|[\"“”„«»'‘’\n]")
_FAMILY = {'"': "double", "“": "double", "”": "double", "„": "double", "«": "angle", "»": "angle"}
_FAMILY |= {"'": "single", "‘": "single", "’": "single"}
_OPENERS = "\"“„«'‘"
_LEFT_OPEN = "([{—–-/\"“„«'‘"
_RIGHT_CLOSE = ".,;:!?)]}—–-…\"”»'’"


@dataclass(frozen=True, slots=True)
class Quoted:
    """A quoted stretch: `start`/`end` bound the content, without the marks.

    A quote that runs over paragraphs comes as one Quoted per paragraph, later ones with
    `continues=True`; `closed` is False for a quote that never closed (cut at its paragraph's end).
    """

    start: int
    end: int
    closed: bool = True
    continues: bool = False


@dataclass
class _Open:
    family: str
    char: str
    start: int
    pieces: list[tuple[int, int]] = field(default_factory=list)
    first_break: int | None = None
    inner: list[Quoted] = field(default_factory=list)


def find_quoted(text: str) -> tuple[list[Quoted], int]:
    """Outermost quoted spans in text order, and how many quotes never closed."""
    scanner = _Scanner(text)
    for match in _MARKS.finditer(text):
        scanner.feed(match.start(), match.end() - match.start())
    return scanner.finish()


class _Scanner:
    """One pass over the marks; `stack` holds the quotes open at the current position."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.stack: list[_Open] = []
        self.out: list[Quoted] = []
        self.skip: set[int] = set()
        self.unclosed = 0

    def feed(self, i: int, width: int = 1) -> None:
        char = '"' if width == 2 else self.text[i]
        if i in self.skip:
            return
        if char == "\n":
            self._paragraph_break(i)
            return
        role = self._role(i, char, width)
        if role == "open":
            self.stack.append(_Open(_FAMILY[char], char, i + width))
        elif role == "close":
            self._close(_FAMILY[char], i)

    def finish(self) -> tuple[list[Quoted], int]:
        while self.stack:
            self._cut(self.stack.pop())
        self.out.sort(key=lambda q: q.start)
        return [q for q in self.out if q.start < q.end], self.unclosed

    def _role(self, i: int, char: str, width: int = 1) -> str | None:
        """'open', 'close' or None (an apostrophe, or a mark that closes nothing open)."""
        text = self.text
        before = text[i - 1] if i > 0 else " "
        after = text[i + width] if i + width < len(text) else " "
        left_open = before.isspace() or before in _LEFT_OPEN
        right_close = after.isspace() or after in _RIGHT_CLOSE
        family = _FAMILY[char]
        is_open = any(o.family == family for o in self.stack)
        if char in "”»" or (char == "“" and self._top_char() == "„"):
            return "close" if is_open else None
        if char in "“„«‘":
            return "open"
        if left_open and not right_close:
            return "open"
        if right_close and not left_open:
            return "close" if is_open and not self._possessive(i, char) else None
        if char == '"':
            return "close" if is_open else "open"
        return None  # a single mark between letters (don't) or between spaces

    def _possessive(self, i: int, char: str) -> bool:
        """ "residents' homes": an s' with another closing single mark later in the paragraph."""
        if char == '"' or self.text[i - 1] not in "sS":
            return False
        end = self.text.find("\n", i)
        rest = self.text[i + 1 : end if end >= 0 else len(self.text)]
        return re.search(r"\S['’](?=[\s.,;:!?)—]|$)", rest) is not None

    def _top_char(self) -> str:
        return self.stack[-1].char if self.stack else ""

    def _close(self, family: str, i: int) -> None:
        while self.stack:
            entry = self.stack.pop()
            if entry.family == family:
                entry.pieces.append((entry.start, i))
                self._emit(entry, closed=True)
                return
            self._cut(entry)

    def _emit(self, entry: _Open, *, closed: bool) -> None:
        quotes = [
            Quoted(*_trim(self.text, s, e), closed=closed, continues=n > 0)
            for n, (s, e) in enumerate(entry.pieces)
        ]
        if self.stack:
            self.stack[-1].inner.extend(quotes)
        else:
            self.out.extend(quotes)

    def _cut(self, entry: _Open) -> None:
        """A quote that never closed ends at its paragraph's end; quotes after that are kept."""
        self.unclosed += 1
        end = entry.first_break if entry.first_break is not None else len(self.text)
        entry.pieces.append((entry.start, end))
        self._emit(entry, closed=False)
        target = self.stack[-1].inner if self.stack else self.out
        target.extend(q for q in entry.inner if q.start >= end)

    def _paragraph_break(self, i: int) -> None:
        nxt = i
        while nxt < len(self.text) and self.text[nxt].isspace():
            nxt += 1
        if nxt in self.skip:
            return  # the blank line's first newline already carried the quotes open over this break
        reopen = self.text[nxt] if nxt < len(self.text) else ""
        width = 2 if self.text.startswith("''", nxt) else 1
        reopen = '"' if width == 2 else reopen
        for entry in list(self.stack):
            if reopen and reopen in _OPENERS and _FAMILY[reopen] == entry.family and nxt not in self.skip:
                entry.pieces.append((entry.start, i))
                entry.start = nxt + width
                self.skip.add(nxt)
            elif entry.first_break is None:
                entry.first_break = i
            elif entry.first_break < i and self.text[entry.first_break : i].strip():
                self.stack.remove(entry)
                self._cut(entry)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop surrounding whitespace and a trailing comma (American style puts it inside the marks)."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] == ","):
        end -= 1
    return start, end
