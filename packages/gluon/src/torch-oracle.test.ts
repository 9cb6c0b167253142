import { createCpuBackend } from '@mxts/backend-cpu';
import { createWasmBackend } from '@mxts/backend-wasm';
import { runCaseExpecting, torchOracleGluonCases } from '@mxts/conformance';
import * as mx from '@mxts/core';
import { beforeAll, describe, expect, test } from 'vitest';
import * as gluon from './index.js';

// Gluon's layers and losses against PyTorch float64 fixtures (conformance/scripts/
// torch_oracle.py), one test per case, each with the suite's leak check. The cases live in
// @mxts/conformance, which takes this package as an argument instead of importing it.
const cases = torchOracleGluonCases(gluon);
const none = new Map<string, mx.KnownFailure>();

for (const [name, create] of [
  ['cpu', createCpuBackend],
  ['wasm', createWasmBackend],
] as const) {
  describe(`torch-gluon on ${name}`, () => {
    let backend: mx.Backend;
    beforeAll(async () => {
      backend = await create();
      mx.useBackend(backend);
    });
    for (const c of cases) {
      test(c.id, async () => {
        const r = await runCaseExpecting(c, backend, none);
        expect(r.status, r.message).toBe('passed');
      });
    }
  });
}
