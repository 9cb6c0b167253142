#!/usr/bin/env bash
# The user's path: pack every public package, install the tarballs with npm into a fresh
# project outside the workspace, and run the conformance CLI there: the CPU and wasm
# backends must pass; tfjs-node, not installed yet, must report 'unavailable' with the cause
# and the setup command, and exit non-zero. With MXTS_PACKED_TFJS_NODE=1 (.ci/run sets it)
# it then installs @tensorflow/tfjs-node without its download script, runs
# `npx mxts-tfjs-node-setup` (pip, a C++ compiler; MXTS_TFJS_NODE_CACHE keeps the wheel and
# the build), and tfjs-node must pass with at least as many cases as cpu; a second setup
# must do nothing. Needs the npm registry (for TF.js) and pip's index, so .ci/run calls it
# as an install check; tests never touch the network.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/tarballs" "$work/app"
for pkg in packages/core packages/tfjs-adapter packages/backend-cpu packages/backend-wasm \
  packages/backend-tfjs-node packages/gluon conformance; do
  (cd "$root/$pkg" && pnpm pack --pack-destination "$work/tarballs" >/dev/null)
done
cd "$work/app"
npm init -y >/dev/null
npm install --no-audit --no-fund --loglevel=error "$work"/tarballs/*.tgz

# The README's training example, as a new user runs it (its TypeScript minus the `!`).
sed 's/\.grad!/.grad/' "$root/apps/examples/src/readme-example.ts" >"$work/app/readme-example.mjs"
node "$work/app/readme-example.mjs" | tee "$work/readme.txt"
node -e "const t=require('fs').readFileSync('$work/readme.txt','utf8'); const n=[...t.matchAll(/\\[([^\\]]*)\\]/g)].flatMap((m)=>m[1].split(',').map(Number)); const want=[2,-3.4,4.2]; if (n.length!==3 || n.some((v,i)=>!(Math.abs(v-want[i])<=0.05))) { console.log('README example did not recover w and b: ' + n); process.exit(1); }"

summary() { node -e "const r=require('$1'); console.log(r.backend + ': ' + r.status + ', ' + r.summary.passed + ' passed, ' + r.summary.failed + ' failed, ' + r.summary.unavailable + ' unavailable'); process.exit(r.status === '$2' ? 0 : 1)"; }
for backend in @mxts/backend-cpu @mxts/backend-wasm; do
  npx mxts-conformance --backend "$backend" --json "$work/report.json" >"$work/out.txt" || { cat "$work/out.txt"; exit 1; }
  summary "$work/report.json" passed
  [ "$backend" = @mxts/backend-cpu ] && cp "$work/report.json" "$work/cpu.json"
done
# @mxts/gluon as published: its layers and losses against the PyTorch fixtures on cpu.
cat >"$work/app/gluon-check.mjs" <<'JS'
import { createCpuBackend } from '@mxts/backend-cpu';
import { runConformance, torchOracleGluonCases } from '@mxts/conformance';
import * as gluon from '@mxts/gluon';
const r = await runConformance(createCpuBackend, { cases: torchOracleGluonCases(gluon) });
console.log(`@mxts/gluon (torch-gluon cases on cpu): ${r.status}, ${r.summary.passed} passed, ${r.summary.failed} failed`);
process.exit(r.status === 'passed' && r.summary.passed > 0 ? 0 : 1);
JS
node "$work/app/gluon-check.mjs"

if npx mxts-conformance --backend @mxts/backend-tfjs-node --json "$work/report.json" >"$work/out.txt"; then
  echo "tfjs-node: expected a non-zero exit without @tensorflow/tfjs-node"; exit 1
fi
grep -m1 '^unavailable: ' "$work/out.txt"
grep -q 'mxts-tfjs-node-setup' "$work/out.txt" || { echo "tfjs-node: the unavailable message does not name mxts-tfjs-node-setup"; exit 1; }
summary "$work/report.json" unavailable

if [ "${MXTS_PACKED_TFJS_NODE:-0}" = 1 ]; then
  # Its install script downloads from outside the registry: install the JS only, then set up.
  npm install --no-audit --no-fund --loglevel=error --ignore-scripts @tensorflow/tfjs-node@4.22.0
  start=$(date +%s)
  npx mxts-tfjs-node-setup
  echo "tfjs-node setup: $(( $(date +%s) - start )) s"
  npx mxts-tfjs-node-setup | grep -q 'already set up' || { echo "tfjs-node: a second setup did something"; exit 1; }
  npx mxts-conformance --backend @mxts/backend-tfjs-node --json "$work/report.json" >"$work/out.txt" || { cat "$work/out.txt"; exit 1; }
  summary "$work/report.json" passed
  node -e "const t=require('$work/report.json'), c=require('$work/cpu.json'); if (t.summary.failed !== 0 || t.summary.passed < c.summary.passed) { console.log('tfjs-node passed ' + t.summary.passed + ' (cpu ' + c.summary.passed + '), failed ' + t.summary.failed); process.exit(1); }"
fi
