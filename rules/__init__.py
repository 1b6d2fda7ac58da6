"""newslint's built-in rules, one module each, listed explicitly so that loading is predictable.

Installed as ``newslint.rules`` (see pyproject.toml), never as a top-level ``rules`` package.
Add a rule by creating its module here and naming it below.
"""

BUILTIN_MODULES: tuple[str, ...] = (
    "headline_mismatch",
    "invalid_utf8",
    "html_residue",
    "invisible_characters",
    "unbalanced_quotes",
    "surname_never_introduced",
    "truncated_article",
    "headline_problem",
    "near_duplicate_article",
    "duplicate_paragraph",
    "duplicate_quote",
    "injected_link_line",
    "boilerplate_line",
    "caption_in_body",
    "off_topic_paragraph",
    "bare_link_line",
    "furniture_line",
    "mojibake",
    "garbled_token",
    "site_template_line",
    "symbol_line",
)
