#!/usr/bin/env bash
# Side-by-side performance of hcr and two Python peers, in one run, on the same pictures: the PyTorch peer
# (../shared/peers/torch_peer.py: PIL decoding, the same network in torch) and the OpenCV peer
# (../shared/peers/cv_peer.py: OpenCV decoding, a plain resize, OpenCV's dnn running hcr's own ONNX file).
# Runs are interleaved -- hcr onnx, hcr tf, torch, cv, the order rotating every round -- so all tools share
# the machine's noise; each figure is the median of the rounds.
#
# Picture sets: 10,000 28x28 PNGs and 10,000 128x128 JPEGs (made by the torch peer's make-images), and
# 1,000 phone photos, 4032x3024 JPEGs (tools/bench/phone_photos.py: one dark character on unevenly lit
# paper, EXIF orientation on every fourth). On the photos each peer gets the tuning a Python user would
# find: OpenCV's IMREAD_REDUCED_GRAYSCALE_8 (tools/bench/cv_peer_reduced.py) and PIL's Image.draft to 1/8
# plus ImageOps.exif_transpose (tools/bench/torch_peer_draft.py); the peers themselves stay unchanged.
#
#   tools/bench.sh [--runs N] [--quick] [--photos N] [--skip-train] [--skip-model] [--large] [--work DIR]
#                  [--backends "onnx tf"] [--tf-model DIR] [--onnx-model FILE] [--output FILE.md]
#
#   --runs N        rounds (default 5; 3 with --quick)
#   --quick         1,000 pictures per directory (100 photos), 3 rounds, a short training run: for trying the script
#   --photos N      phone photos (default 1,000; 100 with --quick): the photos take most of a round
#   --skip-train    leave out training (the longest part: one EMNIST epoch per round)
#   --skip-model    leave out scoring alone (tools/bench/ModelBench.java against the peer's model-bench)
#   --large         also infer over 100,000 28x28 PNGs once per tool, for the peak-RSS target (the pictures
#                   are generated on first use, which takes minutes)
#   --work DIR      pictures, logs and raw numbers (default $HCR_BENCH_DIR or /tmp/hcr-vs-peer); picture
#                   directories are kept and reused by later runs
#   --backends LIST hcr backends to measure (default "onnx tf")
#   --tf-model DIR, --onnx-model FILE   models hcr scores with (default: the shipped ones, see ./hcr backends)
#   --output FILE   the results file (default tools/bench/results-<UTC date>-<time>.md); also printed
#
# Environment: HCR_TRAIN_ARGS  extra `hcr train` flags (default "--kernel 3": the peer's 3x3 network)
#              HCR_BENCH_PEER  the torch peer script (default ../shared/peers/torch_peer.py)
#              HCR_BENCH_CV_PEER  the OpenCV peer script (default ../shared/peers/cv_peer.py)
#              HCR_BENCH_EMNIST  EMNIST directory for training (default ../shared/emnist)
#              HCR_BENCH_NICE  niceness every measured command runs at, the same for all (default 0)
#              HCR_BENCH_SHARED  a note on who else used the machine, for the results file
# Needs /usr/bin/python3 with the peers' Debian packages (python3-torch, python3-pil, python3-numpy,
# python3-opencv, libopenblas0-pthread) and /usr/bin/time (apt-get install -y time).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
HCR="$ROOT/hcr"
PEER_PY="$(realpath -m "${HCR_BENCH_PEER:-$ROOT/../shared/peers/torch_peer.py}")"
CV_PY="$(realpath -m "${HCR_BENCH_CV_PEER:-$ROOT/../shared/peers/cv_peer.py}")"
NICE=(nice -n "${HCR_BENCH_NICE:-0}")
EMNIST="$(realpath -m "${HCR_BENCH_EMNIST:-$ROOT/../shared/emnist}")"
read -r -a TRAIN_ARGS <<<"${HCR_TRAIN_ARGS---kernel 3}"
OPENBLAS=/usr/lib/x86_64-linux-gnu/openblas-pthread
# The peer as its docstring says to run it: Debian's python, OpenBLAS for nn.Linear (not the reference
# BLAS), and passive OpenMP waiting so idle workers do not spin on the two cores.
PY_ENV=(env "LD_LIBRARY_PATH=$OPENBLAS${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}" OMP_WAIT_POLICY=PASSIVE)
PEER=("${PY_ENV[@]}" /usr/bin/python3 "$PEER_PY")
# Phone photos: the peers decode at 1/8 in the DCT domain, as their libraries allow (see the header).
PHOTO_REDUCTION=8
PEERS="torch cv"
LARGE_IMAGES=100000
BATCH_TRAIN=128

die() { echo "bench: $*" >&2; exit 1; }
say() { echo "bench: $*" >&2; }

runs="" quick=0 photo_count="" backends="onnx tf" skip_train=0 skip_model=0 large=0 output=""
WORK="${HCR_BENCH_DIR:-/tmp/hcr-vs-peer}"
declare -A MODEL=([tf]="" [onnx]="")
while (($#)); do
  case "$1" in
    --runs) runs="${2:?--runs needs a number}"; shift ;;
    --quick) quick=1 ;;
    --photos) photo_count="${2:?--photos needs a number}"; shift ;;
    --skip-train) skip_train=1 ;;
    --skip-model) skip_model=1 ;;
    --large) large=1 ;;
    --backends) backends="${2:?--backends needs a list}"; shift ;;
    --work) WORK="${2:?--work needs a directory}"; shift ;;
    --tf-model) MODEL[tf]="$(readlink -f "${2:?--tf-model needs a directory}")"; shift ;;
    --onnx-model) MODEL[onnx]="$(readlink -f "${2:?--onnx-model needs a file}")"; shift ;;
    --output) output="${2:?--output needs a file}"; shift ;;
    -h|--help) sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) die "unknown option $1 (see --help)" ;;
  esac
  shift
done
if ((quick)); then images=1000 photos=100 train_limit=(--limit 12000) peer_steps=30; else images=10000 photos=1000 train_limit=() peer_steps=100; fi
runs="${runs:-$( ((quick)) && echo 3 || echo 5)}"
photos="${photo_count:-$photos}"
[[ "$photos" =~ ^[1-9][0-9]*$ ]] || die "--photos takes a positive number, not '$photos'"
[[ "$runs" =~ ^[1-9][0-9]*$ ]] || die "--runs must be a positive number, not '$runs'"
output="${output:-$ROOT/tools/bench/results-$(date -u +%Y%m%d-%H%M).md}"

[[ -x /usr/bin/time ]] || die "needs /usr/bin/time for peak RSS: apt-get install -y time"
for b in $backends; do [[ -v "MODEL[$b]" ]] || die "unknown backend '$b' (onnx, tf)"; done
[[ "$backends" == *tf* ]] || skip_train=1  # only TensorFlow trains
[[ -f "$PEER_PY" ]] || die "no peer at $PEER_PY (set HCR_BENCH_PEER)"
[[ -f "$CV_PY" ]] || die "no OpenCV peer at $CV_PY (set HCR_BENCH_CV_PEER)"
/usr/bin/python3 -c 'import cv2, torch, PIL' 2>/dev/null || die "the peers need python3-opencv, python3-torch, python3-pil"
((skip_train)) || [[ -d "$EMNIST" ]] || die "no EMNIST at $EMNIST for training (set HCR_BENCH_EMNIST or --skip-train)"

mkdir -p "$WORK/pictures" "$WORK/logs"
WORK="$(cd "$WORK" && pwd)"
RAW="$WORK/raw.tsv" COMMANDS="$WORK/commands.md" LOGS="$WORK/logs"
: >"$RAW"; : >"$COMMANDS"; rm -f "$LOGS"/*
CLASSES="$WORK/classes"
ROUND=0
START_LOAD="$(cut -d' ' -f1-3 /proc/loadavg)" STARTED="$(date -u '+%Y-%m-%d %H:%M UTC')" T0=$SECONDS

# ---------------------------------------------------------------------------------------------------------
# measuring

# Runs one command with its output in $1.out/.err; sets WALL_NS (wall time) and PEAK_KB (peak RSS of the
# largest process in its tree: /usr/bin/time's wait4 sees the launcher's java through its waits).
timed() {
  local log="$1"; shift
  local start end
  start=$(date +%s%N)
  if ! "${NICE[@]}" /usr/bin/time -f %M -o "$log.rss" "$@" >"$log.out" 2>"$log.err"; then
    echo "bench: failed: $*" >&2
    tail -n 20 "$log.err" >&2
    exit 1
  fi
  end=$(date +%s%N)
  WALL_NS=$((end - start))
  PEAK_KB=$(tail -n 1 "$log.rss")
}

record() {
  [[ "$3" =~ ^[0-9]+(\.[0-9]+)?$ ]] || die "not a number for $1, $2: '$3'"
  printf '%s\t%s\t%s\t%s\n' "$1" "$2" "$ROUND" "$3" >>"$RAW"
}
per_second() { awk -v n="$1" -v ns="$2" 'BEGIN { printf "%.1f", n / (ns / 1e9) }'; }
seconds() { awk -v ns="$1" 'BEGIN { printf "%.3f", ns / 1e9 }'; }
thousands() { echo "$1" | sed ':a; s/\B[0-9]\{3\}\>/,&/; ta'; }
megabytes() { awk -v kb="$1" 'BEGIN { printf "%.1f", kb / 1024 }'; }

declare -A NOTED=()
# The first command of each kind goes into the results file, exactly as run.
note_command() {
  local what="$1"; shift
  [[ -n "${NOTED[$what]:-}" ]] && return
  NOTED[$what]=1
  printf -- '- %s: `%s`\n' "$what" "$(printf '%q ' "$@" | sed 's/ $//')" >>"$COMMANDS"
}

# The sides in an order that moves by one every round, so none always runs first (on a cold cache or
# right after a noisy neighbour).
rotated() {
  local round="$1"; shift
  local sides=("$@") i
  for ((i = 0; i < $#; i++)); do echo "${sides[(i + round) % $#]}"; done
}

hcr_infer_command() { # backend dir csv
  CMD=("$HCR" infer --backend "$1" ${MODEL[$1]:+--model "${MODEL[$1]}"} --input "$2" --output "$3" --quiet)
}

# One end-to-end run of `side` over `dir`; sets WALL_NS and PEAK_KB. Fails if any picture has no
# prediction (hcr exits 3 then; the CSV must hold a row per picture for every tool).
infer_dir() { # label dir side
  local label="$1" dir="$2" side="$3" csv="$WORK/predictions-$3.csv" pictures rows
  case "$side" in
    torch) if [[ "$label" == phone ]]; then
             CMD=("${PY_ENV[@]}" /usr/bin/python3 "$ROOT/tools/bench/torch_peer_draft.py" "$PHOTO_REDUCTION" "$PEER_PY"
                  infer --input "$dir" --out "$csv")
           else
             CMD=("${PEER[@]}" infer --input "$dir" --out "$csv")
           fi ;;
    cv) if [[ "$label" == phone ]]; then
          CMD=("${PY_ENV[@]}" /usr/bin/python3 "$ROOT/tools/bench/cv_peer_reduced.py" "$PHOTO_REDUCTION" "$CV_PY"
               "$CV_MODEL" "$dir" "$csv")
        else
          CMD=("${PY_ENV[@]}" /usr/bin/python3 "$CV_PY" "$CV_MODEL" "$dir" "$csv")
        fi ;;
    *) hcr_infer_command "$side" "$dir" "$csv" ;;
  esac
  note_command "infer $label, $side" "${CMD[@]}"
  timed "$LOGS/$ROUND-$label-$side" "${CMD[@]}"
  pictures=$(find "$dir" -maxdepth 1 -type f | wc -l)
  rows=$(grep -Eci '\.(png|jpe?g)' "$csv" || true)
  ((rows == pictures)) || die "$side predicted $rows of $pictures pictures in $dir (see $LOGS/$ROUND-$label-$side.err)"
}

# Share of pictures whose predicted character is the one in the file name (index_ASCIIcode.ext), in %.
accuracy() { # csv
  /usr/bin/python3 - "$1" <<'PY'
import csv, re, sys
named = re.compile(r"_(\d+)\.\w+$")
rows = [r for r in csv.reader(open(sys.argv[1], newline="")) if len(r) >= 3 and named.search(r[-1])]
right = sum(1 for r in rows if chr(int(named.search(r[-1]).group(1))) == r[1])
print(f"{100 * right / len(rows):.1f}")
PY
}

end_to_end() { # kind dir side
  local kind="$1" dir="$2" side="$3" n ips mb
  n=$(find "$dir" -maxdepth 1 -type f | wc -l)
  infer_dir "$kind" "$dir" "$side"
  ips=$(per_second "$n" "$WALL_NS") mb=$(megabytes "$PEAK_KB")
  record "e2e-$kind" "$side" "$ips"
  record "rss-$kind" "$side" "$mb"
  if [[ "$kind" == phone ]]; then record acc-phone "$side" "$(accuracy "$WORK/predictions-$side.csv")"; fi
  say "round $ROUND: $kind, $side: $ips images/s, peak RSS $mb MB"
}

startup() { # side
  infer_dir one "$ONE" "$1"
  record startup "$1" "$(seconds "$WALL_NS")"
  say "round $ROUND: start-up, $1: $(seconds "$WALL_NS") s"
}

model_only() { # batch side
  local batch="$1" side="$2" log="$LOGS/$ROUND-model-b$1-$2" ips
  if [[ "$side" == torch ]]; then
    CMD=("${PEER[@]}" model-bench --batch "$batch")
  else
    CMD=(env TF_CPP_MIN_LOG_LEVEL=3 java -Dhcr.home="$ROOT" -cp "$CLASSES:$ROOT/target/hcr.jar:$ROOT/target/lib/*"
         ModelBench "$side" "$batch" 2 ${MODEL[$side]:+"${MODEL[$side]}"})
  fi
  note_command "model only, batch $batch, $side" "${CMD[@]}"
  timed "$log" "${CMD[@]}"
  ips=$(sed -n 's/^images_per_s_median=\([0-9.]*\).*/\1/p' "$log.out")
  [[ -n "$ips" ]] || die "no images_per_s_median in $log.out"
  record "model-b$batch" "$side" "$ips"
  say "round $ROUND: model only, batch $batch, $side: $ips images/s"
}

train() { # side (tf or torch)
  local side="$1" log="$LOGS/$ROUND-train-$1" ips
  if [[ "$side" == torch ]]; then
    CMD=("${PEER[@]}" train-bench --steps "$peer_steps" --batch "$BATCH_TRAIN")
    note_command "training, torch" "${CMD[@]}"
    timed "$log" "${CMD[@]}"
    ips=$(sed -n 's/.* img_per_s=\([0-9.]*\).*/\1/p' "$log.out")
  else
    CMD=("$HCR" train --backend tf --data "$EMNIST" --epochs 1 --batch-size "$BATCH_TRAIN" "${train_limit[@]}"
         "${TRAIN_ARGS[@]}" --output "$WORK/trained-model" --force)
    note_command "training, hcr tf" "${CMD[@]}"
    timed "$log" "${CMD[@]}"
    # The epoch line: "epoch 1/1  train loss ... acc ...  1,234 img/s ..."; its rate leaves validation out.
    ips=$(grep -o '[0-9,.]* img/s' "$log.err" | tail -n 1 | tr -d ', img/s')
  fi
  [[ -n "$ips" ]] || die "no training rate in $log.out / $log.err"
  record train "$side" "$ips"
  say "round $ROUND: training, $side: $ips images/s"
}

# ---------------------------------------------------------------------------------------------------------
# preparing

# A directory of `n` pictures of `kind` (png28, jpg128: made by the peer; phone: phone_photos.py),
# generated once and reused.
pictures() { # kind n
  local dir="$WORK/pictures/$1-$2"
  if [[ ! -d "$dir" ]]; then
    say "generating $2 $1 pictures in $dir ..."
    rm -rf "$dir.partial"
    if [[ "$1" == phone ]]; then
      /usr/bin/python3 "$ROOT/tools/bench/phone_photos.py" --out "$dir.partial" --n "$2" --peer "$PEER_PY" >&2
    else
      "${PEER[@]}" make-images --out "$dir.partial" --n "$2" --kind "$1" >&2
    fi
    mv "$dir.partial" "$dir"
  fi
  echo "$dir"
}

# Reads every picture once so no tool pays for the first disk read.
warm_cache() { find "$1" -maxdepth 1 -type f -exec cat {} + >/dev/null; }

# A model's network kernel from the model card beside it, to say whether hcr runs the peer's 3x3 network.
kernel_of() {
  local model="$1" card
  if [[ -d "$model" ]]; then card="$model/model-card.json"; else card="$(dirname "$model")/model-card.json"; fi
  /usr/bin/python3 - "$card" <<'EOF' 2>/dev/null || echo "?"
import json, sys
print(json.load(open(sys.argv[1]))["training"]["hyperparameters"]["network"]["kernel"])
EOF
}

# The model a backend will load: the one given, else the default `hcr backends` names.
model_path() {
  [[ -n "${MODEL[$1]}" ]] && { echo "${MODEL[$1]}"; return; }
  "$HCR" backends | awk -v b="$1" '$1 == b { want = 1; next } want && /default model:/ {
    sub(/.*default model: /, ""); sub(/ \((present|missing)\)$/, ""); print; exit }'
}

say "building hcr and the model benchmark ..."
"$HCR" --version >/dev/null
mkdir -p "$CLASSES"
javac -d "$CLASSES" -cp "$ROOT/target/hcr.jar:$ROOT/target/lib/*" "$ROOT/tools/bench/ModelBench.java"

CV_MODEL="$(model_path onnx)"  # the OpenCV peer runs hcr's own ONNX file
PNG="$(pictures png28 "$images")"
JPG="$(pictures jpg128 "$images")"
PHONE="$(pictures phone "$photos")"
ONE="$WORK/pictures/one"
rm -rf "$ONE" && mkdir -p "$ONE" && cp "$(find "$PNG" -maxdepth 1 -type f | sort | head -n 1)" "$ONE/"
warm_cache "$PNG"; warm_cache "$JPG"; warm_cache "$PHONE"

say "warming up (JavaCPP unpacks TF's natives on its first start; python compiles its caches) ..."
ROUND=warmup
for side in $backends $PEERS; do infer_dir warmup "$ONE" "$side"; done
: >"$COMMANDS"; NOTED=()

# ---------------------------------------------------------------------------------------------------------
# the rounds

for ((ROUND = 1; ROUND <= runs; ROUND++)); do
  for side in $(rotated "$ROUND" $backends $PEERS); do end_to_end png28 "$PNG" "$side"; done
  for side in $(rotated "$ROUND" $backends $PEERS); do end_to_end jpg128 "$JPG" "$side"; done
  for side in $(rotated "$ROUND" $backends $PEERS); do end_to_end phone "$PHONE" "$side"; done
  for side in $(rotated "$ROUND" $backends $PEERS); do startup "$side"; done
  if ((!skip_model)); then
    for batch in 1 256; do
      for side in $(rotated "$ROUND" $backends torch); do model_only "$batch" "$side"; done
    done
  fi
  if ((!skip_train)); then
    for side in $(rotated "$ROUND" tf torch); do train "$side"; done
  fi
done

if ((large)); then
  LARGE="$(pictures png28 "$LARGE_IMAGES")"
  warm_cache "$LARGE"
  ROUND=1
  for side in $backends $PEERS; do end_to_end large "$LARGE" "$side"; done
fi

# ---------------------------------------------------------------------------------------------------------
# the report

HEADER="$WORK/header.md"
peer_torch="$(grep -m1 -o 'torch=[^ ]*' "$LOGS"/1-png28-torch.out | cut -d= -f2)"
peer_cv="$(/usr/bin/python3 -c 'import cv2; print(cv2.__version__)')"
{
  echo "## hcr vs the PyTorch and OpenCV peers, $STARTED"
  echo
  echo "- Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //'),"\
       "$(awk '/MemTotal/ { printf "%.1f GB", $2 / 1048576 }' /proc/meminfo) RAM;"\
       "load average $START_LOAD at the start, $(cut -d' ' -f1-3 /proc/loadavg) at the end${HCR_BENCH_SHARED:+; $HCR_BENCH_SHARED}"
  echo "- Every measured command ran at niceness ${HCR_BENCH_NICE:-0}, the same for all tools"
  echo "- Java: $(java -version 2>&1 | head -n 1); peers: Debian python $(/usr/bin/python3 -V 2>&1 | cut -d' ' -f2), torch $peer_torch with OpenBLAS and OMP_WAIT_POLICY=PASSIVE, OpenCV $peer_cv"
  echo "- hcr: commit $(git -C "$ROOT" rev-parse --short HEAD)$(git -C "$ROOT" diff --quiet HEAD -- src pom.xml || echo ' (with uncommitted changes)');"\
       "models:$(for b in $backends; do m="$(model_path "$b")" k="$(kernel_of "$m")"; printf ' %s `%s` (%sx%s kernels);' "$b" "$m" "$k" "$k"; done)"\
       "the torch peer runs the same layers with 3x3 kernels and random weights (as costly as trained ones); the cv peer runs \`$CV_MODEL\`"
  echo "- $runs round(s), interleaved ($backends $PEERS; the order rotates each round); $(thousands "$images") pictures per directory,"\
       "made by \`torch_peer.py make-images\` (default seed), and $(thousands "$photos") phone photos made by \`tools/bench/phone_photos.py\`; $((SECONDS - T0)) s in all"
  echo "- What each peer did: torch = \`torch_peer.py infer\` as shipped (PIL decode, numpy preprocessing, batch 256, 2 threads);"\
       "cv = \`cv_peer.py\` as shipped (cv2.imread grey, INTER_AREA resize to 28x28, cv2.dnn on hcr's ONNX file, batches of 256)."\
       "On the phone photos only: torch through \`tools/bench/torch_peer_draft.py $PHOTO_REDUCTION\` (PIL \`Image.draft('L', size/$PHOTO_REDUCTION)\`: luma only, 1/$PHOTO_REDUCTION in the DCT domain, then \`ImageOps.exif_transpose\`);"\
       "cv through \`tools/bench/cv_peer_reduced.py $PHOTO_REDUCTION\` (\`cv2.IMREAD_REDUCED_GRAYSCALE_$PHOTO_REDUCTION\`, which applies EXIF orientation too);"\
       "hcr decodes a JPEG whose long side exceeds 1,024 px at 1/2, 1/4 or 1/8 with libjpeg-turbo (1/4 for these photos, the size its preprocessing works at) and applies EXIF orientation"
  echo "- Phone accuracy = share of photos whose predicted character is the one in the file name; the peers' random or plain-resize pipelines are speed anchors, not accuracy ones"
  echo "- End to end = pictures / wall time of the whole process (JVM or Python start included); start-up = wall time"\
       "for a directory of one picture; peak RSS from /usr/bin/time -f %M; model only = batch / median scoring call;"\
       "training = hcr's epoch rate (data pipeline and augmentation included) vs the peer's batch / median step"
  if ((large)); then echo "- The $(thousands $LARGE_IMAGES)-picture rows are one run per tool."; fi
  echo
  echo "### Commands"
  echo
  echo "\`tools/bench.sh$( ((quick)) && echo ' --quick')$( [[ -n "$photo_count" ]] && echo " --photos $photo_count")$( ((skip_train)) && echo ' --skip-train')$( ((skip_model)) && echo ' --skip-model')$( ((large)) && echo ' --large') --runs $runs\`, which ran:"
  echo
  cat "$COMMANDS"
  echo
  echo "### Results"
} >"$HEADER"

mkdir -p "$(dirname "$output")"
tmp="$(mktemp "$(dirname "$output")/.results.XXXXXX")"
/usr/bin/python3 "$ROOT/tools/bench/report.py" "$RAW" --images "$images" --photos "$photos" --large-images "$LARGE_IMAGES" \
  --header "$HEADER" >"$tmp"
chmod 644 "$tmp"
mv "$tmp" "$output"
cat "$output"
say "results written to $output (raw numbers in $RAW, logs in $LOGS)"
