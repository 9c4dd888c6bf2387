#!/usr/bin/env bash
# Load a Gloss spaCy export with spaCy itself and compare it with Gloss's native JSONL export of
# the same documents; with --import, have spaCy write a DocBin and check what Gloss imports of it
# (see scripts/check_spacy.py for what is compared).
#
#   gloss export P.ron --format spacy -o out.spacy
#   gloss export P.ron --format jsonl -o out.jsonl
#   scripts/check_spacy.sh out.spacy out.jsonl [--labels A,B] [--no-quotes] [--train]
#   scripts/check_spacy.sh --import target/debug/gloss   (spaCy writes, Gloss imports)
#
# spaCy comes from PyPI into a virtual environment: $GLOSS_SPACY_VENV when set (created there if
# missing, and kept for next time), otherwise a temporary one removed afterwards. A blank English
# pipeline needs no model download. `cargo test --test formats_tokens` runs this script when
# $GLOSS_SPACY_CHECK is set.
set -euo pipefail

if [ "$#" -lt 2 ]; then
    sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//' >&2
    exit 2
fi
here=$(cd "$(dirname "$0")" && pwd)
python=${PYTHON:-python3}

venv=${GLOSS_SPACY_VENV:-}
tmp=
if [ -z "$venv" ]; then
    tmp=$(mktemp -d)
    trap 'rm -rf "$tmp"' EXIT
    venv=$tmp/venv
fi
if [ ! -x "$venv/bin/python" ]; then
    "$python" -m venv "$venv"
fi
if ! "$venv/bin/python" -c 'import spacy' 2>/dev/null; then
    echo "check_spacy: installing spaCy into $venv" >&2
    "$venv/bin/python" -m pip install --quiet --disable-pip-version-check 'spacy>=3.4,<4'
fi
"$venv/bin/python" "$here/check_spacy.py" "$@"
