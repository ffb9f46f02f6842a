#!/usr/bin/env bash
# Benchmark of `hcr serve` (onnx and tf backends) beside the FastAPI + uvicorn + PyTorch peer
# (../shared/peers/torch_serve_peer.py), all in one run on this machine:
#   - cold start: launch to the first 200 from the readiness endpoint (median of 3)
#   - wrk at concurrency 1, 4, 16 and an overload run at 64: POST of one 128x128 JPEG
#     (/predictions/hcr; the peer's /predict) and, for hcr, POST /v2/models/hcr/infer with one
#     FP32 [1,28,28,1] tensor in JSON: req/s, p50/p99/max latency, error rate
#   - RSS of the serving process after 10k and after 100k JPEG requests (hey, concurrency 4); the
#     peer, some 10x slower, after 10k and --peer-requests (20k) so the run stays within minutes
# Every process (servers and load generators) runs at the same nice level. On 2 cores the load
# generator competes with the server for CPU: figures are for this machine, ratios are the point.
#
#   tools/bench-serve.sh [--seconds 10] [--requests 100000] [--peer-requests 20000] [--out FILE]
# (FILE defaults to tools/bench/serve-results-DATE.md)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
SECONDS_PER_RUN=10
TOTAL=100000
PEER_TOTAL=20000
OUT="tools/bench/serve-results-$(date -u +%Y%m%d-%H%M).md"
while [[ $# -gt 0 ]]; do
  case "$1" in
    --seconds) SECONDS_PER_RUN="$2"; shift 2 ;;
    --requests) TOTAL="$2"; shift 2 ;;
    --peer-requests) PEER_TOTAL="$2"; shift 2 ;;
    --out) OUT="$2"; shift 2 ;;
    *) echo "usage: $0 [--seconds N] [--requests N] [--peer-requests N] [--out FILE]" >&2; exit 2 ;;
  esac
done
PEER=${PEER:-$ROOT/../shared/peers/torch_serve_peer.py}
for tool in wrk hey curl /usr/bin/python3; do
  command -v "$tool" >/dev/null || { echo "bench-serve: $tool is missing (Debian: wrk hey curl python3)" >&2; exit 1; }
done
[[ -f "$PEER" ]] || { echo "bench-serve: peer not found: $PEER" >&2; exit 1; }

WORK=$(mktemp -d "$ROOT/target/bench-serve.XXXXXX")
SERVER_PID=""
cleanup() { [[ -n "$SERVER_PID" ]] && kill -TERM "$SERVER_PID" 2>/dev/null && wait "$SERVER_PID" 2>/dev/null; rm -rf "$WORK"; }
trap cleanup EXIT

# The jar, built before anything is timed; one launch records the class-data archive.
./hcr --version >/dev/null

# Inputs: one 128x128 JPEG from the peer's own generator, and its tensor as a v2 JSON request.
/usr/bin/python3 "$(dirname "$PEER")/torch_peer.py" make-images --out "$WORK/jpg" --n 1 --kind jpg128 --seed 7 >/dev/null
JPEG=$(ls "$WORK"/jpg/*.jpg | head -1)

free_port() { /usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

# start_server NAME PORT: starts it in the background (SERVER_PID); READY_MS = launch to ready.
start_server() {
  local name=$1 port=$2 ready begin
  begin=$(date +%s%N)
  case "$name" in
    hcr-onnx) ./hcr serve --port "$port" --backend onnx 2>"$WORK/$name.err" & ready="/v2/health/ready" ;;
    hcr-tf) ./hcr serve --port "$port" --backend tf 2>"$WORK/$name.err" & ready="/v2/health/ready" ;;
    peer) OMP_WAIT_POLICY=PASSIVE /usr/bin/python3 "$PEER" --port "$port" 2>"$WORK/$name.err" & ready="/health" ;;
  esac
  SERVER_PID=$!
  until curl -sf "http://127.0.0.1:$port$ready" >/dev/null; do
    kill -0 "$SERVER_PID" 2>/dev/null || { echo "bench-serve: $name died: $(cat "$WORK/$name.err")" >&2; exit 1; }
    sleep 0.01
  done
  READY_MS=$(( ($(date +%s%N) - begin) / 1000000 ))
}

stop_server() {
  kill -TERM "$SERVER_PID" 2>/dev/null || true
  wait "$SERVER_PID" 2>/dev/null || true
  SERVER_PID=""
}

# The process that holds the memory: the JVM under the launcher, or the peer itself.
serving_pid() {
  local child
  child=$(pgrep -P "$SERVER_PID" java | head -1 || true)
  echo "${child:-$SERVER_PID}"
}

rss_mb() { awk '/VmRSS/ { printf "%.0f", $2 / 1024 }' "/proc/$(serving_pid)/status"; }

# wrk_run URL BODY TYPE CONNECTIONS: prints "req/s p50 p99 max errors%" (latencies in ms).
wrk_run() {
  local url=$1 body=$2 type=$3 c=$4 threads=2
  [[ $c == 1 ]] && threads=1
  cat > "$WORK/post.lua" <<EOF
local f = io.open("$body", "rb"); wrk.body = f:read("*all"); f:close()
wrk.method = "POST"; wrk.headers["Content-Type"] = "$type"
EOF
  wrk -t"$threads" -c"$c" -d"${SECONDS_PER_RUN}s" --timeout 10s --latency -s "$WORK/post.lua" "$url" > "$WORK/wrk.out" 2>&1
  awk '
    function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /m$/) return v * 60000; if (v ~ /s$/) return v * 1000; return v }
    /^ +Latency / && !max { max = ms($4) }
    /^ +50% / { p50 = ms($2) }
    /^ +99% / { p99 = ms($2) }
    / requests in / { total = $1 }
    /Non-2xx or 3xx responses:/ { bad += $NF }
    /Socket errors:/ { gsub(",", ""); bad += $4 + $6 + $8 + $10 }
    /^Requests\/sec:/ { rps = $2 }
    END { printf "%.0f %.2f %.2f %.1f %.2f\n", rps, p50, p99, max, (total + bad > 0 ? 100 * bad / (total > 0 ? total : 1) : 0) }
  ' "$WORK/wrk.out"
}

declare -A COLD RESULT RSS10 RSS100 COUNT
SERVERS=(hcr-onnx hcr-tf peer)
for name in "${SERVERS[@]}"; do
  starts=()
  for i in 1 2 3; do
    port=$(free_port)
    start_server "$name" "$port"
    starts+=("$READY_MS")
    stop_server
  done
  COLD[$name]=$(printf '%s\n' "${starts[@]}" | sort -n | sed -n 2p)
  echo "bench-serve: $name cold start to ready ${COLD[$name]} ms (runs: ${starts[*]})" >&2

  port=$(free_port)
  start_server "$name" "$port"
  if [[ $name == peer ]]; then jpeg_url="http://127.0.0.1:$port/predict"; else jpeg_url="http://127.0.0.1:$port/predictions/hcr"; fi
  if [[ $name != peer && ! -f "$WORK/tensor.json" ]]; then
    curl -sf --data-binary @"$JPEG" "$jpeg_url?tensor=1" | /usr/bin/python3 -c '
import json, sys
t = json.load(sys.stdin)[0]["tensor"]
json.dump({"inputs": [{"name": "image", "datatype": "FP32", "shape": [1, 28, 28, 1], "data": t}]}, sys.stdout)' > "$WORK/tensor.json"
  fi
  hey -n 2000 -c 4 -m POST -D "$JPEG" -T image/jpeg "$jpeg_url" >/dev/null   # warm-up
  for c in 1 4 16 64; do
    RESULT[$name,jpeg,$c]=$(wrk_run "$jpeg_url" "$JPEG" image/jpeg "$c")
    echo "bench-serve: $name jpeg c=$c: ${RESULT[$name,jpeg,$c]}" >&2
    if [[ $name != peer ]]; then
      RESULT[$name,v2,$c]=$(wrk_run "http://127.0.0.1:$port/v2/models/hcr/infer" "$WORK/tensor.json" application/json "$c")
      echo "bench-serve: $name v2 c=$c: ${RESULT[$name,v2,$c]}" >&2
    fi
  done
  # Memory: a fresh process after its first 10k requests, then after 100k in all.
  stop_server
  start_server "$name" "$port"
  hey -n 10000 -c 4 -m POST -D "$JPEG" -T image/jpeg "$jpeg_url" >/dev/null
  RSS10[$name]=$(rss_mb)
  total=$TOTAL; [[ $name == peer ]] && total=$PEER_TOTAL
  hey -n $(( total - 10000 )) -c 4 -m POST -D "$JPEG" -T image/jpeg "$jpeg_url" > "$WORK/hey.out"
  RSS100[$name]=$(rss_mb)
  COUNT[$name]=$total
  echo "bench-serve: $name RSS ${RSS10[$name]} MB after 10k, ${RSS100[$name]} MB after $total" >&2
  stop_server
done

field() { echo "${RESULT[$1]:-- - - - -}" | awk -v i="$2" '{ print $i }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2fx", a / b; else print "-" }'; }

{
  echo "# hcr serve benchmark, $(date -u '+%Y-%m-%d %H:%M') UTC"
  echo
  echo "Command: \`tools/bench-serve.sh --seconds $SECONDS_PER_RUN --requests $TOTAL --peer-requests $PEER_TOTAL\`. Machine: $(nproc) cores,"
  echo "$(awk -F: '/model name/ { print $2; exit }' /proc/cpuinfo | sed 's/^ *//'), load average at the end $(cut -d' ' -f1-3 /proc/loadavg)."
  echo "wrk $SECONDS_PER_RUN s per row (2 threads; 1 at c=1); the load generator runs on the same 2 cores as the server and"
  echo "competes with it for CPU, and the machine is shared with other jobs, so absolute figures are low and noisy:"
  echo "compare rows of the same run. Servers and load generators ran at the same nice level ($(nice))."
  echo "Body: one 128x128 JPEG from torch_peer.py make-images --kind jpg128 ($(stat -c %s "$JPEG") bytes); v2: its"
  echo "FP32 [1,28,28,1] tensor as JSON. hcr: \`./hcr serve\` defaults (concurrency = cores, queue 64). Peer: uvicorn, 1 worker, 2 torch threads."
  echo
  echo "| server | endpoint | c | req/s | p50 ms | p99 ms | max ms | errors % |"
  echo "|---|---|---:|---:|---:|---:|---:|---:|"
  for name in "${SERVERS[@]}"; do
    for kind in jpeg v2; do
      [[ $name == peer && $kind == v2 ]] && continue
      for c in 1 4 16 64; do
        endpoint="POST /predictions/hcr (JPEG)"; [[ $kind == v2 ]] && endpoint="POST /v2/models/hcr/infer (FP32 JSON)"
        [[ $name == peer ]] && endpoint="POST /predict (JPEG)"
        r=(${RESULT[$name,$kind,$c]})
        echo "| $name | $endpoint | $c | ${r[0]} | ${r[1]} | ${r[2]} | ${r[3]} | ${r[4]} |"
      done
    done
  done
  echo
  echo "| server | cold start to ready (median of 3) | RSS after 10k requests | RSS after N requests | N | change |"
  echo "|---|---:|---:|---:|---:|---:|"
  for name in "${SERVERS[@]}"; do
    change=$(awk -v a="${RSS10[$name]}" -v b="${RSS100[$name]}" 'BEGIN { printf "%+.1f%%", 100 * (b - a) / a }')
    echo "| $name | ${COLD[$name]} ms | ${RSS10[$name]} MB | ${RSS100[$name]} MB | ${COUNT[$name]} | $change |"
  done
  echo
  echo "Against the peer at concurrency 4 on the JPEG upload:"
  for name in hcr-onnx hcr-tf; do
    echo "- $name: throughput $(ratio "$(field "$name,jpeg,4" 1)" "$(field peer,jpeg,4 1)") the peer's;" \
      "p99 $(field "$name,jpeg,4" 3) ms against $(field peer,jpeg,4 3) ms ($(ratio "$(field "$name,jpeg,4" 3)" "$(field peer,jpeg,4 3)") of it)."
  done
} > "$OUT"
cat "$OUT"
echo "bench-serve: results in $OUT" >&2
