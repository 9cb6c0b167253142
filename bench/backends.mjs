// Every backend the bench can measure on, opened once: MXTS's backends and TF.js's on the
// same TF.js kernels, jax-js on wasm. Whatever cannot start is listed with why.

import { createRequire } from 'node:module';
import { createCpuBackend } from '@mxts/backend-cpu';
import { createWasmBackend } from '@mxts/backend-wasm';
import * as mx from '@mxts/core';
import * as tf from '@tensorflow/tfjs';
import { errorText } from './harness.mjs';
import { tfjsNode } from './tfjs-node.mjs';

/**
 * TF.js's own WebGPU backend on Dawn's Node bindings (as navigator.gpu), beside MXTS's:
 * `{ t }`, the TF.js library to call, or `{ why }` where it cannot start.
 */
export async function tfWebGpu() {
  try {
    // Resolved from the backend package, which depends on both.
    const req = createRequire(new URL('../packages/backend-webgpu/package.json', import.meta.url));
    const dawn = await import(req.resolve('webgpu'));
    for (const [k, v] of Object.entries(dawn.globals)) globalThis[k] ??= v;
    // The Dawn backend MXTS's WebGPU backend opens; a bench never runs under turbo.
    const dawnBackend = process.env.MXTS_WEBGPU_BACKEND;
    const flags = dawnBackend ? [`backend=${dawnBackend}`] : [];
    const gpu = dawn.create(flags);
    const compat = dawnBackend === 'opengles';
    Object.defineProperty(globalThis, 'navigator', {
      value: {
        gpu: {
          requestAdapter: (o) =>
            gpu.requestAdapter(compat ? { ...o, featureLevel: 'compatibility' } : o),
          getPreferredCanvasFormat: () => 'rgba8unorm',
        },
      },
      configurable: true,
    });
    // The CommonJS build, as @mxts/backend-webgpu loads it: it registered its kernels with
    // the union's tfjs-core, but its backend only where navigator.gpu existed at load.
    const { WebGPUBackend } = req('@tensorflow/tfjs-backend-webgpu');
    if (tf.findBackendFactory('webgpu') === null) {
      tf.registerBackend('webgpu', async () => {
        const adapter = await navigator.gpu.requestAdapter();
        const device = await adapter.requestDevice({
          requiredLimits: {
            maxComputeWorkgroupStorageSize: adapter.limits.maxComputeWorkgroupStorageSize,
            maxComputeWorkgroupsPerDimension: adapter.limits.maxComputeWorkgroupsPerDimension,
            maxStorageBufferBindingSize: adapter.limits.maxStorageBufferBindingSize,
            maxBufferSize: adapter.limits.maxBufferSize,
            maxComputeInvocationsPerWorkgroup: adapter.limits.maxComputeInvocationsPerWorkgroup,
            // TF.js's elementwise programs use 256-wide workgroups; compatibility mode's
            // defaults are 128.
            maxComputeWorkgroupSizeX: adapter.limits.maxComputeWorkgroupSizeX,
            maxComputeWorkgroupSizeY: adapter.limits.maxComputeWorkgroupSizeY,
            maxComputeWorkgroupSizeZ: adapter.limits.maxComputeWorkgroupSizeZ,
          },
        });
        return new WebGPUBackend(device, adapter.info);
      });
    }
    if (!(await tf.setBackend('webgpu'))) return { why: 'tf.setBackend("webgpu") failed' };
    return { t: tf };
  } catch (e) {
    return { why: errorText(e) };
  }
}

/** MXTS's WebGPU backend, `{ backend }` or `{ why }`. */
export async function openWebGpu() {
  try {
    const { createWebGpuBackend } = await import('@mxts/backend-webgpu');
    return { backend: await createWebGpuBackend() };
  } catch (e) {
    return { why: errorText(e) };
  }
}

/**
 * `{ mxts: [{ backend, b }], tfjs: [backend], jax, unavailable }`: MXTS's backends by short
 * name, the TF.js backends (same short names) that started, the jax-js module (wasm) or null.
 */
export async function openAll({ webgpu = true } = {}) {
  // Not IS_TEST: it turns on TF.js's per-kernel leak checks, which flag its own
  // softmaxCrossEntropy gradient and cost time. Prod mode drops the remaining debug checks.
  tf.enableProdMode();
  const mxts = [];
  const tfjs = [];
  const unavailable = [];
  const miss = (impl, backend, why) => unavailable.push({ impl, backend, unavailable: why });
  const tryMx = async (backend, open) => {
    try {
      mxts.push({ backend, b: await open() });
    } catch (e) {
      miss('mxts', backend, errorText(e));
    }
  };
  await tryMx('cpu', createCpuBackend);
  await tryMx('wasm', createWasmBackend);
  for (const name of ['cpu', 'wasm']) {
    if (await tf.setBackend(name).catch(() => false)) tfjs.push(name);
    else miss('tfjs', name, `tf.setBackend('${name}') failed`);
  }
  const node = await tfjsNode();
  if (node.backend) {
    mxts.push({ backend: 'tfjs-node', b: node.backend });
    // tfjs-node registered 'tensorflow' with its copy of tfjs-core; the union's must be that one.
    if (tf.findBackendFactory('tensorflow') && (await tf.setBackend('tensorflow'))) {
      tfjs.push('tfjs-node');
    } else miss('tfjs', 'tfjs-node', 'tfjs-node registered with another copy of tfjs-core');
  } else {
    miss('mxts', 'tfjs-node', node.why);
    miss('tfjs', 'tfjs-node', node.why);
  }
  if (webgpu) {
    const g = await openWebGpu();
    if (g.backend) {
      mxts.push({ backend: 'webgpu', b: g.backend });
      const t = await tfWebGpu();
      if (t.t) tfjs.push('webgpu');
      else miss('tfjs', 'webgpu', t.why);
    } else {
      miss('mxts', 'webgpu', g.why);
      miss('tfjs', 'webgpu', g.why);
    }
  } else {
    miss('mxts', 'webgpu', 'left out (--no-webgpu)');
  }
  let jax = null;
  try {
    jax = await import('@jax-js/jax');
    const devices = await jax.init('wasm');
    if (!devices.includes('wasm')) throw new Error(`jax-js devices: ${devices.join(', ')}`);
    jax.defaultDevice('wasm');
  } catch (e) {
    jax = null;
    miss('jax-js', 'wasm', errorText(e));
  }
  await tf.setBackend('cpu');
  mx.useBackend(mxts[0].b);
  return { mxts, tfjs, jax, unavailable };
}

/** TF.js's registry name for a short backend name. */
export const tfName = (backend) => (backend === 'tfjs-node' ? 'tensorflow' : backend);

/** Switches TF.js's engine to `backend` (short name) when it is not there already. */
export function enterTf(backend) {
  const name = tfName(backend);
  return tf.getBackend() === name ? undefined : tf.setBackend(name);
}
