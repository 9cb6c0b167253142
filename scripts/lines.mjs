// Prints the line count of @mxts/core's sources per folder (tests and fixtures excluded),
// so its size stays visible: core should stay readable in one sitting.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('../packages/core/src/', import.meta.url).pathname;
const isSource = (p) => p.endsWith('.ts') && !p.endsWith('.test.ts') && !p.includes('fixtures');
const count = (p) =>
  statSync(p).isDirectory()
    ? readdirSync(p).reduce((n, f) => n + count(join(p, f)), 0)
    : isSource(p)
      ? readFileSync(p, 'utf8').split('\n').length
      : 0;

console.log('@mxts/core source lines per folder (tests and fixtures excluded)');
let total = 0;
for (const f of readdirSync(root).sort()) {
  const n = count(join(root, f));
  total += n;
  if (n > 0) console.log(`  ${f.padEnd(16)} ${String(n).padStart(6)}`);
}
console.log(`  ${'total'.padEnd(16)} ${String(total).padStart(6)}`);
