#!/usr/bin/env bash
# Times `hcr infer` end to end on N generated 28x28 PNGs (default 10,000) with one backend:
#   tools/bench-infer.sh [N] [BACKEND] [more infer flags...]
# HCR_JAVA_OPTS=-Xmx64m tools/bench-infer.sh 100000 onnx   shows memory stays bounded.
# Prints the engine's summary line (images/s) and the process's peak RSS.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
N="${1:-10000}"
BACKEND="${2:-onnx}"
shift $(( $# > 2 ? 2 : $# ))
WORK="${BENCH_DIR:-${TMPDIR:-/tmp}/hcr-bench}"
PICTURES="$WORK/pngs-$N"
if [[ ! -d "$PICTURES" ]]; then
  echo "generating $N pictures in $PICTURES ..." >&2
  java "$ROOT/tools/GeneratePictures.java" "$PICTURES.partial" "$N"
  mv "$PICTURES.partial" "$PICTURES"
fi
"$ROOT/hcr" --version >/dev/null   # build the jar outside the timing
/usr/bin/time -f "peak RSS %M kB, wall %e s" \
  "$ROOT/hcr" infer --backend "$BACKEND" --input "$PICTURES" --output "$WORK/predictions.csv" "$@" >/dev/null
