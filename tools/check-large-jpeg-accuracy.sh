#!/usr/bin/env bash
# Accuracy of the scaled JPEG decoder (issue 18): renders the first N dev-holdout images in the scan and
# photo styles with `hcr data render`, enlarges each onto a 4032x3024 phone-size JPEG (bicubic, on its own
# paper colour, quality 92), and recognises the same files twice: with the default decoding (libjpeg-turbo
# at 1/8 in the DCT domain for these) and with -Dhcr.jpeg.scaled=false (ImageIO at full size, as before). Prints
# both accuracies, their difference and how many predictions differ.
#   tools/check-large-jpeg-accuracy.sh [N] [BACKEND] [DATA]     (defaults: 500 onnx ../shared/emnist)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
N="${1:-500}"; BACKEND="${2:-onnx}"; DATA="${3:-$ROOT/../shared/emnist}"
WORK="$(mktemp -d)"; trap 'rm -rf "$WORK"' EXIT
HCR="$ROOT/hcr"

printf '%-6s %6s %9s %9s %8s %9s\n' style files scaled imageio diff differing
for style in scan photo; do
  "$HCR" data render --data "$DATA" --holdout --count "$N" --style "$style" --out "$WORK/$style" >/dev/null
  /usr/bin/python3 - "$WORK/$style" "$WORK/$style-large" <<'PY'
import os, sys
from PIL import Image
src, out = sys.argv[1:]
os.makedirs(out)
for name in sorted(os.listdir(src)):
    if name == "labels.csv":
        continue
    small = Image.open(os.path.join(src, name)).convert("L")
    paper = small.getpixel((0, 0))
    big = small.resize((3024, 3024), Image.BICUBIC)
    canvas = Image.new("L", (4032, 3024), paper)
    canvas.paste(big, (504, 0))
    canvas.save(os.path.join(out, os.path.splitext(name)[0] + ".jpg"), quality=92)
PY
  HCR_JAVA_OPTS=-Dhcr.jpeg.scaled=true "$HCR" infer --backend "$BACKEND" --input "$WORK/$style-large" --output "$WORK/$style-scaled.csv" --quiet || true
  HCR_JAVA_OPTS=-Dhcr.jpeg.scaled=false "$HCR" infer --backend "$BACKEND" --input "$WORK/$style-large" --output "$WORK/$style-imageio.csv" --quiet || true
  /usr/bin/python3 - "$WORK/$style/labels.csv" "$WORK/$style-scaled.csv" "$WORK/$style-imageio.csv" "$style" <<'PY'
import csv, os, sys
labels_file, scaled_file, imageio_file, style = sys.argv[1:]
stem = lambda p: os.path.splitext(os.path.basename(p))[0]
truth = {stem(row["file"]): row["char"] for row in csv.DictReader(open(labels_file, newline=""))}
def predictions(path):
    return {stem(r["path"]): r["char"] for r in csv.DictReader(open(path, newline=""))}
scaled, imageio = predictions(scaled_file), predictions(imageio_file)
acc = lambda p: sum(1 for f, c in truth.items() if p.get(f) == c) / len(truth)   # a failed file counts as wrong
differing = sum(1 for f in truth if scaled.get(f) != imageio.get(f))
print(f"{style:<6} {len(truth):6d} {acc(scaled):9.4f} {acc(imageio):9.4f} {100 * (acc(scaled) - acc(imageio)):+6.2f} pts {differing:6d}")
PY
done
