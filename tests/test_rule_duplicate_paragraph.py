"""NL402 duplicate-paragraph: repeated paragraphs and sentences, and what is left alone."""
from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newslint.testing import findings

LEAD = "Shares in Acme rose 5% on Monday after the firm beat forecasts for the third quarter."
OTHER = "Analysts had expected the company to report a small loss because of higher costs."
THIRD = "The chief executive said the new factory in Ohio would open on schedule next spring."


def article(*paragraphs: str) -> str:
    return "Acme beats forecasts\n\n" + "\n\n".join(paragraphs) + "\n"


def report(*paragraphs: str) -> list[tuple[int, str]]:
    return [(d.line, d.message) for d in findings(article(*paragraphs), "NL402", min_confidence=0)]  # all it finds


def test_verbatim_paragraph_points_at_the_later_copy() -> None:
    assert report(LEAD, OTHER, LEAD) == [(7, "paragraph repeats the one on line 3")]


def test_near_verbatim_paragraph_with_a_changed_word() -> None:
    changed = LEAD.replace("Monday", "Tuesday")
    third = "The shares have doubled in value since the start of the year, the exchange said."
    assert report(OTHER, LEAD, third, changed) == [(9, "paragraph repeats the one on line 5 nearly word for word")]
    # The first paragraph under the headline, given again below with a word changed, is a deck
    # or summary lead written from the story's paragraph: the first copy is reported.
    assert report(LEAD, OTHER, changed) == [
        (3, "paragraph under the headline (a deck) repeats the one on line 7 nearly word for word")]


def test_repeated_sentence_inside_another_paragraph() -> None:
    # Both copies inside longer paragraphs: which is the intruder cannot be told; the later
    # one is reported, less surely, and its fix (a sentence of a story paragraph) is unsafe.
    got = findings(article(f"{LEAD} {OTHER}", f"The chief executive was pleased. {LEAD}"), "NL402",
                   min_confidence=0)
    assert [(d.line, d.message) for d in got] == [(5, "sentence repeats the one on line 3")]
    assert got[0].fix.safety.value == "unsafe" and got[0].confidence < 0.5


def test_a_paragraph_standing_alone_before_the_sentence_it_copies_is_the_one_reported() -> None:
    assert report(LEAD, f"The chief executive was pleased. {LEAD}") == [
        (3, "paragraph stands alone and repeats a sentence on line 5")]


@pytest.mark.parametrize("paragraphs", [
    (LEAD, "He denied it.", "He denied it."),  # short: may well be said twice
    (LEAD, '"We will keep investing in our factories next year," he said.',
     '"We will keep investing in our factories next year," he repeated.'),  # NL401's business
    (LEAD, "Mr Valentine, who grew up in Argentina, said the firm's shares were cheap at the time of "
     "the crisis and that he was buying more of them every week.",
     "Mr Valentine, who grew up in Argentina, agreed."),  # restates only a part
    (LEAD, OTHER),
])
def test_left_alone(paragraphs: tuple[str, ...]) -> None:
    assert report(*paragraphs) == []


def test_headline_restated_by_the_lead_is_fine() -> None:
    text = f"{LEAD}\n\n{LEAD}\n\n{OTHER}\n"
    assert findings(text, "NL402") == []


def test_fix_is_safe_for_exact_copies_and_unsafe_otherwise() -> None:
    exact = findings(article(LEAD, OTHER, LEAD), "NL402")[0].fix
    near = findings(article(LEAD, OTHER, LEAD.replace("Monday", "Friday")), "NL402")[0].fix
    assert exact.safety.value == "safe" and near.safety.value == "unsafe"
    text = article(LEAD, OTHER, LEAD)
    edit = exact.edits[0]
    assert text[:edit.start] + text[edit.end:] == article(LEAD, OTHER)


def test_paragraphs_run_together_are_the_copy_and_no_story_paragraph_is_reported() -> None:
    """A joined copy of three story paragraphs after the story: the joined paragraph is reported,
    once, with an unsafe fix that deletes it alone; each story paragraph standing alone would
    otherwise look like the intruder."""
    story = ["Police said the baby had been dead for several days when workers at the site found her.",
             "Scavengers who collect bottles at the dump made the discovery and told a council employee.",
             "Police suspect the body was dumped in a rubbish bin over the weekend and taken to the site."]
    text = article(LEAD, *story, OTHER, " ".join(story))
    (finding,) = findings(text, "NL402")
    assert (finding.line, finding.message) == (13, "paragraph repeats the paragraphs on lines 5 to 9 run together")
    assert finding.fix.safety.value == "unsafe"
    edit = finding.fix.edits[0]
    assert text[:edit.start] + text[edit.end:] == article(LEAD, *story, OTHER)


def test_a_block_running_the_story_together_at_the_top_is_the_one_copy_reported() -> None:
    """The whole story run together into one paragraph above it (as a crawler took a wrapper's
    text and then each paragraph), a closing quotation mark left over in it so that most of it
    looks quoted: the block is reported, and no story paragraph as a copy of one of its
    sentences."""
    story = ["Police said the baby had been dead for several days when workers at the site found her.",
             "Scavengers who collect bottles at the dump made the discovery and told a council employee.",
             "Police suspect the body was dumped in a rubbish bin over the weekend and taken to the site.",
             "The council said it would review how rubbish bins in the town centre are emptied each week."]
    block = " ".join(story[:2]) + '," the police said. ' + " ".join(story[2:])
    text = article(LEAD, block, *story)
    (finding,) = findings(text, "NL402")
    assert (finding.line, finding.message) == (5, "paragraph repeats the paragraphs on lines 7 to 13 run together")


def test_a_writer_quoting_two_paragraphs_again_is_left_to_nl401() -> None:
    """A paragraph mostly inside quotation marks that gives again sentences of two paragraphs is
    a writer quoting a speaker again (a recap): not a run-together block."""
    first = ('"He walked in through the side door of the museum with a bag over his shoulder. He fires at the '
             'first visitor and then at the second one," the officer said.')
    second = ('Then he turns right towards the reception desk of the museum without stopping. "He shows no '
              'hesitation at all and he knows exactly where he is going," the officer said.')
    recap = ('The attack lasted one minute and twenty-two seconds in all, investigators said. "He walked in '
             'through the side door of the museum with a bag over his shoulder. Then he turns right towards the '
             'reception desk of the museum without stopping. He shows no hesitation at all and he knows exactly '
             'where he is going," the officer said.')
    text = article(LEAD, first, second, OTHER, recap)
    assert [d.message for d in findings(text, "NL402") if "run together" in d.message] == []


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(st.sampled_from("the mayor said it was over and would appeal".split()), max_size=12),
                min_size=1, max_size=6), st.sampled_from([3, 20, 100_000]))
def test_the_quick_test_for_a_repeated_run_answers_as_counting_every_run(paragraphs: list[list[str]],
                                                                          kept: int) -> None:
    from newslint.document import Document
    from newslint.rules import duplicate_paragraph
    from newslint.text.similarity import normalise_words, repeated_hashes, runs

    doc = Document("Headline\n\n" + "\n\n".join(" ".join(words) or "x" for words in paragraphs) + "\n")
    counted = bool(repeated_hashes((gram for p in doc.paragraphs for gram in runs(normalise_words(p.text(doc)), 5)),
                                   len(doc.text) // 2))
    saved = duplicate_paragraph._SET_GRAMS
    duplicate_paragraph._SET_GRAMS = kept  # small: the long-text way too
    try:
        assert duplicate_paragraph._has_repeated_run(doc) == counted
    finally:
        duplicate_paragraph._SET_GRAMS = saved


CATALOGUE = [f"Northfield Farms' {name} Hand Sanitizer with 70% Alcohol" for name in (
    "Clear Advanced", "Aloe Advanced", "Lavender Advanced", "Citrus Instant", "Unscented Instant",
    "Vitamin E Instant", "Fresh Gel", "Travel Gel", "Family Pump", "Foaming", "Sensitive", "Baby")]


def test_items_of_a_catalogue_a_word_apart_or_listed_twice_are_not_copies() -> None:
    # A recall list of products: two items a word apart inside ("Aloe", "Lavender") are two
    # products, and an item given again with one other item between is listed twice.
    items = [*CATALOGUE[:6], CATALOGUE[4], *CATALOGUE[6:]]
    assert report(LEAD, "The products recalled are:", *items, OTHER) == []
    # a line with a label glued to one end is that line captured again, as before
    assert report(LEAD, CATALOGUE[1], OTHER, "lRelated " + CATALOGUE[1]) == [
        (9, "paragraph repeats the one on line 5 nearly word for word")]
    aloe = "Northfield Farms' Blumen Advanced Hand Sanitizer Aloe, with 70% alcohol"
    assert report(LEAD, aloe, OTHER, aloe.replace("Aloe", "Lavender")) == []  # another item
    assert report(LEAD, aloe, OTHER, aloe.replace("Aloe", "Aloe.")) != []  # a sentence: a copy
    # and in a short list, an item given again with one other between is still reported
    assert [line for line, _ in report(LEAD, *CATALOGUE[:3], CATALOGUE[1], OTHER)] == [11]


def test_a_listing_field_valued_again_is_no_copy_but_a_labelled_line_given_twice_is() -> None:
    first = "Offer valid: from 1 July (Tammuz) to 31 September (Aylul)**"
    second = "Offer valid: from 1 July to 31 September**"
    assert report(LEAD, first, OTHER, second) == []
    title = "Opinion: Why the company is probably still in good shape after the quarter"
    assert report(LEAD, title, OTHER, title) == [(9, "paragraph repeats the one on line 5")]


def test_a_label_given_again_over_other_content_is_no_copy() -> None:
    # vn-baomoi: an exercise's step heading in each answer, over another answer each time
    label = "Explain each stage of the graph in the two experiments below:"
    first = "Stage 1: the curve rises, as barium carbonate forms from the dissolved carbon dioxide."
    second = "Stage 1: the curve stays flat, as the acid neutralises the sodium hydroxide added first."
    assert report(LEAD, label, first, OTHER, label, second) == []
    # ... but a block captured twice, label and what it introduces, is still a copy
    assert [line for line, _ in report(LEAD, label, first, OTHER, label, first)] == [11, 13]
    # ko-naver-news: a talk show's transcript labels each clip of one speaker the same way
    tag = "[SOUNDBITE] Jane Smith, chief executive of Acme Holdings (yesterday, KBS Live)"
    assert report(LEAD, tag, first, OTHER, tag, second) == []


def test_a_caption_closed_by_a_credit_is_the_copy_reported_not_the_story_paragraph() -> None:
    # ko-naver-news: a photo story's caption, with its wire credit, then the story's lead given again
    caption = "Snow covers the village after a weekend storm brought a foot of snow to Bellingham. (AP Photo/Elaine Thompson)"
    lead = "Snow covers the village after a weekend storm brought a foot of snow to Bellingham."
    assert [line for line, _ in report(caption, lead, OTHER)] == [3]


def test_two_posts_of_one_account_on_one_day_sign_alike_and_that_is_no_copy() -> None:
    # gr-kathimerini: two embedded posts of one account, each closed by its signature
    signature = "— Ayatollah Mojtaba Khamenei (@MKhamenei_ir) April 30, 2026"
    assert report(LEAD, "The first post said the bases could not protect anyone in the region.", signature,
                  OTHER, "The second post said the presence of foreign forces had been proven useless.",
                  signature) == []


def test_one_line_of_two_records_written_to_one_template_is_no_copy() -> None:
    # gr-kathimerini: a forecast's regions, each a record of fields, two of them with the same winds
    wind = "Winds: northerly, 4 to 6 Beaufort, easing to 3 in the evening."
    records = ("Temperature: from 11 to 27 degrees Celsius.", wind, "Temperature: from 14 to 24 degrees Celsius.",
               wind, "Temperature: from 13 to 24 degrees Celsius.")
    assert report(LEAD, *records) == []
    # saudinewsnet-ar: a formula of condolence after each caller's thanks, the slot filled in
    thanks = "The Crown Prince thanked {} for the call and for the sincere feelings of brotherhood it expressed."
    condolence = "He offered his condolences to the families of the victims and wished the injured a swift recovery."
    assert report(LEAD, thanks.format("His Highness Sheikh Saif bin Zayed of the Emirates"), condolence,
                  thanks.format("the Interior Minister of the Kingdom of Bahrain"), condolence) == []
    # ... but a paragraph pasted twice between neighbours unrelated, or a block captured again, is a copy
    assert [line for line, _ in report(LEAD, OTHER, condolence, "The talks went on late.", condolence)] == [11]
    assert [line for line, _ in report(*records[:2], OTHER, *records[:2])] == [11]  # (the first, 7 words, too short)


def test_a_paragraph_rewritten_below_opens_alike_but_makes_no_template() -> None:
    # fnc-train: a caption, then the story's paragraphs rewritten, the caption's sentence given again
    caption = "One man's love of sashimi nearly killed him after his body became riddled with tapeworm"
    assert [line for line, _ in report(
        caption, "The Chinese man had gone to his doctor complaining of stomach ache and itchy skin.",
        OTHER, caption, "The Chinese man had seen his doctor complaining of pain, and scans showed the worms.",
    )] == [9]


def test_a_heading_over_each_item_of_a_list_is_no_copy_but_promoted_titles_down_a_page_are() -> None:
    # hyperpartisan-en: an award's category heading over each of its nominees
    heading = "Outstanding Lead Actor in a Limited Series or Movie"
    nominees = ("Benedict Cumberbatch, Sherlock: The Abominable Bride", "Bryan Cranston, All The Way",
                "Courtney B. Vance, The People v. O.J. Simpson (WINNER)")
    assert report(heading, nominees[0], OTHER, heading, nominees[1], heading, nominees[2]) == []
    # given twice only, a title may be captured again
    assert [line for line, _ in report(heading, nominees[0], OTHER, heading, nominees[1])] == [9]
    # promoted titles repeated down a page, in blocks of each other and advertisement labels
    promos = ("Doctor Says Do Not Cover Up Your Dark Spots Try This Instead",
              "Why Is This Never Mentioned About The Brady Bunch Cast")
    found = report(LEAD, "ADVERTISEMENT", *promos, OTHER, "ADVERTISEMENT", *promos, THIRD, "ADVERTISEMENT", *promos)
    assert [line for line, _ in found] == [15, 17, 23, 25]


def test_headings_listed_again_in_a_table_of_contents_are_not_copies_of_it() -> None:
    # hyperpartisan-en: "In This Article" lists the headings below, run together
    headings = ("What Are the Fees, Limits, and Accepted Payment Types?", "How Do I Purchase a Money Order at Rite Aid?",
                "Can I Cash a Money Order at Rite Aid?")
    contents = "In This Article " + " ".join(headings)
    assert report(LEAD, contents, headings[0], OTHER, headings[1], THIRD, headings[2]) == []
    # ... but a sentence of a story paragraph given again on its own is still reported
    assert [line for line, _ in report(LEAD, OTHER + " " + headings[1], headings[1])] == [7]


def test_of_two_copies_the_one_saying_where_someone_stands_is_the_caption() -> None:
    # vn-baomoi, fnc-train: a photo's caption is the story's paragraph with "(right)", "(pictured)"
    story = "On the high-speed line, Mr Arkhom said Thailand would ask Japan to share the cost of building it."
    caption = story.replace("Mr Arkhom", "Mr Arkhom (right)")
    assert report(LEAD, caption, OTHER, story) == [
        (5, "paragraph outside the story repeats the one on line 9 nearly word for word")]
    assert [line for line, _ in report(LEAD, story, OTHER, caption)] == [9]


def test_a_labelled_display_line_over_the_story_s_words_is_the_copy_reported() -> None:
    # pl-rmf24: a crosshead with its speaker ("Siemoniak: They must ..."), the story's words below;
    # fnc-train: a caption with its label ("Pose: Another picture shows him ...")
    words = "They must have the prime minister's consent for such a meeting with the president"
    assert [line for line, _ in report(LEAD, f"Siemoniak: {words}", OTHER, THIRD, words + ".")] == [5]
    # ... and with a label glued to the later copy ("lRelated ..."), the later one, as before
    assert [line for line, _ in report(LEAD, words, OTHER, THIRD, f"Siemoniak: {words}")] == [11]
