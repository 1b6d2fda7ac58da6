"""Headlines that are no headline: a page's placeholder title or its breadcrumb trail.

A scraper that takes the wrong element, or reaches an error or challenge page, leaves "Untitled",
"404 Not Found", "Just a moment..." or "Home | News | Business" where the headline belongs.
NL504 headline-problem reports these; NL101 headline-mismatch leaves them to it, so that one
defect makes one finding.
"""
from __future__ import annotations

import re

from newslint.text.patterns import lazy_re

_PLACEHOLDER = lazy_re(
    r"""(?:untitled(?:\s+(?:document|page|article|story))?|no\s+title|title|headline|null|none|undefined|n/?a
      | (?:error\s+)?40[034](?:\s*[-:|]?\s*(?:not\s+found|forbidden|error|page\s+not\s+found))?
      | (?:page|article|story|content)\s+not\s+found | not\s+found | access\s+denied | forbidden
      | (?:an\s+)?error(?:\s+(?:occurred|has\s+occurred))? | service\s+unavailable
      | just\s+a\s+moment | attention\s+required.* | are\s+you\s+a\s+robot | security\s+check
      | please\s+wait | loading | redirecting | home(?:\s*page)? | index
      | (?:log|sign)\s*in | subscribe(?:\s+to\s+read)? | sign\s+up
    )[\s.!…]*""",
    re.IGNORECASE | re.VERBOSE,
)
# "Home | News | Business", "Home > Sport > Football": short segments joined by separators.
_CRUMB_SEPARATOR = lazy_re(r"\s+[|>»›/]\s+")
_MAX_CRUMB_WORDS = 3


def placeholder_kind(headline: str) -> str | None:
    """"a placeholder" or "a breadcrumb trail" when ``headline`` is one, else None."""
    text = headline.strip()
    if _PLACEHOLDER.fullmatch(text):
        return "a placeholder"
    parts = _CRUMB_SEPARATOR.split(text)
    if text.endswith(("?", "!")):
        return None  # a question or a cry is a headline ("Buy / sell / hold?")
    if len(parts) >= 3 and all(len(p.split()) <= _MAX_CRUMB_WORDS for p in parts):
        return "a breadcrumb trail"
    if len(parts) >= 2 and parts[0].lower() in {"home", "homepage", "start"}:
        return "a breadcrumb trail"
    return None
