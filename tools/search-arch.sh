#!/usr/bin/env bash
# Architecture search: short runs (default 3 epochs) on the dev pool with 10% validation, one line
# per configuration with its best validation loss and accuracy. The holdout is never used.
# Usage: tools/search-arch.sh [EPOCHS]
set -euo pipefail
cd "$(dirname "$0")/.."
hcr="${HCR:-./hcr}"   # another launcher (e.g. a snapshot of the jar) while the sources change
epochs="${1:-3}"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
configs=(
  "--conv 32,64 --kernel 3 --dropout 0.3"
  "--conv 32,64 --kernel 5 --dropout 0.3"
  "--conv 32,64 --kernel 3 --dropout 0.3 --augment none"
  "--conv 32,64 --kernel 3 --dropout 0.3 --extra"
  "--conv 32,64 --kernel 3 --dropout 0"
  "--conv 32,64 --kernel 3 --dropout 0 --extra"
)
for config in "${configs[@]}"; do
  # shellcheck disable=SC2086
  result=$("$hcr" train --backend tf --data ../shared/emnist --epochs "$epochs" --validation-fraction 0.1 \
             --output "$out/m" --force $config 2>&1 | grep -E '^(best epoch|epoch )' | tr '\n' ' ')
  echo "$config :: $result"
done
