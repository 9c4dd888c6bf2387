#!/usr/bin/env bash
# Peak memory loading a big project, against issue 6's target of 2 × the text + 64 bytes per
# annotation, by /usr/bin/time -v ("Maximum resident set size").
#
#     scripts/measure_memory.sh [ARTICLES=1000] [SPANS_PER_ARTICLE=100]
#
# Prints the whole process's peak, the peak of the same command on an empty project (the
# program's own code and libraries, which no project changes), and the difference: the memory
# the project itself took. Needs /usr/bin/time (Debian package `time`).
set -euo pipefail
cd "$(dirname "$0")/.."
articles=${1:-1000}
spans=${2:-100}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT

cargo build --release --quiet --bin gloss --example big_project
IFS=$'\t' read -r what text_bytes n_spans n_quotes \
    < <(target/release/examples/big_project "$dir/big.ron" "$articles" "$spans")
echo "$what ($(du -h "$dir/big.ron" | cut -f1) file)"
target/release/gloss new "$dir/empty.ron" > /dev/null

peak_kb() {
    /usr/bin/time -v target/release/gloss stats "$1" 2>&1 > /dev/null \
        | awk -F': ' '/Maximum resident set size/ {print $2}'
}
big=$(peak_kb "$dir/big.ron")
empty=$(peak_kb "$dir/empty.ron")
target=$(( (2 * text_bytes + 64 * (n_spans + n_quotes)) / 1024 ))
project=$(( big - empty ))
mb() { awk -v k="$1" 'BEGIN { printf "%.1f MB", k * 1024 / 1e6 }'; }
echo "peak, whole process:       $(mb "$big")"
echo "peak, empty project:       $(mb "$empty") (the program itself)"
echo "peak taken by the project: $(mb "$project")"
echo "target (2 × text + 64 B × $((n_spans + n_quotes)) annotations): $(mb "$target")"
if (( project <= target )); then verdict=met; else verdict="NOT met"; fi
echo "project's peak within target: $verdict"
if (( big <= target )); then verdict=met; else verdict="NOT met"; fi
echo "whole process within target:  $verdict"
