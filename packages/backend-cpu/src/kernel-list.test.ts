import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';

// cpu-kernels.ts (the bundler entry's kernel list) cannot be imported under Node (its deep
// TF.js paths are bundler-only), so its import paths are read as text.
const here = dirname(fileURLToPath(import.meta.url));
const adapterSrc = join(here, '../../tfjs-adapter/src');
const tfCpuKernels = join(
  dirname(createRequire(import.meta.url).resolve('@tensorflow/tfjs-backend-cpu/package.json')),
  'dist/kernels',
);

function sources(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
    .map((f) => readFileSync(join(dir, f), 'utf8'));
}

test('the bundler entry registers every TF.js CPU kernel the kernel table can call', () => {
  const available = new Set(
    readdirSync(tfCpuKernels)
      .filter((f) => f.endsWith('.js'))
      .map((f) => f.slice(0, -3)),
  );
  // Every quoted CamelCase name in the adapter that is a TF.js CPU kernel: k.call('Add', ...),
  // unary('Exp'), ... (over-inclusive on purpose: an extra registration costs bytes only).
  const called = new Set<string>();
  for (const text of [...sources(adapterSrc), ...sources(here)]) {
    for (const m of text.matchAll(/'([A-Z][A-Za-z0-9]+)'/g)) {
      if (available.has(m[1])) called.add(m[1]);
    }
  }
  const listText = readFileSync(join(here, 'cpu-kernels.ts'), 'utf8');
  const registered = new Set(
    [...listText.matchAll(/tfjs-backend-cpu\/dist\/kernels\/([A-Za-z0-9]+)\.js'/g)].map(
      (m) => m[1],
    ),
  );
  expect(called.size).toBeGreaterThan(50);
  const missing = [...called].filter((k) => !registered.has(k)).sort();
  expect(missing, 'add these to packages/backend-cpu/src/cpu-kernels.ts').toEqual([]);
  // And each import is registered, not just imported.
  const configs = [...listText.matchAll(/import \{ (\w+Config) \}/g)].map((m) => m[1]);
  for (const c of configs) expect(listText, c).toContain(`  ${c},\n`);
});
