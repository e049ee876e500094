# Tòa soạn — the two commands a new user needs: `make run` and `make test`.

SHELL := /bin/bash
VENV  := .venv
PY    := $(VENV)/bin/python
HOST  ?= 127.0.0.1
PORT  ?= 8000
# The first Python 3.11+ on this machine (override with `make run PYTHON=/path/to/python`).
PYTHON ?= $(shell for p in python3.13 python3.12 python3.11 python3; do \
	command -v $$p >/dev/null 2>&1 && $$p -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null \
	&& { command -v $$p; break; }; done)

.PHONY: run test serve demo lint format lock clean help

help:
	@echo "make run   – cài đặt, tạo CSDL, nạp nội dung mẫu và chạy trang tại http://$(HOST):$(PORT)"
	@echo "make test  – cài đặt những gì cần cho kiểm thử và chạy toàn bộ kiểm thử"

$(PY):
	@if [ -z "$(PYTHON)" ]; then echo "Cần Python 3.11 trở lên (không tìm thấy python3.11+)." >&2; exit 1; fi
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

$(VENV)/.run-deps: requirements.txt | $(PY)
	$(PY) -m pip install --quiet -r requirements.txt
	@touch $@

$(VENV)/.test-deps: requirements-dev.txt | $(PY)
	$(PY) -m pip install --quiet -r requirements-dev.txt
	@touch $@ $(VENV)/.run-deps

run: $(VENV)/.run-deps
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_demo --with-accounts
	$(PY) manage.py runserver $(HOST):$(PORT)

test: $(VENV)/.test-deps
	$(PY) manage.py makemigrations --check --dry-run --settings=cms.settings.test
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/bandit -c pyproject.toml -r . -q
	$(VENV)/bin/pytest $(PYTEST_ARGS)

lint: $(VENV)/.test-deps
	$(VENV)/bin/ruff check .

format: $(VENV)/.test-deps
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

# Re-pin requirements*.txt from pyproject.toml after changing a dependency.
lock: $(VENV)/.test-deps
	$(PY) -m pip install --quiet pip-tools
	$(VENV)/bin/pip-compile -q --strip-extras --no-emit-index-url --no-emit-find-links -o requirements.txt pyproject.toml
	$(VENV)/bin/pip-compile -q --strip-extras --no-emit-index-url --no-emit-find-links --extra test -o requirements-dev.txt pyproject.toml

clean:
	rm -rf $(VENV) db.sqlite3 db.sqlite3-* media staticfiles test-artifacts .pytest_cache .ruff_cache
