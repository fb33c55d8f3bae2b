# chatbotkit-sdk: every target works on a fresh clone with Python 3.11+ and pip.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PY     := $(BIN)/python
STAMP  := $(VENV)/.installed

.DEFAULT_GOAL := help
.PHONY: help demo install generate check-generated lint-spec lint typecheck check test bench docs docs-serve wheel-test clean

help:
	@echo "make demo             a streamed conversation with the embedded fake (or the real API)"
	@echo "make install          create $(VENV) with the package and its dev tools"
	@echo "make test             run the test suite"
	@echo "make check            ruff, mypy --strict and pyright (strict) (the docs examples too), spec lint, generated-code check"
	@echo "make generate         regenerate generated/ from openapi/ (commit the result)"
	@echo "make check-generated  fail, with a diff, if generated/ is stale"
	@echo "make lint-spec        validate openapi/conversation.yaml"
	@echo "make bench            the SDK against raw httpx on a loopback server (about 2 minutes)"
	@echo "make docs             build the documentation site into site/ (mkdocs --strict: any warning fails)"
	@echo "make docs-serve       the same site, rebuilt on every change, on http://127.0.0.1:8000"

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11+ is required (set PYTHON=...)")'
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	@touch $@

install: $(STAMP)

demo: $(STAMP)
	$(PY) examples/quickstart.py

generate: $(STAMP)
	$(PY) scripts/generate.py

check-generated: $(STAMP)
	$(PY) scripts/generate.py --check

lint-spec: $(STAMP)
	$(PY) -m openapi_spec_validator openapi/conversation.yaml
	$(PY) scripts/lint_spec.py openapi/conversation.yaml

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

# Both checkers, on the SDK, the examples and tests/typing (correct uses and the mistakes
# each checker must report); pyright's settings, paths included, are in pyproject.toml.
# pyright is pinned on purpose: no asking PyPI for a newer one, no warning that there is.
# The examples of README.md and docs/ are type-checked too, as a user's code: written out
# as modules by scripts/docs_examples.py (a line marked "# a type checker reports this"
# must be reported by both checkers, and nothing else may be).
DOCS_EXAMPLES := build/docs-examples

typecheck: $(STAMP)
	$(BIN)/mypy chatbotkit_sdk examples tests/typing
	PYRIGHT_PYTHON_IGNORE_WARNINGS=1 $(BIN)/pyright
	$(PY) scripts/docs_examples.py $(DOCS_EXAMPLES)
	$(BIN)/mypy $(DOCS_EXAMPLES)
	PYRIGHT_PYTHON_IGNORE_WARNINGS=1 $(BIN)/pyright $(DOCS_EXAMPLES)

check: lint typecheck lint-spec check-generated

# On every core: worksteal hands a finished worker the tests another has not started, so
# the slow ones do not leave one core idle at the end. (Not loadgroup or loadscope: the
# schemathesis cases share one node id, and those modes would run one of the 29.) A plain
# `pytest tests/x.py` runs in one process, as an editor does.
test: $(STAMP)
	$(BIN)/pytest -n auto --dist worksteal

bench: $(STAMP)
	$(PY) bench/run.py

# mkdocs.yml says what is built; --strict turns every warning (a broken link, a reference
# that does not resolve) into a failure. mkdocs-material prints a notice about its future
# on every run unless told not to: it is not about this site.
DOCS_ENV := NO_MKDOCS_2_WARNING=1 PYTHONPATH=.:generated

docs: $(STAMP)
	$(DOCS_ENV) $(BIN)/mkdocs build --strict --site-dir site

docs-serve: $(STAMP)
	$(DOCS_ENV) $(BIN)/mkdocs serve --strict

clean:
	rm -rf $(VENV) dist build site .mypy_cache .pytest_cache .ruff_cache .hypothesis
