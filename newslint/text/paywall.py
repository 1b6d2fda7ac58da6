"""Paywall notices: the line a site puts where it cut a story for non-subscribers.

Shared by NL503 truncated-article, which reports an article that ends with one (the story was
cut there), and NL302 boilerplate-line, which leaves such a last line to NL503 so that the one
defect makes one finding.
"""
from __future__ import annotations

import re

from newslint.document import more_words_than
from newslint.text.patterns import lazy_re
from newslint.text.quotes import reports_speech

PAYWALL = lazy_re(
    r"""^[\s\W]*(?:
        to\s+(?:continue|keep)\s+reading(?:\s+(?:this|the)\s+(?:article|story))?[\s,:.]*(?:please\s+)?
        (?:subscribe|sign|log|register|become|create|you\s+(?:must|need|will\s+need)|$)
      | (?:continue|keep)\s+reading\s+(?:with|for|by)\s+(?:subscribing|signing|logging|registering|a\s+subscription)
      | this\s+(?:content|article|story|page)\s+is\s+(?:only\s+)?(?:available\s+)?(?:exclusively\s+)?(?:for|to)\s+
        (?:our\s+)?(?:paid\s+)?(?:subscribers|members|premium)
      | (?:subscribe|register|sign\s+up)\s+(?:now\s+)?to\s+(?:continue|read|unlock|keep\s+reading|access)\b
      | (?:sign|log)\s+in\s+to\s+(?:continue|read|keep\s+reading)\b
      | you\s+have\s+(?:\d+|one|two|three|no)\s+free\s+(?:articles?|stories|reads)\b
      | already\s+(?:a\s+)?(?:subscriber|member)\s*(?:\?|[,.]?\s*(?:log|sign)\s+in)
      | subscribers?\s+only\b
    )""",
    re.IGNORECASE | re.VERBOSE,
)


def is_paywall_notice(text: str, max_words: int = 25) -> bool:
    """Whether ``text`` (a short line) is a paywall notice."""
    return (not more_words_than(text, max_words) and PAYWALL.match(text) is not None
            and not reports_speech(text))  # "To continue reading the report, he said, ..."
