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
  test(c.id, async () => {
    const r = await runCase(c, backend);
    expect(r.message).toBe('');
    expect(r.status).toBe('passed');
  });
}
