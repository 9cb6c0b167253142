import * as mx from '@mxts/core';

const { nd } = mx;

/**
 * The stable sigmoid `autograd.Function` of MXNet's docstring and the seed document:
 * forward saves y = 1/(1+exp(-x)), backward returns dy·y·(1−y).
 */
export class Sigmoid extends mx.autograd.Function {
  override forward(x: mx.NDArray) {
    const y = nd.divide(1, nd.add(nd.exp(x.neg()), 1));
    this.saveForBackward(y);
    return y;
  }
  override backward(dy: mx.NDArray) {
    const [y] = this.savedTensors as mx.NDArray[];
    return dy.mul(y).mul(nd.subtract(1, y));
  }
}
