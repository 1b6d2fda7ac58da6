"""Property tests: articles built from the pieces real scrapes break rules with (runs of one
character, dots, quotation marks, entities, invisible and bidi characters, mojibake, link and
caption lines, repeated paragraphs, odd line breaks) never crash a rule, every finding lies
inside the document, and applying every fix leaves valid text that lints again cleanly.

Bounded and derandomised (the same examples each run) so that it stays fast and stable in CI;
the speed of the same pieces at scale is measured by benchmarks/pathological.py."""
from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newslint.document import Document
from newslint.fixes import fix_text
from newslint.registry import load_rules
from newslint.rule import Scope
from newslint.runner import prepare

RULES = load_rules(plugins=False).rules
LINTER = prepare([], config=None, select=[rule.code for rule in RULES])  # those off by default too

WORDS = ("the", "council", "said", "Wheeler", "Mayor", "Ted", "Qwerto", "shares", "rose", "on", "Monday",
         "budget", "We", "will", "not", "be", "bullied", "José", "café", "£5m", "2016", "U.S.", "Mr.")
SPECIAL = ("More news: Storm closes schools", "Read more", "Related stories", "(AP Photo/Evan Vucci)",
           "REUTERS/Jim Young", "on November 16, 2016", '"We will not be bullied," said Wheeler.',
           "Share this article", "Advertisement", "worldâ€™s", "Â£110m", "Ã la carte", "â€œquotedâ€", "didn\x92t",
           "R$3 ecipient", "govern#ment", "&amp;", "&#8217;", "<br/>", '[caption id="1"]', "var a = 1;",
           "Trump\u200b", "\u202egnirts", "\u2066x\u2069", "\ufffd", "\x0b", "\x00", "\ufeff", "\u2028", "\t",
           "“", "”", '"', "…", "[…]", "Continue reading", "To continue reading, subscribe now",
           "👨\u200d👩\u200d👧", "北京", "Москва", "\r")
RUN_CHARACTERS = (".", '"', "“", "”", "a", " ", "-", "\u200b", "\u202e", "Ã", "&amp;", "...", "!", "?", "\t",
                  "'", "’", "(", "[", "\u00a0", "A", "é")

piece = st.one_of(
    st.sampled_from(WORDS),
    st.sampled_from(SPECIAL),
    st.builds(lambda char, count: char * count, st.sampled_from(RUN_CHARACTERS), st.integers(1, 400)),
)
paragraph = st.builds(lambda pieces, glue: glue.join(pieces), st.lists(piece, max_size=30), st.sampled_from([" ", "", " . "]))
article = st.builds(
    lambda headline, paragraphs, repeats, separator, ending: (
        headline + separator + separator.join(paragraphs + paragraphs[:repeats]) + ending),
    paragraph, st.lists(paragraph, max_size=10), st.integers(0, 4),
    st.sampled_from(["\n\n", "\n", "\r\n\r\n", "\n\n\n"]), st.sampled_from(["\n", "", "\r\n"]),
)
CHECKED = settings(max_examples=40, deadline=None, derandomize=True, database=None,
                   suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


@CHECKED
@given(article)
def test_no_rule_crashes_and_every_finding_lies_inside_the_document(text: str) -> None:
    doc = Document(text)
    for rule in RULES:
        options = LINTER.options(rule)
        if rule.scope is Scope.CORPUS:
            signature = rule.collect(doc, options)  # type: ignore[misc]
            if signature is not None:
                assert 0 <= signature.start <= signature.end <= len(doc.text)
                list(rule.finish([signature.value] * 2, ["a.txt", "b.txt"], options))  # type: ignore[misc]
            continue
        for finding in rule.check(doc, options):  # type: ignore[misc]
            assert 0 <= finding.start <= finding.end <= len(doc.text), (rule.code, finding)
            if finding.fix is not None:
                edits = sorted(finding.fix.edits, key=lambda e: e.start)
                assert all(0 <= e.start <= e.end <= len(doc.text) for e in edits), (rule.code, finding)
                assert all(a.end <= b.start for a, b in zip(edits, edits[1:])), (rule.code, finding)


@CHECKED
@given(article)
def test_every_fix_leaves_valid_text_that_lints_again(text: str) -> None:
    fixed, _, _ = fix_text(text, LINTER, unsafe=True)
    fixed.encode("utf-8")  # no lone surrogate or other unencodable character
    result = LINTER.lint_document(Document(fixed), corpus=False)
    assert not result.crashes, result.crashes
