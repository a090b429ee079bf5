# The README's two commands: `make run` and `make test`. Both build .venv on first use.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
PIP    := $(BIN)/python -m pip --disable-pip-version-check -q

.PHONY: run test lint typecheck unit bench bench-tui bench-serve bench-workshop bench-scale catalogs clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# An editable install is not byte-compiled the way a wheel install is; compile it here so
# start-up does not recompile every module on each run (e.g. with PYTHONDONTWRITEBYTECODE).
$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(PIP) install -e .
	$(BIN)/python -m compileall -q smreadiness
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(PIP) install -e '.[test]'
	$(BIN)/python -m compileall -q smreadiness
	touch $(VENV)/.installed $@

run: $(VENV)/.installed
	$(BIN)/python -m compileall -q smreadiness
	$(BIN)/smreadiness

lint: $(VENV)/.installed-test
	$(BIN)/ruff check smreadiness tests bench
	$(BIN)/lint-imports

typecheck: $(VENV)/.installed-test
	$(BIN)/mypy

unit: $(VENV)/.installed-test
	$(BIN)/pytest -n 2 -q

test: lint typecheck unit

bench: $(VENV)/.installed-test
	$(BIN)/python -m compileall -q smreadiness
	$(BIN)/python bench/startup.py

# The TUI's first screen and answer-to-next-question times, in a real terminal (needs tmux).
bench-tui: $(VENV)/.installed-test
	$(BIN)/python -m compileall -q smreadiness
	$(BIN)/python bench/tui_startup.py

# Memory of `serve`: the server alone, one browser session and 40 (Linux, reads /proc).
bench-serve: $(VENV)/.installed-test
	$(BIN)/python bench/serve_memory.py --sessions 1,40

# Workshops: the joint report and the board's recount with 40 and 500 respondents.
bench-workshop: $(VENV)/.installed-test
	$(BIN)/python bench/workshop.py --sizes 40,500

# Thousands of saved assessments: list, lookups, the home screen and a big bank's validation
# with archives of 1,000, 10,000 and 50,000 (a few minutes; the home rows need tmux).
bench-scale: $(VENV)/.installed-test
	$(BIN)/python -m compileall -q smreadiness
	$(BIN)/python bench/scale.py --sizes 1000,10000,50000

# Interface strings: extract the marked ones, merge them into the fi/sv catalogs, compile.
# The compiled .mo files are committed, so installing needs no Babel step.
catalogs: $(VENV)/.installed-test
	$(BIN)/pybabel --quiet extract -F babel.cfg -k N_ -k ngettext:1,2 --no-location \
		--project smreadiness --copyright-holder "smreadiness" -o smreadiness/locale/smreadiness.pot .
	$(BIN)/pybabel --quiet update -N -i smreadiness/locale/smreadiness.pot \
		-d smreadiness/locale -D smreadiness
	$(BIN)/pybabel --quiet compile -d smreadiness/locale -D smreadiness

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache .hypothesis
