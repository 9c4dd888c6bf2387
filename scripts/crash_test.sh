#!/usr/bin/env bash
# The crash test at full length: 1,000 rounds of edits and saves in a child process killed with
# SIGKILL at random moments (before it is ready, mid-edit, mid-save, after an acknowledgement);
# after each kill the project must reopen holding every acknowledged edit. Prints the summary.
# `GLOSS_CRASH_SEED=<n>` replays a run.
set -euo pipefail
cd "$(dirname "$0")/.."
GLOSS_CRASH_ROUNDS="${GLOSS_CRASH_ROUNDS:-1000}" cargo test --test crash -- --nocapture 2>&1 \
  | grep -E "rounds,|test result|panicked" || true
