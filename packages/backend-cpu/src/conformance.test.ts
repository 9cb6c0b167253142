import { allCases, runCaseExpecting } from '@mxts/conformance';
import * as mx from '@mxts/core';
import { beforeAll, expect, test } from 'vitest';
import { createCpuBackend } from './index.js';

let backend: mx.Backend;
beforeAll(async () => {
  backend = await createCpuBackend();
  mx.useBackend(backend);
});

// The CPU backend expects no failures.
const known = new Map<string, mx.KnownFailure>();

// One test per conformance case, each with the suite's leak check.
for (const c of allCases()) {
  test(c.id, async (ctx) => {
    const r = await runCaseExpecting(c, backend, known);
    // A capability the backend does not declare (float64) is reported, not hidden.
    if (r.status === 'unavailable') ctx.skip(r.message);
    expect(r.status, r.message).not.toBe('failed');
  });
}
