#!/usr/bin/env bash
# Installs what the outside checks need: Debian's python3-onnx and npm's onnxruntime-node for the
# ONNX file, Debian's chromium + chromium-driver for the drawing page's browser tests.
# Idempotent; tests that need them skip when they are absent.
set -euo pipefail
cd "$(dirname "$0")"
if ! python3 -c 'import onnx' 2>/dev/null && ! /usr/bin/python3 -c 'import onnx' 2>/dev/null; then
  if command -v apt-get >/dev/null && [ "$(id -u)" = 0 ]; then
    (apt-get install -y -q python3-onnx >/dev/null 2>&1 || (apt-get update -q >/dev/null 2>&1 && apt-get install -y -q python3-onnx >/dev/null 2>&1)) || true
  fi
fi
if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
  if command -v apt-get >/dev/null && [ "$(id -u)" = 0 ]; then
    (apt-get install -y -q chromium chromium-driver >/dev/null 2>&1 || (apt-get update -q >/dev/null 2>&1 && apt-get install -y -q chromium chromium-driver >/dev/null 2>&1)) || true
  fi
fi
if command -v npm >/dev/null && [ ! -d node-check/node_modules/onnxruntime-node ]; then
  (cd node-check && npm install --ignore-scripts --no-audit --no-fund --silent >/dev/null 2>&1) || true
fi
