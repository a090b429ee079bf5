"""Workshops: a room of businesses, or a team answering for one business, side by side.

Folders and respondents (``folder``), what they answered together (``aggregate``) and the
joint report (``report``). No Textual here: the live board is ``smreadiness.tui.board``.
"""
