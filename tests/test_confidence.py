"""Calibrated confidence through the real CLI: on every finding of every built-in rule, in JSON
and as SARIF's rank; --min-confidence and a rule's min-confidence filter; bad values exit 2;
the cache keeps confidences and knows the calibration table."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from newslint import cache as cache_module
from newslint import confidence
from newslint.cli import main
from newslint.confidence import Curve, calibrated
from newslint.registry import load_rules
from newslint.runner import prepare

SEEDS = Path(__file__).parent.parent / "seeds"
DATA = Path(__file__).parent / "data"
RULES = load_rules(plugins=False).rules


def invoke(*args: str):
    return CliRunner().invoke(main, list(args))


def findings(*args: str) -> list[dict]:
    result = invoke("check", "--format", "json", "--no-cache", *args)
    assert result.exit_code in (0, 1), result.output
    return json.loads(result.output)


def write_examples(folder: Path, rule) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for n, example in enumerate(rule.bad_examples):
        path = folder / f"{rule.code}-{n}.txt"
        if isinstance(example, bytes):
            path.write_bytes(example)
        else:
            path.write_text(example, encoding="utf-8")
        paths.append(path)
    return paths


def test_the_shipped_table_covers_every_builtin_rule_with_monotone_curves() -> None:
    table = json.loads(confidence.TABLE.read_text(encoding="utf-8"))
    assert table["newslint-calibration"] == confidence.FORMAT and table["fitted"] and table["sets"]
    assert {rule.code for rule in RULES} <= set(table["rules"])
    for code, curve in confidence.curves().items():
        assert all(lo <= hi for lo, hi, _ in curve.blocks), code
        assert [hi for _, hi, _ in curve.blocks] == sorted(hi for _, hi, _ in curve.blocks), code
        precisions = [p for *_, p in curve.blocks]
        assert precisions == sorted(precisions), code  # a surer score, a surer finding
        assert all(0 <= p <= 1 for p in (*precisions, curve.unscored, curve.min_confidence)), code


def test_seeds_carry_a_confidence_on_every_finding() -> None:
    found = findings(str(SEEDS))
    assert len({f["code"] for f in found}) >= 5  # NL101, NL202, NL301, NL303, NL401, NL502
    for f in found:
        assert isinstance(f["confidence"], float) and 0 <= f["confidence"] <= 1, f


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_every_rule_gives_its_damaged_examples_a_confidence(rule, tmp_path: Path) -> None:
    paths = write_examples(tmp_path / "examples", rule)
    assert paths, f"{rule.code} has no bad examples"
    found = findings("--select", rule.code, "--min-confidence", "0", *map(str, paths))
    assert any(f["code"] == rule.code for f in found)
    assert all(0 <= f["confidence"] <= 1 for f in found)


def test_sarif_rank_is_the_confidence_out_of_100_and_schema_valid() -> None:
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads((DATA / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    result = invoke("check", "--format", "sarif", "--no-cache", str(SEEDS))
    log = json.loads(result.output)
    assert list(jsonschema.Draft4Validator(schema, format_checker=jsonschema.FormatChecker()).iter_errors(log)) == []
    ranks = [r["rank"] for r in log["runs"][0]["results"]]
    assert ranks == [round(100 * f["confidence"]) for f in findings(str(SEEDS))]


def test_min_confidence_drops_the_findings_below_it_and_they_do_not_count() -> None:
    every = findings(str(SEEDS), "--min-confidence", "0")
    levels = sorted({f["confidence"] for f in every})
    assert len(levels) >= 2, "the seeds' findings should not all be equally sure"
    middle = levels[len(levels) // 2]
    kept = findings(str(SEEDS), "--min-confidence", str(middle))
    assert kept == [f for f in every if f["confidence"] >= middle] and len(kept) < len(every)
    above = invoke("check", "--no-cache", "-q", "--min-confidence", "1", str(SEEDS))
    assert above.exit_code == 0 and above.output.strip() == ""  # nothing reported: a clean exit


def test_a_rule_min_confidence_in_the_config_filters_only_that_rule(tmp_path: Path) -> None:
    every = findings(str(SEEDS), "--min-confidence", "0")
    surnames = [f for f in every if f["code"] == "NL502"]
    assert surnames
    config = tmp_path / "newslint.toml"
    config.write_text(f"[rules.surname-never-introduced]\nmin-confidence = "
                      f"{min(1.0, surnames[0]['confidence'] + 0.001)}\n", encoding="utf-8")
    kept = findings(str(SEEDS), "--config", str(config))
    assert [f for f in kept if f["code"] == "NL502"] == []
    assert [f for f in kept if f["code"] != "NL502"] == [f for f in every if f["code"] != "NL502"]
    # The command line's threshold replaces the config's, for every rule.
    assert findings(str(SEEDS), "--config", str(config), "--min-confidence", "0") == every


@pytest.mark.parametrize("value", ["nan", "-0.1", "1.5", '"high"', "true", "inf"])
def test_a_bad_min_confidence_in_the_config_exits_2_naming_the_file(value: str, tmp_path: Path) -> None:
    config = tmp_path / "newslint.toml"
    config.write_text(f"[rules.NL101]\nmin-confidence = {value}\n", encoding="utf-8")
    result = invoke("check", "--config", str(config), str(SEEDS))
    assert result.exit_code == 2
    assert str(config) in result.output and "rules.headline-mismatch.min-confidence" in result.output


@pytest.mark.parametrize("value", ["nan", "-1", "1.01", "high"])
def test_a_bad_min_confidence_on_the_command_line_exits_2(value: str) -> None:
    for command in ("check", "baseline"):
        result = invoke(command, "--min-confidence", value, str(SEEDS))
        assert result.exit_code == 2 and "--min-confidence" in result.output


def test_text_shows_confidence_only_when_asked() -> None:
    plain = invoke("check", "--no-cache", "-q", str(SEEDS)).output
    shown = invoke("check", "--no-cache", "-q", "--show-confidence", str(SEEDS)).output
    assert "(confidence " not in plain
    for line, f in zip(shown.splitlines(), findings(str(SEEDS))):
        assert line.endswith(f"(confidence {f['confidence']:.2f})")


def test_confidence_survives_the_cache_and_the_table_is_in_its_key(tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    cache = tmp_path / "cache"
    first = json.loads(invoke("check", "--format", "json", "--cache-dir", str(cache), str(SEEDS)).output)
    second = json.loads(invoke("check", "--format", "json", "--cache-dir", str(cache), str(SEEDS)).output)
    assert first == second and all(f["confidence"] is not None for f in second)
    linter = prepare([str(SEEDS)])
    before = cache_module.salt(linter)
    assert cache_module.salt(prepare([str(SEEDS)], min_confidence=0.5)) != before
    monkeypatch.setattr(confidence, "digest", lambda: "another table")
    assert cache_module.salt(linter) != before


def test_a_plugin_rule_keeps_its_own_score_or_has_none(tmp_path: Path) -> None:
    rules = tmp_path / "myrules"
    rules.mkdir()
    (rules / "shouting.py").write_text('''"""AC001 shouting-headline: the headline is in capitals.

## What it does
Flags a headline in capitals.
## Why is this bad?
Banners are not headlines.
## Example
BREAKING
## Use instead
A headline.
## Options
None.
"""
from newslint.rule import Finding, Rule


def check(doc, options):
    if doc.headline is not None and doc.headline.text(doc).isupper():
        yield Finding.at(doc.headline, "headline is in capitals", confidence=options["sure"])
    if doc.headline is not None and "!" in doc.headline.text(doc):
        yield Finding.at(doc.headline, "headline shouts")


RULE = Rule(code="AC001", name="shouting-headline", summary="Capitals", doc=__doc__, check=check,
            options={"sure": 0.7})
''', encoding="utf-8")
    (tmp_path / "newslint.toml").write_text('rules-dir = "myrules"\nselect = ["AC001"]\n', encoding="utf-8")
    (tmp_path / "a.txt").write_text("BREAKING NEWS!\n\nThe council met on Monday.\n", encoding="utf-8")
    found = findings("--trust-local-rules", "--config", str(tmp_path / "newslint.toml"), str(tmp_path / "a.txt"))
    assert [(f["message"], f["confidence"]) for f in found] == [
        ("headline is in capitals", 0.7), ("headline shouts", None)]
    # An unknown confidence is never a reason to hide a finding.
    kept = findings("--trust-local-rules", "--config", str(tmp_path / "newslint.toml"), "--min-confidence", "0.8", str(tmp_path / "a.txt"))
    assert [f["message"] for f in kept] == ["headline shouts"]


def test_a_curve_gives_a_score_its_block_or_the_nearer_block_holds_above_and_falls_below() -> None:
    curve = Curve(((0.2, 0.3, 0.5), (0.8, 1.0, 0.9)), unscored=0.8)
    assert curve(0.25) == 0.5 and curve(0.9) == 0.9 and curve(1.5) == 0.9
    # Below every fitted score the lowest block's precision is only a bound: it falls to 0.
    assert curve(0.0) == 0.0 and curve(0.1) == pytest.approx(0.25) and curve(-1.0) == 0.0
    assert Curve(((0.0, 0.5, 0.7),), unscored=0.7)(-0.5) == 0.0  # a block from 0: nothing to scale by
    assert curve(0.5) == 0.5 and curve(0.6) == 0.9  # nearer to the lower, the upper block
    assert curve(None) == 0.8
    assert calibrated("ZZ999", 1.7) == 1.0 and calibrated("ZZ999", None) is None


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_by_default_a_rule_reports_exactly_its_findings_at_or_above_its_min_confidence(rule) -> None:
    from newslint.testing import corpus_findings

    every = corpus_findings(rule.bad_examples, rule.code, min_confidence=0)
    floor = confidence.default_min_confidence(rule.code)
    assert corpus_findings(rule.bad_examples, rule.code) == [d for d in every if d.confidence >= floor]


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_explain_says_when_a_rule_hides_its_weaker_findings_by_default(rule) -> None:
    shown = invoke("explain", rule.code).output
    floor = confidence.default_min_confidence(rule.code)
    assert ("## Confidence" in shown) == (floor > 0)
    assert floor == 0 or f"confidence of {floor} or more" in " ".join(shown.split())
