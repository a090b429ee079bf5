"""``smreadiness workshop ...``: a room of businesses, or a team answering for one business."""

from __future__ import annotations

import argparse
import os
import sys
from typing import TYPE_CHECKING, Any

from smreadiness.cli import EXIT_OK, EXIT_PROBLEM, EXIT_USAGE
from smreadiness.cli.common import error, handles_errors
from smreadiness.i18n import _, ngettext
from smreadiness.paths import DATA_DIR_ENV
from smreadiness.textsafe import clean

if TYPE_CHECKING:
    from smreadiness.bank.model import Bank
    from smreadiness.workshops.aggregate import Summary
    from smreadiness.workshops.folder import Workshop


def _bank(workshop: Workshop, language: str) -> Bank:
    from smreadiness.bank.loader import load_bank

    return load_bank(workshop.bank or None, language)


def _emit(text: str, output: str | None) -> None:
    if output is None:
        sys.stdout.write(text)
        return
    from smreadiness.files import write_output

    written = write_output(output, text.encode("utf-8"))
    if written is not None:
        print(_("wrote {path}").format(path=clean(str(written), single_line=True)), file=sys.stderr)


@handles_errors
def run_workshop(args: argparse.Namespace) -> int:
    handler = {
        "new": _new,
        "add": _add,
        "list": _list,
        "report": _report,
        "join": _join,
        "present": _present,
        "serve": _serve,
    }[args.action]
    return handler(args)


def _new(args: argparse.Namespace) -> int:
    from smreadiness.bank.loader import load_bank
    from smreadiness.workshops.folder import create

    bank_spec = args.bank or "readiness"
    bank = load_bank(bank_spec, args.lang)  # a bank that cannot load is refused now, not later
    workshop = create(args.workshop, team=args.team, bank=bank_spec, language=args.lang)
    name = clean(workshop.name, single_line=True)
    print(_("Workshop {name} created in {folder}").format(name=name, folder=workshop.folder))
    print(_("Question bank: {title}").format(title=clean(bank.title, single_line=True)))
    quoted = _shell_word(workshop.slug)
    for line in (
        _("Next: smreadiness workshop serve {name}   (respondents join in a browser)"),
        _("  or: smreadiness workshop add {name} FILE...   (answers files sent in)"),
        _("  and: smreadiness workshop present {name}   (the live board)"),
    ):
        print(line.format(name=quoted))
    return EXIT_OK


def _shell_word(text: str) -> str:
    """``text`` as one word to paste into a shell, control characters made visible."""
    import shlex

    return shlex.quote(clean(text, single_line=True))


def _free(name: str, workshop: Workshop) -> str | None:
    """Why ``name`` cannot be a new respondent, or None."""
    from smreadiness.store.store import fold
    from smreadiness.workshops.folder import taken_names

    if fold(name) in taken_names(workshop):
        return _("a respondent named {name} has joined already").format(name=repr(name))
    return None


def _add(args: argparse.Namespace) -> int:
    from smreadiness.cli.common import checked_answers, open_file
    from smreadiness.paths import user_path
    from smreadiness.problems import Problem, ProblemsError, print_problems
    from smreadiness.reask import record_fingerprints
    from smreadiness.store.assessment import MAX_NAME
    from smreadiness.workshops.folder import ROLE_KEY, find

    workshop = find(args.workshop)
    bank = _bank(workshop, args.lang)
    if args.respondent and len(args.files) > 1:
        error(_("smreadiness workshop add: --as names one respondent; give one file with it"))
        return EXIT_USAGE
    failed = False
    for spec in args.files:
        source = user_path(spec)
        try:
            target = open_file(source, check_with_bank="", language=args.lang)
            if target.assessment.bank not in ("", workshop.bank) and not (
                target.assessment.bank == "readiness" and workshop.bank in ("", "readiness")
            ):
                raise ProblemsError(
                    [
                        Problem(
                            target.label,
                            _("answers bank {bank}; this workshop uses {uses}").format(
                                bank=repr(target.assessment.bank), uses=repr(workshop.bank)
                            ),
                        )
                    ]
                )
            checked_answers(bank, target)
        except ProblemsError as problems:
            print_problems(problems.problems)
            failed = True
            continue
        name = (args.respondent or target.assessment.name or source.stem)[:MAX_NAME]
        taken = _free(name, workshop)
        if taken:
            error(f"smreadiness workshop add: {clean(spec, single_line=True)}: {taken}")
            failed = True
            continue
        meta = dict(target.assessment.extra_meta)
        if args.role:
            meta[ROLE_KEY] = args.role[:60]
        assessment = target.assessment._replace(name=name, bank=workshop.bank, extra_meta=meta)
        saved = workshop.respondents.add(record_fingerprints(assessment, bank))
        print(
            _("added {name} to {workshop}").format(
                name=clean(saved.name, single_line=True),
                workshop=clean(workshop.name, single_line=True),
            )
        )
    return EXIT_PROBLEM if failed else EXIT_OK


def _list(args: argparse.Namespace) -> int:
    from smreadiness.problems import print_problems
    from smreadiness.workshops.folder import all_workshops

    workshops, problems = all_workshops()
    rows: list[dict[str, Any]] = []
    for workshop in workshops:
        entries = workshop.entries()
        rows.append(
            {
                "workshop": workshop.slug,
                "name": workshop.name,
                "team": workshop.team,
                "bank": workshop.bank,
                "created": workshop.created.isoformat(),
                "respondents": len(entries),
                "folder": str(workshop.folder),
            }
        )
    if args.format == "json":
        from smreadiness.report.jsonout import dumps

        print(dumps(rows))
    elif not rows:
        print(_('No workshops yet. Start one with: smreadiness workshop new "Spring course"'))
    else:
        for row in rows:
            kind = _("team") if row["team"] else _("room")
            count = ngettext("{count} respondent", "{count} respondents", row["respondents"])
            print(
                f"{row['workshop']}  {clean(str(row['name']), single_line=True)}  ({kind}, "
                + count.format(count=row["respondents"])
                + ")"
            )
    if problems:
        print_problems(problems)
        return EXIT_PROBLEM
    return EXIT_OK


def summary_of(workshop: Workshop, language: str) -> Summary:
    from smreadiness.workshops.aggregate import summarise

    bank = _bank(workshop, language)
    return summarise(workshop, bank, workshop.entries())


def _report(args: argparse.Namespace) -> int:
    from smreadiness.workshops.folder import find

    workshop = find(args.workshop)
    if "lang_given" in args and not args.lang_given and workshop.language != "en":
        from smreadiness.i18n import set_language

        args.lang = workshop.language
        set_language(workshop.language)
    summary = summary_of(workshop, args.lang)
    output = getattr(args, "output", None)
    if args.format == "json":
        from smreadiness.report.jsonout import dumps
        from smreadiness.workshops.aggregate import to_json

        _emit(dumps(to_json(summary)) + "\n", output)
    elif args.format == "md":
        from smreadiness.workshops.report import render_markdown

        _emit(render_markdown(summary), output)
    elif args.format == "html":
        from smreadiness.workshops.report import render_html

        _emit(render_html(summary), output)
    else:
        from smreadiness.workshops.report import render_text

        _emit(render_text(summary), output)
    return EXIT_OK


def _respondent(args: argparse.Namespace, workshop: Workshop) -> str | None:
    """The respondent's assessment id: the one with this name (rejoining), or a new one."""
    from smreadiness.store import Assessment
    from smreadiness.store.store import fold
    from smreadiness.workshops.folder import ROLE_KEY

    name = (args.respondent or "").strip()
    if not name:
        if not sys.stdin.isatty():
            error(_("smreadiness workshop join: give your name with --as NAME"))
            return None
        name = input(_("Your name or nickname: ")).strip()
        if not name:
            return None
    store = workshop.respondents
    for entry in store.entries():
        if entry.assessment is not None and fold(entry.assessment.name) == fold(name):
            return entry.assessment.id  # rejoining: where they left off
    bank = _bank(workshop, args.lang)
    meta = {ROLE_KEY: args.role[:60]} if args.role else {}
    assessment = Assessment.new(
        name[:200], bank=workshop.bank, bank_version=bank.version, language=args.lang
    )._replace(extra_meta=meta)
    return store.save(assessment, new=True).id


def _join(args: argparse.Namespace) -> int:
    from smreadiness.workshops.folder import find

    workshop = find(args.workshop)
    respondent = _respondent(args, workshop)
    if respondent is None:
        return EXIT_USAGE
    # The respondent answers with the normal interview, pointed at the workshop's folder.
    os.environ[DATA_DIR_ENV] = str(workshop.respondents.root)
    quoted = _shell_word(workshop.slug)
    resumed = argparse.Namespace(
        **{
            **vars(args),
            "command": "resume",
            "target": respondent,
            "plain": args.plain,
            "resume_command": f"smreadiness workshop join {quoted} --as",
        }
    )
    from smreadiness.cli.ask import wants_lines

    if wants_lines(resumed):
        from smreadiness.cli.ask import run_ask

        return run_ask(resumed, fallback=not args.plain)
    from smreadiness.cli.tui import run_tui

    return run_tui(resumed)


def _present(args: argparse.Namespace) -> int:
    from smreadiness.workshops.folder import find

    workshop = find(args.workshop)
    try:
        from smreadiness.tui.board import run_board
    except ImportError as failure:  # pragma: no cover - TUI not installed
        error(f"smreadiness: the board is not available: {failure}")
        return EXIT_PROBLEM
    return run_board(workshop, args.lang, args.names)


def _serve(args: argparse.Namespace) -> int:
    from smreadiness.cli.serve import run_serve
    from smreadiness.workshops.folder import find

    workshop = find(args.workshop)
    served = argparse.Namespace(
        **{**vars(args), "command": "serve", "data": None, "workshop_folder": str(workshop.folder)}
    )
    return run_serve(served)
