// A 512x512 matrix product (mx.nd.dot, read back synchronously): wasm beside the CPU backend.

import { createCpuBackend } from '@mxts/backend-cpu';
import { createWasmBackend } from '@mxts/backend-wasm';
import * as mx from '@mxts/core';
import { median, time } from './timing.mjs';

export async function matmul() {
  const rows = [];
  for (const [impl, create, runs] of [
    ['MXTS backend-wasm', createWasmBackend, 20],
    ['MXTS backend-cpu', createCpuBackend, 5],
  ]) {
    mx.useBackend(await create());
    const a = mx.nd.random.uniform({ shape: [512, 512] });
    const b = mx.nd.random.uniform({ shape: [512, 512] });
    const ms = median(
      time(
        () => {
          const c = mx.nd.dot(a, b);
          c.dataSync();
          c.dispose();
        },
        2,
        runs,
      ),
    );
    rows.push({
      name: 'dot 512x512 float32',
      impl,
      ms,
      extra: `${((2 * 512 ** 3) / ms / 1e6).toFixed(1)} GFLOP/s`,
    });
  }
  rows.push({ ratio: rows[1].ms / rows[0].ms, label: 'cpu / wasm time, dot 512' });
  return rows;
}
