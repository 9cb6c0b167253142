import { type SoakMode, soakAndCheck } from '@mxts/conformance';
import * as mx from '@mxts/core';
import { afterAll, expect, test } from 'vitest';
import { backendOrSkip, closeBackend } from './test-support.js';

// Issue 7's soak on WebGPU (Mesa's software adapter here): reads are async, and the samples
// carry the GPU bytes in use, which must stay as flat as the arrays.
afterAll(closeBackend);

for (const mode of ['scope', 'sgd', 'adam'] as const satisfies readonly SoakMode[]) {
  test(`spirals soak '${mode}': 2000 steps with flat memory and GPU bytes`, async (ctx) => {
    mx.useBackend(await backendOrSkip(ctx.skip));
    mx.setLeakWarning(false);
    const r = await soakAndCheck({ mode, minAccuracy: 0.97 });
    console.log(`webgpu ${mode}`, JSON.stringify(r.samples), `${r.msPerStep.toFixed(2)} ms/step`);
    for (const s of r.samples) expect(s.gpuBytes).toBe(s.bytes);
  }, 600_000);
}
