"""benchmarks/rule_costs.py times each rule without changing what the rules find.

The articles are written here by hand."""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))

import rule_costs  # noqa: E402

from newslint.runner import prepare, run, sources_of  # noqa: E402

STORY = ("Council closes Mill Street library\n\n"
         "The council voted on Tuesday to close the old library on Mill Street after a survey found its "
         "roof unsafe, and the books will move to the town hall annexe.\n\n"
         "Readers can borrow books from the annexe from next month, a spokeswoman said.\n\n"
         "Share this article with your friends!\n")


def test_every_rule_and_shared_part_is_timed_and_the_findings_are_unchanged(tmp_path):
    for i in range(3):
        (tmp_path / f"{i}.txt").write_text(STORY, encoding="utf-8")
    articles, total, spent, findings = rule_costs.costs([tmp_path])
    assert articles == 3 and total > 0
    linter = prepare([str(tmp_path)])
    codes = {rule.code for rule in linter.resolved.rules_for(str(tmp_path / "0.txt"))}
    timed = {part.split()[0] for part in spent if not part.startswith("document:")}
    assert codes <= timed  # every enabled rule, the corpus rules' passes too
    assert {f"document: {part}" for part in rule_costs.SHARED_PARTS} <= set(spent)
    assert sum(spent.values()) <= total * 1.01  # parts of the whole, not more
    plain = run(prepare([str(tmp_path)]), sources_of(linter, [str(tmp_path)]), jobs=1).diagnostics
    assert sorted((f.path, f.line, f.code) for f in findings) == \
        sorted((f.path, f.line, f.code) for f in plain if f.code != "NL307")
    assert any(f.code == "NL302" for f in findings)  # the share prompt, found under the timer too
