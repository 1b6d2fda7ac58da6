"""training/train_line_model.py: which articles the line model learns from.

Hand-written text only: a story with one paragraph per line (as scrapers give it and newslint
lints it) and the same story wrapped at about 70 characters (as old pages of the big labelled
corpora are), which is left out of training.
"""

import importlib.util
import sys
import textwrap
from pathlib import Path

_SPEC = importlib.util.spec_from_file_location(
    "training_train_line_model", Path(__file__).resolve().parent.parent / "training" / "train_line_model.py")
train = importlib.util.module_from_spec(_SPEC)
sys.modules[_SPEC.name] = train  # dataclasses look their module up there
_SPEC.loader.exec_module(train)

STORY = [
    "The city council voted on Tuesday to close the old bridge to traffic for repairs, after engineers "
    "found cracks in two of its supports during an inspection last month.",
    "Work is expected to take six weeks and cost about two million dollars, the mayor said, adding that "
    "buses would be sent along the river road while the bridge is shut.",
    "Shop owners near the bridge said they feared losing customers during the busiest weeks of the year.",
    "Related stories",
    "Bridge inspections to be doubled",
    "Mayor answers readers' questions",
]


def _article(paragraphs: list[str]) -> "train.Article":
    return train.Article("hand", "a.txt", "example.org", "en", "Council closes old bridge", paragraphs,
                         [0] * len(paragraphs))


def test_a_story_with_one_paragraph_a_line_is_kept() -> None:
    assert not train.hard_wrapped(_article(STORY))


def test_a_story_wrapped_mid_sentence_is_left_out() -> None:
    wrapped = [line for paragraph in STORY[:3] for line in textwrap.wrap(paragraph, 70)] + STORY[3:]
    assert len(wrapped) > len(STORY)
    assert train.hard_wrapped(_article(wrapped))
