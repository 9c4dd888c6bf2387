#!/bin/sh
# Train the statistical engine's starting weights on WikiGold (CC BY 4.0, see assets/README.md)
# and write them to assets/model/wikigold.bin, which Model::bundled() embeds.
set -eu
cd "$(dirname "$0")/.."
cargo run --release --example train_model -- "${1:-../shared/train/wikigold}" "${2:-assets/model/wikigold.bin}"
