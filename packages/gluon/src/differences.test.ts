import { readFileSync } from 'node:fs';
import { createCpuBackend } from '@mxts/backend-cpu';
import {
  checkDocumentedDifferences,
  documentedDifferences,
  readmeDifferenceBullets,
} from '@mxts/conformance';
import * as mx from '@mxts/core';
import { beforeAll, expect, test } from 'vitest';
import * as gluon from './index.js';

// The README's "Where MXTS differs from MXNet 1.9.1, on purpose" section, bullet by bullet:
// each bullet has exactly one check in @mxts/conformance's documentedDifferences and each
// check a bullet, so an undocumented difference (or a stale bullet) fails here. It runs in
// this package because one difference is Gluon's.
const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');

beforeAll(async () => {
  mx.useBackend(await createCpuBackend());
});

test('the README lists the documented differences', () => {
  const bullets = readmeDifferenceBullets(readme);
  expect(bullets.length).toBe(documentedDifferences.length);
  expect(bullets.length).toBeGreaterThanOrEqual(12);
});

test('a bullet without a check fails', async () => {
  const extra = readme.replace(
    '- `nd.empty` returns zeros.',
    '- `nd.empty` returns zeros.\n- A new difference nobody checks.',
  );
  await expect(checkDocumentedDifferences(extra, { gluon })).rejects.toThrow(
    /"A new difference nobody checks.*has 0 checks/,
  );
});

test('every documented difference holds, without leaks', async () => {
  const before = mx.memory().arrays;
  await checkDocumentedDifferences(readme, { gluon });
  expect(mx.memory().arrays).toBe(before);
});
