#!/usr/bin/env bash
# JMH benchmark of ONNX Runtime scoring (batch 1 and 256) on an exported model.
# Usage: tools/bench-onnx.sh [MODEL.onnx] [extra JMH args]   (default model: onnx/hcr.onnx)
set -euo pipefail
cd "$(dirname "$0")/.."
model="$(realpath "${1:-onnx/hcr.onnx}")"; shift || true
mvn -B -o -q test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt >/dev/null
# Compiler blackholes (JMH's default on JDK 17) crash the forked JVM around ONNX Runtime's native
# calls (exit 139, no hs_err); the classic blackhole costs a few ns per call, nothing at these scales.
java -Djmh.blackhole.mode=FULL_DONTINLINE -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
    org.openjdk.jmh.Main OnnxScoringBenchmark -p model="$model" "$@"
