import { readFileSync } from 'node:fs';
import * as mx from '@mxts/core';
import { expect, test } from 'vitest';
// @ts-expect-error: a plain .mjs script without types, shared with `node scripts/coverage.mjs`
import { COVERAGE_PATH, camel, readMxnetList, renderCoverage } from '../../../scripts/coverage.mjs';
import * as gluon from './index.js';

test('docs/coverage.md is what scripts/coverage.mjs generates from the current exports', () => {
  const committed = readFileSync(COVERAGE_PATH, 'utf8');
  // On a mismatch, regenerate: pnpm build && node scripts/coverage.mjs
  expect(committed === renderCoverage(mx, gluon)).toBe(true);
});

test('the MXNet list is the extracted one, and covered names are real exports', () => {
  const list = readMxnetList() as string[][];
  expect(list.length).toBeGreaterThan(1100);
  expect(list).toContainEqual(['nd', 'broadcast_add']);
  expect(list).toContainEqual(['gluon.nn', 'Conv2D']);
  // mx.np/mx.npx: `_np_sum`/`_npx_batch_dot` registrations surface without their prefix, next
  // to the Python functions of multiarray.py (and its `__all__ += fallback.__all__`).
  expect(list).toContainEqual(['np', 'sum']);
  expect(list).toContainEqual(['np', 'array_split']);
  expect(list).toContainEqual(['np', 'allclose']);
  expect(list).toContainEqual(['np.linalg', 'norm']);
  expect(list).toContainEqual(['np.random', 'multivariate_normal']);
  expect(list).toContainEqual(['npx', 'batch_dot']);
  expect(list).toContainEqual(['npx', 'set_np']);
  expect(list).toContainEqual(['npx.image', 'to_tensor']);
  expect(list).toContainEqual(['sym', 'FullyConnected']);
  expect(list).toContainEqual(['sym', 'load_json']);
  expect(list).toContainEqual(['mod', 'BucketingModule']);
  // No internal name, nor a token-pasting stem such as `_np_atleast_`; NumPy's own `bool_`,
  // `ix_` and `round_` stay.
  expect(list.filter(([, name]) => name.startsWith('_') || name.endsWith('_'))).toEqual([
    ['np', 'bool_'],
    ['np', 'ix_'],
    ['np', 'round_'],
  ]);
  expect(camel('lamb_update_phase1')).toBe('lambUpdatePhase1');
  expect(camel('SoftmaxOutput')).toBe('SoftmaxOutput');
  const page = renderCoverage(mx, gluon) as string;
  expect(page).toContain('| `mx.nd.broadcast_add` | `mx.nd.broadcastAdd` | ported |');
  expect(page).toContain('| `mx.np.array_split` | `mx.np.arraySplit` | ported |');
  expect(page).toContain('| `mx.npx.batch_dot` | `mx.npx.batchDot` | ported |');
  expect(page).toContain('| `mx.sym.load_json` | `mx.sym.loadJson` | ported |');
  expect(page).toContain('| `mx.mod.Module` | `mx.mod.Module` | ported |');
  // A name MXTS does not have lands in the not-included list, not in a table.
  const fake = renderCoverage(mx, gluon, [['nd', 'no_such_op']]) as string;
  expect(fake).toContain('`mx.nd.no_such_op`');
  expect(fake).toContain('0 of 1 names are in MXTS');
});
