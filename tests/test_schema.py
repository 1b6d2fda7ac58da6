"""The published JSON Schema of the config (newslint.schema.json) is the code's, and it accepts
what newslint accepts and rejects what newslint rejects (issue #16, item 7)."""
from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pytest

from newslint.config import ConfigError, parse_table, resolve
from newslint.registry import load_rules
from newslint.schema import config_schema

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

ROOT = Path(__file__).parent.parent
jsonschema = pytest.importorskip("jsonschema")
RULES = load_rules(plugins=False)


def validator():
    schema = json.loads((ROOT / "newslint.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft7Validator.check_schema(schema)
    return jsonschema.Draft7Validator(schema)


def test_the_published_schema_is_the_codes() -> None:
    published = json.loads((ROOT / "newslint.schema.json").read_text(encoding="utf-8"))
    assert published == json.loads(json.dumps(config_schema(RULES.rules))), "run: python -m newslint.schema > newslint.schema.json"


def test_the_readme_config_is_valid() -> None:
    block = re.search(r"```toml\n(\[tool\.newslint\]\n.*?)```", (ROOT / "README.md").read_text(encoding="utf-8"), re.S)
    table = tomllib.loads(block.group(1))["tool"]["newslint"]
    assert list(validator().iter_errors(table)) == []


@pytest.mark.parametrize("toml", [
    'select = ["NL1", "headline-mismatch", "ALL"]\nrespect-gitignore = false\n',
    '[rules.NL301]\nmax-title-words = 12\nmax_shared_share = 0.4\n',
    '[rules.headline-mismatch]\nsemantic = false\n[per-file-ignores]\n"legacy/" = ["NL2"]\n',
])
def test_what_newslint_accepts_the_schema_accepts(toml: str) -> None:
    data = tomllib.loads(toml)
    resolve(parse_table(data, None), RULES)  # newslint accepts it
    assert list(validator().iter_errors(data)) == []


@pytest.mark.parametrize("toml", [
    'selectt = ["NL1"]\n', 'select = "NL1"\n', 'respect-gitignore = "no"\n',
    '[rules.NL301]\nmax-title-words = "many"\n', '[rules.NL301]\nnot-an-option = 1\n',
    '[rules.NL302]\nmax-words = -3\n',
])
def test_what_newslint_rejects_the_schema_rejects(toml: str) -> None:
    data = tomllib.loads(toml)
    with pytest.raises(ConfigError):
        resolve(parse_table(data, None), RULES)
    assert list(validator().iter_errors(data))
