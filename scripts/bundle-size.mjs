#!/usr/bin/env node
// The size budget: the README's training example (core + backend-cpu) bundled as a user's
// Vite app would bundle it, minified and gzipped, from the built packages (run `pnpm build`
// first). Fails past BUDGET_BYTES. TF.js's own bundle (tfjs-core + the CPU backend) is 79 KB
// gzipped; ours carries TF.js's CPU kernels and core plus MXTS, so the budget records where we
// are and stops growth. Lower it when a change shrinks the bundle.
import { fileURLToPath } from 'node:url';
import { bundle } from './bundle-size/bundle.mjs';

export const BUDGET_BYTES = 112 * 1024;
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
