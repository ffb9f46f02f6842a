#!/usr/bin/env bash
# Times decoding and EMNIST preprocessing per picture (JMH, about 1 minute, one fork).
# Usage: tools/bench-image.sh [JMH options, e.g. -f 1 -wi 2 -i 3]
# With BASELINE=<git ref> (e.g. BASELINE=main), the same benchmarks first run against that ref's
# main classes (exported with git archive into target/ and built there), then against this tree's, so the ratio comes from
# one run on the same machine load. ROUNDS=N (default 1) repeats old-then-new N times: on a noisy
# machine compare the medians of all rounds' iterations, not one pair (README's issue-13 figures: ROUNDS=4).
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -o -q test-compile
cp_file=$(mktemp)
base_dir=""
trap 'rm -f "$cp_file"; [[ -n "$base_dir" ]] && rm -rf "$base_dir"; true' EXIT
mvn -B -o -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$cp_file"
if [[ -n "${BASELINE:-}" ]]; then
  base_dir=$(mktemp -d "$PWD/target/bench-baseline.XXXXXX")
  git archive "$BASELINE" pom.xml src/main | tar -x -C "$base_dir"
  (cd "$base_dir" && mvn -B -o -q compile)
fi
for ((round = 1; round <= ${ROUNDS:-1}; round++)); do
  if [[ -n "$base_dir" ]]; then
    echo "== baseline: $BASELINE ($(git rev-parse --short "$BASELINE")), round $round"
    java -cp "target/test-classes:$base_dir/target/classes:$(cat "$cp_file")" org.openjdk.jmh.Main 'hcr.image.ImagePipelineBenchmark' "$@"
    echo "== this tree: $(git rev-parse --short HEAD)$(git diff --quiet || echo ' + changes'), round $round"
  fi
  java -cp "target/test-classes:target/classes:$(cat "$cp_file")" org.openjdk.jmh.Main 'hcr.image.ImagePipelineBenchmark' "$@"
done
