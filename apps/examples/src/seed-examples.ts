// The examples of the document MXTS was created from (an MXNet autograd/initializer
// tutorial), run on the CPU backend. Each prints what the MXNet version prints.

import { createCpuBackend } from '@mxts/backend-cpu';
import * as mx from '@mxts/core';

mx.useBackend(await createCpuBackend());
const { nd, autograd } = mx;

// D2: autograd.grad with createGraph returns a list of NDArrays.
{
  const x = nd.ones([2]);
  x.attachGrad();
  const z = autograd.record(() => nd.elemwiseAdd(nd.exp(x), x));
  const dx = autograd.grad(z, [x], { createGraph: true });
  console.log('D2: autograd.grad(z, [x], create_graph=True)');
  console.log(await mx.repr(dx));
}

// D3: predictMode nested in record, then backward on a list of heads: prints nothing.
{
  const x = nd.ones([2]);
  x.attachGrad();
  const y = autograd.record(() => autograd.predictMode(() => nd.Dropout(x, { p: 0.5 }).mul(2)));
  autograd.backward([y]);
  console.log('D3: record() > predict_mode(), backward([y]) (prints nothing); x.grad is');
  console.log(await mx.repr(x.grad!));
}
