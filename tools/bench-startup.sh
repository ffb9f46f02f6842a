#!/usr/bin/env bash
# Start-up of hcr alone, the figures tools/bench.sh (start-up row) and tools/bench-serve.sh (cold
# start) report, isolated so they can be measured often and cheaply:
#   - version: `./hcr --version`
#   - infer-one: `./hcr infer --backend onnx` on a folder with one 28x28 PNG (bench.sh's start-up row)
#   - serve-ready: `./hcr serve --backend onnx` from launch to the first 200 of /v2/health/ready
#   - with --peers, torch-one and cv-one: ../shared/peers/torch_peer.py infer and cv_peer.py (OpenCV's
#     dnn on hcr's ONNX file) on the same folder, run as tools/bench.sh runs them
# Each is run ROUNDS times, interleaved; prints the median wall time and the median user+sys CPU time
# of the whole process tree (CPU time is less disturbed by other work on a shared machine), and the
# load average before and after.
#
#   tools/bench-startup.sh [--rounds 7] [--backend onnx|tf] [--only NAME] [--peers]
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
ROUNDS=7 BACKEND=onnx ONLY="" PEERS=0
while [[ $# -gt 0 ]]; do
  case "$1" in
    --rounds) ROUNDS="$2"; shift 2 ;;
    --backend) BACKEND="$2"; shift 2 ;;
    --only) ONLY="$2"; shift 2 ;;
    --peers) PEERS=1; shift ;;
    *) echo "usage: $0 [--rounds N] [--backend onnx|tf] [--only version|infer-one|serve-ready|torch-one|cv-one] [--peers]" >&2; exit 2 ;;
  esac
done
for tool in curl /usr/bin/time /usr/bin/python3; do
  command -v "$tool" >/dev/null || { echo "bench-startup: $tool is missing (Debian: curl time python3)" >&2; exit 1; }
done
mkdir -p target
WORK=$(mktemp -d "$ROOT/target/bench-startup.XXXXXX")
SERVER_PID=""
cleanup() { [[ -n "$SERVER_PID" ]] && pkill -TERM -P "$SERVER_PID" 2>/dev/null; [[ -n "$SERVER_PID" ]] && wait "$SERVER_PID" 2>/dev/null; rm -rf "$WORK"; }
trap cleanup EXIT

mkdir -p "$WORK/one"
cp tools/samples/letter_B.png "$WORK/one/"
# The jar is built and each command's class-data archive recorded before anything is timed.
./hcr --version >/dev/null
./hcr infer --backend "$BACKEND" --input "$WORK/one" --output "$WORK/warm.csv" --quiet

SHARED=$(realpath -m "$ROOT/../shared/peers")
PY_ENV=(env "LD_LIBRARY_PATH=/usr/lib/x86_64-linux-gnu/openblas-pthread${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}" OMP_WAIT_POLICY=PASSIVE)

free_port() { /usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

# Each run appends "wall_ms cpu_ms" to $WORK/NAME; /usr/bin/time's user+sys covers the launcher and
# everything it waited for.
timed() { # name command...
  local name=$1; shift
  local begin end
  begin=$(date +%s%N)
  /usr/bin/time -f '%U %S' -o "$WORK/time" "$@" >/dev/null 2>"$WORK/err" || { echo "bench-startup: failed: $*" >&2; cat "$WORK/err" >&2; exit 1; }
  end=$(date +%s%N)
  echo "$(( (end - begin) / 1000000 )) $(tail -n 1 "$WORK/time" | awk '{ printf "%.0f", ($1 + $2) * 1000 }')" >> "$WORK/$name"
}

serve_ready() {
  local port begin end
  port=$(free_port)
  begin=$(date +%s%N)
  /usr/bin/time -f '%U %S' -o "$WORK/time" ./hcr serve --port "$port" --backend "$BACKEND" >/dev/null 2>"$WORK/err" &
  SERVER_PID=$!
  until curl -sf "http://127.0.0.1:$port/v2/health/ready" >/dev/null; do
    kill -0 "$SERVER_PID" 2>/dev/null || { echo "bench-startup: serve died: $(cat "$WORK/err")" >&2; exit 1; }
    sleep 0.01
  done
  end=$(date +%s%N)
  # SIGTERM to the launcher under /usr/bin/time, so time outlives it and reports.
  kill -TERM "$(pgrep -P "$SERVER_PID" | head -1)"; wait "$SERVER_PID" || true; SERVER_PID=""
  # CPU time includes the drain after SIGTERM: small next to start-up.
  echo "$(( (end - begin) / 1000000 )) $(tail -n 1 "$WORK/time" | awk '{ printf "%.0f", ($1 + $2) * 1000 }')" >> "$WORK/serve-ready"
}

run() { # name
  case "$1" in
    version) timed version ./hcr --version ;;
    infer-one) timed infer-one ./hcr infer --backend "$BACKEND" --input "$WORK/one" --output "$WORK/one.csv" --quiet ;;
    serve-ready) serve_ready ;;
    torch-one) timed torch-one "${PY_ENV[@]}" /usr/bin/python3 "$SHARED/torch_peer.py" infer --input "$WORK/one" --out "$WORK/torch.csv" ;;
    cv-one) timed cv-one "${PY_ENV[@]}" /usr/bin/python3 "$SHARED/cv_peer.py" "$ROOT/onnx/hcr.onnx" "$WORK/one" "$WORK/cv.csv" ;;
  esac
}

NAMES=(version infer-one serve-ready)
((PEERS)) && NAMES+=(torch-one cv-one)
[[ -n "$ONLY" ]] && NAMES=("$ONLY")
for name in "${NAMES[@]}"; do run "$name"; done; rm -f "$WORK"/{version,infer-one,serve-ready,torch-one,cv-one}   # warm caches
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
for ((round = 0; round < ROUNDS; round++)); do
  for name in "${NAMES[@]}"; do run "$name"; done
done
median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
echo "| start-up ($BACKEND), $ROUNDS rounds | median wall | median user+sys CPU | wall runs (ms) |"
echo "|---|---:|---:|---|"
for name in "${NAMES[@]}"; do
  echo "| $name | $(cut -d' ' -f1 "$WORK/$name" | median) ms | $(cut -d' ' -f2 "$WORK/$name" | median) ms | $(cut -d' ' -f1 "$WORK/$name" | tr '\n' ' ')|"
done
echo "load average $LOAD_BEFORE before, $(cut -d' ' -f1-3 /proc/loadavg) after; $(date -u '+%Y-%m-%d %H:%M UTC')"
