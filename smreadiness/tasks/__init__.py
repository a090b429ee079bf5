"""The action plan as work people carry out: owners, due dates, sizes and statuses kept in the
assessment file, the date to look again, and exports to spreadsheets and calendars.

No Textual and no argparse here: the CLI's ``plan`` command and the TUI's plan tab both use it.
"""
