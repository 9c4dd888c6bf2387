#!/usr/bin/env bash
# Regenerate the keyboard table in README.md from the shortcut table (src/app/keymap/mod.rs):
# the test `the_readme_keyboard_table_is_this_table` prints the table it expects.
set -euo pipefail
cd "$(dirname "$0")/.."
table=$(cargo test --lib the_readme_keyboard_table_is_this_table 2>&1 \
  | sed -n '/replace it with:/,/^$/p' | sed '1d;$d' || true)
if [ -z "$table" ]; then echo "README keyboard table is already up to date"; exit 0; fi
python3 - "$table" <<'PY'
import re, sys
table = sys.argv[1].strip("\n") + "\n"
readme = open("README.md", encoding="utf-8").read()
start = readme.index("### Keyboard\n") + len("### Keyboard\n\n")
end = readme.index("\n## The command line")
readme = readme[:start] + table + readme[end:]
open("README.md", "w", encoding="utf-8").write(readme)
print("README keyboard table updated")
PY
