"""Lines that the phrase-based injected-family rules already report, so that the line model's
rule (NL306) leaves them to those rules and one line makes one finding: link lines
(NL301's shape, ``link_lines.parse_link_line``; and NL305's links whose titles are addresses,
``link_lines.links_to_addresses``), interface phrases (NL302's,
``boilerplate.is_boilerplate_line``), paywall notices (NL503's) and lines that open with a
pictograph (NL308's, ``symbol_lines.opens_with_symbol``)."""
from __future__ import annotations

from newslint.text.boilerplate import is_boilerplate_line
from newslint.text.link_lines import links_to_addresses, parse_link_line
from newslint.text.paywall import is_paywall_notice
from newslint.text.symbol_lines import opens_with_symbol


def is_known_furniture(text: str) -> bool:
    """Whether a paragraph is a link line, a boilerplate phrase line, a paywall notice or opens
    with a pictograph."""
    return (is_boilerplate_line(text) or is_paywall_notice(text) or parse_link_line(text) is not None
            or opens_with_symbol(text) or links_to_addresses(text))
