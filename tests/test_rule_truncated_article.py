"""NL503 truncated-article: cut endings, and the endings that are complete."""
from __future__ import annotations

from pathlib import Path

import pytest

from newslint.testing import findings

HEAD = "Council approves budget\n\nThe council approved a budget on Tuesday.\n\n"
CLEAN = sorted((Path(__file__).parent / "fixtures" / "clean").glob("*.txt"))


def messages(last: str) -> list[str]:
    return [d.message for d in findings(HEAD + last + "\n", "NL503")]


def test_clean_articles_are_silent() -> None:
    assert CLEAN
    assert [(p.name, d.line) for p in CLEAN for d in findings(p.read_bytes(), "NL503")] == []


@pytest.mark.parametrize("last", [
    "Councillors said the money would go to schools and...",
    "Councillors said the money would go to the …",
    "Councillors said the money would go to schools [\u2026]",
    "Councillors said the money would go to schools. (more)",
    "Councillors said the money would go to schools. Read the full story",
    "Councillors said the money would go to schools. Click here to read more.",
    "Councillors said the money would go to schools. Read more »",
    "Councillors said the money would go to schools. (continued)",
])
def test_cut_markers(last: str) -> None:
    assert [m.split(" (")[0] for m in messages(last)] == ["article ends with a cut marker"]


@pytest.mark.parametrize("last", [
    "Reste à espérer que l'on n'en arrive pas là...",  # a writer trailing off (dh.be)
    "But will a safe pair of hands be enough when the hands of a magician might be required...",
    "For more information, please visit www.example-council.gov.uk",  # a story may end on an address
    "Tickets are on sale from the box office and at example-theatre.be",
])
def test_stylistic_endings_are_complete(last: str) -> None:
    assert messages(last) == []


def test_a_cut_marker_after_a_full_stop_is_a_cut() -> None:
    assert [m.split(" (")[0] for m in messages("He may receive further discipline....")] == [
        "article ends with a cut marker"]


def test_indonesian_writes_a_closing_ellipsis_with_four_dots() -> None:
    # Indonesian spelling rules end a sentence's ellipsis with four dots: a finished clause so
    # closed is the writer trailing off; a dangling word before them is still a cut.
    head = ("Tabungan untuk masa depan\n\nBanyak anak muda belum memiliki tujuan keuangan yang jelas "
            "untuk masa depan mereka. Para ahli menyarankan agar mereka mulai menabung sejak dini.\n\n")
    closing = "Lagipula siapa yang tak ingin hidup bahagia dengan masa depan yang tak lagi menjadi taruhan...."
    assert [d.message for d in findings(head + closing + "\n", "NL503")] == []
    english = HEAD + "Still, he may face more questions from the league over the tackle in the game....\n"
    assert [m.split(" (")[0] for m in (d.message for d in findings(english, "NL503"))] == [
        "article ends with a cut marker"]


def test_a_comma_typed_after_the_full_stop_is_no_cut() -> None:
    # lk-news-si: "... සඳහන් කළේය.," (the minister said.,): a slip after a finished sentence.
    assert messages("Councillors said the money would go to schools in the city.,") == []
    assert messages("Councillors said the money would go to schools in the city,") != []
    # An Italian column's last quotation closed with the opening glyph after its ellipsis
    # (‘disse: ” Non succede mai niente… “’): finished; an opening mark after a word is a cut.
    assert messages("As Harcourt once told the young Churchill: ” Nothing ever happens… “") == []
    assert messages("As Harcourt once told the young Churchill: “") != []
    # Greek's question mark is ";" (gr-kathimerini): a closing question, not a cut
    greek = ("Ειδήσεις\n\nΗ κυβέρνηση ανακοίνωσε σήμερα νέα μέτρα για την ακρίβεια στα τρόφιμα.\n\n"
             "Ποιος θα πληρώσει τελικά το κόστος αυτής της απόφασης;\n")
    assert findings(greek, "NL503") == []
    assert messages("The mayor said the plan was fair to all residents;") != []


def test_chinese_and_japanese_clauses_are_measured_in_characters() -> None:
    # A Chinese digest's item closed by the writer's "……" (hyperpartisan-en): a finished clause,
    # once read as one "word" too short to judge. A Japanese teaser cut after a particle ("結果は…",
    # "the result is…", livedoor-ja) is still a cut.
    chinese = ("体育新闻\n\n里约刚刚削减了奥运会期间的安保预算，而且据悉警察已经有五个月没拿到工资了。\n\n"
               "贝克汉姆为天空体育拍摄全新预告片。在影片中，小贝直接在晨跑中经历一年四季。\n\n但是最后却被狗狗狂追……\n")
    assert findings(chinese, "NL503") == []
    japanese = ("スポーツ\n\n雪のストックホルムで大会が開かれ、多くの選手が参加した。\n\n"
                "雪のストックホルムにキシェンコ、サップが登場、結果は…\n")
    assert [d.message.split(" (")[0] for d in findings(japanese, "NL503")] == ["article ends with a cut marker"]


@pytest.mark.parametrize("last", [
    "Councillors said the money would go to schools in the",
    "Councillors said the money would go to schools,",
    "Councillors said the money would go to schools -",
    "Councillors voted for it. The leader of the council said the money would go to schools across",
    "Councillors voted for it. The leader said the money would go to schools across the whole city",
])
def test_stops_mid_sentence(last: str) -> None:
    assert [m.split(" (")[0] for m in messages(last)] == ["article stops mid-sentence"]


@pytest.mark.parametrize("last", [
    "Councillors said the money would go to schools.",
    'The leader said: "It goes to schools."',
    "Will it go to schools?",
    "In 2003, the economy expanded by 1.3%",  # a missing full stop, not a cut
    "Best film - The Long Road Home",  # a list item
    "The figures for each ward are below:",  # a table that was not scraped
    "Analysts said investors would read more into the figures next week.",
    "Reporting by Jane Doe; editing by John Smith",  # a sign-off
    "Follow us on twitter",  # a short line, not prose
    "Councillors met the teachers of the School Of",  # a title's words, capitalised
    "To continue reading the report, he said, officials would need more time.",
    "Already a member of the board, she joined in 2004.",
])
def test_complete_endings(last: str) -> None:
    assert messages(last) == []


def test_a_list_of_short_lines_is_not_prose() -> None:
    body = "Best film - The Long Road Home\n\nSpecial award - Tom Reed for his contribution to British cinema"
    assert messages(body) == []


@pytest.mark.parametrize("notice", [
    "To continue reading, subscribe now.",
    "This article is only available to paid subscribers",
    "You have 3 free articles remaining",
    "Already a subscriber? Log in",
    "Subscribe now to continue reading",
])
def test_paywall_notice_at_the_end(notice: str) -> None:
    text = HEAD + "Councillors said the money would go to schools.\n\n" + notice + "\n"
    got = findings(text, "NL503", "NL302")  # one finding: the cut, not also the furniture
    assert [(d.code, d.line, d.message.split(":")[0]) for d in got] == [
        ("NL503", 7, "article ends with a paywall notice")]


# The same notices in other languages, each after its language's story: at the end the cut
# (NL503), inside the article the furniture (NL302); a story's sentence opening alike, neither.
OTHER_LANGUAGE_PAYWALLS = [
    ("Der Stadtrat hat am Dienstag den Haushalt beschlossen.", "Dieser Artikel ist nur für Abonnenten verfügbar.",
     "Für Abonnenten der Zeitung gilt ein Rabatt, sagte der Verleger."),
    ("Le conseil municipal a adopté le budget mardi.", "Il vous reste 75% de cet article à lire.",
     "Pour lire la suite de ses mémoires, il faudra attendre l'automne."),
    ("El ayuntamiento aprobó el presupuesto el martes.", "¿Ya eres suscriptor? Inicia sesión",
     "Para seguir leyendo el informe completo hay que ir a la biblioteca."),
    ("A câmara aprovou o orçamento na terça-feira.", "Conteúdo exclusivo para assinantes",
     "Para continuar lendo o relatório, ele disse, é preciso paciência."),
    ("Il consiglio comunale ha approvato il bilancio martedì.", "Per continuare a leggere accedi o abbonati.",
     "Solo per gli abbonati il prezzo scende, ha detto il ministro."),
    ("Городской совет утвердил бюджет во вторник.", "Материал доступен только подписчикам",
     "Чтобы продолжить чтение книг, библиотека открыла новый зал."),
]


@pytest.mark.parametrize("story, notice, sentence", OTHER_LANGUAGE_PAYWALLS)
def test_other_languages_paywall_notices(story: str, notice: str, sentence: str) -> None:
    head = "Budget\n\n" + story + "\n\n"
    at_end = findings(head + story + "\n\n" + notice + "\n", "NL503", "NL302")
    assert [(d.code, d.line) for d in at_end] == [("NL503", 7)]
    inside = findings(head + notice + "\n\n" + story + "\n", "NL503", "NL302")
    assert [(d.code, d.line) for d in inside] == [("NL302", 5)]
    assert findings(head + sentence + "\n\n" + story + "\n", "NL503", "NL302") == []


@pytest.mark.parametrize("seed", range(10))
def test_cut_marker_found_as_the_former_search_found_it(seed: int) -> None:
    # Possessive runs, searched from near the end only: the same marker as before, without the
    # cost that grew with the cube of a run of dots.
    import random

    import regex

    from newslint.rules.truncated_article import _CUT_MARKER, _marker_search_start

    former = regex.compile(_CUT_MARKER.pattern.replace("{3,}+", "{3,}").replace("*+$", "*$"), regex.IGNORECASE)
    pieces = ["...", ".", " ", "…", "[…]", "[ ... ]", "(more)", "Continue reading", "read more", "x", "word",
              ")", "]", "»", ":", "the end", "READ THE FULL STORY", "\u00a0"]
    rng = random.Random(seed)
    for _ in range(200):
        text = "".join(rng.choice(pieces) for _ in range(rng.randrange(1, 12)))
        new, old = _CUT_MARKER.search(text, _marker_search_start(text)), former.search(text)
        assert (new and new.group()) == (old and old.group()), text


def test_the_story_s_own_end_decides_when_furniture_follows() -> None:
    story = "Council approves budget\n\nThe council approved a budget on Tuesday.\n\n{}\n\nShare this article\n\nComments are closed.\n"
    complete = findings(story.format("Councillors said the money would go to schools."), "NL503")
    assert complete == []
    cut = findings(story.format("Councillors said the money would go to the"), "NL503")
    assert [(d.line, d.message) for d in cut] == [
        (5, "article stops mid-sentence (ends with 'the'), before page furniture")]
    marker = findings(story.format("Councillors said the money would go to schools.\n\nContinue reading"), "NL503")
    assert [(d.line, d.message.split(" (")[0]) for d in marker] == [(7, "the story ends with a cut marker")]


def test_a_link_line_closing_the_text_is_not_a_cut() -> None:
    # "MORE: <another story's title>" under a complete story: its title's last word is no cut
    text = ("Council approves budget\n\nThe council approved a budget on Tuesday.\n\nCouncillors said the "
            "money would go to schools.\n\nMORE: How to tell if your council is cutting and what to do if it is\n")
    assert findings(text, "NL503") == []
    cut = text.replace("would go to schools.", "would go to the")
    assert [d.message for d in findings(cut, "NL503")] == [
        "article stops mid-sentence (ends with 'the'), before page furniture"]


def test_english_words_that_never_end_a_sentence_are_judged_in_english_only() -> None:
    french = ("Le prix de l'abonnement en Europe\n\nLe prix moyen d'un abonnement varie beaucoup "
              "d'un pays à l'autre, selon une étude publiée mardi par la commission.\n\n"
              "Voici les pays où il coûte le plus cher pour les ménages.\n\n1. Norvège - 8€/an\n\n2. Suisse - 6,1€/an\n")
    assert findings(french, "NL503") == []
    english = "Council approves budget\n\nThe council approved a budget on Tuesday.\n\nCouncillors said it was an\n"
    assert [d.message for d in findings(english, "NL503")] == ["article stops mid-sentence (ends with 'an')"]


def test_an_ellipsis_closed_by_a_spaced_full_stop_is_stylistic() -> None:
    text = ("Wales face Scotland next\n\nWe have to focus on Scotland now, with only six days to recover "
            "from a bruising encounter.\n\nIn the meantime, as the saying goes, when in Rome ... .\n")
    assert findings(text, "NL503") == []


def test_a_closing_note_or_credit_takes_no_full_stop() -> None:
    # An editor's note or a credit after the story: a label, a colon and a capitalised value.
    assert messages("Councillors said the money would go to schools and roads across the county over "
                    "the next two years. Original title: Money for the county") == []
    assert messages("Councillors said the money would go to schools. Credit: Council press office/handout") == []
    # A paragraph of prose cut after a colon with a lower-case word is still a cut.
    assert messages("Councillors said the money would go to schools and roads across the county over the "
                    "next two years and that the mayor had said: the spending plan was going to be good for") \
        == ["article stops mid-sentence (ends with 'for')"]


def test_a_closing_low_quotation_mark_ends_a_sentence_and_an_opening_one_does_not() -> None:
    # German „...“: the final “ closes the quotation; in English the same mark opens one.
    german = ("Programm vorgestellt\n\nDie SPD hat am Montag ihr Programm vorgestellt und will hohe "
              "Einkommen stärker besteuern, sagte die Vorsitzende.\n\n"
              "Sie sagte: „Wir wollen ein Europa, auf das man sich verlassen kann.“\n")
    assert [f.code for f in findings(german, "NL503")] == []
    assert [f.code for f in findings(german.replace("kann.“", "kann „Reichensteuer“"), "NL503")] == []
    english = ("Budget approved\n\nThe council approved the budget on Tuesday after a long debate about "
               "spending on roads and schools.\n\nThe mayor told reporters at City Hall: “\n")
    assert [f.code for f in findings(english, "NL503")] == ["NL503"]


def test_a_rule_line_before_a_credit_is_not_where_the_story_ends() -> None:
    text = ("Council backs budget\n\nThe council approved the budget on Tuesday after a long debate.\n\n"
            "\"It would be a good thing to have more money,\" the mayor said.\n\n————\n\n"
            "Associated Press writer Jill Colvin contributed to this report.\n")
    assert findings(text, "NL503") == []
    followed = text.replace("Associated Press writer Jill Colvin contributed to this report.", "Follow Jill Colvin on Twitter")
    assert findings(followed, "NL503") == []


def test_read_more_heading_other_stories_titles_is_no_cut_marker() -> None:
    story = ("Council backs budget\n\nThe council approved the budget on Tuesday after a long debate about roads.\n\n"
             "Councillors said taxes would rise next year, though not by as much as feared.\n\n"
             "Published in the Gazette, October 22nd\n\nRead more\n\n")
    titles = ("Mediators scramble to salvage the harbour deal\n\nSchool wins national chess prize for third year\n\n"
              "Storm damage closes the seafront road for a week\n")
    assert findings(story + titles, "NL503") == []
    assert [d.code for d in findings(story.rstrip() + "\n", "NL503")] == ["NL503"]  # a marker closing the page


def test_a_paywall_notice_is_read_from_its_first_word() -> None:
    from newslint.text.paywall import is_paywall_notice

    assert is_paywall_notice("»» To continue reading, subscribe now.")
    assert is_paywall_notice("¿Ya eres suscriptor? Inicia sesión")
    assert not is_paywall_notice('"' * 5000)  # punctuation only (it once cost every alternative after each mark)


def test_a_line_of_script_after_the_story_is_not_where_it_ends() -> None:
    text = ("Council approves budget\n\nThe council approved a budget of £4m on Tuesday.\n\n"
            "Watch the video below:\n\n"
            "OO.ready(function() { OO.Player.create('player-1', 'abc'); });\n\n"
            "Please enable Javascript to watch.\n")
    assert [d.code for d in findings(text, "NL503")] == []
