#!/usr/bin/env bash
# Preprocessing check (issue 4): renders the first N dev-holdout images in each style with
# `hcr data render`, recognises the files with `hcr infer`, and compares the accuracy with
# `hcr evaluate` on the same images' raw tensors (the first N holdout images too).
#   tools/check-rendered-accuracy.sh [N] [BACKEND] [DATA]     (defaults: 1000 onnx ../shared/emnist)
# Styles: every `hcr data render --style`; a last line reads the digit files with --charset digits.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
N="${1:-1000}"; BACKEND="${2:-onnx}"; DATA="${3:-$ROOT/../shared/emnist}"
WORK="$(mktemp -d)"; trap 'rm -rf "$WORK"' EXIT
HCR="$ROOT/hcr"

raw=$("$HCR" evaluate --backend "$BACKEND" --data "$DATA" --holdout --limit "$N" --report-dir "$WORK/eval" >/dev/null \
      && /usr/bin/python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["accuracy"])' "$WORK/eval/report.json")
printf '%-8s %8s %8s %8s\n' style files raw diff
for style in plain28 scan photo gradient vignette shadow ruled squared boxed; do
  "$HCR" data render --data "$DATA" --holdout --count "$N" --style "$style" --out "$WORK/$style" >/dev/null
  "$HCR" infer --backend "$BACKEND" --input "$WORK/$style" --output "$WORK/$style.csv" --quiet || true
  /usr/bin/python3 - "$WORK/$style/labels.csv" "$WORK/$style.csv" "$raw" "$style" "$N" <<'PY'
import csv, os, sys
labels_file, predictions_file, raw, style, n = sys.argv[1:]
truth = {row["file"]: row["char"] for row in csv.DictReader(open(labels_file, newline=""))}
predicted = {os.path.basename(r["path"]): r["char"] for r in csv.DictReader(open(predictions_file, newline=""))}
correct = sum(1 for f, c in truth.items() if predicted.get(f) == c)   # a failed file counts as wrong
files = correct / len(truth)
print(f"{style:<8} {files:8.4f} {float(raw):8.4f} {100 * (files - float(raw)):+7.2f} pts  ({len(truth) - len(predicted)} failed)")
PY
done
# --charset digits (issue 13): the photo-style files whose label is a digit, read as digits only.
"$HCR" infer --backend "$BACKEND" --input "$WORK/photo" --output "$WORK/digits.csv" --charset digits --quiet || true
/usr/bin/python3 - "$WORK/photo/labels.csv" "$WORK/digits.csv" <<'PY'
import csv, os, sys
truth = {row["file"]: row["char"] for row in csv.DictReader(open(sys.argv[1], newline="")) if row["char"].isdigit()}
predicted = {os.path.basename(r["path"]): r["char"] for r in csv.DictReader(open(sys.argv[2], newline=""))}
correct = sum(1 for f, c in truth.items() if predicted.get(f) == c)
outside = sum(1 for c in predicted.values() if not c.isdigit())
print(f"digits   {correct / len(truth):8.4f}  photo files labelled 0-9, --charset digits ({len(truth)} files, {outside} answers outside the set)")
PY
