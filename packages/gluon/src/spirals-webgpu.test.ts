import { createWebGpuBackend } from '@mxts/backend-webgpu';
import * as mx from '@mxts/core';
import { afterAll, describe, expect, test } from 'vitest';
import { trainSpirals } from './spirals.fixture.js';

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

describe('a Gluon MLP on 2-class spirals, WebGPU backend', () => {
  test('reaches >= 97% training accuracy with flat memory', async (ctx) => {
    const b = await opened;
    if (b instanceof Error) {
      if (optional) ctx.skip(`no WebGPU adapter (MXTS_WEBGPU_OPTIONAL=1): ${b.message}`);
      throw new Error(
        `${b.message}\n(Set MXTS_WEBGPU_OPTIONAL=1 to skip on a machine without WebGPU.)`,
      );
    }
    mx.useBackend(b);
    expect(await trainSpirals()).toBeGreaterThanOrEqual(0.97);
  }, 300_000);
});
