#!/usr/bin/env bash
# The whole test suite, as CI runs it: system packages, formatting, lints, then every test
# (unit, property, CLI, crash, and the window tests, which need no display or GPU).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
cargo fmt --check
cargo clippy --all-targets -- -D warnings
cargo test
