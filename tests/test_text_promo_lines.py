"""Other stories' titles and prompts told by their shape (newslint.text.promo_lines), and NL306
reporting them through the zoning."""
from __future__ import annotations

from newslint.testing import findings
from newslint.text import line_features, promo_lines, zoning

PROSE = [
    "The research team spent three years building a computer model of how spiral galaxies take "
    "their shape, and the results surprised even them.",
    "Galaxies that formed early in the universe were messy and clumpy, the researchers said, and "
    "only later settled into the thin rotating discs we see today.",
    "\"There is a huge amount of work ahead of us now that the simulations are finished,\" the lead "
    "author said in a statement on Tuesday.",
]


def _closing(tail: list[str], prose: list[str] = PROSE) -> list[str]:
    paragraphs = prose + tail
    rows = line_features.paragraph_features(paragraphs, "Why galaxies flatten", "en")
    found = promo_lines.closing_titles(paragraphs, rows, lambda i: True, lambda i: False)
    return [paragraphs[i] for i in found]


def test_a_list_of_other_stories_titles_closing_the_text_is_found() -> None:
    titles = ["12 Stunning Pictures of Distant Nebulae", "Seven Strange Facts About Black Holes",
              "The Biggest Open Questions in Modern Cosmology"]
    assert _closing(titles) == titles
    assert _closing(["- " + t for t in titles]) == ["- " + t for t in titles]  # a list's marks


def test_the_story_own_closing_table_or_list_is_not_titles() -> None:
    fixtures = ["Leeds v Everton or Fulham", "Brighton or Wolves v Aston Villa", "Chelsea v Norwich or Hull"]
    assert _closing(fixtures) == []  # a draw: one small word ("v") in every line
    dates = ["May 3 – Denver, CO @ Red Rocks Amphitheatre", "May 5 – Austin, TX @ Moody Center",
             "May 8 – Atlanta, GA @ State Farm Arena"]
    assert _closing(dates) == []  # separators
    products = ["Acme Hand Gel Original Scent", "Acme Hand Gel Fresh Lime", "Acme Hand Gel Sensitive Skin"]
    assert _closing(products) == []  # rows opening alike
    credits = ["DIRECTOR AND EDITOR Jane Morgan", "SENIOR PRODUCER Tom Reilly", "SOUND DESIGN Ana Costa"]
    assert _closing(credits) == []  # roles in capitals
    ranking = ["1. Petroleum Engineering", "2. Actuarial Mathematics", "3. Nuclear Engineering"]
    assert _closing(ranking) == []  # the story's own numbered ranking
    results = ["Mamelodi Sundowns 2-0 Chippa United", "Orlando Pirates 2-1 Bloemfontein Celtic",
               "Cape Town City 0-1 Golden Arrows"]
    assert _closing(results) == []  # a results box's rows: scores


def test_titles_need_three_lines_the_prose_right_before_and_no_introduction() -> None:
    titles = ["12 Stunning Pictures of Distant Nebulae", "Seven Strange Facts About Black Holes",
              "The Biggest Open Questions in Modern Cosmology"]
    assert _closing(titles[:2]) == []
    introduced = PROSE[:2] + ["The team's earlier papers are listed below:"]
    assert _closing(titles, introduced) == []
    assert _closing(titles + ["The model will be published in full next spring, the team said, along "
                              "with the code that runs it."]) == []  # prose closes the text


def test_titles_written_as_sentences_need_four_lines() -> None:
    # Many publishers write headlines as sentences without the full stop: a closing run of four
    # such lines is a list of titles, three could be the story's own items or crossheads.
    titles = ["Astronomers find a galaxy with almost no dark matter in it",
              "New telescope images show a star being torn apart by a black hole",
              "NASA confirms launch date for its next lunar lander; tests continue",
              "Why the Milky Way's central bar is slowing down"]
    assert _closing(titles) == titles
    assert _closing(titles[:3]) == []
    introduced = PROSE[:2] + ["The team's next projects are these:"]
    assert _closing(titles, introduced) == []


def test_a_wordpress_comment_form_closing_the_text_is_interface_text() -> None:
    from newslint.text.boilerplate import is_boilerplate_line
    assert is_boilerplate_line("Leave a Reply Cancel replyYour email address will not be published. "
                               "Required fields are marked *Comment Name *")
    assert is_boilerplate_line("Save my name, email, and website in this browser for the next time I comment.")
    assert not is_boilerplate_line("Save my name from the list, the witness asked the court on Tuesday.")


def _shouted(paragraphs: list[str]) -> list[str]:
    rows = line_features.paragraph_features(paragraphs, "Singer cleared to perform", "en")
    return [paragraphs[i] for i in promo_lines.shouted_promos(paragraphs, rows, lambda i: True)]


STORY = [
    "The singer will be allowed to perform her older songs at the awards show after a long dispute "
    "with her former record label, her representatives said on Friday.",
    "The label had said it owned the recordings and that a televised performance would need its "
    "permission, which it had refused to give until this week.",
    "Fans had started an online campaign in support of the singer, and several other artists spoke "
    "out publicly against the label's position.",
    "The awards show will be broadcast live on Sunday night from Los Angeles, with a dozen other "
    "performers on the bill.",
]
PROMOS = ["A SHORT HISTORY OF THE POP STAR'S LONG RUNNING FEUDS WITH HER FORMER LABEL",
          "GET THE NEWS APP ON YOUR PHONE BY CLICKING RIGHT HERE"]


def test_lines_in_capitals_between_a_story_paragraphs_are_found() -> None:
    text = STORY[:2] + [PROMOS[0]] + STORY[2:3] + [PROMOS[1]] + STORY[3:]
    assert _shouted(text) == PROMOS


def test_crossheads_questions_and_headings_in_capitals_are_not_promos() -> None:
    one = STORY[:2] + [PROMOS[0]] + STORY[2:]
    assert _shouted(one) == []  # one line in capitals: as often a long crosshead
    short = STORY[:2] + [PROMOS[0]] + STORY[2:3] + ["THE LABEL'S POSITION"] + STORY[3:]
    assert _shouted(short) == []  # a text with crossheads in capitals
    slogans = STORY[:2] + ["YOUR SMALL ACTIONS, PUT TOGETHER, CAN MOVE THE WHOLE CITY."] + STORY[2:3] + \
        ["THE COUNCIL VOTES ON THE NEW TAXI RULES AT NOON TODAY!"] + STORY[3:]
    assert _shouted(slogans) == []  # sentences in capitals: the story's own calls
    questions = STORY[:2] + ["WHAT DOES THE RULING MEAN FOR THE SINGER'S FANS?"] + STORY[2:3] + \
        ["WHY DID THE LABEL REFUSE ITS PERMISSION FOR SO LONG?"] + STORY[3:]
    assert _shouted(questions) == []
    heading = STORY[:1] + [PROMOS[0]] + STORY[1:2] + \
        ["OTHER ARTISTS SPOKE OUT AGAINST THE LABEL ON SOCIAL MEDIA"] + STORY[2:]
    assert _shouted(heading) == [PROMOS[0]]  # the next paragraph takes up the heading's words


def test_the_zoning_puts_them_in_the_furniture_and_nl306_reports_them_with_their_reason() -> None:
    paragraphs = STORY[:2] + [PROMOS[0]] + STORY[2:3] + [PROMOS[1]] + STORY[3:]
    zoned = zoning.zone_paragraphs(paragraphs, "Singer cleared to perform old hits")
    assert [i for i, z in enumerate(zoned) if z.why is zoning.Why.SHOUTED] == [2, 4]
    assert zoned[2].zone is zoning.Zone.FURNITURE and zoned[2].confidence == zoning.PROMO_CONFIDENCE
    text = "Singer cleared to perform old hits\n\n" + "\n\n".join(paragraphs) + "\n"
    assert [(d.line, d.message.endswith("(a line in capitals set in the story)"))
            for d in findings(text, "NL306")] == [(7, True), (11, True)]
    titles = ["12 Stunning Pictures of Distant Nebulae", "Seven Strange Facts About Black Holes",
              "The Biggest Open Questions in Modern Cosmology"]
    text = "Why galaxies flatten\n\n" + "\n\n".join(PROSE + titles) + "\n"
    assert [(d.line, d.message.endswith("(a title in a list of titles closing the text)"))
            for d in findings(text, "NL306")] == [(9, True), (11, True), (13, True)]
