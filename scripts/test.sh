#!/usr/bin/env bash
# The whole test suite, as CI runs it: system packages, formatting, lints, then every test
# (unit, property, CLI, crash, and the window tests, which need no display or GPU), then the
# crash test at full length: 1,000 SIGKILLed rounds (about 2 minutes on 2 cores).
# GLOSS_SPACY_CHECK=1 makes the spaCy export test install spaCy from PyPI into a temporary
# virtual environment and load the .spacy files with it (about a minute), and the spaCy engine
# test compare the bundled engine's suggestions with spaCy's own entities.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
cargo fmt --check
cargo clippy --all-targets -- -D warnings
# One virtual environment with spaCy for every spaCy test, made before the tests start (so
# tests running side by side never create it at once) and removed at the end.
spacy_dir=$(mktemp -d)
trap 'rm -rf "$spacy_dir"' EXIT
bash scripts/spacy_venv.sh "$spacy_dir/venv" >/dev/null
GLOSS_SPACY_VENV="$spacy_dir/venv" GLOSS_SPACY_CHECK=1 cargo test
bash scripts/crash_test.sh
