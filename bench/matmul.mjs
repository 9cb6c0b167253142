// A 512x512 matrix product (mx.nd.dot, read back synchronously) on each CPU-side backend,
// interleaved round by round: wasm, the pure-JS CPU backend and tfjs-node (libtensorflow).

import { createCpuBackend } from '@mxts/backend-cpu';
import { createWasmBackend } from '@mxts/backend-wasm';
import * as mx from '@mxts/core';
import { tfjsNode } from './tfjs-node.mjs';
import { interleave } from './timing.mjs';

const NAME = 'dot 512x512 float32';

export async function matmul() {
  const node = await tfjsNode();
  const backends = [
    ['MXTS backend-wasm', await createWasmBackend()],
    ['MXTS backend-cpu', await createCpuBackend()],
  ];
  if (node.backend) backends.push(['MXTS backend-tfjs-node', node.backend]);
  const impls = backends.map(([impl, backend]) => {
    mx.useBackend(backend);
    const a = mx.nd.random.uniform({ shape: [512, 512] });
    const b = mx.nd.random.uniform({ shape: [512, 512] });
    return {
      impl,
      enter: () => mx.useBackend(backend),
      run: () => {
        const c = mx.nd.dot(a, b);
        c.dataSync();
        c.dispose();
      },
    };
  });
  const ms = await interleave(impls, 2, 7);
  const rows = impls.map((m, i) => ({
    name: NAME,
    impl: m.impl,
    ms: ms[i],
    extra: `${((2 * 512 ** 3) / ms[i] / 1e6).toFixed(1)} GFLOP/s`,
  }));
  if (node.why) rows.push({ name: NAME, impl: 'MXTS backend-tfjs-node', unavailable: node.why });
  rows.push({ ratio: ms[1] / ms[0], label: 'cpu / wasm time, dot 512' });
  if (node.backend) rows.push({ ratio: ms[2] / ms[0], label: 'tfjs-node / wasm time, dot 512' });
  return rows;
}
