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

In the first two the report must carry its own hedge ("нібито", "якобы"): the writer keeps the claim
apart from the denial. Without one ("Росіяни заявили про взяття X, однак у ЗСУ це назвали неправдою")
the sentence is one denial of the capture, as the earliest gold sets mark it.

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
    return report_denied(text, start, end) or denied_report(text, start, end)


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
