"""NL304 off-topic-paragraph: a paragraph that shares few words with the article is reported
when the sentence model finds its meaning far from the story's too; on by default."""
from __future__ import annotations

from pathlib import Path

import pytest

from newslint.document import Document
from newslint.registry import load_rules
from newslint.rules import off_topic_paragraph
from newslint.testing import findings
from newslint.text import embeddings

RULE = load_rules(plugins=False).by_code("NL304")
PARAS = [p for p in RULE.good_examples[0].split("\n\n")[1:] if p.strip()]
HEAD = "Council to shut libraries"
INTRUDER = ("Striker Marcus Rashford scored twice as Manchester United beat Aston Villa at Old Trafford, "
            "lifting the visitors' manager's hopes of a European place despite injuries.")
# Few shared words, same subject: the council's side of the story in new words.
NEW_THREAD = ("Opposition members described the decision as short-sighted, warning that shutting branches "
              "and selling the pool would hurt pensioners, pupils and families who rely on free reading rooms.")
SEED_000 = Path(__file__).resolve().parent.parent / "seeds" / "000_e85ab3766c75165b.txt"

semantic = pytest.mark.skipif(not embeddings.available(), reason="the newslint[semantic] extra is not installed")


def article(*paragraphs: str) -> str:
    return HEAD + "\n\n" + "\n\n".join(p.strip() for p in paragraphs) + "\n"


def on_words_alone(text: str) -> list[int]:
    doc = Document(text)
    return [doc.line_of(f.start) for f in RULE.check(doc, {**RULE.options, "semantic": False})]


@semantic
def test_paragraph_from_another_story_is_reported_with_the_shares_and_the_meaning() -> None:
    (finding,) = findings(article(*PARAS[:4], INTRUDER), "NL304")
    assert finding.line == 11
    assert finding.message.startswith("paragraph looks like part of another story: it shares 0% of its key words")
    assert "its meaning is far from the story's (similarity" in finding.message


@semantic
def test_few_shared_words_on_the_same_subject_is_not_reported_by_default() -> None:
    text = article(*PARAS[:4], NEW_THREAD)
    assert on_words_alone(text) == [11]  # the words alone would report it
    assert findings(text, "NL304", min_confidence=0) == []


@semantic
def test_seed_000s_settlement_paragraph_at_the_end_is_reported() -> None:
    """Seed 000's last paragraph (a settlement in San Juan County, under a story on sanctuary
    cities) is close in meaning to the story (detention and immigration law, similarity about
    0.26) but closes the article far from the paragraph before it: another story's opening."""
    text = SEED_000.read_text(encoding="utf-8")
    assert on_words_alone(text) == [42]
    assert [d.line for d in findings(text, "NL304", min_confidence=0)] == [42]


def test_the_last_paragraph_may_mean_more_like_the_story_when_it_follows_nothing(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """At the end, a paragraph sharing few words is reported up to a similarity of 0.3 to the
    story when it is far from the paragraph before it (under 0.2), and only under 0.15 when it
    carries on from it. Stand-in vectors: the last paragraph's is ``previous`` from the one
    before it."""
    monkeypatch.setattr(embeddings, "available", lambda: True)
    monkeypatch.setattr(embeddings, "reads", lambda language: True)
    monkeypatch.setattr(off_topic_paragraph, "similarity_to_story", lambda doc, index: 0.25)
    text = article(*PARAS[:4], INTRUDER)
    for previous, expected in ((0.0, [11]), (0.25, [])):
        def embed(texts: list[str], previous: float = previous) -> list[list[float]]:
            return [[1.0, 0.0] if t.strip() == INTRUDER.strip() else
                    [previous, (1 - previous * previous) ** 0.5] if t.strip() == PARAS[3].strip() else [0.0, 1.0]
                    for t in texts]
        monkeypatch.setattr(embeddings, "embed", embed)
        doc = Document(text)
        assert [doc.line_of(f.start) for f in RULE.check(doc, RULE.options)] == expected
    # not at the end, the story's own bar holds
    text = article(*PARAS[:2], INTRUDER, *PARAS[2:4])
    doc = Document(text)
    assert [doc.line_of(f.start) for f in RULE.check(doc, RULE.options)] == []


def test_without_the_model_nothing_is_reported_unless_asked_for_words_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(embeddings, "available", lambda: False)
    text = article(*PARAS[:4], INTRUDER)
    assert findings(text, "NL304", min_confidence=0) == []
    assert on_words_alone(text) == [11]


def test_a_body_in_another_language_is_not_judged_by_default() -> None:
    french = ("Le conseil municipal a voté mardi la fermeture de deux bibliothèques et d'une piscine pour "
              "faire des économies l'an prochain, alors que les dotations de l'État ne cessent de baisser.")
    text = article(*([french] * 4), INTRUDER)
    assert Document(text).language == "fr"
    assert findings(text, "NL304", min_confidence=0) == []


def test_short_transitions_and_short_articles_are_not_judged() -> None:
    assert on_words_alone(article(*PARAS[:4], "Still, many mayors did attend.")) == []
    assert on_words_alone(article(PARAS[0], INTRUDER)) == []


@semantic
def test_on_by_default_and_fix_is_unsafe() -> None:
    (finding,) = [d for d in findings(article(*PARAS[:4], INTRUDER), min_confidence=0) if d.code == "NL304"]
    assert finding.fix.safety.value == "unsafe" and RULE.default_enabled


def test_a_paragraph_of_quotation_is_not_judged() -> None:
    quote = ('"The government has been told again and again that this cannot go on. Every September '
             'we lose more good people to jobs that pay better and ask less," she said.')
    assert on_words_alone(article(*PARAS[:4], quote)) == []


def test_the_model_is_asked_about_at_most_max_asked_paragraphs(monkeypatch: pytest.MonkeyPatch) -> None:
    """A file of many unrelated paragraphs is no article with one spliced in: the model (about
    10 ms a paragraph) is asked only about those sharing least."""
    import random

    asked: list[int] = []
    monkeypatch.setattr(embeddings, "available", lambda: True)
    monkeypatch.setattr(off_topic_paragraph, "similarity_to_story", lambda doc, index: asked.append(index) or 0.0)
    monkeypatch.setattr(off_topic_paragraph, "_close_to_a_neighbour", lambda doc, index: False)
    rng = random.Random(1)
    letters = "bdfgklmnprstvz"
    made_up = iter({"".join(rng.choice(letters) + rng.choice("aeiou") for _ in range(4)) for _ in range(5000)})
    related = [PARAS[k % len(PARAS)] for k in range(4 * off_topic_paragraph.MAX_ASKED)]
    strays = [" ".join(f"the {next(made_up)} and" for _ in range(12)) + "." for _ in range(3 * off_topic_paragraph.MAX_ASKED)]
    found = list(RULE.check(Document(article(*related, *strays)), RULE.options))
    assert len(asked) == off_topic_paragraph.MAX_ASKED == len(found) and asked == sorted(asked)


def test_a_dump_of_more_paragraphs_than_zoning_judges_is_no_article() -> None:
    from newslint.text.zoning import MODEL_MAX_PARAGRAPHS

    article_sized = [PARAS[k % len(PARAS)] for k in range(40)]
    assert on_words_alone(article(*article_sized, INTRUDER)) == [2 * 40 + 3]
    dump = [PARAS[k % len(PARAS)] for k in range(MODEL_MAX_PARAGRAPHS)]
    assert on_words_alone(article(*dump, INTRUDER)) == []


@pytest.mark.parametrize("question, answer", [
    ("What do you do when you are not at the council?", INTRUDER),
    ("Q: Your favourite weekend?", "A: " + INTRUDER),
    ("Q: Favourite match of the season", "A: " + INTRUDER),
])
def test_an_answer_to_a_question_is_not_reported(question: str, answer: str) -> None:
    # An interview's answers range over topics: after a question, or under a speaker's label.
    assert on_words_alone(article(*PARAS[:4], INTRUDER)) == [11]  # the same paragraph, asked nothing
    assert on_words_alone(article(*PARAS[:4], question, answer)) == []
    assert on_words_alone(article(*PARAS[:4], "The council met on Monday.", answer)) == \
        ([] if answer.startswith("A: ") else [13])


def test_an_item_of_a_list_is_not_reported() -> None:
    # A list's items (a roundup, the finalists of an award) each bring their own subject.
    other = "2. " + INTRUDER
    assert on_words_alone(article(*PARAS[:4], INTRUDER)) == [11]
    assert on_words_alone(article(*PARAS[:4], "1. " + PARAS[0], other)) == []
    assert on_words_alone(article(*PARAS[:4], other)) == [11]  # a number alone makes no list


def test_a_paragraph_naming_the_person_both_its_neighbours_name_is_not_reported() -> None:
    # A feature turning to a side thread between two paragraphs about the same person (a column
    # on a film, its paragraph on the film's setting between two that name its character).
    before = ("The council leader, Councillor Margaret Dawson, said the library closures would save "
              "two million pounds a year and that Dawson herself had argued against them for months.")
    after = ("Dawson said campaigners who plan to challenge the library closures in court had been "
             "consulted, and that the council would publish its figures before the vote next week.")
    aside = ("Dawson's grandfather scored twice as Manchester United beat Aston Villa at Old Trafford, "
             "lifting the visitors' manager's hopes of a European place despite a long list of injuries.")
    assert on_words_alone(article(*PARAS[:4], before, INTRUDER, after)) == [13]
    assert on_words_alone(article(*PARAS[:4], before, aside, after)) == []
    # A name only one neighbour gives, or a word only capitalised by its place, is no thread.
    assert on_words_alone(article(*PARAS[:4], before, aside, PARAS[0])) == [13]


def test_a_paragraph_close_in_meaning_to_a_neighbour_is_not_reported(monkeypatch: pytest.MonkeyPatch) -> None:
    """Far from the story as a whole but close to a paragraph beside it (a roundup's brief): it
    continues that paragraph's thread. The model's vectors are stand-ins here: the intruder's is
    0.5 from the paragraph before it in one case, orthogonal to all in the other."""
    monkeypatch.setattr(embeddings, "available", lambda: True)
    monkeypatch.setattr(embeddings, "reads", lambda language: True)
    monkeypatch.setattr(off_topic_paragraph, "similarity_to_story", lambda doc, index: 0.05)
    text = article(*PARAS[:4], INTRUDER)
    for close, expected in ((0.5, []), (0.0, [11])):
        def embed(texts: list[str], close: float = close) -> list[list[float]]:
            # the intruder first, then its neighbours: the one just before it at ``close``
            return [[1.0, 0.0]] + [[close, (1 - close * close) ** 0.5] if i == len(texts) - 2 else [0.0, 1.0]
                                   for i in range(len(texts) - 1)]
        monkeypatch.setattr(embeddings, "embed", embed)
        doc = Document(text)
        assert [doc.line_of(f.start) for f in RULE.check(doc, RULE.options)] == expected
