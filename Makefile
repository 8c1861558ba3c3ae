# Two commands on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed

.PHONY: run test build install system-packages clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

run: $(STAMP)
	$(PY) -m graphbuilder build seeds --out out
	$(PY) -m graphbuilder pages out

system-packages:
	scripts/install-system-packages

test: $(STAMP) system-packages
	$(PY) -m pytest -q

clean:
	rm -rf out .pytest_cache
