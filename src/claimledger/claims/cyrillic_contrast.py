"""One sentence, two sides: a reported control claim and its denial as two claims (issue 12).

News copy often packs the other side's claim and its rejection into one sentence. The claim stays its
reporter's, with its own stance (hedged where the report says "нібито"/"якобы"), and the denial is a
claim of its own, the denier's:

- "Окупанти стверджують, що нібито контролюють X, однак це не відповідає дійсності, заявила речниця":
  a reported claim, then "but" and a denial with no control verb of its own (it points back with
  "це"/"это");
- "Сообщения российских военкоров о якобы захвате X далеки от реальности": a report noun, its owner
  and the claim, then the denial as its predicate;
- "Аналитик усомнился в утверждениях военкоров, что десантники закрепились у X": a denial that governs
  a report noun ("утверждениях", "заявах") whose "что"-clause is the claim, the noun's owner its claimant.

- "Минобороны отчиталось о взятии X, однако аналитик назвал это сомнительным": a report, then another
  party's denial pointing back at it ("это", "ці публікації"), hedged or not;
- "Y назвал ложью сообщения Z-каналов о захвате X": a denial naming the report and its owner.

Two parties in one sentence always make two claims (the gold convention decided for issue 12): the
ledger must show that someone reported the capture as well as that someone denied it. A denial of a
report with no owner ("назвали фейком сообщения о захвате X") stays one claim, as there is no one to
give the report to. A report that the speaker only does not confirm ("ці дані не підтверджують") is
no denial at all: `denial_in` does not read it as one.

Each function returns the parts as (span, stance, claimant), claimant None where the claim's own stands.
"""

from __future__ import annotations

import re

from claimledger.claims.cyrillic_lexicon import CONTROL, HEDGE, denial_in
from claimledger.document import Stance
from claimledger.quotes.cyrillic_speakers import CUE
from claimledger.quotes.cyrillic_subjects import sentence_speaker, subject_before

Part = tuple[tuple[int, int], Stance, str | None]

_BUT = re.compile(r"(?i),\s*(?:але|проте|однак|однако|но|а|хоча|хотя)\s+(?!также\s|також\s)")
# A statement named as a thing: "заяви про захоплення", "утверждения о взятии", "реляції".
_REPORT_NOUN = (
    r"(?:утверждени|заявлени|сообщени|тверджен|заяв|повідомлен|реляци|реляці|слух|чутк|версi|верси)\w*"
)
_REPORTS = re.compile(rf"(?i)(?<!\w)(?:{CUE}|{_REPORT_NOUN})")
# "усомнился в утверждениях российских военкоров, что …": the owner of the report, then its clause.
_DENIED_REPORT = re.compile(
    rf"(?i)(?<!\w)(?:в|у)\s+(?:(?:этих|этом|цих|цьому|таких)\s+)?{_REPORT_NOUN}"
    r"(?P<owner>(?:\s+[^\s,.;:]+){0,4}?)\s*,\s*(?:что|що|будто|нібито|ніби)\s+"
)


def _own_stance(text: str, start: int, end: int) -> Stance:
    return "hedged" if HEDGE.search(text, start, end) else "asserted"


def reported_then_denied(text: str, start: int, end: int) -> list[Part] | None:
    """ "X стверджують/поширюють заяви про …, проте це неправда[, заявив Y]": the report before "but"
    (its reporter's, hedged or asserted) and the denial after it (the denier's)."""
    for m in _BUT.finditer(text, start, end):
        before, after = (start, m.start()), (m.end(), end)
        if not _REPORTS.search(text, *before) or not CONTROL.search(text, *before):
            continue
        if not HEDGE.search(text, *before):
            continue
        if denial_in(text, *before) is not None or CONTROL.search(text, *after):
            continue
        if denial_in(text, *after) is None:
            continue
        reporter = sentence_speaker(text, *before)
        return [(before, _own_stance(text, *before), reporter), (after, "denied", None)]
    return (
        report_denied(text, start, end)
        or denied_report(text, start, end)
        or denied_by_other(text, start, end)
        or denial_of_owned_report(text, start, end)
    )


# A clause break: a comma, with or without "but" ("…освобожденной, украинская сторона это отрицает").
_CLAUSE = re.compile(r"(?i),\s*(?:(?:але|проте|однак|однако|но|а|хоча|хотя|тогда\s+как|тоді\s+як)\s+)?")
# What a denial points back with: "это заявление", "ці публікації", "такие сообщения".
_THIS = re.compile(r"(?i)(?<!\w)(?:эт(?:о|и|а|у|их|ом)|ц(?:е|і|ю|их|ього|ей)|таки(?:е|х)|такі)(?!\w)")
# Words that end a subject read backwards from its verb: a preposition or time adverbial between the
# two ("Росіяни вдруге за тиждень заявили", "Російські воєнкори тим часом уже пишуть").
_PAST_SUBJECT = re.compile(
    r"(?i)^(?:за|на|в|у|по|с|з|тим|тем|уже|вже|ещё|еще|ще|вдруге|вновь|снова|знову|опять|сегодня|сьогодні)$"
)


def denied_by_other(text: str, start: int, end: int) -> list[Part] | None:
    """ "Минобороны отчиталось о взятии X, однако аналитик назвал это заявление сомнительным", "…
    объявило X освобожденной, украинская сторона это отрицает": one party's report, then another party
    denying it by pointing back ("это", "ці публікації"). Two parties, two claims: the report stays its
    reporter's, the denial is the denier's."""
    for m in _CLAUSE.finditer(text, start, end):
        before, after = (start, m.start()), (m.end(), end)
        if not CONTROL.search(text, *before) or denial_in(text, *before) is not None:
            continue
        denial = denial_in(text, *after)
        if denial is None or CONTROL.search(text, *after) or not _THIS.search(text, *after):
            continue
        cue = _first_cue(text, *before)
        reporter = _subject_head(sentence_speaker(text, *before) or subject_before(text, start, cue))
        denier = sentence_speaker(text, *after) or subject_before(text, m.end(), denial.start())
        if reporter is None or denier is None:
            continue
        return [(before, _own_stance(text, *before), reporter), (after, "denied", denier)]
    return None


def _first_cue(text: str, start: int, end: int) -> int:
    """Where the report's verb or noun starts, so the words before it can be read as its subject."""
    cue = _REPORTS.search(text, start, end)
    return cue.start() if cue is not None else start


def _subject_head(subject: str | None) -> str | None:
    """The subject without what the subject readers keep between it and a verb they do not know as a
    cue ("Росіяни вдруге за тиждень" → "Росіяни"); the first word always stays ("В Генштабе")."""
    if subject is None:
        return None
    words = subject.split()
    cut = next((n for n, w in enumerate(words) if n and _PAST_SUBJECT.match(w)), len(words))
    return " ".join(words[:cut])


# "Сообщения российских военкоров о якобы захвате": a report noun, its owner, then its hedged topic.
_HEDGED_REPORT = re.compile(
    rf"(?i)(?<!\w)(?P<noun>{_REPORT_NOUN})(?P<owner>(?:\s+[^\s,.;:]+){{0,4}}?)\s+(?:о|об|про)\s+"
    r"(?:якобы|нібито|начебто|будто\s+бы)\s"
)


def report_denied(text: str, start: int, end: int) -> list[Part] | None:
    """ "Сообщения X о якобы захвате Y далеки от реальности[, сказал Z]": X's hedged claim up to the
    denial, the denial from there on."""
    for m in _HEDGED_REPORT.finditer(text, start, end):
        denial = denial_in(text, m.end(), end)
        if denial is None or not CONTROL.search(text, m.end(), denial.start()):
            continue
        owner = m["owner"].strip() or None
        return [((m.start(), denial.start()), "hedged", owner), ((denial.start(), end), "denied", None)]
    return None


# "назвал ложью сообщения российских Z-каналов о захвате Локни": a denial, then the report it denies,
# with the report's owner between its noun and its topic.
_OWNED_REPORT = re.compile(
    rf"(?i)(?<!\w)(?P<noun>{_REPORT_NOUN})(?P<owner>(?:\s+[^\s,.;:«„\"]+){{1,4}}?)\s+(?:о|об|про)\s"
)


def denial_of_owned_report(text: str, start: int, end: int) -> list[Part] | None:
    """ "Y назвал ложью сообщения X о захвате Z": Y's denial, and X's claim, which the denial names
    with its owner; without an owner ("назвали фейком сообщения о захвате") it stays one denial."""
    denial = denial_in(text, start, end)
    if denial is None:
        return None
    for m in _OWNED_REPORT.finditer(text, denial.end(), end):
        if text[denial.end() : m.start()].strip(" ,"):
            continue  # the report must be what the denial names, right after it
        stop = min((i for i in (text.find(c, m.end(), end) for c in ":;") if i >= 0), default=end)
        if not CONTROL.search(text, m.end(), stop) or denial_in(text, m.end(), stop) is not None:
            continue
        denier = sentence_speaker(text, start, m.start()) or subject_before(text, start, denial.start())
        report = (m.start(), stop)
        parts: list[Part] = [((start, m.start()), "denied", denier)]
        parts.append((report, _own_stance(text, *report), m["owner"].strip()))
        if CONTROL.search(text, stop, end) and denial_in(text, stop, end) is None:
            parts.append(((stop, end), _own_stance(text, stop, end), denier))  # what the denier says instead
        return parts
    return None


def denied_report(text: str, start: int, end: int) -> list[Part] | None:
    """ "Y усомнился/опроверг в утверждениях X, что …": Y's denial, then X's claim from the clause."""
    for m in _DENIED_REPORT.finditer(text, start, end):
        denial = denial_in(text, start, m.start())
        if denial is None:
            continue
        clause = (m.end(), end)
        if not CONTROL.search(text, *clause) or denial_in(text, *clause) is not None:
            continue
        owner = m["owner"].strip() or None
        denier = sentence_speaker(text, start, m.start()) or subject_before(text, start, denial.start())
        return [((start, m.start("owner")), "denied", denier), (clause, _own_stance(text, *clause), owner)]
    return None
