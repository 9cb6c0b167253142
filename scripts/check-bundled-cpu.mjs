#!/usr/bin/env node
// The CPU backend's bundler entry registers only the TF.js kernels MXTS's kernel table calls.
// Node never loads that entry, so the unit tests do not cover it: this bundles the conformance
// suite with it (Vite, Node target, "module" condition, from dist/ after `pnpm build`) and
// runs the bundle. A kernel missing from packages/backend-cpu/src/cpu-kernels.ts fails here.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = await build({
  configFile: false,
  logLevel: 'error',
  root,
  resolve: { conditions: ['module', 'node', 'production'] },
  ssr: { noExternal: true, resolve: { conditions: ['module', 'node', 'production'] } },
  build: {
    ssr: fileURLToPath(new URL('./bundle-size/conformance-entry.mjs', import.meta.url)),
    write: false,
    minify: false,
    target: 'node20',
    rollupOptions: { preserveEntrySignatures: false },
  },
});
const chunks = (Array.isArray(out) ? out : [out]).flatMap((o) => o.output);
const entry = chunks.find((c) => c.type === 'chunk' && c.isEntry);
if (entry === undefined || chunks.filter((c) => c.type === 'chunk').length !== 1) {
  throw new Error('check-bundled-cpu: expected one bundled chunk');
}
if (entry.code.includes('register_all_kernels')) {
  throw new Error(
    "check-bundled-cpu: the bundle took the Node entry (all kernels), not the 'module' one",
  );
}
const dir = mkdtempSync(join(tmpdir(), 'mxts-bundled-'));
try {
  const file = join(dir, 'conformance.mjs');
  writeFileSync(file, entry.code);
  execFileSync(process.execPath, [file], { stdio: 'inherit' });
} finally {
  rmSync(dir, { recursive: true, force: true });
}
