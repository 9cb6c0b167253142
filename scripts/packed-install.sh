#!/usr/bin/env bash
# The user's path: pack every public package, install the tarballs with npm into a fresh
# project outside the workspace, and run the conformance CLI there: the CPU and wasm
# backends must pass; tfjs-node (its native library is not installed) must report
# 'unavailable' with the cause and exit non-zero. Needs the npm registry (for TF.js), so
# .ci/run calls it as an install check; tests never touch the network.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/tarballs" "$work/app"
for pkg in packages/core packages/tfjs-adapter packages/backend-cpu packages/backend-wasm \
  packages/backend-tfjs-node conformance; do
  (cd "$root/$pkg" && pnpm pack --pack-destination "$work/tarballs" >/dev/null)
done
cd "$work/app"
npm init -y >/dev/null
npm install --no-audit --no-fund --loglevel=error "$work"/tarballs/*.tgz

summary() { node -e "const r=require('$1'); console.log(r.backend + ': ' + r.status + ', ' + r.summary.passed + ' passed, ' + r.summary.failed + ' failed, ' + r.summary.unavailable + ' unavailable'); process.exit(r.status === '$2' ? 0 : 1)"; }
for backend in @mxts/backend-cpu @mxts/backend-wasm; do
  npx mxts-conformance --backend "$backend" --json "$work/report.json" >"$work/out.txt" || { cat "$work/out.txt"; exit 1; }
  summary "$work/report.json" passed
done
if npx mxts-conformance --backend @mxts/backend-tfjs-node --json "$work/report.json" >"$work/out.txt"; then
  echo "tfjs-node: expected a non-zero exit without libtensorflow"; exit 1
fi
grep -m1 '^unavailable: ' "$work/out.txt"
summary "$work/report.json" unavailable
