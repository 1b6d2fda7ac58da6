"""NL307 site-template-line: sites told apart (JSON Lines domain or url, folders), template lines
and fixed openings found, syndicated and updated stories left alone, the same results for any
--jobs, and --fix deleting the lines."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from newslint.cli import main
from newslint.document import Document
from newslint.fixes import fix_paths
from newslint.jsonl import records
from newslint.rule import FixSafety
from newslint.runner import lint_paths
from newslint.testing import linter_for

CLEAN = Path(__file__).parent / "fixtures" / "clean"
SIGN_UP = "Sign up to the Ashford Echo newsletter for the day's top stories."
POLL = "What do you think? Vote in our poll below"


def stories() -> list[tuple[str, list[str]]]:
    """The clean test articles (real BBC stories): headline and paragraphs."""
    found = []
    for path in sorted(CLEAN.glob("*.txt")):
        doc = Document(path.read_text(encoding="utf-8"), path.name)
        found.append((doc.headline.text(doc), [p.text(doc) for p in doc.paragraphs]))  # type: ignore[union-attr]
    return found


STORIES = stories()


def article(headline: str, body: list[str]) -> str:
    return f"{headline}\n\n" + "\n\n".join(body) + "\n"


def write(folder: Path, name: str, headline: str, body: list[str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(article(headline, body), encoding="utf-8")
    return path


def nl307(paths: list[Path], **settings: object) -> list[tuple[str, int, str]]:
    """(file, line, flagged text) of each NL307 finding."""
    result = lint_paths([str(p) for p in paths], jobs=1, select=["NL307"], **settings)
    assert not result.crashes and not result.problems
    return [(Path(d.path).name, d.line, d.snippet) for d in result.diagnostics]


def test_a_line_under_many_articles_of_one_site_is_reported_with_a_fix(tmp_path: Path) -> None:
    for n, (headline, body) in enumerate(STORIES[:8]):
        write(tmp_path / "ashford", f"a{n}.txt", headline, [*body, SIGN_UP])
    for n, (headline, body) in enumerate(STORIES[8:16]):  # another site: the line under two only
        write(tmp_path / "bramley", f"b{n}.txt", headline, [*body, SIGN_UP] if n < 2 else body)
    result = lint_paths([str(tmp_path)], jobs=1, select=["NL307"])
    assert sorted(Path(d.path).name for d in result.diagnostics) == [f"a{n}.txt" for n in range(8)]
    first = result.diagnostics[0]
    assert first.snippet == SIGN_UP and first.context == SIGN_UP and first.column == 1
    assert "8 of 8 articles from site" in first.message and "ashford" in first.message
    assert first.fix is not None and first.fix.safety is FixSafety.UNSAFE
    text = (tmp_path / "ashford" / "a0.txt").read_text(encoding="utf-8")
    (edit,) = first.fix.edits
    assert text[:edit.start] + text[edit.end:] == article(STORIES[0][0], STORIES[0][1])


def test_a_fixed_opening_before_a_different_title_each_time(tmp_path: Path) -> None:
    for n, (headline, body) in enumerate(STORIES[:8]):
        promo = f"Read more: {STORIES[20 + n][0]}"  # another article's headline each time
        write(tmp_path / "site", f"a{n}.txt", headline, [body[0], promo, *body[1:]])
    found = nl307([tmp_path])
    assert [line for _, line, _ in found] == [5] * 8
    assert all(text.startswith("Read more: ") for _, _, text in found)
    result = lint_paths([str(tmp_path)], jobs=1, select=["NL307"])
    assert result.diagnostics[0].message.startswith("the opening words of this line")


def test_a_q_and_a_label_is_structure_not_a_template(tmp_path: Path) -> None:
    # Interviews with four questions each: "Q:" opens many lines of every article.
    for n, (headline, body) in enumerate(STORIES[:8]):
        questions = [f"Q: {STORIES[20 + n + k][0]}" for k in range(4)]
        lines = [x for pair in zip(questions, body + body) for x in pair]
        write(tmp_path / "site", f"a{n}.txt", headline, lines)
    assert nl307([tmp_path]) == []


def test_sites_from_json_lines_domain_and_url(tmp_path: Path) -> None:
    rows = []
    for n, (headline, body) in enumerate(STORIES[:12]):
        where = {"domain": "WWW.Ashford-Echo.co.uk"} if n < 6 else {"url": f"https://www.bramley.example:8080/news/{n}"}
        # The poll closes three articles of each site: six in the run, but no more than three a site.
        ending = [POLL] if n % 6 < 3 else []
        rows.append({"id": f"r{n}", "title": headline, "text": "\n".join(body + ending), **where})
    path = tmp_path / "corpus.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    assert {s.site for s in records(str(path))} == {"ashford-echo.co.uk", "bramley.example"}  # type: ignore[union-attr]
    assert nl307([path]) == []
    # Without the site fields every record is of the file's folder: one site, six polls.
    anonymous = tmp_path / "anonymous.jsonl"
    anonymous.write_text("".join(json.dumps({k: v for k, v in r.items() if k not in ("domain", "url")}) + "\n"
                                 for r in rows), encoding="utf-8")
    result = lint_paths([str(anonymous)], jobs=1, select=["NL307"])
    assert [(d.record, d.line, d.snippet) for d in result.diagnostics] == [
        (n + 1, 3 + rows[n]["text"].split("\n").index(POLL), POLL) for n in range(12) if n % 6 < 3]
    assert "6 of 12 articles" in result.diagnostics[0].message


def test_syndicated_and_updated_stories_are_not_templates(tmp_path: Path) -> None:
    # An agency story, one sentence a line (many short lines, as scrapers leave it), published
    # whole by six sites and by one of them as five updates; each site has its own articles too.
    agency_headline, agency = STORIES[30][0], _sentences(STORIES[30][1])
    for site in range(6):
        for n, (headline, body) in enumerate(STORIES[site * 4:site * 4 + 4]):
            write(tmp_path / f"site{site}", f"own{n}.txt", headline, body)
        write(tmp_path / f"site{site}", "agency.txt", agency_headline, agency)
    extra = _sentences(STORIES[31][1])
    body = list(agency)
    for version in range(5):
        body = body + [extra[version]] if version % 2 else [extra[version]] + body
        write(tmp_path / "site0", f"update{version}.txt", f"{agency_headline} (update {version})", body)
    assert nl307([tmp_path]) == []


def _sentences(paragraphs: list[str]) -> list[str]:
    doc = Document("\n\n" + "\n".join(paragraphs))
    return [s.text(doc) for s in doc.sentences]


def test_a_story_sentence_that_recurs_inside_stories_is_not_a_template(tmp_path: Path) -> None:
    stock = "The company has 12,000 staff in the UK."
    for n, (headline, body) in enumerate(STORIES[:12]):
        sentences = _sentences(body)
        if n % 3 == 0:  # closing four stories, but inside the story of four others
            sentences.append(stock)
        elif n % 3 == 1:
            sentences.insert(len(sentences) // 2, stock)
        write(tmp_path / "site", f"a{n}.txt", headline, sentences)
    assert nl307([tmp_path]) == []


def test_a_speech_line_is_never_a_template(tmp_path: Path) -> None:
    for n, (headline, body) in enumerate(STORIES[:8]):
        write(tmp_path / "site", f"a{n}.txt", headline, [*body, "A spokesman said the firm would appeal."])
    assert nl307([tmp_path]) == []


def _template_corpus(folder: Path, count: int) -> None:
    """``count`` articles in two sites, each site with its own template lines."""
    for n in range(count):
        headline, body = STORIES[n % len(STORIES)]
        site = folder / ("ashford" if n % 2 else "bramley")
        ending = [SIGN_UP] if n % 2 else [POLL] if n % 4 == 0 else []
        write(site, f"a{n:03}.txt", headline, [f"By {site.name.title()} reporters", *body, *ending])


def test_the_same_findings_for_any_jobs(tmp_path: Path) -> None:
    _template_corpus(tmp_path, 60)  # above the runner's parallel threshold

    def json_output(jobs: str) -> list[dict]:
        result = CliRunner().invoke(main, ["check", "--no-cache", "--format", "json", "--jobs", jobs,
                                           "--select", "NL307", str(tmp_path)])
        assert result.exit_code == 1, result.output
        return json.loads(result.stdout)
    serial = json_output("1")
    assert json_output("2") == serial
    assert len(serial) == 60 + 30 + 15  # the bylines, the sign-up lines, the polls


def test_fix_deletes_the_lines_and_a_second_run_finds_nothing(tmp_path: Path) -> None:
    _template_corpus(tmp_path, 20)
    before = {p: p.read_text(encoding="utf-8") for p in tmp_path.rglob("*.txt")}
    safe_only = fix_paths([str(tmp_path)], linter=linter_for("NL307"))
    assert safe_only.fixed == 0 and {p: p.read_text(encoding="utf-8") for p in before} == before
    assert len(safe_only.result.diagnostics) == 20 + 10 + 5  # unsafe fixes need --unsafe-fixes
    diff = fix_paths([str(tmp_path)], unsafe=True, diff=True, linter=linter_for("NL307"))
    assert diff.fixed == 35 and {p: p.read_text(encoding="utf-8") for p in before} == before
    assert diff.diff.decode("utf-8").count(f"-{SIGN_UP}\n") == 10 and not diff.result.diagnostics
    report = fix_paths([str(tmp_path)], unsafe=True, linter=linter_for("NL307"))
    assert report.fixed == 35 and len(report.changed) == 20 and not report.result.diagnostics
    for path, text in before.items():
        kept = [line for line in text.split("\n\n") if line.strip() not in (SIGN_UP, POLL)
                and not line.startswith("By ")]
        assert path.read_text(encoding="utf-8") == "\n\n".join(kept).rstrip("\n") + "\n"
    again = fix_paths([str(tmp_path)], unsafe=True, linter=linter_for("NL307"))
    assert again.fixed == 0 and not again.result.diagnostics


def test_fix_of_json_lines_records_goes_to_a_new_file(tmp_path: Path) -> None:
    rows = [{"id": n, "domain": "ashford.example", "title": h, "text": "\n".join([*b, SIGN_UP])}
            for n, (h, b) in enumerate(STORIES[:6])]
    path = tmp_path / "corpus.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    report = fix_paths([str(path)], unsafe=True, linter=linter_for("NL307"))
    assert report.fixed == 6 and not report.result.diagnostics
    fixed = [json.loads(line) for line in (tmp_path / "corpus.fixed.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [r["text"] for r in fixed] == ["\n".join(b) for _, b in STORIES[:6]]
    assert [r["domain"] for r in fixed] == ["ashford.example"] * 6


@pytest.mark.parametrize("lines", [3, 400])
def test_signatures_stay_small(lines: int) -> None:
    from newslint.rules.site_template_line import RULE

    body = "\n\n".join(f"Short line number {n} here" for n in range(lines))
    doc = Document(f"A headline\n\n{body}\n", "site/a.txt")
    signature = RULE.collect(doc, RULE.options)  # type: ignore[misc]
    assert len(signature.value) <= 4 + len("site") + 4 * 24 + 16 * 8
    assert len(signature.lines) <= 8


def test_a_recurring_line_of_punctuation_is_not_a_template(tmp_path: Path) -> None:
    # A paper's elision mark and a section separator recur under many stories; they hold no text.
    paths = [write(tmp_path / "paper", f"a{n}.txt", headline, [body[0], "(...)", *body[1:], "***", SIGN_UP])
             for n, (headline, body) in enumerate(STORIES[:8])]
    assert {text for _, _, text in nl307(paths)} == {SIGN_UP}


def test_a_line_under_enough_articles_of_a_large_site_is_reported_whatever_its_share(tmp_path: Path) -> None:
    # A site (or a folder mixing sites) of 260 articles, 22 of them closing with the same
    # prompt: under min-share (10% is 26 articles) but over enough-articles (20).
    site = tmp_path / "big"
    prompt = "Get the Ashford Echo stories you care about delivered to your inbox"
    for n in range(260):
        headline, body = STORIES[n % len(STORIES)]
        write(site, f"a{n:03}.txt", f"{headline} ({n})", [*body, prompt] if n < 22 else body)
    found = {(name, text) for name, _, text in nl307([site], find_config=False)}
    assert {name for name, text in found if text == prompt} == {f"a{n:03}.txt" for n in range(22)}
    config = tmp_path / "share-only.toml"
    config.write_text("[rules.site-template-line]\nenough-articles = 0\n", encoding="utf-8")
    assert not any(text == prompt for _, _, text in nl307([site], config=str(config)))
