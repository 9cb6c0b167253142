import { allCases, runCase } from '@mxts/conformance';
import * as mx from '@mxts/core';
import { beforeAll, expect, test } from 'vitest';
import { createCpuBackend } from './index.js';

let backend: mx.Backend;
beforeAll(async () => {
  backend = await createCpuBackend();
  mx.useBackend(backend);
});

// One test per conformance case, each with the suite's leak check.
for (const c of allCases()) {
  test(c.id, async (ctx) => {
    const r = await runCase(c, backend);
    // A capability the backend does not declare (float64 here) is reported, not hidden.
    if (r.status === 'unavailable') ctx.skip(r.message);
    expect(r.message).toBe('');
    expect(r.status).toBe('passed');
  });
}
