#!/usr/bin/env bash
# Spark job scaling check (issue 15): the same N pictures through `hcr infer`, `hcr spark` in
# local[1] and in local[2], in one run, ROUNDS times in rotating order; prints images/s of each
# (whole process: JVM and Spark start included; and the job alone, from listing to the last file),
# the local[2]/local[1] scaling and local[2]/infer, and checks that every predictions.csv is cmp-equal.
#   tools/bench-spark.sh [N] [ROUNDS]        (defaults 100000 1; WORK=dir to keep pictures elsewhere)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
N="${1:-100000}"; ROUNDS="${2:-1}"
WORK="${WORK:-$ROOT/target/bench-spark}"
PICTURES="$WORK/pictures-$N"
HCR=(nice -n 5 "$ROOT/hcr")
mkdir -p "$WORK"
if [[ ! -d "$PICTURES" ]]; then
  echo "bench-spark: generating $N pictures in $PICTURES" >&2
  rm -rf "$PICTURES.partial"
  java "$ROOT/tools/GeneratePictures.java" "$PICTURES.partial" "$N"
  mv "$PICTURES.partial" "$PICTURES"
fi
"$ROOT/hcr" spark --help >/dev/null   # builds the job if needed, outside the timings

run() {  # name command... ; appends "name wall job_seconds" to $WORK/times
  local name="$1"; shift
  local out="$WORK/out-$name" start end
  rm -rf "$out" "$out.csv"; mkdir -p "$out"
  start=$(date +%s.%N)
  "$@" >"$WORK/log-$name" 2>&1 || { echo "bench-spark: $name failed, see $WORK/log-$name" >&2; exit 1; }
  end=$(date +%s.%N)
  local job
  job=$(grep -o 'in [0-9.]* s' "$WORK/log-$name" | tail -1 | awk '{print $2}' || true)
  echo "$name $(echo "$end - $start" | bc -l) ${job:-0}" >> "$WORK/times"
}
infer()  { run infer "${HCR[@]}" infer --input "$PICTURES" --output "$WORK/out-infer/predictions.csv" --quiet; }
spark1() { run local1 "${HCR[@]}" spark --master 'local[1]' --input "$PICTURES" --output "$WORK/out-local1"; }
spark2() { run local2 "${HCR[@]}" spark --master 'local[2]' --input "$PICTURES" --output "$WORK/out-local2"; }

: > "$WORK/times"
echo "bench-spark: $N pictures, $ROUNDS round(s); load average before: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
orders=("infer spark1 spark2" "spark2 infer spark1" "spark1 spark2 infer")
for ((r = 0; r < ROUNDS; r++)); do
  for step in ${orders[$((r % 3))]}; do $step; done
  cmp "$WORK/out-infer/predictions.csv" "$WORK/out-local1/predictions.csv"
  cmp "$WORK/out-infer/predictions.csv" "$WORK/out-local2/predictions.csv"
done
echo "bench-spark: load average after: $(cut -d' ' -f1-3 /proc/loadavg); all predictions.csv cmp-equal" >&2

python3 - "$WORK/times" "$N" <<'PY'
import statistics, sys
times, n = sys.argv[1], int(sys.argv[2])
runs = {}
for line in open(times):
    name, wall, job = line.split()
    runs.setdefault(name, []).append((float(wall), float(job)))
med = {k: (statistics.median(w for w, _ in v), statistics.median(j for _, j in v)) for k, v in runs.items()}
print(f"| run | wall s (median of {len(runs['infer'])}) | images/s, whole process | images/s, job alone |")
print("|---|---|---|---|")
for name in ("infer", "local1", "local2"):
    wall, job = med[name]
    print(f"| {name} | {wall:.1f} | {n / wall:,.0f} | {n / job:,.0f} |" if job else f"| {name} | {wall:.1f} | {n / wall:,.0f} | |")
w1, j1 = med["local1"]; w2, j2 = med["local2"]; wi, ji = med["infer"]
ji = ji or wi  # infer --quiet prints no summary: its process time stands for the job (JVM start is 0.3 s)
print(f"\nlocal[2] / local[1]: {w1 / w2:.2f}x whole process, {j1 / j2:.2f}x job alone")
print(f"local[2] / hcr infer: {wi / w2:.2f}x whole process, {ji / j2:.2f}x job alone (infer: whole process)")
PY
