# Two commands on a fresh Debian/Ubuntu machine:
#   make run    install everything (venv, Python packages, libVLC when missing) and start vknz
#   make test   the same plus test tools (Xvfb, fonts), then lint, types, layer contracts, tests
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
APT_RUN := libvlc5 vlc-plugin-base libgl1 libegl1 libxkbcommon0 libxkbcommon-x11-0 \
	libfontconfig1 libdbus-1-3 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 \
	libxcb-xinerama0 libxcb-randr0 libxcb-render-util0 libxcb-image0 \
	libportaudio2
# pulseaudio + the ALSA pulse plugin: a real sound path through PortAudio in the tests
# (a private server with a sine source; tests/integration/test_record_cli.py).
APT_TEST := xvfb xauth fonts-dejavu-core poppler-utils strace pulseaudio libasound2-plugins

.PHONY: run test check lint typecheck contracts unit bench system-deps system-test-deps fixtures clean
.PHONY: bundle bundle-test translations

run: $(VENV)/.installed system-deps translations
	$(BIN)/vknz

test: $(VENV)/.installed-dev system-deps system-test-deps translations check

check: lint typecheck contracts unit

lint:
	$(BIN)/ruff check src tests bench scripts packaging
	$(BIN)/ruff format --check src tests bench scripts packaging

typecheck:
	$(BIN)/mypy

contracts:
	$(BIN)/lint-imports

unit:
	QT_QPA_PLATFORM=offscreen $(BIN)/pytest -p no:cacheprovider

bench: $(VENV)/.installed-dev system-deps
	$(BIN)/python -m bench

# English UI and the Dutch plural forms: compile the .ts to the .qm the app loads (not in git; the bundle compiles its own).
# scripts/update_translations.py extracts new strings and reports untranslated ones.
translations: resources/translations/vknz_en.qm resources/translations/vknz_nl.qm

resources/translations/%.qm: resources/translations/%.ts | $(VENV)/bin/python
	$(BIN)/pyside6-lrelease -silent $< -qm $@

fixtures: $(VENV)/.installed
	$(BIN)/python tests/fixtures/make_fixtures.py

# Self-contained one-folder bundle in dist/vknz (PyInstaller, build.spec; libVLC from the system).
# Not part of `make test`: building takes minutes and the result is ~600 MB (see README, Bundle).
bundle: $(VENV)/.installed system-deps
	$(BIN)/python -c 'import PyInstaller' 2>/dev/null || $(BIN)/pip install -q 'pyinstaller>=6.10,<7'
	$(BIN)/pyinstaller --noconfirm --log-level WARN build.spec

# Runs dist/vknz/vknz in a clean environment: --version, self-test, start-up time (Xvfb).
bundle-test: bundle system-test-deps
	scripts/bundle_test.sh dist/vknz

# Installs the system packages only when something is missing (dpkg -s is cheap).
system-deps:
	@missing=""; for p in $(APT_RUN); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then echo "Installing:$$missing"; \
	$(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$missing; fi

system-test-deps:
	@missing=""; for p in $(APT_TEST); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then echo "Installing:$$missing"; \
	$(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$missing; fi

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV) || { $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq python3-venv && $(PYTHON) -m venv $(VENV); }
	$(BIN)/pip install -q --upgrade pip

$(VENV)/.installed: $(VENV)/bin/python pyproject.toml
	$(BIN)/pip install -q -e .
	$(BIN)/python -c 'from vknz_desktop.export.deidentifier import preload; preload()'  # deduce's cache, once
	touch $@

$(VENV)/.installed-dev: $(VENV)/bin/python pyproject.toml
	$(BIN)/pip install -q -e '.[dev]'
	$(BIN)/python -c 'from vknz_desktop.export.deidentifier import preload; preload()'  # deduce's cache, once
	touch $(VENV)/.installed $@

clean:
	rm -rf $(VENV) build dist .mypy_cache .ruff_cache .pytest_cache resources/translations/*.qm
