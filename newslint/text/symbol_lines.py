"""Paragraphs that open with a pictograph: an emoji, a legal mark (©, ®, ™), an arrow, a heart.

Written prose never opens a paragraph with a symbol; page furniture often does: a copyright or
trademark notice ("© 2012 The Associated Press. All rights reserved. This material may not be
..."), a promotion marked with an emoji ("👁 A safer way to protect your data"), a link to
another story behind an arrow ("⇢ Film Reviews: Brave"), a share prompt behind a heart. The
test is a Unicode category (So, "other symbol"), so it holds in every script and language.

Left out on purpose: the replacement character (U+FFFD, a decoding fault, not furniture), "№"
and "°" (a number sign and a degree open list items and readings), and a symbol glued to an
apostrophe or a lower-case letter ("™’s", a fragment of a word whose start was lost).
"""
from __future__ import annotations

import regex

from newslint.text.patterns import lazy_regex

# One pictograph (with its emoji modifiers, joiners and variation selectors), then a space, a
# digit, a capital, another symbol or the end of the line.
_SYMBOL_LED = lazy_regex(
    r"^\s*[\p{So}--[\uFFFD№°\u2500-\u25FF]][\p{So}\p{Sk}\p{Mn}\p{Cf}]*(?=\s|\p{N}|\p{Lu}|$)", regex.V1)


def opens_with_symbol(text: str) -> bool:
    """Whether a paragraph opens with a pictograph and then a space, digit, capital or nothing."""
    return _SYMBOL_LED.match(text) is not None
