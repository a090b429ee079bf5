"""Exit codes, shared by the command line and the screens (the TUI must not import the CLI).

0 success; 1 the command ran but found a problem the user must fix; 2 wrong usage; 3 an
unreadable or invalid input file.
"""

EXIT_OK = 0
EXIT_PROBLEM = 1
EXIT_USAGE = 2
EXIT_BAD_INPUT = 3
