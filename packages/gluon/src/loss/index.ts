/**
 * MXNet's `gluon.loss`.
 *
 * @example
 * const lossFn = new gluon.loss.SoftmaxCrossEntropyLoss();
 * const l = mx.autograd.record(() => lossFn.forward(net.forward(x), y));
 */
export { HuberLoss, type HuberLossOptions } from './huber-loss.js';
export { KLDivLoss, type KLDivLossOptions } from './kl-div-loss.js';
export { L1Loss } from './l1-loss.js';
export { L2Loss } from './l2-loss.js';
export { Loss, type LossOptions } from './loss.js';
export {
  SigmoidBinaryCrossEntropyLoss,
  SigmoidBinaryCrossEntropyLoss as SigmoidBCELoss,
  type SigmoidBinaryCrossEntropyLossOptions,
} from './sigmoid-binary-cross-entropy-loss.js';
export {
  SoftmaxCrossEntropyLoss,
  SoftmaxCrossEntropyLoss as SoftmaxCELoss,
  type SoftmaxCrossEntropyLossOptions,
} from './softmax-cross-entropy-loss.js';
