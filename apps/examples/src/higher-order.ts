// Higher-order gradients: tanh's first four derivatives by differentiating autograd.grad's
// output again, as MXNet's autograd tests do (each grad with createGraph inside record):
//   with autograd.record():
//       y = nd.tanh(x)
//       d1 = autograd.grad(y, [x], create_graph=True, retain_graph=True)[0]
//       d2 = autograd.grad(d1, [x], create_graph=True, retain_graph=True)[0] ...
//   pnpm example higher-order [--backend cpu|wasm|webgpu|tfjs-node]

import * as mx from '@mxts/core';

/** The points the table shows. */
export const POINTS = [-2, -1, -0.5, 0, 0.5, 1, 2] as const;

/**
 * tanh(x) and its derivatives of orders 1 to `order` at each point, by autograd: row k is
 * the k-th derivative (row 0 is tanh itself). Frees every array it makes.
 *
 * @example
 * const [y, d1] = await tanhDerivatives([0], 1); // y = [0], d1 = [1]
 */
export async function tanhDerivatives(points: readonly number[], order = 4): Promise<number[][]> {
  const { nd, autograd } = mx;
  const rows = mx.scope(() => {
    const x = nd.array([...points]);
    x.attachGrad();
    return autograd.record(() => {
      const out = [nd.tanh(x)];
      for (let k = 1; k <= order; k++) {
        out.push(autograd.grad(out[k - 1], [x], { createGraph: true, retainGraph: true })[0]);
      }
      return out;
    });
  });
  const values: number[][] = [];
  for (const r of rows) values.push(Array.from(await r.data()));
  for (const r of rows) r.dispose();
  return values;
}

/** `pnpm example higher-order`: the table of tanh and its derivatives. */
export async function run(): Promise<void> {
  const rows = await tanhDerivatives(POINTS, 4);
  const names = ['tanh(x)', "tanh'(x)", "tanh''(x)", "tanh'''(x)", "tanh''''(x)"];
  const cell = (s: string) => s.padStart(11);
  console.log(`${'x'.padEnd(12)}${POINTS.map((p) => cell(String(p))).join('')}`);
  rows.forEach((row, k) => {
    console.log(`${names[k].padEnd(12)}${row.map((v) => cell(v.toFixed(6))).join('')}`);
  });
  console.log(
    "\nWith t = tanh(x): t' = 1 - t², t'' = -2t(1 - t²), t''' = -2(1 - t²)(1 - 3t²), t'''' = 8t(1 - t²)(2 - 3t²).",
  );
}
