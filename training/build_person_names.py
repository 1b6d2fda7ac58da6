"""Build newslint/data/person_names.txt: common given names and surnames, from the US Census.

NL101 lets a headline name someone by surname when the story only ever calls them by their
first name ("Radcliffe proves doubters wrong" over a column that says "Paula" throughout): it
has to know that "Paula" is a given name and "Radcliffe" a surname, which nothing in the text
says. The figures are the US Census Bureau's 1990 name frequency files (public domain), as the
`names` package (MIT, https://github.com/treyhunner/names) ships them:

- given names: every male or female first name held by at least GIVEN_SHARE percent of its
  sex (about 1,550 names: "Paula", "James", not the long tail where "India" or "Kai" sit);
- surnames: every surname held by at least SURNAME_SHARE percent of people (about 18,800).

US names only: a surname or a given name of another country may be missing, and then NL101
simply makes no exception for it. Run from the repository root, with the package installed
(``pip install names==0.3.0``):

    python training/build_person_names.py

The file records the source in its first lines; ``newslint/text/person_names.py`` reads it.
"""
from __future__ import annotations

import importlib.metadata
from pathlib import Path

import names

OUT = Path(__file__).resolve().parent.parent / "newslint" / "data" / "person_names.txt"
GIVEN_SHARE = 0.01  # percent of the sex's population
SURNAME_SHARE = 0.001  # percent of the population


def _read(path: Path, share: float) -> set[str]:
    """The names of a Census file (NAME, percent, cumulative percent, rank) held by ``share`` or more."""
    kept = set()
    for line in path.read_text(encoding="ascii").splitlines():
        name, percent, *_ = line.split()
        if float(percent) >= share:
            kept.add(name.lower())
    return kept


def main() -> None:
    folder = Path(names.__file__).parent
    given = _read(folder / "dist.male.first", GIVEN_SHARE) | _read(folder / "dist.female.first", GIVEN_SHARE)
    surnames = _read(folder / "dist.all.last", SURNAME_SHARE)
    version = importlib.metadata.version("names")
    lines = [f"# US Census 1990 name files (public domain), from the names package {version};",
             f"# given names held by >= {GIVEN_SHARE}% of their sex, surnames by >= {SURNAME_SHARE}% of people.",
             "# Built by training/build_person_names.py. Lower case, one per line, sorted.",
             "[given]", *sorted(given), "[surname]", *sorted(surnames)]
    OUT.write_text("\n".join(lines) + "\n", encoding="ascii")
    print(f"{OUT}: {len(given):,} given names, {len(surnames):,} surnames")


if __name__ == "__main__":
    main()
