#!/usr/bin/env bash
# JMH benchmark of TF Java scoring at batch 1 and 256.
# Usage: tools/bench-tf.sh [MODEL_DIR] [extra JMH args, e.g. -p intraOpThreads=2]
# MODEL_DIR defaults to ./saved_model. Prints microseconds per scoring call (divide 256 by it for images/s).
set -euo pipefail
cd "$(dirname "$0")/.."
model="${1:-saved_model}"; shift || true
mvn -B -q -o test-compile
cp_file="$(mktemp)"; trap 'rm -f "$cp_file"' EXIT
mvn -B -q -o dependency:build-classpath -Dmdep.outputFile="$cp_file" >/dev/null
export TF_CPP_MIN_LOG_LEVEL=3
java -cp "target/test-classes:target/classes:$(cat "$cp_file")" \
  org.openjdk.jmh.Main TfScoringBenchmark -jvmArgsAppend "-Dhcr.bench.model=$(readlink -f "$model")" "$@"
