"""Word lists behind claim typing and stance, as spaCy lemmas.

Written for this project from the phrasings in issue 6 and the wire, ministry and analyst reports
it quotes (TASS, RIA Novosti, the Ukrainian General Staff, ISW daily assessments), then widened with
the usual synonyms. Each list is small on purpose: a word belongs only where it rarely means
anything else in war reporting.
"""

from __future__ import annotations

# Verbs of territorial control, by what they need to count: an object that is a place ("captured
# Pokrovsk"), a subject that is a place ("Pokrovsk fell"), or a prepositional phrase ("withdrew from").
CONTROL_VERBS_OBJECT = frozenset(
    {
        "capture",
        "seize",
        "liberate",
        "occupy",
        "recapture",
        "retake",
        "regain",
        "overrun",
        "storm",
        "enter",
        "clear",
        "encircle",
        "surround",
        "besiege",
        "control",
        "lose",
        "infiltrate",
        "take",
        "abandon",
        "hold",
    }
)
CONTROL_VERBS_SUBJECT = frozenset({"fall"})
CONTROL_VERBS_PREP = {
    "withdraw": frozenset({"from"}),
    "retreat": frozenset({"from"}),
    "pull": frozenset({"from", "out"}),
    "advance": frozenset({"into", "in", "on"}),
    "push": frozenset({"into"}),
    "break": frozenset({"into", "through"}),
    "remain": frozenset({"in"}),
}
# "took (full) control of", "established control over", "under Russian control".
CONTROL_NOUN_VERBS = frozenset(
    {"take", "establish", "gain", "seize", "regain", "assume", "lose", "have", "retain", "keep", "restore"}
)
# Nouns that name a change of control when they have "of <place>" or a place possessor.
CONTROL_NOUNS = frozenset(
    {
        "capture",
        "liberation",
        "seizure",
        "fall",
        "occupation",
        "encirclement",
        "withdrawal",
        "retreat",
        "recapture",
        "takeover",
        "storming",
        "surrender",
        "loss",
    }
)
# Holding on, which the issue counts as denying a rival's capture ("still hold positions in").
HOLD_OBJECTS = frozenset({"position", "line", "ground", "defence", "defense", "control", "foothold"})
REPEL_VERBS = frozenset({"repel", "repulse", "thwart", "beat", "fend"})
ASSAULT_NOUNS = frozenset(
    {"assault", "attack", "offensive", "attempt", "advance", "counteroffensive", "push"}
)

# Words for places that are not names: "the city's fall", "most of the town".
PLACE_NOUNS = frozenset(
    {
        "city",
        "town",
        "village",
        "hamlet",
        "settlement",
        "district",
        "outskirt",
        "outskirts",
        "suburb",
        "area",
        "region",
        "territory",
        "position",
        "airport",
        "airfield",
        "plant",
        "bridgehead",
        "height",
        "station",
        "stronghold",
        "agglomeration",
        "oblast",
        "hub",
        "neighbourhood",
        "neighborhood",
        "street",
        "quarter",
        "mine",
        "centre",
        "center",
        "part",
        "most",
        "rest",
        "half",
        "bank",
        "island",
        "port",
        "base",
        "border",
        "front",
        "foothold",
    }
)

ATTACK_VERBS = frozenset(
    {"strike", "attack", "shell", "bomb", "hit", "target", "pound", "bombard", "assault", "raid", "blast"}
)
ATTACK_LAUNCH_OBJECTS = frozenset(
    {"missile", "drone", "attack", "strike", "rocket", "offensive", "assault", "airstrike", "barrage"}
)
ATTACK_NOUNS = frozenset(
    {
        "strike",
        "airstrike",
        "attack",
        "shelling",
        "bombardment",
        "bombing",
        "assault",
        "offensive",
        "explosion",
        "blast",
        "raid",
        "barrage",
    }
)

CASUALTY_VERBS = frozenset({"kill", "wound", "injure", "die", "perish", "slay", "destroy"})
CASUALTY_NOUNS = frozenset({"casualty", "loss", "death", "toll", "fatality"})
# What casualty figures count, for "lost more than 1,200 soldiers" and the figure's unit.
CASUALTY_UNITS = frozenset(
    {
        "soldier",
        "serviceman",
        "servicemen",
        "troop",
        "civilian",
        "people",
        "person",
        "man",
        "men",
        "child",
        "children",
        "fighter",
        "militant",
        "mercenary",
        "resident",
        "tank",
        "vehicle",
        "drone",
        "aircraft",
        "helicopter",
        "gun",
        "howitzer",
        "personnel",
        "casualty",
        "combatant",
    }
)
FIGURE_QUALIFIERS = (
    "more than",
    "up to",
    "at least",
    "fewer than",
    "less than",
    "nearly",
    "almost",
    "about",
    "around",
    "over",
    "some",
    "roughly",
    "approximately",
    "as many as",
    "dozens of",
    "hundreds of",
)

VISIT_VERBS = frozenset({"visit", "meet", "tour", "inspect", "host"})
VISIT_PREP_VERBS = {"travel": frozenset({"to"}), "arrive": frozenset({"in", "at"})}
VISIT_NOUNS = frozenset({"visit", "meeting", "talk", "talks", "summit", "trip", "call", "negotiation"})
# Verbs under which a meeting noun reports that a meeting happened ("held talks", "paid a visit").
VISIT_NOUN_VERBS = frozenset({"hold", "have", "pay", "make", "conduct", "host", "begin", "conclude", "take"})

INTENT_VERBS = frozenset(
    {
        "aim",
        "plan",
        "intend",
        "vow",
        "pledge",
        "promise",
        "seek",
        "want",
        "threaten",
        "strive",
        "resolve",
        "mean",
        "hope",
        "refuse",
    }
)
INTENT_ADJECTIVES = frozenset({"ready", "determined", "committed", "prepared", "resolved", "willing"})
# Verbs that, under "will"/"would", state what the speaker's side will do rather than forecast.
INTENT_WILL_VERBS = frozenset(
    {
        "continue",
        "stand",
        "fight",
        "defend",
        "protect",
        "respond",
        "retaliate",
        "pursue",
        "keep",
        "stop",
        "give",
    }
)
FUTURE_MODALS = frozenset({"will", "shall", "'ll", "wo"})
UNCERTAIN_MODALS = frozenset({"could", "might", "may"})
PREDICT_VERBS = frozenset({"expect", "predict", "forecast", "anticipate", "foresee", "project", "pave"})
PREDICT_ADJECTIVES = frozenset({"likely", "expected", "set", "poised", "bound", "unlikely", "due"})

ASSESS_VERBS = frozenset(
    {
        "mark",
        "represent",
        "constitute",
        "signal",
        "demonstrate",
        "prove",
        "reflect",
        "dismantle",
        "contrast",
        "intertwine",
        "undermine",
        "shape",
        "emphasize",
        "highlight",
        "describe",
        "call",
        "consider",
        "believe",
        "think",
        "argue",
        "assess",
        "view",
        "regard",
        "try",
        "seem",
        "appear",
        "need",
    }
)
EVALUATIVE = frozenset(
    {
        "strategic",
        "pivotal",
        "decisive",
        "important",
        "importance",
        "significance",
        "significant",
        "symbolic",
        "key",
        "critical",
        "crucial",
        "turning",
        "testament",
        "victory",
        "lifeline",
        "cornerstone",
        "irreversible",
        "necessary",
        "effectively",
        "catastrophic",
        "failure",
        "success",
        "blow",
        "milestone",
        "setback",
        "vital",
        "essential",
        "major",
    }
)

# Stance (DENY_VERBS, above with the reporting verbs they belong to).
FALSITY_WORDS = frozenset(
    {
        "untrue",
        "false",
        "fake",
        "lie",
        "disinformation",
        "baseless",
        "groundless",
        "fabricate",
        "fabrication",
        "fiction",
        "propaganda",
        "misinformation",
        "nonsense",
    }
)
HEDGE_WORDS = frozenset(
    {
        "reportedly",
        "allegedly",
        "likely",
        "possibly",
        "apparently",
        "presumably",
        "purportedly",
        "seemingly",
        "probably",
        "perhaps",
        "supposedly",
        "unconfirmed",
        "alleged",
        "purported",
        "unverified",
        "claim",
    }
)
STILL_WORDS = frozenset({"still", "continue", "remain"})

# Verbs that introduce someone's statement; their subject is the claimant.
REPORTING_VERBS = frozenset(
    {
        "say",
        "state",
        "tell",
        "announce",
        "claim",
        "report",
        "write",
        "add",
        "note",
        "emphasize",
        "stress",
        "insist",
        "deny",
        "reject",
        "confirm",
        "warn",
        "declare",
        "assert",
        "allege",
        "explain",
        "argue",
        "believe",
        "assess",
        "describe",
        "acknowledge",
        "admit",
        "highlight",
        "underscore",
        "reiterate",
        "estimate",
        "post",
        "publish",
        "accuse",
        "suggest",
        "conclude",
        "expect",
        "predict",
        "think",
        "consider",
        "call",
        "vow",
        "pledge",
        "promise",
        "threaten",
        "celebrate",
        "hail",
        "welcome",
    }
)
DENY_VERBS = frozenset({"deny", "reject", "refute", "dismiss", "debunk", "disprove", "contradict", "dispute"})
REPORTING_VERBS |= DENY_VERBS
# Reporting verbs that carry no content of their own, so the claim is their complement.
PURE_REPORTING = REPORTING_VERBS - DENY_VERBS - {"expect", "predict", "describe", "call", "accuse"}
WH_SUBJECTS = frozenset({"who", "whoever", "what", "which", "whatever"})
DISCLAIMERS = (
    "could not be independently verified",
    "could not be verified",
    "could not be independently confirmed",
    "could not be confirmed",
    "has not been verified",
    "have not been verified",
    "unable to verify",
    "cannot be verified",
    "impossible to verify",
    "not independently verified",
)
