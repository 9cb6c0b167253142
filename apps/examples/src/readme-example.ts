import { createCpuBackend } from '@mxts/backend-cpu';
import * as mx from '@mxts/core';

mx.useBackend(await createCpuBackend());
const { nd, autograd } = mx;
const X = nd.random.normal({ shape: [256, 2] });
const y = nd.dot(X, nd.array([[2], [-3.4]])).add(4.2); // y = Xw + b, w = [2, -3.4], b = 4.2
const [w, b] = [nd.zeros([2, 1]), nd.zeros([1])];
for (const p of [w, b]) p.attachGrad();
for (let step = 0; step < 100; step++) {
  mx.scope(() => {
    // everything a step makes is freed when it ends
    const loss = autograd.record(() => nd.broadcastAdd(nd.dot(X, w), b).sub(y).square().mean());
    loss.backward();
    for (const p of [w, b]) nd.sgdUpdate(p, p.grad!, { lr: 0.1, out: p }); // in place
  });
}
console.log(await w.data(), await b.data()); // ≈ [2, -3.4] [4.2]
