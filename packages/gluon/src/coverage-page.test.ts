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
  expect(list.length).toBeGreaterThan(450);
  expect(list).toContainEqual(['nd', 'broadcast_add']);
  expect(list).toContainEqual(['gluon.nn', 'Conv2D']);
  expect(camel('lamb_update_phase1')).toBe('lambUpdatePhase1');
  expect(camel('SoftmaxOutput')).toBe('SoftmaxOutput');
  const page = renderCoverage(mx, gluon) as string;
  expect(page).toContain('| `mx.nd.broadcast_add` | `mx.nd.broadcastAdd` | ported |');
  // A name MXTS does not have lands in the not-included list, not in a table.
  const fake = renderCoverage(mx, gluon, [['nd', 'no_such_op']]) as string;
  expect(fake).toContain('`mx.nd.no_such_op`');
  expect(fake).toContain('0 of 1 names are in MXTS');
});
