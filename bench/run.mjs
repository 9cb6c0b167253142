// `pnpm bench`: every benchmark, side by side in one run, as one table. Timings are
// printed, never asserted.
import { autogradChain } from './autograd-chain.mjs';

const rows = [];
const ratios = [];
for (const bench of [autogradChain]) {
  for (const r of await bench()) {
    if ('ratio' in r) ratios.push(r.ratio);
    else rows.push(r);
  }
}
const header = ['benchmark', 'implementation', 'ms/run', 'us/op'];
const table = rows.map((r) => [r.name, r.impl, r.ms.toFixed(2), r.usPerOp?.toFixed(2) ?? '']);
const w = header.map((h, i) => Math.max(h.length, ...table.map((t) => t[i].length)));
const line = (cells) => cells.map((c, i) => (i < 2 ? c.padEnd(w[i]) : c.padStart(w[i]))).join('  ');
console.log(line(header));
console.log(w.map((n) => '-'.repeat(n)).join('  '));
for (const t of table) console.log(line(t));
console.log(`\nMXTS / TF.js time per op: ${ratios.map((r) => r.toFixed(2)).join(', ')}`);
