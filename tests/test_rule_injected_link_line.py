"""NL301 injected-link-line: every prefix variant fires, narrative look-alikes stay silent, and
the fix deletes exactly the line (with the blank line that separates it)."""
from __future__ import annotations

from pathlib import Path

import pytest

from newslint import fixes
from newslint.document import Document
from newslint.rules.injected_link_line import RULE
from newslint.runner import lint_paths
from newslint.testing import findings, linter_for
from newslint.text.link_lines import PrefixKind, parse_link_line, shared_content_share

HEAD = "Bank of England holds interest rates\n\n"
BEFORE = "The Bank of England has kept interest rates at 4.75% for a third month in a row.\n\n"
AFTER = "\n\nEconomists had expected the decision, which seven of the nine members backed.\n"

LINK_LINES = [
    "More news: Jawbone from Israeli cave oldest human fossil outside Africa",
    "More news Pete Doherty misses bail deadline",
    "Read more: Straw backs ending China embargo",
    "Read more US TV cuts nudity from film",
    "READ MORE: Boris Johnson warns of winter crisis",
    "ALSO READ | Sensex falls 500 points",
    "Also Read: Sensex falls 500 points",
    "Read also: Markets rally in Tokyo",
    "Related: Obituary: Dame Alicia Markova",
    "Related Guantanamo four questioned",
    "RELATED STORY: Mayor quits after vote",
    "Related Articles: Markets rally in Tokyo",
    "Related Coverage - Senate passes budget bill",
    "Recommended: The best phones of the year",
    "You may also like: Ten things to do in Paris",
    "You might also like - Ten things to do in Paris",
    "Don't miss: Inside the new stadium",
    "Don’t Miss — Inside the new stadium",
    "READ NEXT: Apple unveils new iPhone",
    "See also: 'Worst ever' floods hit Cumbria",
    "More: Apple unveils new iPhone",
    "Watch: Obama speaks in Berlin",
    "WATCH: 'I was terrified'",
    "Video: Flood waters rise in York",
    "Trending: Celebrity chef opens diner",
    "Must read: Ten years on from the crash",
    "Must-Read: Ten years on from the crash",
    "Top stories: Floods hit the north",
    "Editor's pick: The best books of the year",
    "Editors’ Picks | The best books of the year",
    "In case you missed it: Stocks hit record",
    "ICYMI: Stocks hit record",
    "Further reading: History of the euro",
    "Read more: Is the euro doomed?",
    "Related: U.S. sues Apple Inc.",
    "Also on BBC News: Flood waters rise",
    "More from Sky News: Flood waters rise",
    "Read More: https://example.com/story",
    "► Watch: Storm batters the coast",
    "» Read more: Why the pound fell",
    "▶ RELATED STORY: Mayor quits",
    "- See also: Budget explained",
    "• Read more: Budget explained",
    "[Read more: U.S. economy adds jobs]",
    "(RELATED: Senate passes bill)",
    "**Read more:** Senate passes bill",
    "Read more »",
    "READ MORE >>",
    "Read more",
    "Related stories",
    "RELATED STORY",
    "Click here to read the full story.",
    "CLICK HERE TO READ MORE",
    "Continue reading",
    "Continue reading the main story",
    "Click here for more",
    "See more: Ten best beaches in Europe",
    "Also in the news: Flood waters rise",
    "More on: Brexit talks",
    "In other news: Flood waters rise",
    "Previously: Trump signs order",
    "LIVE UPDATES: Storm hits coast",
    "Read more at BBC News",
    "Read more on Brexit",
    "READ MORE: Inflation hits 10-year high.",   # a prefix in capitals: a closing stop is allowed
    "ALSO READ | Oil giant reports record profits.",
    "On Example-Chronicle.com: Car sales plunge nearly 17 percent",  # a site's own name as prefix
    "example.co.uk | Ten best beaches in Europe",
]

NARRATIVE = [
    "More news came on Friday when the company said profits fell.",
    "More news came later",
    "More news is expected on Friday",
    "Read more about it in the report, he said.",
    "Read more of his books, he said",
    "See also the comments of the minister, who said the plan would fail.",
    "Related: the figures show a sharp fall in sales.",
    "Related Companies, the developer, said it would appeal.",
    "Related Guantanamo four questioned.",
    "More than 20 people were hurt.",
    "More reforms ahead says Milburn",
    "More: The minister said the plan would be scrapped.",
    "Watch the skies tonight, astronomers say",
    "Watch: He said it would rain",
    "Top stories this week included the budget.",
    "Don't miss the chance to see it, he said.",
    "Also read the small print, she warned.",
    "Also, read the small print.",
    "Also: the ministry said it had no comment.",
    "Also on Tuesday the minister resigned.",
    "Trending: Bitcoin prices have surged to a record. Analysts expect more gains.",
    "Next has said its profit will fall.",
    "Latest figures show a rise in unemployment.",
    "Latest: Police confirm two dead",
    "Photo: Reuters",
    "Video games sales rose sharply in December.",
    "Recommended by the committee, the plan was adopted.",
    "Continue reading? Not on your life, he said.",
    '"Read more: that is all I ask," she said.',
    "Read more on page 5.",
    "In other news, the council voted to close the library.",
    "Previously, the company said it would cut jobs.",
    "See more of the footage, he said",
    "Live updates were posted on the site.",
    "Read more at the library, she urged",
    "Example.com: the retailer said sales rose.",
    "Example.com said on Monday that sales rose",
    "(ed.note: Thanks to a reader for the tip.)",
    "- docker-compose.yml: settings for running the containers.",
]


def codes(line: str) -> list[str]:
    return [d.code for d in findings(HEAD + BEFORE + line + AFTER, "NL301")]


@pytest.mark.parametrize("line", LINK_LINES)
def test_each_prefix_variant_fires(line: str) -> None:
    assert codes(line) == ["NL301"]


@pytest.mark.parametrize("line", NARRATIVE)
def test_narrative_look_alikes_stay_silent(line: str) -> None:
    assert codes(line) == []


def test_finding_points_at_the_line() -> None:
    [found] = findings(HEAD + BEFORE + "Related: Wine comedy wins critics' award" + AFTER, "NL301")
    assert (found.line, found.column) == (5, 1)
    assert "Wine comedy" in found.message


def test_headline_is_never_checked() -> None:
    assert findings("Read more: The cost of living\n\nPrices rose by 3% in May.\n", "NL301") == []


# -- the shape test and the topic test ------------------------------------------------------
def test_parse_reports_prefix_kind_separator_and_title() -> None:
    link = parse_link_line("► READ MORE | Oil prices slide »")
    assert link is not None
    assert (link.kind, link.has_separator, link.title) == (PrefixKind.STRONG, True, "Oil prices slide")
    assert parse_link_line("Watch Oil prices slide") is None  # an everyday word needs a separator
    assert parse_link_line("Watch: Oil prices slide").kind is PrefixKind.WEAK


def test_long_rest_is_narrative_not_a_title() -> None:
    title = " ".join(["Word"] * 21)
    assert parse_link_line(f"Read more: {title}") is None
    assert parse_link_line(f"Read more: {title}", max_title_words=30) is not None


def test_shared_content_share_counts_uncommon_words_only() -> None:
    text = "Related Companies is building towers at Hudson Yards in Manhattan."
    # "hudson", "yard" and "tower" (plural dropped) are shared, "rise" is not; "the" never counts.
    assert shared_content_share("The Hudson Yards towers rise", text) == pytest.approx(3 / 4)
    assert shared_content_share("Fockers retain film chart crown", text) == 0.0
    assert shared_content_share("The and of", text) == 0.0


CROSSHEAD = ("Developer wins Hudson Yards contract\n\nRelated Companies has won the contract to "
             "build the second phase of Hudson Yards.\n\nRelated Companies Hudson Yards towers\n\n"
             "The company plans two office towers at Hudson Yards.\n")


def test_no_separator_line_on_the_story_topic_is_left_alone() -> None:
    options = dict(RULE.options)
    assert list(RULE.check(Document(CROSSHEAD), options)) == []
    # The same line is taken for a link once the topic test is switched off: it was that test.
    options["max_shared_share"] = 1.0
    assert len(list(RULE.check(Document(CROSSHEAD), options))) == 1


def test_extra_prefixes_from_the_config(tmp_path: Path) -> None:
    article = tmp_path / "article.txt"
    article.write_text(HEAD + BEFORE + "Ook interessant: Kabinet valt over stikstof" + AFTER, encoding="utf-8")
    assert lint_paths([str(article)], jobs=1, config=None, select=["NL301"]).diagnostics == []
    config = tmp_path / "newslint.toml"
    config.write_text('[rules.injected-link-line]\nextra_prefixes = ["Ook interessant"]\n', encoding="utf-8")
    result = lint_paths([str(article)], jobs=1, config=config, select=["NL301"])
    assert [(d.code, d.line) for d in result.diagnostics] == [("NL301", 5)]


# -- the fix ---------------------------------------------------------------------------------
def fixed(text: str) -> str:
    """``text`` with every NL301 fix applied (the edits never overlap)."""
    edits = sorted((e for d in findings(text, "NL301") for e in d.fix.edits),
                   key=lambda e: e.start, reverse=True)
    for e in edits:
        text = text[:e.start] + e.replacement + text[e.end:]
    return text


def without_line(text: str, line: str, newline: str = "\n") -> str:
    """What deleting ``line`` must give: the paragraph layout less that one paragraph."""
    paragraphs = [p for p in text.split(newline * 2) if p != line]
    return (newline * 2).join(paragraphs)


def test_fix_deletes_the_line_and_its_blank_line() -> None:
    link = "More news: Jawbone from Israeli cave oldest human fossil outside Africa"
    text = HEAD + BEFORE + link + AFTER
    assert fixed(text) == HEAD + BEFORE + AFTER.lstrip("\n")
    assert fixed(text) == without_line(text, link)


def test_fix_of_a_last_paragraph_keeps_the_final_newline() -> None:
    text = HEAD + BEFORE + "Read more: Oil prices slide\n"
    assert fixed(text) == HEAD + BEFORE.rstrip("\n") + "\n"


def test_fix_keeps_crlf_and_unseparated_layouts() -> None:
    crlf = "Rates held\r\n\r\nThe Bank kept rates.\r\n\r\nRelated: Oil slides\r\n\r\nShares rose.\r\n"
    assert fixed(crlf) == "Rates held\r\n\r\nThe Bank kept rates.\r\n\r\nShares rose.\r\n"
    tight = "Rates held\n\nThe Bank kept rates.\nRelated: Oil slides\nShares rose.\n"
    assert fixed(tight) == "Rates held\n\nThe Bank kept rates.\nShares rose.\n"


def test_fix_of_the_seed_removes_exactly_line_24() -> None:
    seed = Path(__file__).parent / "fixtures/rules/NL301/seed-000-more-news-line-between-paragraphs.txt"
    text = seed.read_text(encoding="utf-8")
    lines = text.split("\n")
    assert fixed(text).split("\n") == lines[:23] + lines[25:]


def test_read_more_stub_ending_the_article_is_left_to_truncated_article() -> None:
    stub = HEAD + BEFORE + "Continue reading\n"
    assert findings(stub, "NL301") == []
    assert [d.code for d in findings(stub, "NL301", "NL503")] == ["NL503"]
    # The same stub in the middle of the article, or a titled link at its end, is NL301's.
    assert codes("Continue reading") == ["NL301"]
    assert [d.code for d in findings(HEAD + BEFORE + "Read more: Oil prices slide\n", "NL301")] == ["NL301"]


def test_bare_crosshead_like_prefix_is_not_a_link() -> None:
    assert codes("Up next") == []
    assert codes("Up next: Chelsea face Arsenal") == ["NL301"]
    assert codes("Click here to subscribe") == []  # a newsletter box, not a link elsewhere


LISTED = (HEAD + BEFORE + "Related stories\n{}\n\nEconomists had expected the move, he said.\n\n"
          "The next decision is due in six weeks.\n")


def test_titles_listed_under_a_bare_header_are_reported_each() -> None:
    text = LISTED.format("Oil prices slide as demand weakens\n- Why house prices keep rising\n\nMarkets rally")
    got = findings(text, "NL301")
    assert [d.message.split(":")[0] for d in got] == ["link to other content injected into the story"] + [
        'title listed under "Related stories" injected into the story'] * 3
    fixed = fixes.fix_text(text, linter_for("NL301"))[0]
    assert "Oil prices" not in fixed and "Related stories" not in fixed and "Economists had expected" in fixed


@pytest.mark.parametrize("after", [
    "The Bank said inflation would fall next year.",          # a sentence: the story goes on
    '"We are watching prices closely," the governor said.',   # a quotation
    "Rate fears grow as the pound falls against the dollar and the euro for a third week running",  # too long
])
def test_the_list_ends_at_the_first_line_that_is_no_title(after: str) -> None:
    got = findings(LISTED.format(after), "NL301")
    assert [d.line for d in got] == [LISTED.split("\n").index("Related stories") + 1]


@pytest.mark.parametrize("pieces", [
    "During the day\n\nthe shop's guards stopped a man at the self-service tills.",  # goes on in lower case
    "In Havana, where the storm arrived on Wednesday morning,\n\nat least 19 Poles are staying.",  # a comma
])
def test_a_sentence_split_after_the_list_s_one_title_is_the_story_going_on(pieces: str) -> None:
    # pl-rmf24: a related box of one title, then the story again, split by the scraper at a
    # bold phrase or a link into pieces that look like titles
    text = LISTED.format("Oil prices slide as demand weakens\n\n" + pieces)
    header = text.split("\n").index("Related stories") + 1
    assert [d.line for d in findings(text, "NL301")] == [header, header + 1]  # the header and its title
    # a name that opens in lower case is no sentence going on: the list goes on
    named = LISTED.format("Oil prices slide as demand weakens\n\nMarkets rally\n\nfirstFT")
    assert [d.line for d in findings(named, "NL301")] == [header, header + 1, header + 3, header + 5]


def test_titles_of_two_sentences_are_listed_and_a_crosshead_of_one_after_them_is_not() -> None:
    # pl-rmf24: "Nowa strategia Rosjan. Na front wysyłają kobiety" under "Zobacz również:"
    paired = ("Oil prices slide again. Demand weakens in Asia\n\nWhy house prices keep rising? A new survey"
              "\n\nMarkets rally")
    text = LISTED.format(paired)
    header = text.split("\n").index("Related stories") + 1
    assert [d.line for d in findings(text, "NL301")] == [header, header + 1, header + 3]
    # after a title of one sentence, a line of two is no title of the list, as before
    single = LISTED.format("Markets rally\n\nOil prices slide again. Demand weakens in Asia")
    assert [d.line for d in findings(single, "NL301")] == [header, header + 1]


def test_a_call_to_action_opens_no_list() -> None:
    text = HEAD + BEFORE + "Continue reading\nRate fears grow\n\nThe next decision is due in six weeks.\n"
    assert [d.message for d in findings(text, "NL301")] == ['link to other content injected into the story: "Continue reading"']


def test_the_rest_of_the_article_is_read_once_with_the_same_answer() -> None:
    # Each link line was judged against the other lines joined again (time quadratic in the
    # number of lines); counting per line which words it holds must answer the same.
    from pathlib import Path

    from newslint.document import Document
    from newslint.rules.injected_link_line import _OtherLines

    seed = sorted((Path(__file__).parent.parent / "seeds").glob("*.txt"))[0]
    doc = Document(seed.read_text(encoding="utf-8"))
    others = _OtherLines(doc)
    for index, line in enumerate(doc.lines):
        rest = "\n".join(other.text(doc) for number, other in enumerate(doc.lines) if number != index)
        for title in (line.text(doc), "Sanctuary cities face Justice Department deadline", "Fockers retain crown"):
            assert others.shared_share(title, index) == shared_content_share(title, rest)


@pytest.mark.parametrize("seed", range(10))
def test_link_lines_parse_as_with_the_former_pattern(seed: int) -> None:
    # Atomic leading runs and a title read up to its last non-space character: the same
    # reading as the former backtracking pattern, without its cost on long runs of "*".
    import random

    import regex

    from newslint.text import link_lines

    new = link_lines._line_pattern()
    old = regex.compile(new.pattern.replace("^(?>", "^(?:").replace("\\s*+[*_]*+\\s*+", "\\s*[*_]*\\s*")
                        .replace("(?P<title>(?:.*\\S)?)", "(?P<title>.*?)"), new.flags)
    assert old.pattern.count("(?>") == new.pattern.count("(?>") - 1 and "(?P<title>.*?)" in old.pattern
    former_trailing = regex.compile(r"[\s»›>→⇒➤➜➔➡▶►*_]+$")
    pieces = ["More news", "Read more", "Related stories", ":", " | ", " - ", "»", "*", "**", "_", " ", "\t",
              "Storm closes schools", "the council", "[", "(", ")", "…", "...", "\x1c", "►", "#", "~"]
    rng = random.Random(seed)
    for _ in range(300):
        line = "".join(rng.choice(pieces) for _ in range(rng.randrange(1, 10)))
        a, b = new.match(line), old.match(line)
        assert (a and a.groupdict()) == (b and b.groupdict()), line
        if a:
            assert link_lines._without_trailing(a["title"]) == former_trailing.sub("", a["title"]), line


TITLES = "Oil prices slide as demand weakens\n\nWhy house prices keep rising\n\nPound falls against the euro\n"


@pytest.mark.parametrize("header", ["More:", "MORE FROM MARKETS", "Most read in business", "Popular on Example News"])
def test_a_prefix_too_weak_alone_heads_a_list_when_titles_follow_it(header: str) -> None:
    text = HEAD + BEFORE + f"{header}\n\n{TITLES}"
    got = [d.message for d in findings(text, "NL301")]
    assert got[0] == f'list header "{header}" injected into the story, above titles'
    assert len(got) == 4 and all(m.startswith(f'title listed under "{header}" injected') for m in got[1:])


@pytest.mark.parametrize("text", [
    HEAD + BEFORE + "More:\n\nOil prices slide as demand weakens\n\nWhy house prices keep rising\n",  # two titles
    HEAD + BEFORE + "More risk at higher rates\n\nThe Bank said inflation would fall next year.\n",  # the story goes on
    HEAD + BEFORE + "Also, check the rates of\n\n" + TITLES,  # a sentence broken over lines
    HEAD + BEFORE + "www.example-theatre.com\n\nVIP seats\n\nStalls\n\nCircle\n",  # an event's details
])
def test_a_weak_prefix_without_enough_titles_after_it_is_no_header(text: str) -> None:
    assert findings(text, "NL301") == []


def test_one_line_one_finding_in_a_list_under_a_header() -> None:
    # The titles under a list header are NL301's alone, though the line model (NL306) finds
    # some of them too; an interface line inside the list is NL302's alone.
    text = HEAD + BEFORE + "More from our site:\n\n" + TITLES.rstrip("\n") + "\n\nShare\n\nComments (7)\n"
    got = findings(text, "NL301", "NL302", "NL306", min_confidence=0)
    lines = [d.line for d in got]
    assert len(lines) == len(set(lines)), [(d.line, d.code) for d in got]
    assert {d.code for d in got if d.line >= 13} == {"NL302"}
    assert [d.code for d in got if d.line < 13] == ["NL301"] * 4


LIVE_ENTRY = ("\n\nThe governor said the National Guard would stay in the city until the weekend, and the "
              "curfew would start at eight in the evening.\n")


@pytest.mark.parametrize("header", ["Latest updates:", "Live updates"])
def test_a_live_report_header_over_its_timed_entries_is_no_list_of_links(header: str) -> None:
    # A live report's own updates: each entry a clock time and a title, then the entry's text.
    text = HEAD + BEFORE + f"{header}\n\nMonday, June 1\n\n12:35 GMT - Governor extends the curfew" + LIVE_ENTRY + \
        "\n11:50 GMT - Protesters gather outside city hall" + LIVE_ENTRY
    assert findings(text, "NL301") == []


def test_a_sidebar_of_timed_titles_is_still_a_list_of_links() -> None:
    # Other pages' titles with the time each was posted: one timed title after another.
    text = HEAD + BEFORE + "Latest news:\n\n14:05 - Mayor quits over parking fines\n\n" \
        "13:50 - Storm closes the seafront road\n\n13:20 - School wins national chess prize" + AFTER
    assert [d.line for d in findings(text, "NL301")][:1] == [5]


# -- other languages: the same prefixes in the languages most news is scraped in -------------

# (language, headline, a story paragraph, a link line, a story sentence opening with the same words)
OTHER_LANGUAGES = [
    ("de", "Stadtrat erweitert das Busnetz",
     "Der Stadtrat hat am Dienstag beschlossen, das Busnetz auf drei neue Stadtteile auszuweiten.",
     "Lesen Sie auch: Landesregierung beschließt neues Schulgesetz",
     "Lesen Sie auch die Begründung des Gerichts, die am Freitag veröffentlicht wurde."),
    ("fr", "La ville étend son réseau de bus",
     "Le conseil municipal a décidé mardi d'étendre le réseau de bus à trois nouveaux quartiers.",
     "► Lire aussi : Le gouvernement annonce un plan pour les écoles",
     "Lire aussi les avis des habitants, qui sont partagés, n'est pas inutile."),
    ("es", "El ayuntamiento amplía la red de autobuses",
     "El ayuntamiento aprobó este martes ampliar la red de autobuses a tres nuevos barrios.",
     "(Le puede interesar: El gobernador firma un decreto sobre educación)",
     "Lea también el informe completo, que se publicó el viernes."),
    ("pt", "Câmara aprova ampliação da rede de ônibus",
     "A Câmara Municipal aprovou nesta terça-feira a ampliação da rede de ônibus para três bairros.",
     "Leia também: Governador assina decreto sobre educação",
     "Saiba mais sobre o plano na página da prefeitura, disse a secretária."),
    ("it", "Il comune amplia la rete degli autobus",
     "Il consiglio comunale ha approvato martedì l'estensione della rete degli autobus a tre quartieri.",
     "Leggi anche: Il governatore firma un decreto sulla scuola",
     "Leggi anche tu il piano, ha detto la sindaca ai cittadini."),
    ("ro", "Consiliul extinde rețeaua de autobuze",
     "Consiliul local a aprobat marți extinderea rețelei de autobuze în trei cartiere noi.",
     "Citește și: Guvernul a aprobat bugetul pe anul viitor",
     "Citește și tu raportul, a spus primarul."),
    ("ru", "Горсовет расширил сеть автобусов",
     "Городской совет во вторник одобрил расширение сети автобусных маршрутов на три новых района.",
     "Читайте также: Губернатор подписал указ о школах",
     "По теме доклада выступил министр транспорта."),
    ("id", "Pemkot perluas jaringan bus kota",
     "Pemerintah kota pada Selasa menyetujui perluasan jaringan bus ke tiga kecamatan baru.",
     "Baca juga: Presiden resmikan jalan tol baru di Jawa Tengah",
     "Baca juga laporan lengkapnya di situs resmi pemerintah kota, kata wali kota."),
    ("ar", "المجلس البلدي يوسع شبكة الحافلات",
     "وافق المجلس البلدي يوم الثلاثاء على توسيع شبكة الحافلات لتشمل ثلاثة أحياء جديدة.",
     "اقرأ أيضا: الحكومة تعلن عن خطة جديدة للمدارس",
     "وقال رئيس المجلس إن الخطة ستنفذ على مراحل خلال العام المقبل."),
    ("ja", "市がバス路線網を拡大",
     "市議会は火曜日、バス路線網を三つの新しい地区に拡大することを承認した。",
     "関連記事：新しい学校政策が発表された",
     "市長は、計画は来年までに完了すると述べた。"),
]


@pytest.mark.parametrize("lang, head, story, link, narrative", OTHER_LANGUAGES, ids=[row[0] for row in OTHER_LANGUAGES])
def test_other_languages_link_lines_fire_and_their_sentences_stay_silent(lang, head, story, link, narrative) -> None:
    text = f"{head}\n\n{story}\n\n{{}}\n\n{story}\n"
    assert [d.code for d in findings(text.format(link), "NL301")] == ["NL301"]
    assert findings(text.format(narrative), "NL301") == []


@pytest.mark.parametrize("header", ["Popular on Example News", "Most read in business", "More from our columnist:"])
def test_a_weak_prefix_closing_the_text_heads_a_list_the_extractor_left_out(header: str) -> None:
    text = HEAD + BEFORE + "Economists had expected the decision." + f"\n\n{header}\n"
    (finding,) = findings(text, "NL301")
    assert finding.message == f'list header "{header}" injected into the story, its list gone'
    assert finding.line == 7


def test_a_weak_prefix_above_page_furniture_heads_it() -> None:
    text = HEAD + BEFORE + "More from Example News\n\nSubscribe to our newsletter\n" + AFTER
    got = [(d.line, d.code, d.message) for d in findings(text, "NL301", "NL302")]
    assert got[0] == (5, "NL301", 'list header "More from Example News" injected into the story, above page furniture')
    assert got[1][:2] == (7, "NL302")


@pytest.mark.parametrize("text", [
    HEAD + BEFORE + "Economists had expected the decision.\n\n— More to come\n",  # a wire story's marker
    HEAD + BEFORE + "More questions than answers\n\nThe Bank said inflation would fall next year.\n",  # a crosshead
    HEAD + "Popular on Example News\n\n" + BEFORE.strip() + AFTER,  # the first paragraph
])
def test_a_weak_prefix_over_story_text_or_as_a_marker_is_no_header(text: str) -> None:
    assert findings(text, "NL301") == []


@pytest.mark.parametrize("link", [
    "(RELATED: Poll: Clear Majority Want To Keep Confederate Statues)",
    "(Also see: “Slowing Manufacturing Numbers Point To Recession”)",
    "Read more: Straw backs ending China embargo",
])
def test_a_link_glued_to_the_end_of_a_paragraph_is_reported_and_removed_alone(link: str) -> None:
    paragraph = "The Bank of England has kept interest rates at 4.75% for a third month in a row."
    text = HEAD + paragraph + " " + link + AFTER
    (finding,) = findings(text, "NL301")
    assert finding.snippet == link and "glued to the end of the paragraph" in finding.message
    (edit,) = finding.fix.edits
    assert text[:edit.start] + text[edit.end:] == HEAD + paragraph + AFTER


@pytest.mark.parametrize("sentence", [
    "Related: the figures show a fall in prices.",  # a sentence, not a title
    "Click here to read more about the budget.",  # a call to action inside a paragraph: the text's own
    "Read the minutes of the meeting.",  # no separator
])
def test_a_sentence_closing_a_paragraph_that_only_opens_like_a_link_is_left_alone(sentence: str) -> None:
    text = HEAD + "The Bank of England has kept interest rates at 4.75% for a third month. " + sentence + AFTER
    assert findings(text, "NL301") == []


def test_a_table_row_after_a_site_like_name_is_no_link() -> None:
    # A table of companies, one row a line: the name looks like a site, the rest holds no title.
    rows = ["Canonical | 422 | 1.9%", "FastMail.FM | 17 | 0.1%", "SUSE | 7 | 0.0%"]
    text = HEAD + BEFORE + "\n\n".join(rows) + AFTER
    assert findings(text, "NL301") == []


@pytest.mark.parametrize("line", ["Lire : Que sont les IMSI-catchers, ces valises qui espionnent les téléphones ?",
                                  "Leggi: Il governatore firma un decreto sulla scuola",
                                  "Читайте: Губернатор подписал указ о школах"])
def test_read_alone_before_a_separator_opens_a_link_in_other_languages_as_in_english(line: str) -> None:
    # "Read: ..." in other languages (Le Monde's "Lire : ..." with the French space before the colon)
    assert [d.code for d in findings(HEAD + BEFORE + line + AFTER, "NL301")] == ["NL301"]


def test_read_alone_without_a_separator_is_a_sentence() -> None:
    assert findings(HEAD + BEFORE + "Lire la lettre ouverte des élus, a dit le maire, serait utile à tous." + AFTER,
                    "NL301") == []


def test_indonesian_read_alone_with_a_separator_is_a_link_prefix() -> None:
    story = ("Komnas HAM bahas lapas\n\nKomisi Nasional Hak Asasi Manusia membahas kelebihan kapasitas di lembaga "
             "pemasyarakatan pada hari Senin.\n\n{}\n\nRapat itu dihadiri oleh pejabat kementerian.\n")
    assert [d.code for d in findings(story.format("(Baca: Komnas HAM Ikut Rumuskan Solusi Kelebihan Kapasitas di Lapas)"),
                                     "NL301")] == ["NL301"]
    assert findings(story.format("Baca buku itu setiap hari, kata kepala lapas kepada para tahanan."), "NL301") == []


@pytest.mark.parametrize("line", [
    "VEA TAMBIÉN: Entre heces y guaricha: estrella de la educación no brilla",
    "Mire: El cantante Juan Luis Guerra da positivo a COVID-19",
    "Veja: Governo anuncia novo pacote de obras para as escolas",
    "Zum Weiterlesen: Der Streit um die Grundsteuer",
    "Das könnte dich auch interessieren: Neue Regeln für E-Scooter",
    "Смотрите: Губернатор подписал указ о школах",
    # ... and in languages the table lacked (after the Vietnamese source)
    "Xem thêm: Đánh bại Neymar, Coutinho giành giải Samba Gold",
    "Διαβάστε επίσης: Νέα μέτρα για την ακρίβεια",
    "यह भी पढ़ें: मुंबई में भारी बारिश से जनजीवन प्रभावित",
    "بیشتر بخوانید: افزایش قیمت نان در تهران",
])
def test_see_and_read_on_in_more_forms_of_other_languages(line: str) -> None:
    # the table's concepts in the forms it lacked (trafilatura's evaluation pages, 2026-12-05)
    assert [d.code for d in findings(HEAD + BEFORE + line + AFTER, "NL301")] == ["NL301"]


@pytest.mark.parametrize("line", [
    "Lea: Ich weiß es nicht, ob wir das schaffen",  # a name opening a transcript's line
    "Mira: Das war der schönste Tag",
    "Mire usted lo que ha pasado con la escuela del barrio, dijo el alcalde.",
    "Veja como ficou a escola depois da reforma, disse o prefeito.",
])
def test_names_and_sentences_that_open_with_those_words_are_left_alone(line: str) -> None:
    assert findings(HEAD + BEFORE + line + AFTER, "NL301") == []


def test_a_list_of_names_under_a_name_like_lea_is_no_list_of_links() -> None:
    names = ["Lea Carpenter", "Noam Chomsky, MIT (emeritus)", "Nicholas A. Christakis, Yale University",
             "Roger Cohen, writer"]
    assert findings(HEAD + BEFORE + "\n\n".join(names) + AFTER, "NL301") == []


@pytest.mark.parametrize("line", [
    "Čtěte také: Po pivu za volant? Už neodjedete!",
    "See also: Why do so many Americans refuse to wear face masks? Politics is part of it — but only part",
])
def test_a_title_that_asks_and_answers_after_a_strong_prefix_is_a_link(line: str) -> None:
    assert [d.code for d in findings(HEAD + BEFORE + line + AFTER, "NL301")] == ["NL301"]


@pytest.mark.parametrize("line", [
    "See also: He went home. Then he slept for a day",  # a full stop ends a sentence of narrative
    "Watch: Is it safe? Experts say no",  # a weak prefix: the title must be one sentence
])
def test_two_sentences_after_a_weak_prefix_or_a_full_stop_are_no_title(line: str) -> None:
    assert findings(HEAD + BEFORE + line + AFTER, "NL301") == []


def test_a_vietnamese_sentence_opening_with_see_more_is_left_alone() -> None:
    # "See more of the author's articles here." ends with a full stop: a sentence
    assert findings(HEAD + BEFORE + "Xem thêm các bài viết của tác giả tại đây." + AFTER, "NL301") == []
