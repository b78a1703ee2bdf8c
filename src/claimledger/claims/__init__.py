"""Claims: typed assertions (what, by whom, with which stance, about where, when) from a parse.

`extract_claims(doc)` is the whole job; the claims stage only calls it. The parts: `lexicon` (word
lists), `triggers` (anchors and claim units on the dependency tree), `slots` (stance, claimant,
actor, figures), `extract` (putting a document's claims together).
"""

from __future__ import annotations
