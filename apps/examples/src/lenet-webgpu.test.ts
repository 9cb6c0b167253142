import { createWebGpuBackend } from '@mxts/backend-webgpu';
import * as mx from '@mxts/core';
import { afterAll, test } from 'vitest';
import { checkLeNetSteps } from './lenet.fixture.js';

// As the WebGPU package's own tests: without an adapter this fails with the reason, unless
// MXTS_WEBGPU_OPTIONAL=1 says this machine may skip it (Mesa's software adapter works:
// EGL_PLATFORM=surfaceless MXTS_WEBGPU_BACKEND=opengles).
const optional = process.env.MXTS_WEBGPU_OPTIONAL === '1';
const opened = createWebGpuBackend().catch((e: unknown) =>
  e instanceof Error ? e : new Error(String(e)),
);

afterAll(async () => {
  const b = await opened;
  if (!(b instanceof Error)) b.close();
});

test('LeNet trains on WebGPU: the loss falls, live arrays stay flat', async (ctx) => {
  const b = await opened;
  if (b instanceof Error) {
    if (optional) ctx.skip(`no WebGPU adapter (MXTS_WEBGPU_OPTIONAL=1): ${b.message}`);
    throw new Error(
      `${b.message}\n(Set MXTS_WEBGPU_OPTIONAL=1 to skip on a machine without WebGPU.)`,
    );
  }
  mx.useBackend(b);
  await checkLeNetSteps(6, 32);
}, 300_000);
