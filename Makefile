# Two commands do everything on a fresh machine:
#   make demo   install, then segment + label the bundled example articles
#   make test   install, then run the whole test suite (slow end-to-end tests included)
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test lint install clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	$(BIN)/stance segment data/articles/examples.jsonl -o out/quotes.jsonl --overwrite
	$(BIN)/stance label data/articles/examples.jsonl -o out/stances.jsonl --overwrite --show 40

test: $(STAMP)
	$(BIN)/pytest -q

lint: $(STAMP)
	$(BIN)/ruff check stance training evaluation tests benchmarks

clean:
	rm -rf out reports models
