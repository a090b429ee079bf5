"""Line mode: the interview as plain lines on stdin and stdout (``smreadiness ask``).

For screen readers, ``TERM=dumb``, serial consoles and scripts: the same bank, store, autosave,
resume, show_if, help, notes, flags and verdict as the TUI, with no colour, no cursor movement
and no box drawing. Every line makes sense read aloud on its own. Plain Python: no Textual.
"""

from smreadiness.linemode.interview import LineInterview, Lines
from smreadiness.linemode.report import report_lines

__all__ = ["LineInterview", "Lines", "report_lines"]
