#!/usr/bin/env bash
# End-to-end test of the playground (apps/playground): builds it, serves dist/ on
# 127.0.0.1, and runs it in headless Chromium (Debian's, driven by playwright-core; no
# browser download) on every backend the browser offers: cpu, wasm, and WebGPU (SwiftShader
# in headless Chromium). Checks the D2 output, that no conformance case fails, and that the
# spirals training loss falls by half; saves a screenshot per backend and the README's.
# Installs Debian's chromium when /usr/bin/chromium is missing (needs root).
#
#   bash scripts/browser-smoke.sh
#
# Env: SMOKE_REQUIRE_WEBGPU=1 fails when WebGPU is unavailable (default: reported, not failed);
# SMOKE_SCREENSHOT_DIR (default /tmp) gets mxts-playground-<backend>.png and
# mxts-playground.png (the wasm page, with every backend's step time: docs/playground.png).
set -euo pipefail
cd "$(dirname "$0")/.."
started=$SECONDS

if [ ! -x /usr/bin/chromium ]; then
  echo "browser-smoke: installing Debian's chromium"
  if [ "$(id -u)" != 0 ]; then
    echo "browser-smoke: /usr/bin/chromium is missing and this is not root: apt-get install chromium" >&2
    exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  timeout 300 apt-get update -qq
  timeout 900 apt-get install -y -qq chromium >/dev/null
fi
echo "browser-smoke: $(/usr/bin/chromium --version 2>/dev/null)"

if [ ! -d apps/playground/node_modules/playwright-core ]; then
  timeout 300 pnpm install --frozen-lockfile
fi

echo "browser-smoke: building the playground"
timeout 300 npx turbo run build --filter @mxts/playground... --output-logs=errors-only

# smoke.mjs serves dist/ itself (a static server on 127.0.0.1, closed when it exits) and
# bounds each wait; this timeout bounds the whole run (the suite runs on each backend).
status=0
timeout --kill-after=10 1500 node apps/playground/scripts/smoke.mjs || status=$?
if [ "$status" = 124 ] || [ "$status" = 137 ]; then
  echo "browser-smoke: FAILED: the browser run took over 1500 s" >&2
elif [ "$status" != 0 ]; then
  echo "browser-smoke: FAILED (exit $status)" >&2
fi
echo "browser-smoke: $((SECONDS - started)) s in all"
exit "$status"
