#!/usr/bin/env bash
# Training throughput over one full epoch of the EMNIST dev pool (85k images), with and without
# augmentation, so the feeding overhead shows. Extra arguments go to `hcr train` (e.g. --kernel 5).
# Usage: tools/bench-train.sh [--data DIR] [hcr train options...]
set -euo pipefail
cd "$(dirname "$0")/.."
hcr="${HCR:-./hcr}"   # another launcher (e.g. a snapshot of the jar) while the sources change
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
for augment in standard none; do
  line=$("$hcr" train --backend tf --data ../shared/emnist --epochs 1 --augment "$augment" \
           --output "$out/model-$augment" --force "$@" 2>&1 | grep -E '^epoch 1/1')
  rate=$(sed -E 's/.* ([0-9,]+) img\/s.*/\1/' <<<"$line" | tr -d ,)
  printf 'augment=%-8s %6s img/s  %5.1f ms per batch-128 step   (%s)\n' "$augment" "$rate" \
    "$(awk -v r="$rate" 'BEGIN { print 128000 / r }')" "$line"
done
echo "cores: $(nproc)  load: $(cut -d' ' -f1-3 /proc/loadavg)"
