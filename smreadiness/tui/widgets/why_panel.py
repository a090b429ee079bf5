""" "Why this matters": the idea behind a question and the sources it comes from."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from smreadiness.bank.model import Bank, Question
from smreadiness.i18n import N_, _
from smreadiness.tui.text import literal

LANGUAGE_NAMES = {"fi": N_("Finnish"), "sv": N_("Swedish"), "el": N_("Greek"), "en": N_("English")}


class WhyPanel(Static):
    """The help text of a question, and each source by id, title and language."""

    DEFAULT_CSS = """
    WhyPanel {
        height: auto; padding: 0 1; margin-top: 1;
        border-left: thick $accent; background: $boost;
    }
    """

    def show(self, bank: Bank, question: Question) -> None:
        parts: list[Content] = [
            Content.styled(_("Why this matters"), "bold"),
            literal(question.help),
        ]
        sources = {s.id: s for s in bank.sources}
        for source_id in question.sources:
            source = sources.get(source_id)
            if source is None:
                parts.append(Content.styled(_("Source {id}").format(id=source_id), "dim italic"))
                continue
            language = (
                _(LANGUAGE_NAMES[source.language])
                if source.language in LANGUAGE_NAMES
                else source.language
            )
            parts.append(
                Content.assemble(
                    (_("Source {id}").format(id=source.id) + ": ", "dim"),
                    literal(source.title, "italic"),
                    (f" ({language})", "dim"),
                )
            )
        self.update(Content("\n").join(parts))
