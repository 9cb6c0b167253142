import { allProperties, propertyBudgetFromEnv } from '@mxts/conformance';
import * as mx from '@mxts/core';
import { beforeAll, expect, test } from 'vitest';
import { createWasmBackend } from './index.js';

// Issue 16's fast-check properties and issue 15's audit checks. A failure prints fast-check's
// seed and path: rerun with MXTS_FC_SEED=<seed> MXTS_FC_PATH=<path> to replay it.
beforeAll(async () => {
  mx.useBackend(await createWasmBackend());
});

const budget = propertyBudgetFromEnv();

for (const p of allProperties()) {
  test(p.id, async () => {
    const before = mx.memory().arrays;
    await p.run(budget);
    expect(mx.memory().arrays).toBe(before);
  }, 300_000);
}
