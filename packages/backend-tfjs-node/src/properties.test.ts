import { allProperties, propertyBudgetFromEnv } from '@mxts/conformance';
import * as mx from '@mxts/core';
import { expect, test } from 'vitest';
import { createTfjsNodeBackend } from './index.js';

// Issue 16's fast-check properties and issue 15's audit checks, where the tfjs-node addon is
// set up (conformance.test.ts reports, and in CI fails, when it is not). A failure prints
// fast-check's seed and path: rerun with MXTS_FC_SEED=<seed> MXTS_FC_PATH=<path> to replay it.
const backend = await createTfjsNodeBackend().catch(() => null);
const budget = propertyBudgetFromEnv();

for (const p of allProperties()) {
  test.skipIf(backend === null)(
    p.id,
    async () => {
      mx.useBackend(backend as mx.Backend);
      const before = mx.memory().arrays;
      await p.run(budget);
      expect(mx.memory().arrays).toBe(before);
    },
    300_000,
  );
}
