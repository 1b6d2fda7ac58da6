"""NL302 boilerplate-line: interface text is reported, story sentences about the same things are not."""
from __future__ import annotations

import pytest

from newslint.testing import findings

STORY = "Council backs budget\n\nThe council approved the budget on Tuesday.\n\n{}\n\nCouncillors said taxes would rise.\n"


def codes(line: str) -> list[str]:
    return [d.code for d in findings(STORY.format(line), "NL302")]


@pytest.mark.parametrize("line", [
    "Share this article", "SHARE THIS STORY", "Share on WhatsApp", "- Share via Email", "Tweet this",
    "Print this page", "Follow us on Twitter", "Follow @BBCNews", "Follow The Times on Facebook",
    "Like us on Facebook", "Sign up for our daily newsletter", "Subscribe now",
    "Sign up to the Morning Briefing email", "We use cookies to improve your experience.",
    "This website uses cookies", "Accept all cookies", "Advertisement", "Advertisement:", "Advert", "Sponsored content",
    "Sponsored:", "Image", "Photo", "Photos", "Video",  # a medium's placeholder label, alone
    "Story continues below advertisement", "Article continues after this ad", "Click here to subscribe",
    "Tap here to sign up", "Continue reading below",
    "All rights reserved.", "© 2019 Reuters", "Copyright 2018 The Associated Press.",
    "Copyright ⓒ Example.co.kr", "Ⓒ 2020 Example Media",  # circled C, as Korean sites write it
    "Image copyright Getty Images", "Photo credit: AFP", "Getty Images", "Leave a comment",
    "Join the conversation", "Comments are closed.", "12 comments", "Skip to main content",
    "Please enable JavaScript to view the comments", "Related Topics",
    "Subscribe to our YouTube channel", "Download our app", "Get the latest news on WhatsApp",
    "This article was originally published on The Conversation.", "Listen to this article",
    "Comments (12)", "Advertisement Advertisement", "Loading...", "Photo: Reuters", "Image: Getty",
    "Support our journalism", "Join our WhatsApp channel", "Read our privacy policy",
    "Enjoyed this article? Share it with a friend.", "Have your say in the comments below",
    "Click to share on Twitter (Opens in new window)", "Posted by admin at 10:32 AM",
    "Tags: minimum wage, economy, jobs", "Filed under: Economy", "You have 3 free articles remaining",
    "Already a subscriber? Log in",
    # A gallery's or a page's counter, in any of a few languages' words for "of", and a photo
    # credit naming the photographer and the agency.
    "Image 1 of 8", "1 / 8", "1of/8", "Foto 3 de 12", "Page 2 of 5", "Photo: Jane Smith, AP",
    # A call to get something that is not the full or latest story (that is NL301's link).
    "CLICK HERE TO GET THE NEWS APP",
    # A reading time, in a few languages.
    "Reading time: 3 min.", "5 min read", "Estimated reading time: 6 minutes", "Tempo de leitura: 2 minutos",
    "Lesezeit: 2 Minuten", "Temps de lecture : 3 min", "Время чтения: 4 минуты",
    # A prompt to the reader that runs on past the short lines' limit.
    "Subscribe to the Example Channel on YouTube for all of the latest videos, reviews, and more!",
    "Follow Example Cities on Twitter, Facebook and Instagram to join the discussion and catch up on our best stories",
    # A wire service's routing slug, left above the story.
    "AP-US--Trump-Impeachment, 4th Ld-Writethru", "BC-EU--Britain-Brexit-Election, 1st Ld-Writethru",
])
def test_interface_lines_are_reported(line: str) -> None:
    assert codes(line) == ["NL302"]


@pytest.mark.parametrize("line", [
    "The firm's advertising revenue rose 5% in the quarter.",
    "Shares in Twitter fell sharply after the results were published.",
    "Readers can sign up online, the paper said.",
    '"Follow us on this journey," the mayor told residents.',
    "Cookies and cakes were sold at the fair to raise money for the school.",
    "The copyright case will be heard in the High Court next month.",
    "Users who share this kind of content could face a ban, the minister warned.",
    "Advertising executives met in London on Monday to discuss the new rules on junk food.",
    "(Reporting by Jane Doe; Editing by John Smith)",  # a wire credit is part of the article
    "Topics: the minister said more would follow.",
    "Loading of the ships began on Monday.",
    "Subscribers to the service will pay more from April, the company said.",
    "The article was first published in 1998 and caused an outcry.",
    "Comments by the minister were criticised by MPs from all parties on Tuesday.",
    "He won 3 of 4 matches.",  # a sentence holding a count is not a counter
    # A step of the story's instructions: the e-mail is not what one signs up for.
    "Sign up for the streaming bundle using the same email as your old account",
    "The score was 2 / 3 at half-time.",
    "India 245/6",  # a cricket score, not one of so many
    "24/7",
    # Times that are not how long the article takes to read.
    "Total time: 20 minutes", "Running time: 97 min.", "The reading time was 5 minutes, the study found.",
    # A long sentence that opens like a prompt but reports speech, or is longer than any prompt.
    "Follow the money, the investigator said, and you will find who paid for the campaign in the end.",
    "Subscribe to the idea that the council can fix every road in the county within a single year and you will be "
    "disappointed, residents were told.",
    # Double hyphens that are no slug.
    "Anti-war--protest", "UK-EU--talks go on as planned today",
    # An advertisement named by the story, not a slot's label.
    "Advertisement: the word that launched a thousand campaigns.", "Sponsored: by whom?",
    # A how-to's crossheads naming a medium's craft, not a placeholder.
    "Graphics", "Illustrations", "Video production",
])
def test_story_sentences_are_left_alone(line: str) -> None:
    assert codes(line) == []


def test_trailing_fragment_is_reported_and_removed() -> None:
    text = STORY.format("Residents protested outside the town hall. Share this article")
    (finding,) = findings(text, "NL302")
    assert text[finding.fix.edits[0].start:finding.fix.edits[0].end] == " Share this article"
    assert "'Share this article'" in finding.message


def test_whole_line_fix_keeps_the_layout() -> None:
    text = STORY.format("Advertisement")
    (finding,) = findings(text, "NL302")
    edit = finding.fix.edits[0]
    assert text[:edit.start] + text[edit.end:] == ("Council backs budget\n\nThe council approved the budget "
                                                    "on Tuesday.\n\nCouncillors said taxes would rise.\n")


@pytest.mark.parametrize("line, code", [
    ("Story continues below advertisement", "NL302"),  # page furniture around an advert
    ("Continue reading below", "NL302"),
    ("Click here to subscribe", "NL302"),
    ("Click here to read more about the budget", "NL301"),  # a call to read elsewhere: a link
    ("Click here for more", "NL301"),
    ("Continue reading", "NL301"),
])
def test_one_finding_per_line_between_boilerplate_and_link_rules(line: str, code: str) -> None:
    assert [d.code for d in findings(STORY.format(line), "NL301", "NL302")] == [code]


def test_paywall_notice_inside_the_article_is_furniture() -> None:
    text = STORY.format("Already a subscriber? Log in")
    assert [d.code for d in findings(text, "NL302", "NL503")] == ["NL302"]


@pytest.mark.parametrize("line", [
    "Copyright 2019 The Associated Press. All rights reserved. This material may not be published, "
    "broadcast, rewritten or redistributed.",
    "(C) 2008 Example Navigation, Inc. All rights reserved. Example, Maestro and RoadMate are trademarks "
    "of Example Navigation, Inc. in the United States and other countries.",
    "© 2020 Le Journal. Tous droits réservés. Toute reproduction sans autorisation est interdite, sauf "
    "pour un usage strictement personnel.",
])
def test_a_long_copyright_notice_that_reserves_all_rights_is_reported(line: str) -> None:
    assert len(line.split()) > 14  # longer than the interface phrases are judged
    assert codes(line) == ["NL302"]


@pytest.mark.parametrize("line", [
    # Copyright as the story's subject, or a notice that reserves nothing, in a long line.
    "Copyright lawyers for the three publishers said the ruling would change how news sites license "
    "photographs, and that all rights reserved by agencies were at stake.",
    "Copyright 2019 was the year the directive passed, after two years in which publishers and platforms "
    "argued over who should pay whom for snippets of news.",
    "Copyright 2019 The Associated Press. All rights reserved. " + "This notice runs on and on. " * 12,
])
def test_a_long_line_about_copyright_is_not_a_notice(line: str) -> None:
    assert codes(line) == []


@pytest.mark.parametrize("line", ["(Story continues below)", "(Story Continues On Next Page...)",
                                  "(Click here to subscribe)"])
def test_interface_text_in_brackets_is_reported(line: str) -> None:
    assert codes(line) == ["NL302"]


def test_a_story_sentence_in_brackets_is_left_alone() -> None:
    assert codes("(Shares in the company fell 5% on the news, the exchange said.)") == []


def test_fractions_through_several_totals_are_a_table_not_counters() -> None:
    """A gallery's counters count through one total; a table flattened one cell a line gives
    fractions with several ("39/94", "5/20"), which are data."""
    gallery = "Council backs budget\n\nThe council approved the budget.\n\n1/8\n\nCouncillors said taxes would rise.\n\n2/8\n"
    assert [d.line for d in findings(gallery, "NL302")] == [5, 9]
    table = gallery.replace("1/8", "39/94").replace("2/8", "5/20")
    assert findings(table, "NL302") == []


# -- other languages: the commonest prompts, each naming what it asks for --------------------

@pytest.mark.parametrize("line", [
    "Folgen Sie uns auf Facebook und Twitter", "Abonnieren Sie unseren Newsletter", "Teilen Sie diesen Artikel",
    "Anzeige", "Anzeige:", "Foto", "Видео", "Vidéo", "Suivez-nous sur Twitter", "Abonnez-vous à notre newsletter", "Síguenos en Twitter y Facebook",
    "Suscríbete a nuestro boletín", "Comparte esta noticia con tus amigos", "PUBLICIDADE",
    "Assine nossa newsletter e receba as principais notícias", "Siga-nos no Instagram", "Seguici su Facebook",
    "Iscriviti alla nostra newsletter", "Condividi questo articolo", "Abonează-te la newsletter!",
    "Подписывайтесь на наш канал в Telegram", "Поделитесь этой новостью с друзьями", "Реклама",
    "Baixe o nosso app", "Bizi takip edin", "تابعونا على تويتر",
    "Wir verwenden Cookies, um Ihnen das beste Nutzererlebnis zu bieten.", "Este sitio web utiliza cookies",
    "Nous utilisons des cookies", "Questo sito utilizza cookie", "Kommentare (12)", "Deixe seu comentário",
    "Lascia un commento", "Laisser un commentaire", "Комментарии (5)", "Оставить комментарий",
])
def test_other_languages_prompts_are_reported(line: str) -> None:
    assert codes(line) == ["NL302"]


@pytest.mark.parametrize("line", [
    "Die Polizei folgt uns auf Schritt und Tritt, sagte der Sprecher.",
    "Reklama w telewizji kosztuje coraz więcej, twierdzą analitycy.",
    "La publicidad electoral está prohibida desde el viernes.",
    "Os moradores compartilham a mesma preocupação com a segurança.",
    "Он попросил подписаться на петицию в поддержку парка.",
])
def test_other_languages_story_sentences_are_left_alone(line: str) -> None:
    assert codes(line) == []


@pytest.mark.parametrize("line, prompt", [
    # a site's prompt glued to a line of furniture or to a story paragraph, as a sentence of its own
    ("Get the latest updates right in your inbox. Subscribe to NJ.com’s newsletters.",
     "Subscribe to NJ.com’s newsletters."),
    ("Have a tip? Jane Doe may be reached at jdoe@example.com. Follow her on Twitter @JaneDoe or on Facebook.",
     "Follow her on Twitter @JaneDoe or on Facebook."),
    ("Sign Up: Stay on top of the latest film news! Sign up for our Email Newsletters here.",
     "Sign up for our Email Newsletters here."),
    ("Residents protested outside the town hall. Like us on Facebook. Follow us on Instagram.",
     "Like us on Facebook. Follow us on Instagram."),
    ("Die Anwohner protestierten vor dem Rathaus. Folgen Sie uns auf Instagram.", "Folgen Sie uns auf Instagram."),
])
def test_prompts_closing_a_paragraph_are_reported_and_removed_alone(line: str, prompt: str) -> None:
    text = STORY.format(line)
    (finding,) = findings(text, "NL302")
    assert finding.snippet == prompt
    (edit,) = finding.fix.edits
    assert text[:edit.start] + text[edit.end:] == STORY.format(line[:-len(prompt)].rstrip())


@pytest.mark.parametrize("line", [
    # told by someone, quoted, or a story's own sentence opening like a prompt
    'Residents protested outside. "Follow us on Twitter," the organisers said.',
    "Residents protested outside. Follow us on Twitter, the organisers said, and share the video.",
    "The council approved the plan. Subscribe to the idea or not, taxes will rise.",
    "Police appealed for witnesses. Click here and there on the map to see where it happened.",
    "The paper's sales fell. Click here for more on the paper's finances.",  # a link: NL301's, if any
])
def test_sentences_that_only_look_like_prompts_are_left_alone(line: str) -> None:
    assert codes(line) == []


def test_a_paragraph_of_prompt_sentences_is_reported_as_a_line() -> None:
    line = "Like us on Facebook. Follow us on Twitter. Subscribe to our YouTube channel for all the latest videos."
    (finding,) = findings(STORY.format(line), "NL302")
    assert finding.message.startswith("boilerplate line:")
