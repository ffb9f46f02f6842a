#!/usr/bin/env bash
# Exports a trained SavedModel to ONNX and compares ONNX Runtime with TensorFlow on the first
# 1,000 holdout images of ../shared/emnist (max |difference| must be <= 1e-5).
# Usage: tools/check-onnx-parity.sh [SAVED_MODEL_DIR]   (default: ./saved_model)
set -euo pipefail
cd "$(dirname "$0")/.."
model="$(realpath "${1:-saved_model}")"
mvn -B -o -q test -Dtest=HoldoutParityTest -Dsurefire.failIfNoSpecifiedTests=false \
    -Dhcr.export.savedModel="$model" 2>&1 | grep -E "holdout parity|FAIL|ERROR" || true
