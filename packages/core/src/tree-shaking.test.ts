import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';
// @ts-expect-error: a plain .mjs script without types, shared with `node scripts/bundle-size.mjs`
import { bundle } from '../../../scripts/bundle-size/bundle.mjs';

const tiny = fileURLToPath(new URL('../../../scripts/bundle-size/tiny.mjs', import.meta.url));

test('a bundler drops the ops a program does not use and keeps the wiring', async () => {
  const { code } = (await bundle(tiny, { source: true })) as { code: string };
  // The op the program calls (its name is a string in its argument checks) ...
  // (booleans, not toContain: a failure would print the whole bundle)
  expect(code.includes('sgdUpdate')).toBe(true);
  // ... and not its siblings it never calls, reached neither by a method nor a gradient rule.
  for (const unused of ['ftmlUpdate', 'ftrlUpdate', 'lambUpdatePhase1', 'nagMomUpdate']) {
    expect(code.includes(unused), unused).toBe(false);
  }
  // mx.np, which the program never references, is left out (its method table is installed
  // by the np namespace's entry, not by the wiring).
  expect(code.includes('einsum'), 'einsum').toBe(false);
  // wiring.ts (a side effect of the package entry) survives: the tape's backward, which only
  // the wiring reaches, is in the bundle with its error message.
  expect(code.includes('Cannot differentiate node')).toBe(true);
}, 120_000);
