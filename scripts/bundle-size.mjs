#!/usr/bin/env node
// The size budget: the README's training example (core + backend-cpu) bundled as a user's
// Vite app would bundle it, minified and gzipped, from the built packages (run `pnpm build`
// first). Fails past BUDGET_BYTES. backend-cpu's bundler entry registers only the TF.js
// kernels MXTS calls and core's ops are tree-shakable: 78.3 KB gzipped (under TF.js's own
// 79 KB) before mx.np, the MXNet-operator symbols and the argument checks landed; 93.8 KB
// after, 89.1 KB once mx.np installed its own method table (a program without mx.np leaves
// it out). What every program still pays for (measured unminified): the symbol registry's
// Convolution/Pooling/LayerNorm/Dropout/Embedding and their nd ops (20 KB), which the wiring
// reaches for Symbol, and the shared checkers (6 KB). Issue 13 then added 1.6 KB: the
// WebAssembly SIMD MT19937 that draws uniforms 3x faster (a 432-byte module, as base64) and
// the pick/logSoftmax/sgdUpdate primitives with Backend.writeWith: 91.6 KB. The budget sits
// just above today's size so growth fails CI; lower it when a change shrinks it.
import { fileURLToPath } from 'node:url';
import { bundle } from './bundle-size/bundle.mjs';

export const BUDGET_BYTES = 92 * 1024;
const entry = fileURLToPath(new URL('./bundle-size/readme-example.mjs', import.meta.url));
const { raw, gzip } = await bundle(entry);
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
console.log(
  `bundle-size: README example (core + backend-cpu), minified ${kb(raw)}, gzipped ${kb(gzip)}, budget ${kb(BUDGET_BYTES)}`,
);
if (gzip > BUDGET_BYTES) {
  console.error(`bundle-size: ${kb(gzip)} gzipped is over the ${kb(BUDGET_BYTES)} budget`);
  process.exit(1);
}
