#!/usr/bin/env bash
# Guards speed work on preprocessing: the tensors of this tree must be bit for bit those of a
# baseline ref on every render style (plain28 scan photo gradient vignette shadow ruled squared
# boxed) and on scaled copies of them (64 to 2100 px, see tools/ScaledCopies.java). Holdout pictures
# from ../shared/emnist; takes a few minutes.
# Usage: BASELINE=<ref, default where this branch left main> COUNT=300 tools/check-preprocess-identity.sh [WORK_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
baseline="${BASELINE:-$(git merge-base HEAD main)}"
count="${COUNT:-300}"
work="${1:-$(mktemp -d)}"
mkdir -p "$work"
mvn -B -o -q compile
cp_file="$work/cp.txt"
mvn -B -o -q dependency:build-classpath -Dmdep.outputFile="$cp_file"
base_dir=$(mktemp -d "$PWD/target/identity-baseline.XXXXXX")
trap 'rm -rf "$base_dir"' EXIT
git archive "$baseline" pom.xml src/main | tar -x -C "$base_dir"
(cd "$base_dir" && mvn -B -o -q compile)
if [[ ! -d "$work/pictures" ]]; then
  for style in plain28 scan photo gradient vignette shadow ruled squared boxed; do
    ./hcr data render --data ../shared/emnist --holdout --count "$count" --style "$style" \
      --out "$work/pictures/$style" > /dev/null
  done
  java tools/ScaledCopies.java "$work/pictures" "$work/pictures/scaled" 3
fi
java -cp "$base_dir/target/classes:$(cat "$cp_file")" tools/TensorDump.java dump "$work/baseline.bin" "$work/pictures"
java -cp "target/classes:$(cat "$cp_file")" tools/TensorDump.java dump "$work/tree.bin" "$work/pictures"
echo "== baseline $baseline ($(git rev-parse --short "$baseline")) against this tree $(git rev-parse --short HEAD)$(git diff --quiet || echo ' + changes')"
summary=$(java -cp target/classes tools/TensorDump.java compare "$work/baseline.bin" "$work/tree.bin" || true)
echo "$summary"
# TensorDump passes differences up to 1e-6; here nothing may differ.
[[ "$summary" =~ ([0-9]+)\ pictures:\ ([0-9]+)\ bit-identical ]] && [[ "${BASH_REMATCH[1]}" == "${BASH_REMATCH[2]}" ]]
