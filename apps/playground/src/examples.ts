import * as mx from '@mxts/core';

const { nd, autograd } = mx;

export type Print = (text: string) => void;

/** The tutorial's D2: `autograd.grad` with `create_graph=True` returns a list of arrays. */
export async function gradExample(print: Print): Promise<void> {
  const x = nd.ones([2]);
  x.attachGrad();
  const z = autograd.record(() => nd.elemwiseAdd(nd.exp(x), x));
  const dx = autograd.grad(z, [x], { createGraph: true });
  print('D2: autograd.grad(z, [x], create_graph=True)');
  print(await mx.repr(dx));
}
