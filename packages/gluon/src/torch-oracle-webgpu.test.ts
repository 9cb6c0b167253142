import { createWebGpuBackend } from '@mxts/backend-webgpu';
import { runCaseExpecting, torchOracleGluonCases } from '@mxts/conformance';
import * as mx from '@mxts/core';
import { afterAll, expect, test } from 'vitest';
import * as gluon from './index.js';

// The PyTorch-oracle Gluon cases on WebGPU. Without an adapter they fail with the reason,
// unless MXTS_WEBGPU_OPTIONAL=1 says this machine may skip them.
const optional = process.env.MXTS_WEBGPU_OPTIONAL === '1';
const opened = createWebGpuBackend().catch((e: unknown) =>
  e instanceof Error ? e : new Error(String(e)),
);
afterAll(async () => {
  const b = await opened;
  if (!(b instanceof Error)) b.close();
});

for (const c of torchOracleGluonCases(gluon)) {
  test(c.id, async (ctx) => {
    const b = await opened;
    if (b instanceof Error) {
      if (optional) ctx.skip(`no WebGPU adapter (MXTS_WEBGPU_OPTIONAL=1): ${b.message}`);
      throw new Error(`${b.message}\n(Set MXTS_WEBGPU_OPTIONAL=1 to skip without WebGPU.)`);
    }
    mx.useBackend(b);
    const r = await runCaseExpecting(c, b, new Map());
    expect(r.status, r.message).toBe('passed');
  });
}
