"""The interview one question at a time, as lines: a prompt ending in ``> ``, an answer typed.

Every answer is saved the moment it is given (through :class:`~smreadiness.session.Session`,
as in the TUI), so a closed pipe, Ctrl+D or a killed process loses nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TextIO

from smreadiness.bank.conditions import Scalar
from smreadiness.bank.model import DONT_KNOW as UNKNOWN
from smreadiness.bank.model import Question
from smreadiness.engine import check_answer, rounded, typed_number
from smreadiness.i18n import _, ngettext
from smreadiness.problems import ProblemsError
from smreadiness.session import Session
from smreadiness.store import StoreError
from smreadiness.textsafe import clean
from smreadiness.wording import answer_label, describe_range

PROMPT = "> "

SKIP = ""
DONT_KNOW = "dk"
WHY = "?"
BACK = "<"
NOTE = "n"
FLAG = "f"
QUIT = "q"
KEYS = "h"


class Lines:
    """Plain lines out, plain lines in; whatever the user or a bank wrote is made harmless."""

    def __init__(self, source: TextIO, sink: TextIO) -> None:
        self.source = source
        self.sink = sink

    def say(self, text: str = "") -> None:
        for line in text.splitlines() or [""]:
            self.sink.write(clean(line, single_line=True) + "\n")
        self.sink.flush()

    def ask(self) -> str | None:
        """One line typed after the prompt; None at the end of input."""
        self.sink.write(PROMPT)
        self.sink.flush()
        line = self.source.readline()
        if not line:
            self.sink.write("\n")  # the prompt's line ends, for the next reader
            return None
        return line.rstrip("\r\n")


def how_to_answer() -> str:
    return _(
        "How to answer: type the number of a choice, or the answer itself, then Enter. "
        "An empty line skips a question for now. dk answers don't know: it counts as "
        "answered, and the plan says to find it out. "
        "A question mark, ?, tells why the question matters. A less-than sign, <, goes back "
        "one question. n adds a note. f flags a question to revisit. h repeats these keys. "
        "q saves and quits."
    )


class LineInterview:
    """Asks the open questions of one session; returns an exit code."""

    def __init__(
        self,
        session: Session,
        lines: Lines,
        first: str | None = None,
        command: str = "smreadiness ask",
    ) -> None:
        self.session = session
        self.lines = lines
        self.first = first
        """Where a new interview starts (the first question, optional or not)."""
        self.command = command
        self.grid: str | None = None
        """The grid whose options were last read out: its next rows do not repeat them."""

    # ------------------------------------------------------------------ the loop

    def run(self) -> int:
        session, say = self.session, self.lines.say
        say(_("Interview: {name}. Every answer is saved as you give it.").format(name=session.name))
        say(how_to_answer())
        current = self.first or session.resume_point()
        while True:
            while current is not None:
                current = self.ask(current)
                if current == QUIT:
                    return self.leave()
            if not self.open_questions_left():
                break
            current = self.session.resume_point()
        return self.show_result()

    def ask(self, question_id: str) -> str | None:  # noqa: C901 - one branch per line-mode key
        """Ask one question until it is answered or left; returns the next question, None after
        the last one, or :data:`QUIT`."""
        session, say = self.session, self.lines.say
        question = session.bank.question(question_id)
        if question is None:
            return session.neighbour(question_id, 1)
        self.show(question)
        while True:
            typed = self.lines.ask()
            if typed is None:
                self.save(session.move_to, question_id)
                return QUIT
            command = typed.strip()
            if command.casefold() == QUIT:
                self.save(session.move_to, question_id)
                return QUIT
            if command == WHY:
                self.why(question)
                continue
            if command.casefold() == KEYS:
                say(how_to_answer())
                continue
            if command == BACK:
                previous = session.neighbour(question_id, -1)
                if previous is None:
                    say(_("This is the first question."))
                    continue
                self.save(session.move_to, previous)
                return previous
            if command.casefold() == NOTE:
                self.note(question)
                continue
            if command.casefold() == FLAG:
                self.flag(question)
                continue
            if command == SKIP and question.id in session.answers:
                following = session.following(question_id, session.answers[question_id])
                self.save(session.move_to, following)
                return following  # Enter keeps the answer given before
            if command.casefold() == DONT_KNOW:
                following = session.following(question_id, UNKNOWN)
                if self.save(session.answer, question_id, UNKNOWN, following):
                    say(_("Saved as don't know: the plan says to find it out."))
                return following
            if command == SKIP:
                following = session.following(question_id, None)
                if self.save(session.skip, question_id, following):
                    say(_("Skipped for now."))
                return following
            value, problem = self.parse(question, command)
            if problem is not None:
                say(problem)
                continue
            return self.answer(question, value)

    def answer(self, question: Question, value: Scalar) -> str | None:
        session = self.session
        before = {q.id for q in session.visible()}
        following = session.following(question.id, value)
        if not self.save(session.answer, question.id, value, following):
            return question.id
        label = answer_label(session.bank, question.id, value)
        self.lines.say(_("Saved: {answer}.").format(answer=label.rstrip(".")))
        self.evidence(question, value)
        added = [q.id for q in session.visible() if q.id not in before]
        if added:
            self.lines.say(
                _("That answer adds a follow-up question: {total} questions in all now.").format(
                    total=len(session.visible())
                )
            )
        return following

    # ------------------------------------------------------------------ showing

    def show(self, question: Question) -> None:  # noqa: C901 - each part of a question, in the order it is read aloud
        session, say = self.session, self.lines.say
        visible = [q.id for q in session.visible()]
        number = visible.index(question.id) + 1 if question.id in visible else 0
        dimension = session.bank.dimension(question.dimension)
        area = dimension.title if dimension else question.dimension
        say("")
        say(
            _("Question {number} of {total}, {area}.").format(
                number=number, total=len(visible), area=area
            )
        )
        if question.grid and question.grid == self.grid:  # the grid's next row
            say(question.row)
            say(_("Type a number from 1 to {count}, as above.").format(count=len(question.options)))
        elif question.kind == "choice":
            say(question.grid_prompt if question.grid else question.prompt)
            for index, option in enumerate(question.options, start=1):
                say(f"{index}. {option.label}")
            if question.grid:
                say(question.row)
            say(_("Type a number from 1 to {count}.").format(count=len(question.options)))
        elif question.kind == "multi":
            say(question.prompt)
            for index, option in enumerate(question.options, start=1):
                say(f"{index}. {option.label}")
            say(multi_help(question))
        elif question.kind == "number":
            say(question.prompt)
            say(describe_range(question))
        else:
            say(question.prompt)
            limit = question.max_length
            if limit is not None:
                say(_("Type your answer, at most {limit} characters.").format(limit=limit))
            if question.placeholder:
                say(question.placeholder)
        self.grid = question.grid
        if question.optional:
            say(_("This question is optional."))
        problem = session.problem(question.id)
        if problem:
            say(_("Your earlier answer needs a look: {problem}.").format(problem=problem))
        if question.id in session.answers:
            saved = answer_label(session.bank, question.id, session.answers[question.id])
            say(_("Your answer so far: {answer}. Enter keeps it.").format(answer=saved))
        note = session.note(question.id)
        if note:
            say(_("Your note: {note}").format(note=note))
        if session.is_flagged(question.id):
            say(_("You flagged this question to revisit."))

    def why(self, question: Question) -> None:
        say = self.lines.say
        say(_("Why this matters: {help}").format(help=question.help))
        titles = {s.id: s.title for s in self.session.bank.sources}
        for source in question.sources:
            say(_("Source: {title}").format(title=titles.get(source, source)))

    def note(self, question: Question) -> None:
        say = self.lines.say
        current = self.session.note(question.id)
        if current:
            say(_("Your note now: {note}").format(note=current))
        say(_("Type the note on one line; an empty line removes it."))
        text = self.lines.ask()
        if text is None:
            return
        from smreadiness.store.assessment import MAX_NOTE

        if len(text) > MAX_NOTE:
            say(_("A note can be at most {limit} characters; not saved.").format(limit=MAX_NOTE))
            return
        if self.save(self.session.set_note, question.id, text.strip()):
            say(_("Note saved.") if text.strip() else _("Note removed."))

    def evidence(self, question: Question, value: Scalar) -> None:
        """The bank's follow-up for a strong answer ("Name your last three posts"), kept."""
        ask = question.evidence_for(value)
        if not ask:
            return
        say = self.lines.say
        say(_("Show it: {ask}").format(ask=ask))
        say(_("Type it on one line; an empty line skips it."))
        text = self.lines.ask()
        if text is None or not text.strip():
            return
        if len(text) > 2000:
            say(_("At most {limit} characters; not saved.").format(limit=2000))
            return
        if self.save(self.session.set_evidence, question.id, text.strip()):
            say(_("Saved."))

    def flag(self, question: Question) -> None:
        flagged = not self.session.is_flagged(question.id)
        if self.save(self.session.set_flag, question.id, flagged):
            self.lines.say(_("Flagged to revisit.") if flagged else _("Flag removed."))

    # ------------------------------------------------------------------ answers

    def parse(self, question: Question, typed: str) -> tuple[Scalar, str | None]:
        """The answer ``typed`` gives, or why it cannot be one (the TUI's messages)."""
        if question.kind == "choice":
            options = question.options
            if typed.isdigit():
                index = int(typed)
                if 1 <= index <= len(options):
                    return options[index - 1].value, None
            for option in options:
                if typed.casefold() in (option.value.casefold(), option.label.casefold()):
                    return option.value, None
            return "", _("Type a number from 1 to {count}.").format(count=len(options))
        if question.kind == "multi":
            return parse_multi(question, typed)
        if question.kind == "number":
            text = typed.replace(",", ".") if "." not in typed else typed
            try:
                number = float(text)
            except ValueError:
                return "", _("That is not a number. {range}").format(range=describe_range(question))
            value, problem = typed_number(question, text, number)
            if problem is None and value is not None and rounded(text, value):
                self.lines.say(
                    _("{typed} is saved as {value}: this question takes whole numbers.").format(
                        typed=typed, value=value
                    )
                )
            return ("" if value is None else value), problem
        value, problem = check_answer(question, typed)
        return ("" if value is None else value), problem

    def open_questions_left(self) -> bool:
        """After the last question: say what is still open; True to go back and answer it."""
        session, say = self.session, self.lines.say
        unanswered = session.evaluate().unanswered
        if not unanswered:
            return False
        say("")
        say(
            ngettext(
                "{count} question is still unanswered, so the verdict can still move. "
                "Type a to answer it now, or press Enter to see the result so far.",
                "{count} questions are still unanswered, so the verdict can still move. "
                "Type a to answer them now, or press Enter to see the result so far.",
                len(unanswered),
            ).format(count=len(unanswered))
        )
        typed = self.lines.ask()
        return typed is not None and typed.strip().casefold() == "a"

    # ------------------------------------------------------------------ leaving

    def leave(self) -> int:
        self.lines.say("")
        self.lines.say(
            _("Every answer is saved. Continue where you left off with: {command}").format(
                command=f"{self.command} {self.session.handle()}"
            )
        )
        return 0

    def show_result(self) -> int:
        from smreadiness.history import change_since_previous
        from smreadiness.linemode.report import report_lines
        from smreadiness.report.document import build_report

        session = self.session
        evaluation = session.evaluate(full=True)
        if evaluation.complete:
            self.save(session.finish)
        doc = build_report(
            session.assessment,
            session.bank,
            evaluation,
            change_since_previous(session.assessment, session.bank, evaluation),
        )
        self.lines.say("")
        for line in report_lines(doc):
            self.lines.say(line)
        self.lines.say("")
        self.lines.say(
            _("See this again, or change answers, with: {command}").format(
                command=f"{self.command} {session.handle()}"
            )
        )
        return 0

    def save(self, change: Callable[..., object], *args: Any) -> bool:
        """Run a store change; a problem is said, and the interview goes on."""
        try:
            change(*args)
        except (StoreError, ProblemsError) as error:
            self.lines.say(_("Not saved: {reason}").format(reason=str(error)))
            return False
        return True


def multi_help(question: Question) -> str:
    """How to answer a multi question on one line."""
    if any(o.exclusive for o in question.options):
        return _("Type the numbers of all that apply, with spaces between, e.g. 1 3.")
    return _("Type the numbers of all that apply, with spaces between, e.g. 1 3; 0 for none.")


def parse_multi(question: Question, typed: str) -> tuple[Scalar, str | None]:
    """``1 3``, ``1,3`` or option values: the options chosen, checked as an answer."""
    picked: list[str] = []
    options = question.options
    by_label = {o.label.casefold(): o.value for o in options}
    if typed.strip().casefold() in by_label:  # one option typed by its words
        return check_answer(question, [by_label[typed.strip().casefold()]])[0] or "", None
    for word in typed.replace(",", " ").split():
        if word == "0" and not any(o.exclusive for o in options):
            continue
        if word.isdigit() and 1 <= int(word) <= len(options):
            picked.append(options[int(word) - 1].value)
            continue
        found = [o.value for o in options if word.casefold() == o.value.casefold()]
        if not found:
            return "", _("{word} is not one of the numbers 1 to {count}.").format(
                word=word, count=len(options)
            )
        picked.extend(found)
    picked = list(dict.fromkeys(picked))  # a number typed twice is one tick
    value, problem = check_answer(question, picked)
    return ("" if value is None else value), problem
