// The README's example, as a user bundles it: core + the CPU backend, a 10-line training loop.

import { createCpuBackend } from '@mxts/backend-cpu';
import * as mx from '@mxts/core';

mx.useBackend(await createCpuBackend());
const X = mx.nd.array([
  [1, 2],
  [3, 4],
  [5, 6],
]);
const y = mx.nd.array([[5], [11], [17]]);
const w = mx.nd.zeros([2, 1]);
w.attachGrad();
for (let i = 0; i < 100; i++) {
  const loss = mx.autograd.record(() => mx.nd.dot(X, w).sub(y).square().mean());
  loss.backward();
  mx.nd.sgdUpdate(w, w.grad, { lr: 0.01, out: w });
}
console.log(await w.data());
