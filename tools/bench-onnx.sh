#!/usr/bin/env bash
# JMH benchmark of ONNX Runtime scoring (batch 1 and 256) on an exported model.
# Usage: tools/bench-onnx.sh [MODEL.onnx] [extra JMH args]   (default model: onnx/hcr.onnx)
set -euo pipefail
cd "$(dirname "$0")/.."
model="$(realpath "${1:-onnx/hcr.onnx}")"; shift || true
mvn -B -o -q test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt >/dev/null
java -Dhcr.bench.onnx="$model" -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
    org.openjdk.jmh.Main OnnxScoringBenchmark -jvmArgsAppend "-Dhcr.bench.onnx=$model" "$@"
