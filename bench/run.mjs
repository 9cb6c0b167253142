// `pnpm bench`: every benchmark, side by side in one run, as one table. Timings are
// printed, never asserted.
import { autogradChain } from './autograd-chain.mjs';
import { conv } from './conv.mjs';
import { lenetTrain } from './lenet.mjs';
import { matmul } from './matmul.mjs';
import { randomThroughput } from './random-throughput.mjs';

const rows = [];
const ratios = [];
// conv last: its TF.js WebGPU rows install navigator.gpu.
for (const bench of [autogradChain, randomThroughput, matmul, lenetTrain, conv]) {
  for (const r of await bench()) {
    if ('ratio' in r) ratios.push(r);
    else rows.push(r);
  }
}
const header = ['benchmark', 'implementation', 'ms/run', 'rate'];
// A backend that cannot start here says why, in place of its figures.
const table = rows.map((r) =>
  'unavailable' in r
    ? [r.name, r.impl, '-', `unavailable: ${r.unavailable}`]
    : [r.name, r.impl, r.ms.toFixed(2), r.extra ?? ''],
);
const w = header.map((h, i) => Math.max(h.length, ...table.map((t) => t[i].length)));
const line = (cells) =>
  cells.map((c, i) => (i === 2 ? c.padStart(w[i]) : c.padEnd(w[i]))).join('  ');
console.log(line(header));
console.log(w.map((n) => '-'.repeat(n)).join('  '));
for (const t of table) console.log(line(t));
console.log('');
for (const r of ratios) console.log(`${r.label}: ${r.ratio.toFixed(2)}`);
