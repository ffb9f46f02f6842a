#!/usr/bin/env bash
# Preprocessing fidelity on POOL images (never the holdout, so it may be used for tuning):
# renders COUNT dev pool images in each style as `hcr data render` does, preprocesses the decoded
# files, and prints per style the mean |diff| and correlation with the raw tensors and the shipped
# ONNX model's accuracy gap (files - raw). Fails when a gap is 2 points or worse.
#   tools/check-pool-fidelity.sh [COUNT] [STYLES]   (default 2000 and all; STYLES e.g. shadow,photo;
#                                                    needs ../shared/emnist and onnx/hcr.onnx)
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
out=$(mvn -B -o -q test -Dtest='hcr.fidelity.RenderedPoolFidelityTest' -DexcludedGroups= \
      -Dsurefire.failIfNoSpecifiedTests=false -Dfidelity.count="${1:-2000}" -Dfidelity.styles="${2:-}" 2>&1)
rc=$?
grep -oE '(pool images|(plain28|scan|photo|gradient|vignette|shadow|ruled|squared|boxed) +files).*|Expecting.*' <<<"$out" | grep -v '^scan.*:' || true
exit $rc
