import { allProperties, propertyBudgetFromEnv } from '@mxts/conformance';
import * as mx from '@mxts/core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { closeBackend, openBackend, optional } from './test-support.js';

// Issue 16's fast-check properties and issue 15's audit checks, with a quarter of the runs
// (software WebGPU is slow). A failure prints fast-check's seed and path: rerun with
// MXTS_FC_SEED=<seed> MXTS_FC_PATH=<path> to replay it.
let backend: mx.Backend | Error;
beforeAll(async () => {
  backend = await openBackend();
  if (!(backend instanceof Error)) mx.useBackend(backend);
});
afterAll(closeBackend);

const budget = propertyBudgetFromEnv({ scale: 0.25 });

for (const p of allProperties()) {
  test(p.id, async (ctx) => {
    if (backend instanceof Error) {
      ctx.skip(
        optional ? 'no WebGPU adapter' : 'no WebGPU adapter: see "a WebGPU adapter is available"',
      );
    }
    const before = mx.memory().arrays;
    await p.run(budget);
    expect(mx.memory().arrays).toBe(before);
  }, 600_000);
}
