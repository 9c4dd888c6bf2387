#!/usr/bin/env bash
# The crash test at full length: 1,000 rounds of edits and saves in a child process killed with
# SIGKILL at random moments (before it is ready, mid-edit, mid-save, after an acknowledgement);
# after each kill the project must reopen holding every acknowledged edit. Prints the summary
# and exits non-zero when any round fails. `GLOSS_CRASH_ROUNDS=<n>` changes the round count,
# `GLOSS_CRASH_SEED=<n>` replays a run.
set -euo pipefail
cd "$(dirname "$0")/.."
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
status=0
GLOSS_CRASH_ROUNDS="${GLOSS_CRASH_ROUNDS:-1000}" cargo test --test crash -- --nocapture >"$log" 2>&1 \
  || status=$?
if [ "$status" -eq 0 ]; then
  grep -E "rounds,|test result" "$log"
else
  tail -n 60 "$log" >&2
  echo "crash test failed (cargo test exited $status)" >&2
fi
exit "$status"
