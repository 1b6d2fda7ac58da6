"""Config discovery, layering and every validation error."""
from __future__ import annotations

from pathlib import Path

import pytest

from newslint.config import Config, ConfigError, find_config, load_config
from newslint.runner import lint_paths, prepare
from newslint.selection import SelectionError

ARTICLE = "Café society\n\nThe caf\xe9 opened on Monday.\n"


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_nearest_pyproject_with_table_is_found_walking_up(tmp_path: Path) -> None:
    write(tmp_path / "pyproject.toml", "[tool.newslint]\nignore = ['NL200']\n")
    write(tmp_path / "sub" / "pyproject.toml", "[project]\nname = 'x'\n")  # no table: skipped
    deep = tmp_path / "sub" / "deeper"
    deep.mkdir()
    assert find_config(deep) == tmp_path / "pyproject.toml"


def test_newslint_toml_wins_in_the_same_folder(tmp_path: Path) -> None:
    write(tmp_path / "pyproject.toml", "[tool.newslint]\n")
    write(tmp_path / "newslint.toml", "ignore = ['NL200']\n")
    assert find_config(tmp_path) == tmp_path / "newslint.toml"


def test_no_config_found(tmp_path: Path) -> None:
    assert find_config(tmp_path) is None


def test_keys_are_read(tmp_path: Path) -> None:
    path = write(tmp_path / "newslint.toml", """
select = ["NL2"]
extend-select = ["NL200"]
ignore = ["NL201"]
include = ["*.txt", "*.text"]
exclude = ["drafts/*"]
rules-dir = "myrules"
[per-file-ignores]
"legacy/*" = ["NL2"]
""")
    config = load_config(path)
    assert config.select == ("NL2",) and config.extend_select == ("NL200",)
    assert config.include == ("*.txt", "*.text") and config.exclude == ("drafts/*",)
    assert config.rules_dirs == (tmp_path / "myrules",)
    assert config.per_file_ignores == (("legacy/*", ("NL2",)),)


@pytest.mark.parametrize("body,needle", [
    ("colour = 1\n", "unknown key 'colour'"),
    ("select = 'NL1'\n", "key 'select' must be a list of strings"),
    ("ignore = [1]\n", "key 'ignore' must be a list of strings"),
    ("per-file-ignores = 3\n", "key 'per-file-ignores' must be a table"),
    ("[rules]\nx = 1\n", "key 'rules.x' must be a table"),
    ("select = [\n", "invalid TOML"),
])
def test_shape_errors_name_the_file_and_key(tmp_path: Path, body: str, needle: str) -> None:
    path = write(tmp_path / "newslint.toml", body)
    with pytest.raises(ConfigError) as err:
        load_config(path)
    assert needle in str(err.value) and str(path) in str(err.value)


@pytest.mark.parametrize("body,error,needle", [
    ("select = ['NL999']\n", SelectionError, "unknown rule code, prefix or name 'NL999'"),
    ("ignore = ['no-such-rule']\n", SelectionError, "ignore: unknown rule"),
    ("[per-file-ignores]\n'a/*' = ['ZZ1']\n", SelectionError, "per-file-ignores.a/*"),
    ("[rules.nosuch]\nx = 1\n", ConfigError, "rules.nosuch: unknown rule code or name"),
    ("[rules.invalid-utf8]\nx = 1\n", ConfigError, "rules.invalid-utf8.x: unknown option"),
])
def test_rule_errors_name_the_file_and_key(tmp_path: Path, body: str, error: type, needle: str) -> None:
    path = write(tmp_path / "newslint.toml", body)
    with pytest.raises(error) as err:
        prepare([str(tmp_path)], config=path)
    assert needle in str(err.value) and str(path) in str(err.value)


def test_wrong_option_type_is_an_error(tmp_path: Path) -> None:
    from newslint.config import _checked_options
    from newslint.rule import Rule

    rule = Rule("XY001", "demo", "demo", "doc", check=lambda d, o: [], options={"threshold": 0.5, "words": 3})
    assert _checked_options(rule, {"threshold": 1}, "f") == {"threshold": 1}  # an int is a fine float
    with pytest.raises(ConfigError, match=r"rules.demo.words: expected int, got str"):
        _checked_options(rule, {"words": "three"}, "f")
    with pytest.raises(ConfigError, match=r"expected int, got bool"):
        _checked_options(rule, {"words": True}, "f")


def test_config_ignore_and_per_file_ignores_apply(tmp_path: Path) -> None:
    bad = ARTICLE.encode("latin-1")
    (tmp_path / "legacy").mkdir()
    (tmp_path / "legacy" / "a.txt").write_bytes(bad)
    (tmp_path / "b.txt").write_bytes(bad)
    write(tmp_path / "newslint.toml", "[per-file-ignores]\n'legacy/*' = ['invalid-utf8']\n")
    result = lint_paths([str(tmp_path)], jobs=1)
    assert [Path(d.path).name for d in result.diagnostics] == ["b.txt"]
    write(tmp_path / "newslint.toml", "ignore = ['NL2']\n")
    assert lint_paths([str(tmp_path)], jobs=1).diagnostics == []


def test_cli_select_overrides_config_select() -> None:
    config = Config(select=("NL1",)).with_cli(select=["NL2"], ignore=["NL201"])
    assert config.select == ("NL2",) and config.ignore == ("NL201",)
