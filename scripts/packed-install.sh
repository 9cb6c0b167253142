#!/usr/bin/env bash
# The user's path: pack every public package, install the tarballs with npm into a fresh
# project outside the workspace, and run the conformance CLI there. Needs the npm registry
# (for TF.js), so .ci/run calls it as an install check; tests never touch the network.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/tarballs" "$work/app"
for pkg in packages/core packages/tfjs-adapter packages/backend-cpu conformance; do
  (cd "$root/$pkg" && pnpm pack --pack-destination "$work/tarballs" >/dev/null)
done
cd "$work/app"
npm init -y >/dev/null
npm install --no-audit --no-fund --loglevel=error "$work"/tarballs/*.tgz
npx mxts-conformance --backend @mxts/backend-cpu --json "$work/report.json"
node -e "const r=require('$work/report.json'); if (r.status !== 'passed') process.exit(1); console.log('packed install: ' + r.summary.passed + ' passed, ' + r.summary.failed + ' failed')"
