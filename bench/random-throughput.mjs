// MXNet-exact random numbers: values per second for one call of 1e7 values, through the
// public API (`mx.nd.random.*` on the CPU backend, host sampling included).

import { createCpuBackend } from '@mxts/backend-cpu';
import * as mx from '@mxts/core';
import { median, time } from './timing.mjs';

const N = 1e7;

export async function randomThroughput() {
  mx.useBackend(await createCpuBackend());
  const rows = [];
  for (const [name, draw] of [
    ['uniform', () => mx.nd.random.uniform({ shape: [N] }).dispose()],
    ['normal', () => mx.nd.random.normal({ shape: [N] }).dispose()],
  ]) {
    const ms = median(time(draw, 2, 7));
    rows.push({
      name: `random ${name}, 1e7 float32`,
      impl: 'MXTS mx.nd.random',
      ms,
      extra: `${(N / ms / 1e3).toFixed(0)} M values/s`,
    });
  }
  return rows;
}
