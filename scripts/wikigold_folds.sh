#!/usr/bin/env bash
# Cold-start quality on WikiGold's held-out folds, all engines: the shipped weights learnt all of
# WikiGold, so for each of 5 folds (every 5th article, by file name) starting weights are
# trained on the other 4 folds and projects/wire.ron, built into a copy of Gloss, and
# `gloss learn-curve --steps 0` scores the fold. Prints each fold and the sum.
# Runs in a temporary clone of this repository (five release builds), so the working tree and
# its weights are left alone. A CARGO_TARGET_DIR shared with the working tree saves compiling
# the dependencies, but its release binary is then the last fold's: rebuild it afterwards
# (`cargo clean -p gloss --release && cargo build --release`).
# Usage: bash scripts/wikigold_folds.sh [WIKIGOLD_DIR]   (default ../shared/train/wikigold)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
wikigold=$(cd "${1:-$root/../shared/train/wikigold}" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
git clone -q "$root" "$work/repo"
i=0
for txt in $(ls "$wikigold"/*.txt | sort); do
    base=${txt%.txt}
    for k in 0 1 2 3 4; do
        if [ $((i % 5)) = $k ]; then dir="$work/test$k"; else dir="$work/train$k"; fi
        mkdir -p "$dir"
        cp "$base.txt" "$base.ann" "$dir/"
    done
    i=$((i + 1))
done
cd "$work/repo"
target=${CARGO_TARGET_DIR:-$work/repo/target}
labels=(--merge GPE,LOC --labels PERSON,ORG,GPE,LOC)
for k in 0 1 2 3 4; do
    cargo run -q --release --example train_model -- assets/model/wikigold.bin \
        "$work/train$k" projects/wire.ron >/dev/null
    touch src/main.rs # the copy's binary, whatever a shared target dir holds
    cargo build -q --release --bin gloss
    "$target/release/gloss" learn-curve "$work/test$k" --steps 0 "${labels[@]}" 2>/dev/null \
        | awk -v k="$k" '$1 == "0" { print "fold " k ": " $0 }' | tee -a "$work/rows"
done
# Sum the folds: right = recall × gold, suggested = right / precision.
awk '{ e = $5; if ($6 == "-") next; tp[e] += $7 * $9; pred[e] += $7 * $9 / $6; gold[e] += $9 }
     END { for (e in tp) { p = tp[e] / pred[e]; r = tp[e] / gold[e];
           printf "%-10s P %.3f  R %.3f  F1 %.3f  (%d names)\n", e, p, r, 2 * p * r / (p + r), gold[e] } }' \
    "$work/rows" | sort
