"""The command line: a thin layer that parses options, calls the library, picks a reporter."""
from __future__ import annotations

import enum
import os
import sys
from collections.abc import Iterable, Sequence
from typing import Any

import click

from newslint import __version__
from newslint.baseline import DEFAULT_BASELINE
from newslint.reporters import FORMATS, UTF8_FORMATS


class ExitCode(enum.IntEnum):
    """What a run's exit status means (documented in the README)."""

    CLEAN = 0          # no findings
    FINDINGS = 1       # findings were reported
    USAGE = 2          # bad options or config, or an input could not be read
    INTERNAL = 3       # a rule crashed (the rest of the run still went on), or newslint did
    CLOSED_PIPE = 141  # the output's reader closed it first (128 + SIGPIPE, as a shell reports it)


def _say(message: object) -> None:
    """One line on stderr; it may name files or quote articles, so it is shown safely."""
    from newslint.reporters.escape import shown, write

    write(sys.stderr, f"newslint: {shown(str(message))}\n")


def _fail(message: str) -> None:
    _say(f"error: {message}")
    sys.exit(ExitCode.USAGE)


def _split(values: Sequence[str]) -> list[str]:
    """Accept both ``--select A --select B`` and ``--select A,B``."""
    return [v.strip() for value in values for v in value.split(",") if v.strip()]


def _linter(paths: Sequence[str], config: str | None, cache_dir: str | None = None,
            trust_local_rules: bool = False, rules_dir: Sequence[str] = (),
            respect_gitignore: bool | None = None, **cli: Any) -> Any:
    from newslint.config import ConfigError
    from newslint.registry import RegistryError
    from newslint.runner import prepare, untrusted_hint
    from newslint.selection import SelectionError
    from newslint.text.patterns import keep_compiled

    keep_compiled()
    floor = cli.pop("min_confidence", None)
    try:
        linter = prepare(paths, config=config, find_config=True, cache_dir=cache_dir, min_confidence=floor, rules_dirs=rules_dir,
                         trust_local_rules=trust_local_rules or None, respect_gitignore=respect_gitignore,
                         **{k: _split(v) for k, v in cli.items()})
    except (ConfigError, RegistryError, SelectionError) as exc:
        _fail(str(exc))
    if linter.untrusted_rules_dirs:
        _say(f"warning: local rules not loaded: {untrusted_hint(linter.resolved.config)}")
    if linter.cache is not None and linter.cache.refused:
        click.echo(f"newslint: warning: {linter.cache.refused}", err=True)
    return linter


def _guarded(func: Any, *args: Any) -> Any:
    """Call ``func``; a bad baseline or accept file, or a git problem, is a usage error (exit 2)."""
    from newslint.accept import AcceptError
    from newslint.baseline import BaselineError
    from newslint.gitdiff import GitError

    try:
        return func(*args)
    except (AcceptError, BaselineError, GitError) as exc:
        _fail(str(exc))


def _accepted(linter: Any, accept_file: str | None) -> Any:
    """The accepted findings: ``--accept-file``, or ``.newslint-accept.toml`` beside the config."""
    from newslint.accept import Acceptance

    return _guarded(Acceptance.found, linter.resolved.config.root, accept_file)


def _with_accept_file(func: Any) -> Any:
    return click.option("--accept-file", type=click.Path(dir_okay=False),
                        help="Accepted findings (default: .newslint-accept.toml in the config's folder).")(func)


def _use_color(output_file: str | None = None, to_stderr: bool = False) -> bool:
    """Colour on a terminal, never in a file; FORCE_COLOR forces it, NO_COLOR turns it off."""
    if output_file not in (None, "-"):
        return False
    if os.environ.get("FORCE_COLOR", "") not in ("", "0"):
        return True
    return (sys.stderr if to_stderr else sys.stdout).isatty() and "NO_COLOR" not in os.environ


class _Main(click.Group):
    """The command group: an exception nothing else caught is an internal error (exit 3, one
    line on stderr; the traceback too when NEWSLINT_TRACEBACK is set), never exit 1."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except (click.ClickException, click.exceptions.Exit, click.Abort):
            raise
        except BrokenPipeError:
            # The reader went away (`newslint check ... | head`): stop quietly, as a program a
            # closed pipe kills does, and keep the interpreter's last flush from failing again.
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            ctx.exit(ExitCode.CLOSED_PIPE)
        except Exception as exc:
            if os.environ.get("NEWSLINT_TRACEBACK"):
                import traceback

                traceback.print_exc()
            from newslint.messages import one_line

            message = one_line(str(exc), 300)
            click.echo(f"newslint: internal error: {type(exc).__name__}{': ' if message else ''}"
                       f"{message} (set NEWSLINT_TRACEBACK=1 to see where)", err=True)
            ctx.exit(ExitCode.INTERNAL)


@click.group(cls=_Main, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "-V", "--version", prog_name="newslint")
def main() -> None:
    """newslint: a content-quality linter for scraped news articles."""
    from newslint.runner import tune_collector

    tune_collector()


selectors = [
    click.option("--select", multiple=True, help="Rules to run (code, code prefix or name); replaces the default set."),
    click.option("--extend-select", multiple=True, help="Rules to run in addition to the selected ones."),
    click.option("--ignore", multiple=True, help="Rules not to run (code, code prefix or name)."),
    click.option("--include", multiple=True, help="Glob of files to lint inside folders (default *.txt)."),
    click.option("--exclude", multiple=True, help="Glob of files or folders to skip."),
    click.option("--respect-gitignore/--no-respect-gitignore", default=None,
                 help="Skip files that .gitignore ignores when walking folders (default: on)."),
    click.option("--config", type=click.Path(dir_okay=False), help="Config file (default: nearest newslint.toml or pyproject.toml)."),
    click.option("--min-confidence", type=float, callback=lambda ctx, param, value: _threshold(value),
                 help="Report only findings at least this confident (0 to 1), for every rule."),
    *(rule_sources := [
        click.option("--trust-local-rules", is_flag=True,
                     help="Load the config's rules-dir (Python files it runs); also NEWSLINT_TRUST_LOCAL_RULES=1."),
        click.option("--rules-dir", multiple=True, type=click.Path(file_okay=False),
                     help="Load local rule modules from this folder."),
    ]),
]


def _with_fields(func: Any) -> Any:
    for option in reversed(fields_options):
        func = option(func)
    return func


fields_options = [
    click.option("--text-field", default="text", show_default=True, help="JSON Lines: the field holding the article text."),
    click.option("--title-field", default="title", show_default=True, help="JSON Lines: the field holding the headline."),
    click.option("--id-field", multiple=True, help="JSON Lines: the field naming a record (default: id, then url)."),
]


def _threshold(value: float | None) -> float | None:
    """A --min-confidence value, or a usage error (exit 2) when it is not in [0, 1]."""
    from newslint.confidence import checked_threshold

    if value is not None and checked_threshold(value) is None:
        raise click.BadParameter(f"expected a number from 0 to 1, got {value}")
    return value


def _with_selectors(func: Any) -> Any:
    for option in reversed(selectors):
        func = option(func)
    return func


@main.command()
@click.argument("paths", nargs=-1)
@_with_selectors
@click.option("--output-format", "--format", "fmt", default="text", show_default=True,
              type=click.Choice(list(FORMATS)), help="Output format (--format is the old name).")
@click.option("-o", "--output-file", type=click.Path(dir_okay=False, allow_dash=True),
              help="Write the report to this file instead of stdout ('-': stdout).")
@click.option("--statistics", is_flag=True, help="Show how many findings each rule made.")
@click.option("--show-confidence", is_flag=True, help="Text format: show each finding's confidence.")
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when there are findings.")
@click.option("-q", "--quiet", is_flag=True, help="Print findings only: no source lines, no summary.")
@click.option("-j", "--jobs", type=click.IntRange(min=1), help="Worker processes (default: CPU count).")
@click.option("--stdin-filename", default="-", help="Path to show for an article read from '-'.")
@click.option("--fix", is_flag=True, help="Apply the safe fixes of the enabled rules, writing files in place.")
@click.option("--diff", is_flag=True, help="Print a unified diff of what --fix would change; write nothing.")
@click.option("--unsafe-fixes", is_flag=True, help="With --fix or --diff: also apply fixes marked unsafe.")
@click.option("--output", type=click.Path(dir_okay=False, allow_dash=True),
              help="With --fix and one input: write the repaired article here ('-': stdout), not in place.")
@click.option("--baseline", "baseline_file", type=click.Path(dir_okay=False),
              help="Report only findings not recorded in this baseline file (see `newslint baseline`).")
@_with_fields
@click.option("--dask-scheduler", metavar="ADDRESS",
              help="Lint on this Dask scheduler (tcp://host:port); needs newslint[dask].")
@click.option("--no-cache", is_flag=True, help="Lint every file afresh; don't read or write the cache.")
@click.option("--cache-dir", default=".newslint_cache", show_default=True, type=click.Path(file_okay=False),
              help="Where to keep results of unchanged files between runs.")
@click.option("--diff-base", metavar="REV", help="Lint only files changed since git revision REV and "
              "report only findings REV's version did not have.")
@click.option("--show-settings", is_flag=True, help="Print the settings in force (config file, rules, options) and exit.")
@click.option("--show-files", is_flag=True, help="Print the files that would be linted and exit.")
@_with_accept_file
def check(paths: tuple[str, ...], fmt: str, output_file: str | None, statistics: bool, show_confidence: bool,
          exit_zero: bool,
          quiet: bool, jobs: int | None, stdin_filename: str, config: str | None, fix: bool, diff: bool,
          unsafe_fixes: bool, output: str | None, baseline_file: str | None, diff_base: str | None,
          no_cache: bool, cache_dir: str, text_field: str, title_field: str, id_field: tuple[str, ...],
          dask_scheduler: str | None, show_settings: bool, show_files: bool, accept_file: str | None,
          **cli: Any) -> None:
    """Lint articles in PATHS (files or folders; default '.'; '-' reads one article from stdin)."""
    from newslint.baseline import Gate
    from newslint.fixes import STDOUT
    from newslint.reporters import ReportContext, get_chunk_renderer
    from newslint.runner import run

    paths = paths or (".",)
    if output and not (fix and not diff and len(paths) == 1 and not os.path.isdir(paths[0])):
        _fail("--output works with --fix (not --diff) and exactly one input file")
    if diff_base and (fix or diff):
        _fail("--diff-base does not work with --fix or --diff")
    if dask_scheduler and (fix or diff or diff_base):
        _fail("--dask-scheduler does not work with --fix, --diff or --diff-base")
    cache_dir = None if no_cache else cache_dir  # type: ignore[assignment]
    if show_settings or show_files:
        _show(_linter(paths, config, **cli), paths, show_settings, cache_dir)
    linter = _linter(paths, config, cache_dir, **cli)
    gate = _guarded(Gate, baseline_file, diff_base)  # reads the baseline now: fail before linting
    warning = gate.baseline.extras_warning(baseline_file) if gate.baseline else None
    if warning:
        _say(f"warning: {warning}")
    accepted = _accepted(linter, accept_file)
    fields = _fields(text_field, title_field, id_field)
    items = accepted.inputs(gate.inputs(_inputs(linter, paths, stdin_filename, fields)))
    if dask_scheduler:
        result = _on_dask(dask_scheduler, paths, linter)
    elif diff_base:
        result = _guarded(gate.lint_changed, linter, items, jobs)
    elif fix or diff:  # fixing runs in this process: each file is decided and written in one place
        from newslint.fixes import fix_sources
        from newslint.reporters.escape import write_exact

        report = fix_sources(accepted.fixing(linter), items, unsafe_fixes, diff, output, fields)
        result = report.result
        write_exact(sys.stdout, report.diff)  # not click.echo: it would strip ESC [ ... from a pipe
    else:
        result = _run_with_progress(run, linter, items, jobs, quiet, paths)
    result = gate.filter(accepted.filter(result))
    to_stderr = diff or output == STDOUT  # stdout holds the diff or the repaired article
    context = ReportContext(linter.resolved.rules, _use_color(output_file, to_stderr), quiet, statistics,
                            __version__, gate.fingerprints, show_confidence)
    written = _emit(get_chunk_renderer(fmt)(result, context), output_file, to_stderr, fmt in UTF8_FORMATS)
    for message in (*result.problems, *result.crashes):
        _say(message)
    sys.exit(exit_code(result, exit_zero) if written else max(exit_code(result, exit_zero), ExitCode.USAGE))


def _inputs(linter: Any, paths: Sequence[str], stdin_filename: str, fields: Any) -> Any:
    """The sources (and problems) under ``paths``, in order; '-' is the article on stdin."""
    from newslint.runner import sources_of
    from newslint.sources import STDIN, read_stdin

    return (item for p in paths for item in
            ([read_stdin(stdin_filename)] if p == STDIN else sources_of(linter, [p], fields)))


def _fields(text_field: str, title_field: str, id_field: Sequence[str]) -> Any:
    from newslint.jsonl import Fields

    return Fields(text_field, title_field or None, tuple(id_field) or ("id", "url"))


def _emit(pieces: Iterable[str], output_file: str | None, to_stderr: bool, utf8: bool) -> bool:
    """Write the report, piece by piece as it is made, to ``output_file`` (all at once, never
    through a link) or to stdout ('-', None), or stderr when stdout holds something else; False
    when the file could not be written."""
    from newslint.reporters.escape import write

    if output_file and output_file != "-":
        from newslint.files import atomic_file

        try:
            with atomic_file(output_file) as handle:
                for piece in pieces:
                    handle.write(piece.encode("utf-8", "backslashreplace"))
        except OSError as exc:
            _say(f"{output_file}: report not written: {exc.strerror or exc}")
            return False
        return True
    for piece in pieces:
        write(sys.stderr if to_stderr else sys.stdout, piece, "utf-8" if utf8 else None)
    return True


def _show(linter: Any, paths: Sequence[str], settings: bool, cache_dir: str | None) -> None:
    """``--show-settings`` or ``--show-files``: print, then exit 0."""
    from newslint.reporters.escape import write
    from newslint.reporters.settings import render_files, render_settings
    from newslint.runner import sources_of

    if settings:
        write(sys.stdout, render_settings(linter, cache_dir))
    else:
        write(sys.stdout, render_files(item for p in paths for item in
                                       ([p] if p == "-" else sources_of(linter, [p], records=False))))
    sys.exit(ExitCode.CLEAN)


def _on_dask(address: str, paths: Sequence[str], linter: Any) -> Any:
    """Lint on a Dask cluster, or fail clearly when Dask is missing or unreachable."""
    from importlib.util import find_spec

    if find_spec("distributed") is None:
        _fail("--dask-scheduler needs Dask: pip install 'newslint[dask]'")
    from newslint.dask import lint_paths_on

    try:
        return lint_paths_on(address, paths, linter)
    except OSError as exc:
        _fail(f"cannot reach the Dask scheduler at {address}: {exc}")


def _run_with_progress(run: Any, linter: Any, items: Any, jobs: int | None, quiet: bool,
                       paths: Sequence[str]) -> Any:
    """Run, drawing a progress line on stderr when it is a terminal (and not --quiet)."""
    if quiet or not sys.stderr.isatty():
        return run(linter, items, jobs)
    from newslint.progress import Progress
    from newslint.sources import JSONL_SUFFIXES

    streaming = any(p.lower().endswith(JSONL_SUFFIXES) or p == "-" for p in paths) or any(
        "json" in glob for glob in linter.resolved.config.include)
    if not streaming:  # file paths only: cheap to list, and the total gives a time left
        items = list(items)
    progress = Progress(sys.stderr, total=None if streaming else len(items))
    try:
        return run(linter, items, jobs, on_result=lambda _: progress.advance())
    finally:
        progress.close()


def exit_code(result: Any, exit_zero: bool = False) -> ExitCode:
    """Map a run's result to the exit code: the most serious thing that happened wins."""
    if any(not crash.stopped for crash in result.crashes):
        return ExitCode.INTERNAL
    if any(p.kind.is_error for p in result.problems) or result.crashes:  # a rule was stopped
        return ExitCode.USAGE
    if result.diagnostics and not exit_zero:
        return ExitCode.FINDINGS
    return ExitCode.CLEAN


def _with_rule_sources(func: Any) -> Any:
    for option in reversed(rule_sources):
        func = option(func)
    return func


@main.command("rules")
@click.option("--format", "fmt", default="text", type=click.Choice(["text", "json"]), show_default=True)
@click.option("--config", type=click.Path(dir_okay=False), help="Config file whose rules-dir to load.")
@_with_rule_sources
def list_rules(fmt: str, config: str | None, **sources: Any) -> None:
    """List every rule: code, name, family, default on/off, fixable."""
    from newslint.reporters.rules import render_rules

    linter = _linter(["."], config, **sources)
    enabled = {r.code for r in linter.resolved.rules}
    click.echo(render_rules(linter.all_rules, enabled, fmt), nl=False)


@main.command()
@click.argument("rule")
@click.option("--config", type=click.Path(dir_okay=False), help="Config file whose rules-dir to load.")
@_with_rule_sources
def explain(rule: str, config: str | None, **sources: Any) -> None:
    """Show the documentation of RULE (a code such as NL101, or a name)."""
    linter = _linter(["."], config, **sources)
    found = next((r for r in linter.all_rules if r.code == rule.upper() or r.name == rule.lower()), None)
    if found is None:
        _fail(f"unknown rule {rule!r}; `newslint rules` lists them")
    from newslint.confidence import explained

    click.echo(found.doc.strip() + "\n" + explained(found.code, found.name))


main.add_command(explain, "rule")  # ruff's name for it


@main.command("report")
@click.argument("paths", nargs=-1)
@_with_selectors
@click.option("-o", "--output-file", default="newslint-report.html", show_default=True,
              type=click.Path(dir_okay=False, allow_dash=True), help="The HTML file to write ('-': stdout).")
@click.option("--compare", type=click.Path(dir_okay=False, exists=True),
              help="An earlier report (HTML) to show the changes since.")
@click.option("--examples", default=3, show_default=True, type=click.IntRange(min=0), help="Examples kept per rule.")
@click.option("--title", default="newslint report", show_default=True, help="The page's title.")
@click.option("-j", "--jobs", type=click.IntRange(min=1), help="Worker processes (default: CPU count).")
@_with_fields
@click.option("--no-cache", is_flag=True, help="Lint every file afresh; don't read or write the cache.")
@click.option("--cache-dir", default=".newslint_cache", show_default=True, type=click.Path(file_okay=False),
              help="Where to keep results of unchanged files between runs.")
@_with_accept_file
def corpus_report(paths: tuple[str, ...], output_file: str, compare: str | None, examples: int, title: str,
                  jobs: int | None, text_field: str, title_field: str, id_field: tuple[str, ...], no_cache: bool,
                  cache_dir: str, config: str | None, accept_file: str | None, **cli: Any) -> None:
    """Write an HTML report of the findings in PATHS (default '.'): per rule, family and source,
    the articles with the most findings, examples in context. Exit 0 when written, whatever it found."""
    from newslint.report import build
    from newslint.reporters.html import render
    from newslint.runner import RunResult

    paths = paths or (".",)
    linter = _linter(paths, config, None if no_cache else cache_dir, **cli)
    before = _guarded(_earlier, compare) if compare else None
    accepted = _accepted(linter, accept_file)
    report = build(linter, _inputs(linter, paths, "-", _fields(text_field, title_field, id_field)), jobs,
                   accepted, examples)
    page = render(report, title, __version__, paths, before)
    if output_file == "-":
        _emit((page,), None, False, True)
    elif not _emit((page,), output_file, False, True):
        sys.exit(ExitCode.USAGE)
    for message in (*report.problems, *report.crashes):
        _say(message)
    _say(f"wrote {output_file}: {report.articles:,} articles, {report.findings:,} findings")
    sys.exit(exit_code(RunResult(problems=report.problems, crashes=report.crashes)))


def _earlier(path: str) -> dict[str, Any]:
    """The figures of an earlier report, or a usage error saying why there are none."""
    from newslint.files import read_regular
    from newslint.reporters.html import earlier_summary

    try:
        summary = earlier_summary(read_regular(path, 256 * 1024 * 1024).decode("utf-8", "replace"))
    except (OSError, ValueError) as exc:
        _fail(f"{path}: cannot read the earlier report: {exc}")
    if summary is None:
        _fail(f"{path}: not a newslint report (no summary in it)")
    return summary  # type: ignore[return-value]


@main.command("baseline")
@click.argument("paths", nargs=-1)
@_with_selectors
@click.option("-o", "--output", "--output-file", default=DEFAULT_BASELINE, show_default=True,
              type=click.Path(dir_okay=False), help="The baseline file to write.")
@click.option("-j", "--jobs", type=click.IntRange(min=1), help="Worker processes (default: CPU count).")
@_with_accept_file
def write_baseline(paths: tuple[str, ...], output: str, jobs: int | None, config: str | None,
                   accept_file: str | None, **cli: Any) -> None:
    """Record the findings in PATHS (default '.') so `check --baseline FILE` reports only new ones
    (accepted findings are not recorded: they are never reported)."""
    from newslint.baseline import from_result, save
    from newslint.runner import run, sources_of

    paths = paths or (".",)
    linter = _linter(paths, config, **cli)
    accepted = _accepted(linter, accept_file)
    result = accepted.filter(run(linter, accepted.inputs(sources_of(linter, paths)), jobs))
    for message in (*result.problems, *result.crashes):
        _say(message)
    if exit_code(result) in (ExitCode.USAGE, ExitCode.INTERNAL):  # an incomplete baseline would hide findings
        _say("error: baseline not written")
        sys.exit(exit_code(result))
    _guarded(save, from_result(result, output), output)
    count = len(result.diagnostics)
    click.echo(f"Wrote {count} finding{'s' if count != 1 else ''} from {result.files_checked} files to {output}.")
    for note in result.notes:
        _say(note)
