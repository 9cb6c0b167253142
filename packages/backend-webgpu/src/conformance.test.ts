import { allCases, runCaseExpecting } from '@mxts/conformance';
import * as mx from '@mxts/core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { knownFailures } from './known-failures.js';
import { backendOrSkip, closeBackend, openBackend, optional } from './test-support.js';

const known = new Map(knownFailures.map((k) => [k.id, k]));
let backend: mx.Backend | Error;

beforeAll(async () => {
  backend = await openBackend();
  if (!(backend instanceof Error)) mx.useBackend(backend);
});
afterAll(closeBackend);

// Fails with the reason when this machine has no adapter (skips with MXTS_WEBGPU_OPTIONAL=1).
test('a WebGPU adapter is available', async (ctx) => {
  const b = await backendOrSkip(ctx.skip);
  expect(b.capabilities.description).toContain('WebGPU');
});

// One test per conformance case, each with the suite's leak check, on the adapter found.
for (const c of allCases()) {
  test(c.id, async (ctx) => {
    if (backend instanceof Error) {
      ctx.skip(
        optional ? 'no WebGPU adapter' : 'no WebGPU adapter: see "a WebGPU adapter is available"',
      );
    }
    const r = await runCaseExpecting(c, backend as mx.Backend, known);
    // A capability the backend does not declare (float64) is reported, not hidden.
    if (r.status === 'unavailable') ctx.skip(r.message);
    expect(r.status, r.message).not.toBe('failed');
  });
}
