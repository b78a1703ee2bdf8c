"""Quote finding for the quotes stage: quotation marks (marks), attribution cues (cues), speakers
and their resolution (speakers), put together in find. See docs/stages.md#quotes.
"""

from claimledger.quotes.find import Found, find_quotes
from claimledger.quotes.lexicon import Lexicon, load_lexicon

__all__ = ["Found", "Lexicon", "find_quotes", "load_lexicon"]
