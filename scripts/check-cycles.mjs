// Fails when a package's built JavaScript has a run-time import cycle. Type-only imports are
// erased by tsc, so what is checked is exactly what runs; lower layers reach higher ones
// through @mxts/core's installed table (packages/core/src/installed.ts), never an import.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import madge from 'madge';

const roots = ['packages', 'conformance', 'apps'].flatMap((top) =>
  top === 'conformance' ? [top] : readdirSync(top).map((d) => join(top, d)),
);
let failed = false;
for (const root of roots) {
  const dist = join(root, 'dist');
  if (!existsSync(dist)) continue;
  const graph = await madge(dist, {
    fileExtensions: ['js'],
    excludeRegExp: [/\.test\.js$/, /assets\//],
  });
  const cycles = graph.circular();
  if (cycles.length === 0) continue;
  failed = true;
  console.error(`${root}: ${cycles.length} run-time import cycle(s):`);
  for (const c of cycles.slice(0, 20)) console.error(`  ${c.join(' > ')} > ${c[0]}`);
}
if (failed) {
  console.error(
    "Break the cycle: import types with `import type`, and reach a higher layer through core's installed table.",
  );
  process.exit(1);
}
console.log(`import cycles: none in ${roots.length} packages`);
