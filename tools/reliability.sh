#!/usr/bin/env bash
# Runs every reliability test, the long ones included (tagged "slow", skipped by `mvn verify`):
# 48,000 fuzzed picture files, hcr infer over 100,000 pictures in a 256 MB heap, training killed
# ten times and resumed. About 15-20 minutes on 2 cores. The full-disk tests need root (tmpfs).
# Usage: tools/reliability.sh [extra Maven options, e.g. -Dtest='hcr.reliability.LargeDirectoryTest']
set -euo pipefail
cd "$(dirname "$0")/.."
exec mvn -B -o test -Dtest='hcr.reliability.**' -DexcludedGroups=none -Dsurefire.failIfNoSpecifiedTests=false "$@"
