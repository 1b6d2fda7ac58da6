"""NL401 duplicate-quote: repeated quotations are found, legitimate repetition is not."""
from __future__ import annotations

from pathlib import Path

import pytest

from newslint.document import Document
from newslint.rule import FixSafety
from newslint.rules.duplicate_quote import RULE
from newslint.testing import findings

SEED = Path(__file__).parent / "fixtures" / "rules" / "NL401" / "seed-004-quote-inside-longer-quote.txt"
QUOTE = "We expect inflation to stay close to our target throughout next year"


def article(*paragraphs: str, headline: str = "Bank holds interest rates") -> str:
    """A whole article: headline, blank line, paragraphs separated by blank lines."""
    return headline + "\n\n" + "\n\n".join(paragraphs) + "\n"


FILLER = ("Shares in banks rose slightly after the announcement.",
          "Economists had widely expected the decision.")


def lines(text: str, **options: object) -> list[int]:
    """The lines NL401 reports in ``text`` (with rule options overridden)."""
    doc = Document(text)
    return [doc.line_of(f.start) for f in RULE.check(doc, {**RULE.options, **options})]


def test_seed_reports_the_later_quote_and_names_the_first() -> None:
    got = findings(SEED.read_bytes(), "NL401")
    assert [(d.line, d.column) for d in got] == [(25, 1)]
    assert got[0].message.startswith("quotation repeats the one on line 11: “We can not allow people")


def test_verbatim_repeat_in_a_new_paragraph() -> None:
    text = article(f'"{QUOTE}," the governor said.', *FILLER, f'"{QUOTE}," he added.')
    assert lines(text) == [9]


@pytest.mark.parametrize("copy", [
    f"A spokesman said: “{QUOTE}.”",                                      # re-attributed, curly
    f'"{QUOTE.replace("close to", "near")}," she said.',                   # two words changed
    f'"{QUOTE.rsplit(" ", 2)[0]}," he added.',                             # cut short at the end
    f'"{QUOTE.upper()}"',                                                   # case differs
])
def test_near_verbatim_and_reattributed_repeats(copy: str) -> None:
    assert lines(article(f'"{QUOTE}," the governor said.', *FILLER, copy)) == [9]


def test_a_paragraph_copied_whole_is_left_to_duplicate_paragraph() -> None:
    narrative = ("The governor told MPs on Tuesday, after the bank had discussed a cut at length: "
                 f'"{QUOTE}." The committee then voted six to three.')
    lede = "Rates were held at 4.75%."
    text = article(lede, narrative, *FILLER, narrative)
    assert [(d.code, d.line) for d in findings(text, "NL401", "NL402")] == [("NL402", 11)]
    # Changed enough not to be a copy of the paragraph: the repeated quotation is NL401's, but
    # neither copy stands alone, so it is reported only with report_unclear.
    retold = f'Another member of the committee said separately: "{QUOTE}."'
    assert [(d.code, d.line) for d in findings(article(lede, narrative, *FILLER, retold), "NL401", "NL402")] == []
    assert lines(article(lede, narrative, *FILLER, retold), report_unclear=True) == [11]


def test_earlier_quote_contained_in_a_later_longer_one() -> None:
    text = article(*FILLER, "The governor said the bank would \"keep a close eye on household borrowing\".",
                   "Mortgage approvals fell in March.", "House prices were flat.", "Rents rose.",
                   '"We will keep a close eye on household borrowing this year."')
    assert lines(text) == [15]


def test_repeat_of_text_that_was_not_quoted_before() -> None:
    # A scraper may repeat words that the original never quoted, or pair the marks wrongly.
    text = article(*FILLER, "The bank said lending to households grew at its slowest pace for three years.",
                   '"lending to households grew at its slowest pace for three years," she added.')
    assert lines(text) == [9]


def test_lede_reporting_speech_indirectly_before_quoting_it_is_fine() -> None:
    text = article("China has said it will not allow any new tobacco factories to be built.", *FILLER,
                   '"China will not allow any new tobacco factories to be built," a spokesman said.')
    assert lines(text) == []
    assert lines(text, lede_paragraphs=0) == [9]


def test_speech_reported_then_quoted_in_full_just_after_is_fine() -> None:
    # The writer reports the speech, then gives it whole, with the pronoun turned back to the
    # first person, inside a fuller paragraph of the story.
    reported = ('The keeper, who seemed unrepentant, insisted the striker would have stayed down a lot'
                ' longer if he had headbutted him.')
    full = ('The keeper was angry. He said: "He would have stayed down a lot longer if I had headbutted'
            ' him." The club said it would look at the video of the incident.')
    assert lines(article(*FILLER, reported, full)) == []
    assert lines(article(*FILLER, reported, full), follow_paragraphs=0) == [9]
    # Further on, the same words quoted again are a repeat.
    assert lines(article(*FILLER, reported, "Rates rose.", "Prices fell.", "Rents rose.", full)) == [15]


def test_quoted_company_name_with_abbreviations_is_a_name_not_speech() -> None:
    # A registry entry quoted with the firm's legal name: its stops end initials, not sentences.
    narrative = ("The company is called Administración Portuaria Integral de Veracruz, S.A. de C.V. and is"
                 " owned by the state.")
    entry = "“TITULAR: Administración Portuaria Integral de Veracruz, S.A. de C.V."
    assert lines(article(*FILLER, narrative, "Prices fell.", "Rents rose.", entry)) == []
    # A sentence that names the firm is still speech, and its repeat is found.
    said = "“The company is called Administración Portuaria Integral de Veracruz, S.A. de C.V.,” he said."
    assert lines(article(*FILLER, narrative, "Prices fell.", "Rents rose.", said)) == [13]


def test_repeat_of_one_paragraph_of_a_multi_paragraph_quotation() -> None:
    text = article('"We have done a great deal to help first-time buyers.',
                   '"But there is still much more to do for the people who rent their homes," he said.',
                   *FILLER, 'A minister said: "There is still much more to do for the people who rent."')
    assert lines(text) == [11]


def test_repeat_within_one_merged_paragraph() -> None:
    text = article(f'"{QUOTE}," the governor said. Shares rose. "{QUOTE}," he added.')
    assert lines(text, report_unclear=True) == [3]
    assert lines(text) == []  # a speaker repeating a line looks the same: not by default


def test_neither_copy_inserted_is_not_reported_by_default() -> None:
    # Live coverage giving testimony twice, each time inside the reporter's own paragraph.
    first = f'The prosecutor read the statement to the court: "{QUOTE}." The defence objected at once.'
    again = f'Later, asked about the evening, the witness repeated: "{QUOTE}." The judge adjourned.'
    text = article("Rates were held at 4.75%.", first, *FILLER, again)
    assert lines(text) == []
    assert lines(text, report_unclear=True) == [11]
    # A copy standing alone is still reported, option or not.
    assert lines(article("Rates were held at 4.75%.", first, *FILLER, f'"{QUOTE}," he added.')) == [11]


def test_a_statement_quoted_in_part_then_in_full_is_not_a_repeat() -> None:
    phrase = "keep a close eye on household borrowing"
    full = (f'"We will {phrase}, and we will not hesitate to act if lending grows faster than incomes '
            'or if the housing market shows signs of overheating again this year," the statement said.')
    text = article(*FILLER, f'The governor said the bank would "{phrase}".', "Mortgage approvals fell in March.",
                   "House prices were flat.", "Rents rose.", full)
    assert lines(text) == []  # the full statement is mostly new words: not a copy of the phrase


def test_bare_copy_inserted_before_the_original_is_the_one_reported() -> None:
    original = f'Shares rose. "{QUOTE}," the governor told a news conference in London. Markets were calm.'
    text = article("Rates were held at 4.75%.", f'"{QUOTE}," a spokesman said.', *FILLER, original)
    # Attributed, it reads as the paper's own too: reported only with report_unclear.
    assert findings(text, "NL401") == []
    doc = Document(text)
    got = list(RULE.check(doc, {**RULE.options, "report_unclear": True}))
    assert [(doc.line_of(f.start), f.message.split(":")[0]) for f in got] == [
        (5, "quotation stands alone and repeats the one on line 11")]
    # Bare (nothing beside it), it has a pull quote's shape: reported by default.
    bare = article("Rates were held at 4.75%.", f'"{QUOTE}."', *FILLER, original)
    assert [(d.line, d.message.split(":")[0]) for d in findings(bare, "NL401")] == [
        (5, "quotation stands alone and repeats the one on line 11")]


def test_a_bare_copy_before_an_attributed_one_is_the_pull_quote() -> None:
    attributed = f'"{QUOTE}," the governor said.'
    text = article("Rates were held at 4.75%.", f'"{QUOTE}."', *FILLER, attributed)
    assert lines(text) == [5]
    # The other way round, the bare copy is the later one, and reported as ever.
    assert lines(article("Rates were held at 4.75%.", attributed, *FILLER, f'"{QUOTE}."')) == [11]


def test_when_both_copies_are_bare_the_later_is_reported() -> None:
    text = article("Rates were held at 4.75%.", f'"{QUOTE}," a spokesman said.', *FILLER,
                   f'"{QUOTE}," the governor said.')
    assert lines(text) == [11]


def test_bare_quotation_repeating_later_unquoted_words() -> None:
    # A copy of words that the original never quoted (or whose marks were paired wrongly).
    words = "lending to households grew at its slowest pace for three years"
    text = article("Rates were held at 4.75%.", f'"{words}."', *FILLER,
                   f"The bank said {words}, and that mortgage approvals fell.")
    assert lines(text) == [5]
    # With its attribution it is the story's own quotation, most often of a post or statement
    # the page gives again below it (an embedded tweet): not reported.
    attributed = article("Rates were held at 4.75%.", f'"{words}," officials said.', *FILLER,
                         f"The bank said {words}, and that mortgage approvals fell.")
    assert lines(attributed) == []
    # A quotation inside a fuller paragraph is not taken for a copy of later words.
    fuller = article("Rates were held at 4.75%.", f'The bank said "{words.capitalize()}" in its report on Monday.',
                     *FILLER, f"The bank said {words}, and that mortgage approvals fell.")
    assert lines(fuller) == []


def test_short_scare_quotes_and_names_are_not_compared() -> None:
    text = article('The mayor called the letter "pure politics" and defended "sanctuary cities".',
                   *FILLER, 'Other mayors also spoke of "pure politics" and of "sanctuary cities".',
                   'The "Campaign for Better Transport" said the "Campaign for Better Transport" would act.')
    assert lines(text) == []


def test_a_title_in_quotes_is_not_compared_at_any_length() -> None:
    title = "The Return of the King of the Mountains and the Sea"
    text = article(f'The festival opens with "{title}" on Friday.', *FILLER, f'Tickets for "{title}" sold out.')
    assert lines(text) == []


def test_headline_echoed_in_a_quotation_is_fine() -> None:
    text = article(f'"{QUOTE}," the governor said.', *FILLER, headline=QUOTE)
    assert lines(text) == []


def test_writer_echoing_a_phrase_mid_sentence_is_fine() -> None:
    text = article('"The broadcasters should make the decision to go ahead," he said.', *FILLER,
                   'He argued that broadcasters "should make the decision to go ahead" this spring.')
    assert lines(text) == []


def test_lede_and_follow_options_allow_the_summary_then_quote_convention() -> None:
    lede = 'The governor said the bank would "keep a close eye on household borrowing".'
    full = '"We will keep a close eye on household borrowing this year," he said.'
    in_lede = article(lede, *FILLER, "Prices were flat.", "Rents rose.", full)
    assert lines(in_lede) == []                     # the phrase is in paragraph 1: the lede
    assert lines(in_lede, lede_paragraphs=0) == [13]
    second = article("Rates were held at 4.75%.", lede, *FILLER, "Prices were flat.", full)
    assert lines(second) == [13]
    assert lines(second, lede_paragraphs=2) == []
    soon_after = article(*FILLER, "Prices were flat.", lede, full)
    assert lines(soon_after) == []                  # the full quotation follows at once
    assert lines(soon_after, follow_paragraphs=0) == [11]


def test_min_words_and_threshold_options() -> None:
    five = "a sensible and balanced decision"
    text = article(f'"{five}," she said.', *FILLER, f'"{five}," he said.')
    assert lines(text) == []
    assert lines(text, min_words=5) == [9]
    reworded = article(f'"{QUOTE}," the governor said.', *FILLER,
                       '"We expect prices to stay near our goal throughout next year," he said.')
    assert lines(reworded) == []
    assert lines(reworded, threshold=0.25) == [9]  # only "throughout next year" is shared


def test_fix_removes_a_paragraph_that_is_only_the_repeated_quotation() -> None:
    text = article(f'"{QUOTE}," the governor said.', *FILLER, f'"{QUOTE}."', "Markets closed higher.")
    doc = Document(text)
    [finding] = RULE.check(doc, RULE.options)
    assert finding.fix is not None and finding.fix.safety is FixSafety.UNSAFE
    fixed = text
    for edit in sorted(finding.fix.edits, key=lambda e: e.start, reverse=True):
        fixed = fixed[:edit.start] + edit.replacement + fixed[edit.end:]
    assert fixed == article(f'"{QUOTE}," the governor said.', *FILLER, "Markets closed higher.")
    assert not list(RULE.check(Document(fixed), RULE.options))


def test_no_fix_when_the_paragraph_says_more_than_the_quotation() -> None:
    text = article(f'"{QUOTE}," the governor said.', *FILLER, f'"{QUOTE}," he added.')
    [finding] = RULE.check(Document(text), RULE.options)
    assert finding.fix is None


def test_a_quotation_given_hundreds_of_times_is_reported_at_each_copy() -> None:
    # Compared only with the earlier quotations sharing its words, and at most 200 of them.
    text = article(f'"{QUOTE}," the governor said.', *FILLER, *[f'"{QUOTE}," he said again.'] * 400)
    assert lines(text) == [9 + 2 * i for i in range(400)]


@pytest.mark.parametrize("seed", range(20))
def test_misread_quotations_holding_others_are_dropped(seed: int) -> None:
    # The sorting pass must drop exactly what comparing every pair drops.
    import random

    from newslint.document import Quotation, Span
    from newslint.rules.duplicate_quote import _holding_others

    rng = random.Random(seed)
    spans = [(a, a + rng.randrange(0, 12)) for a in (rng.randrange(0, 30) for _ in range(rng.randrange(1, 12)))]
    mine = [Quotation(Span(a, b), Span(a, b), True) for a, b in spans]
    pairwise = {i for i, q in enumerate(mine) if any(
        q.span.start <= o.span.start and o.span.end <= q.span.end for o in mine if o is not q)}
    assert _holding_others(mine) == pairwise


def test_a_lede_quotation_given_again_in_a_fuller_story_paragraph_is_the_convention() -> None:
    lede = f'"{QUOTE}": the governor gave a clear signal on Tuesday as the bank held rates.'
    later = f'Speaking after the vote, the governor told reporters: "{QUOTE}," adding that wages were rising.'
    assert lines(article(lede, *FILLER, later)) == []
    # So is the quotation given again with its attribution where the story comes to it, after a
    # lede that quoted it inside the writer's sentence (dh-be-fr: "J'ai perdu 15 ans de ma vie
    # pour ça" in the lede, then `- "...", répond Patrick Dils.` in the hearing's exchange).
    assert lines(article(lede, *FILLER, f'"{QUOTE}," he added.')) == []
    # A bare copy is a pasted copy or a pull quote; so is any copy of a lede that is nothing
    # but the quotation.
    assert lines(article(lede, *FILLER, f'"{QUOTE}."')) == [9]
    assert lines(article(f'"{QUOTE}," the governor said.', *FILLER, f'"{QUOTE}," he added.')) == [9]
    # Out of the lede, the same fuller paragraph repeats the quotation; neither copy stands
    # alone, so only with report_unclear.
    assert lines(article("Rates were held at 4.75%.", lede, *FILLER, later), report_unclear=True) == [11]


def test_a_crosshead_quoting_its_section_is_not_a_copy() -> None:
    # A section titled by a line quoted from it: one short line, no sentence punctuation.
    crosshead = "We expect inflation to stay close to target"
    original = f'"{crosshead}, and we will act if it does not," the governor told a news conference.'
    assert lines(article("Rates were held at 4.75%.", f'"{crosshead}"', *FILLER, original)) == []
    assert lines(article("Rates were held at 4.75%.", crosshead, *FILLER, original)) == []
    # With a sentence's own punctuation it reads as a pasted copy or a pull quote: reported, at
    # the bare copy (the later one, with its attribution, is the story's own).
    assert lines(article("Rates were held at 4.75%.", f'"{crosshead}."', *FILLER, original)) == [5]
    # After the quotation it would head, a crosshead-shaped copy is reported as a repeat.
    assert lines(article("Rates were held at 4.75%.", original, *FILLER, f'"{crosshead}"')) == [11]


def test_a_quoted_crosshead_before_the_story_s_own_words_unquoted_is_not_a_copy() -> None:
    # pl-rmf24: a crosshead quoting a sentence its section then gives in the writer's words
    crosshead = '"This is not a problem of Chinese buses alone"'
    story = "This is not a problem of Chinese buses alone."
    assert lines(article("Rates were held at 4.75%.", crosshead, *FILLER, story, FILLER[0])) == []


def test_a_crosshead_with_its_speaker_before_the_story_s_quotation_is_the_copy_reported() -> None:
    # pl-rmf24: "Tusk replies: '...'" over the section, then the story's quotation, ending its sentence
    crosshead = f'Tusk replies: "{QUOTE}"'
    story = f'"{QUOTE}."'
    assert lines(article("Rates were held at 4.75%.", crosshead, *FILLER,
                         "The prime minister commented briefly on the platform:", story)) == [5]
    # ro-political-press: a closing mark alone (a short quotation's, its opening one not seen as
    # such) makes no crosshead with its speaker: neither copy is told from the other
    caption = "Donald Trump said that peace efforts between Russia and Ukraine are „hopefully” under way"
    assert lines(article("Rates were held at 4.75%.", caption, caption + ", he told the forum.", *FILLER)) == []


def test_a_quotation_copied_whole_and_unquoted_above_it_is_the_pull_quote_reported() -> None:
    # vn-baomoi, crawl-to-the-future: a boxed pull quote of several sentences, its speaker below it
    said = "We expect inflation to stay close to target. Rates will rise if it does not. Markets know that"
    pull = article("Rates were held at 4.75%.", said + ".", "Nicholas Reader, chief economist", *FILLER,
                   f'"{said}," Mr Reader said.')
    assert lines(pull) == [5]
    # reported speech rewords what is quoted later: no copy
    reworded = "The bank expects inflation to stay close to target, and rates to rise if it does not."
    assert lines(article("Rates were held at 4.75%.", reworded, *FILLER, f'"{said}," Mr Reader said.')) == []


def test_a_short_saying_set_apart_and_then_discussed_is_not_a_pull_quote() -> None:
    # A list of things people say, each a quoted heading discussed below: the heading is short.
    heading = ("Things not to say to adoptees\n\nPeople say strange things to adopted children, and "
               "some of them hurt for years afterwards.\n\n“All adopted kids are messed up.”\n\n"
               "I have heard this more than once. Someone knows one family with one adopted child who "
               "has problems, so this must mean all adopted kids are messed up, right?\n")
    assert findings(heading, "NL401") == []
    pull = heading.replace("“All adopted kids are messed up.”",
                           "“All adopted kids are messed up and will never get over where they came from.”")
    pull = pull.replace("all adopted kids are messed up, right?",
                        "all adopted kids are messed up and will never get over where they came from, right?")
    assert [f.line for f in findings(pull, "NL401")] == [5]


def test_one_formula_filled_in_twice_is_two_quotations() -> None:
    # Resolutions listed by their titles: the same formula with another name inside is another
    # resolution; the same title given again with a name spelt another way is still a copy.
    formula = "A joint resolution providing for the appointment of {} as a citizen regent of the Board of Regents"
    first = f'S.J.Res. 36: "{formula.format("Roger W. Ferguson")}"'
    second = f'S.J.Res. 35: "{formula.format("Michael Govan")}"'
    assert lines(article(*FILLER, first, second)) == []
    assert lines(article(*FILLER, first, f'S.J.Res. 35: "{formula.format("Roger Ferguson")}"')) == [9]


def test_quotations_of_a_block_running_the_story_together_are_left_to_nl402() -> None:
    """The whole story run together into one paragraph above it: NL402 reports that block once,
    and no quotation of the story is reported as a copy of the block's."""
    story = ['"We are proud of this team and of the work it has done in the last few weeks," the coach said.',
             "The club won its second game of the season on Saturday, beating the champions by two goals.",
             '"The way they play is always at the highest level, and we have to learn from it," he added.',
             "The players will rest for two days before they start preparing for the next match away."]
    text = article(" ".join(story), *story)
    assert findings(text, "NL401") == []
    (block,) = findings(text, "NL402")
    assert block.line == 3 and "run together" in block.message


def test_a_formula_ending_differently_is_two_quotations() -> None:
    # Resolutions listed by their titles (allsides-us-en): one formula, each title with its own
    # object at the end. The same title cut at its end or with a word changed is still a copy.
    formula = ("Providing for congressional disapproval under chapter 8 of title 5, United States Code, of the "
               "rule submitted by the Department of Education relating to {}")
    first = f'H.J.Res. 57: "{formula.format("accountability and State plans under the Act of 1965")}"'
    assert lines(article(*FILLER, first, f'H.J.Res. 58: "{formula.format("teacher preparation issues")}"')) == []
    assert lines(article(*FILLER, first, f'H.J.Res. 58: "{formula.format("accountability and State plans")}"')) == [9]


def test_the_story_quoting_a_post_the_page_embeds_is_not_the_copy() -> None:
    # hyperpartisan-en: the story quotes a tweet bare, and the page embeds the tweet below it
    # (its text, then the signature "— Name (@handle) date"). The story's quotation is never
    # reported as the copy; the embedded post, when reported, is (here by NL402).
    tweet = ("The Russia hoax continues, now it's ads on Facebook. What about the totally biased and "
             "dishonest Media coverage in favour of Crooked Hillary?")
    text = article("President Trump on Friday called allegations of Russian election meddling a hoax.",
                   f"“{tweet}”", "Facebook will give congressional investigators the contents of 3,000 ads.",
                   tweet, "— Donald J. Trump (@realDonaldTrump) September 22, 2017",
                   "Facebook has faced growing pressure from members of Congress.")
    assert lines(text) == []
    assert [(f.code, f.line) for f in findings(text, "NL401", "NL402")] == [("NL402", 9)]
    # Without the signature the later paragraph is the writer's words, and the bare quotation
    # before them the copy, as before.
    unsigned = text.replace("— Donald J. Trump (@realDonaldTrump) September 22, 2017\n\n", "")
    assert 5 in lines(unsigned)


def test_a_quotation_the_story_introduces_is_no_pull_quote() -> None:
    # hyperpartisan-en: "Tortoreo told The Dodo:" hands over to a bare quotation, which a recap
    # paragraph at the end gives again: the story's quotation, not a pull quote.
    words = "She was in a corner and looked pitiful, scared to death of everyone around her"
    recap = f"After the rescue she was adopted by the receptionist, who said: “{words}”, and took her home."
    text = article("The dog was rescued from a puppy mill in the county.", "The receptionist told reporters:",
                   f"“{words}.”", *FILLER, recap)
    assert lines(text) == []
    # Under a heading in headline case it keeps the pull quote's shape.
    heading = text.replace("The receptionist told reporters:", "Question and Answer with Receptionist Brenda Tortoreo:")
    assert lines(heading) == [7]


def test_words_cited_mid_sentence_are_no_copy() -> None:
    # hyperpartisan-en: a note on a speech's recording cites the passage it covers, 'beginning
    # with "There are those who ..." and ending with ...': a citation inside the writer's
    # sentence, not the words given again as a quotation.
    passage = "There are those who are asking the devotees of civil rights when they will be satisfied"
    note = f'The recording covers the passage beginning with "{passage}" and ending with the last line.'
    speech = f"{passage}. We can never be satisfied as long as we are treated this way."
    assert lines(article("The speech was given in Washington.", speech, *FILLER, note)) == []
    # Given again as speech (its own comma, then a speech verb), it is a copy.
    again = f'Then, with a pause: "{passage}," he said again at the end.'
    assert lines(article("The speech was given in Washington.", speech, *FILLER, again)) == [11]
