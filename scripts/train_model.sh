#!/bin/sh
# Train the statistical engine's starting weights on WikiGold (CC BY 4.0, see assets/README.md)
# and this repository's agency-style wire stories (projects/wire.ron, written for Gloss), and
# write them to assets/model/wikigold.bin, which Model::bundled() embeds.
set -eu
cd "$(dirname "$0")/.."
cargo run --release --example train_model -- "${1:-assets/model/wikigold.bin}" \
    "${2:-../shared/train/wikigold}" "${3:-projects/wire.ron}"
