#!/usr/bin/env bash
# Times decoding and EMNIST preprocessing per picture (JMH, about 1 minute, one fork).
# Usage: tools/bench-image.sh [JMH options, e.g. -f 1 -wi 2 -i 3]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -o -q test-compile
cp_file=$(mktemp)
trap 'rm -f "$cp_file"' EXIT
mvn -B -o -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$cp_file"
java -cp "target/test-classes:target/classes:$(cat "$cp_file")" org.openjdk.jmh.Main 'hcr.image.ImagePipelineBenchmark' "$@"
